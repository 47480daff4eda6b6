//! Checking the pack header and its `messages` block.

use std::sync::Arc;

use chrono::NaiveDate;

use super::error::{CheckError, phrase};
use super::expr::to_strings;
use super::layers::Decls;
use super::schema::unknown;
use super::{PackChecker, first_source};
use crate::ast::{self, File, Name};
use crate::i18n::{Arg, Message};
use crate::pack::{Header, Messages};
use crate::source::{Source, Span};

/// The header entries an article can be `held by`.
pub(super) const HEADER_KEYS: [&str; 7] = [
    "edition",
    "jurisdiction",
    "version",
    "issued",
    "effective",
    "source",
    "description",
];

impl PackChecker {
    // ------------------------------------------------------------ header

    pub(super) fn header(
        &mut self,
        files: &[File],
        packs: &Decls<ast::PackDecl>,
        messages: Option<(&Source, &ast::PackDecl)>,
    ) -> Option<(Header, Messages)> {
        let Some(((src, decl), rest)) = packs.split_first() else {
            let src = first_source(files);
            self.errors.push(header_error(
                &src,
                Span::default(),
                phrase("header-none"),
                Some(phrase("help-header_none")),
            ));
            return None;
        };
        for (src, extra) in rest {
            self.errors
                .push(header_error(src, extra.span, phrase("header-two"), None));
        }
        let mut entries = HeaderEntries::new(src, &decl.entries, &mut self.errors);
        let edition = entries.text("edition");
        let jurisdiction = entries.optional("jurisdiction");
        let version = entries.version();
        let issued = entries.date("issued", false);
        let effective = entries.date("effective", true);
        let source = entries.optional("source");
        let description = entries.optional("description");
        // Resolved against the schema, and inherited, by the pack's checker.
        let _ = entries.optional("plan_field");
        entries.finish();
        let messages = match messages {
            Some((src, decl)) => self.messages(src, decl),
            None => self.messages(src, decl),
        };
        let (edition, version, effective) = (edition?, version?, effective?);
        let header = Header {
            name: decl.name.text.clone(),
            jurisdiction: jurisdiction.unwrap_or_else(|| edition.clone()),
            origin: format!("{edition}@{version}").into(),
            edition,
            version,
            issued,
            effective,
            in_force_since: effective,
            source,
            description,
            extends: decl
                .extends
                .as_ref()
                .map(|(edition, version)| (edition.text.clone(), version.text.clone())),
        };
        Some((header, messages?))
    }

    fn messages(&mut self, src: &Source, decl: &ast::PackDecl) -> Option<Messages> {
        let mut entries = HeaderEntries::new(src, &decl.messages, &mut self.errors);
        entries.what = "message";
        let messages = Messages {
            not_applicable: entries.text("not_applicable").unwrap_or_default(),
            out_of_scope: entries.text("out_of_scope").unwrap_or_default(),
            retroactive: entries.text("retroactive").unwrap_or_default(),
            unknown: entries.text("unknown").unwrap_or_default(),
        };
        let ok = entries.finish();
        ok.then_some(messages)
    }
}

pub(super) fn header_error(
    src: &Source,
    span: Span,
    message: Message,
    help: Option<Message>,
) -> CheckError {
    CheckError::Header {
        message,
        src: src.clone(),
        span,
        help,
    }
}

/// The `key value` entries of a header or messages block, taken one key at a time.
struct HeaderEntries<'a> {
    src: &'a Source,
    entries: &'a [(Name, Name)],
    taken: Vec<&'static str>,
    errors: &'a mut Vec<CheckError>,
    what: &'static str,
    ok: bool,
}

impl<'a> HeaderEntries<'a> {
    fn new(src: &'a Source, entries: &'a [(Name, Name)], errors: &'a mut Vec<CheckError>) -> Self {
        Self {
            src,
            entries,
            taken: Vec::new(),
            errors,
            what: "header entry",
            ok: true,
        }
    }

    /// What the entries are, in the plural: `check-whats-…`.
    fn plural(&self) -> Message {
        phrase(&format!("whats-{}", self.what.replace(' ', "_")))
    }

    fn find(&mut self, key: &'static str) -> Option<&'a Name> {
        self.taken.push(key);
        self.entries
            .iter()
            .find(|(k, _)| &*k.text == key)
            .map(|(_, v)| v)
    }

    fn optional(&mut self, key: &'static str) -> Option<Arc<str>> {
        self.find(key).map(|v| v.text.clone())
    }

    fn text(&mut self, key: &'static str) -> Option<Arc<str>> {
        let value = self.optional(key);
        if value.is_none() {
            self.missing(key);
        }
        value
    }

    fn version(&mut self) -> Option<Arc<str>> {
        self.text("version")
    }

    fn date(&mut self, key: &'static str, required: bool) -> Option<NaiveDate> {
        let Some(value) = self.find(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        let date = NaiveDate::parse_from_str(&value.text, "%Y-%m-%d").ok();
        if date.is_none() {
            self.ok = false;
            self.errors.push(CheckError::ty(
                self.src,
                value.span,
                phrase("type-date_example"),
                phrase("type-written").arg("text", &*value.text),
            ));
        }
        date
    }

    fn missing(&mut self, key: &'static str) {
        self.ok = false;
        let span = self
            .entries
            .first()
            .map_or_else(Span::default, |(k, _)| k.span);
        self.errors.push(header_error(
            self.src,
            span,
            phrase("header-lacks")
                .arg("what", self.plural())
                .arg("key", key),
            None,
        ));
    }

    /// Reports keys nobody asked for; returns whether all was well.
    fn finish(self) -> bool {
        let mut ok = self.ok;
        for (key, _) in self.entries {
            if !self.taken.contains(&&*key.text) {
                ok = false;
                let mut error = unknown(self.src, self.what, key, self.taken.iter().copied());
                if let Some(help @ None) = error.help_mut() {
                    *help = Some(
                        phrase("help-entries")
                            .arg("what", self.plural())
                            .arg("entries", Arg::List(to_strings(&self.taken))),
                    );
                }
                self.errors.push(error);
            }
        }
        ok
    }
}
