//! A test file's text → drafts of its cases. This step knows nothing of the pack: it reads
//! the YAML, checks each case's keys and words, and leaves rule ids, citations and records
//! to [`super::load`].

use chrono::NaiveDate;

use super::error::{TestError, key_phrase};
use super::{OUTCOMES, STATUSES};
use crate::fuzzy;
use crate::i18n::Message;
use crate::record::tree::{self, Entry, Node, NodeKind};
use crate::source::{Source, Span};
use crate::verdict::{Outcome, Status};

/// The keys a case may have.
const CASE_KEYS: [&str; 6] = ["name", "record", "with", "as_of", "status", "findings"];

/// The keys every case needs (the catalogue says what each gives: `test-missing.hint-KEY`).
const REQUIRED: [&str; 3] = ["name", "record", "as_of"];

/// The keys of a long-form expected finding.
const FINDING_KEYS: [&str; 2] = ["outcome", "message"];

/// A case as written, before the pack is consulted.
#[derive(Debug, Default)]
pub(super) struct Draft {
    /// The name and where it is written.
    pub(super) name: Option<(String, Span)>,
    /// The case's first key.
    pub(super) head: Span,
    /// 1-based position in the file.
    pub(super) index: usize,
    /// The record, by path or inline.
    pub(super) record: Option<RecordRef>,
    /// `with:` the other records evaluated together with it (the members of its relations,
    /// such as its unit's other projects), each by path or inline.
    pub(super) others: Vec<RecordRef>,
    /// The evaluation date.
    pub(super) as_of: Option<NaiveDate>,
    /// The expected status.
    pub(super) status: Option<Status>,
    /// The expected findings.
    pub(super) findings: Vec<DraftFinding>,
    /// What is wrong with the case so far.
    pub(super) errors: Vec<TestError>,
}

/// Where a case's record is.
#[derive(Debug)]
pub(super) enum RecordRef {
    /// A path relative to the test file.
    Path {
        /// As written.
        written: String,
        /// The value.
        span: Span,
    },
    /// A mapping in the test file itself.
    Inline {
        /// The mapping.
        span: Span,
    },
}

impl RecordRef {
    pub(super) fn span(&self) -> Span {
        match self {
            RecordRef::Path { span, .. } | RecordRef::Inline { span } => *span,
        }
    }
}

/// An expected finding as written.
#[derive(Debug)]
pub(super) struct DraftFinding {
    /// A rule id or citation.
    pub(super) key: String,
    /// The key.
    pub(super) span: Span,
    /// The expected outcome.
    pub(super) outcome: Option<Outcome>,
    /// Text the message must contain.
    pub(super) message: Option<String>,
}

/// The drafts of a file's cases, or the one error that keeps any from being read.
pub(super) fn parse(src: &Source) -> Result<Vec<Draft>, TestError> {
    let (root, errors) = tree::parse(src);
    if !errors.is_empty() {
        return Err(TestError::Yaml {
            path: src.name().to_owned(),
            errors,
        });
    }
    let Some(root) = root.filter(|root| !root.is_null()) else {
        return Ok(Vec::new());
    };
    let NodeKind::Sequence(items) = &root.kind else {
        return Err(TestError::NotAList {
            src: src.clone(),
            span: root.head,
            found: root.describe(),
        });
    };
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| case(src, item, i + 1))
        .collect())
}

/// One case.
fn case(src: &Source, item: &Node, index: usize) -> Draft {
    let mut draft = Draft {
        head: item.head,
        index,
        ..Draft::default()
    };
    let NodeKind::Mapping(entries) = &item.kind else {
        draft
            .errors
            .push(shape(src, item, Message::new("test-what-case"), "keys"));
        return draft;
    };
    let entries = unique_entries(src, entries, &mut draft.errors);
    for entry in &entries {
        draft.entry(src, *entry);
    }
    let given: Vec<&str> = entries.iter().map(|(key, _)| *key).collect();
    draft.require(src, &given);
    draft
}

impl Draft {
    fn entry(&mut self, src: &Source, (key, entry): (&str, &Entry)) {
        let value = &entry.value;
        match key {
            "name" => {
                self.name = self
                    .text(src, value, key_phrase(key))
                    .map(|n| (n, value.span))
            }
            "record" => self.record = self.record_ref(src, value),
            "with" => self.others = self.other_records(src, value),
            "as_of" => self.as_of = self.read_date(src, value),
            "status" => self.status = self.expected_status(src, value),
            "findings" => self.expected_findings(src, value),
            other => self
                .errors
                .push(unknown_key(src, entry, other, Within::Case)),
        }
    }

    /// Reports the keys every case needs that this one does not give (a key given with a
    /// bad value is already reported).
    fn require(&mut self, src: &Source, given: &[&str]) {
        for key in REQUIRED {
            if !given.contains(&key) {
                self.errors.push(TestError::Missing {
                    src: src.clone(),
                    span: self.head,
                    key,
                    hint: key,
                });
            }
        }
    }

    fn text(&mut self, src: &Source, value: &Node, what: Message) -> Option<String> {
        match scalar(value) {
            Some(text) => Some(text.to_owned()),
            None => {
                self.errors.push(shape(src, value, what, "text"));
                None
            }
        }
    }

    fn record_ref(&mut self, src: &Source, value: &Node) -> Option<RecordRef> {
        if let NodeKind::Mapping(_) = value.kind {
            return Some(RecordRef::Inline { span: value.span });
        }
        let written = self.text(src, value, key_phrase("record"))?;
        Some(RecordRef::Path {
            written,
            span: value.span,
        })
    }

    /// `with:`: a list of records, each a path or a mapping.
    fn other_records(&mut self, src: &Source, value: &Node) -> Vec<RecordRef> {
        let NodeKind::Sequence(items) = &value.kind else {
            self.errors
                .push(shape(src, value, key_phrase("with"), "records"));
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.record_ref(src, item))
            .collect()
    }

    fn read_date(&mut self, src: &Source, value: &Node) -> Option<NaiveDate> {
        let text = self.text(src, value, key_phrase("as_of"))?;
        let date = parse_date(&text);
        if date.is_none() {
            self.errors.push(TestError::Date {
                src: src.clone(),
                span: value.span,
                found: text,
            });
        }
        date
    }

    fn expected_status(&mut self, src: &Source, value: &Node) -> Option<Status> {
        let text = self.text(src, value, key_phrase("status"))?;
        let names = STATUSES.map(Status::as_str);
        let found = STATUSES.into_iter().find(|s| s.as_str() == text);
        if found.is_none() {
            self.errors.push(TestError::Status {
                src: src.clone(),
                span: value.span,
                suggestion: close(&text, &names),
                hint: hint(&text, &names),
                words: names.to_vec(),
                found: text,
            });
        }
        found
    }

    fn expected_findings(&mut self, src: &Source, value: &Node) {
        let NodeKind::Mapping(entries) = &value.kind else {
            let what = key_phrase("findings");
            self.errors.push(shape(src, value, what, "findings"));
            return;
        };
        for (key, entry) in unique_entries(src, entries, &mut self.errors) {
            if let Some(finding) = self.finding(src, key, entry) {
                self.findings.push(finding);
            }
        }
    }

    /// `KEY: OUTCOME` or `KEY: { outcome: OUTCOME, message: TEXT }`.
    fn finding(&mut self, src: &Source, key: &str, entry: &Entry) -> Option<DraftFinding> {
        let mut finding = DraftFinding {
            key: key.to_owned(),
            span: entry.key.span,
            outcome: None,
            message: None,
        };
        match &entry.value.kind {
            NodeKind::Mapping(entries) => self.long_form(src, entry, entries, &mut finding)?,
            _ => finding.outcome = Some(self.outcome(src, &entry.value)?),
        }
        Some(finding)
    }

    fn long_form(
        &mut self,
        src: &Source,
        outer: &Entry,
        entries: &[Entry],
        finding: &mut DraftFinding,
    ) -> Option<()> {
        for (key, entry) in unique_entries(src, entries, &mut self.errors) {
            match key {
                "outcome" => finding.outcome = Some(self.outcome(src, &entry.value)?),
                "message" => {
                    finding.message = Some(self.text(src, &entry.value, key_phrase(key))?);
                }
                other => {
                    let error = unknown_key(src, entry, other, Within::Finding);
                    self.errors.push(error);
                }
            }
        }
        if finding.outcome.is_none() && finding.message.is_none() {
            let what = Message::new("test-what-finding");
            self.errors
                .push(shape(src, &outer.value, what, "long_form"));
            return None;
        }
        Some(())
    }

    fn outcome(&mut self, src: &Source, value: &Node) -> Option<Outcome> {
        let text = self.text(src, value, Message::new("test-what-outcome"))?;
        let names = OUTCOMES.map(Outcome::as_str);
        let found = OUTCOMES.into_iter().find(|o| o.as_str() == text);
        if found.is_none() {
            self.errors.push(TestError::Outcome {
                src: src.clone(),
                span: value.span,
                suggestion: close(&text, &names),
                hint: hint(&text, &names),
                words: names.to_vec(),
                found: text,
            });
        }
        found
    }
}

/// The entries whose keys are text, each key once; other keys are reported.
fn unique_entries<'n>(
    src: &Source,
    entries: &'n [Entry],
    errors: &mut Vec<TestError>,
) -> Vec<(&'n str, &'n Entry)> {
    let mut seen: Vec<(&str, &Entry)> = Vec::new();
    for entry in entries {
        let Some(key) = scalar(&entry.key) else {
            errors.push(shape(
                src,
                &entry.key,
                Message::new("test-what-a_key"),
                "text",
            ));
            continue;
        };
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => errors.push(TestError::DuplicateKey {
                src: src.clone(),
                span: entry.key.span,
                first: first.key.span,
                key: key.to_owned(),
            }),
            None => seen.push((key, entry)),
        }
    }
    seen
}

/// A scalar's text; `None` for null, lists and mappings.
fn scalar(node: &Node) -> Option<&str> {
    match &node.kind {
        NodeKind::Scalar(text, _) if !node.is_null() => Some(text),
        _ => None,
    }
}

/// A value of the wrong kind: `expected` names a `test-expected-…` phrase.
fn shape(src: &Source, node: &Node, what: Message, expected: &str) -> TestError {
    TestError::Shape {
        src: src.clone(),
        span: node.head,
        what: Box::new(what),
        expected: Box::new(Message::new(format!("test-expected-{expected}"))),
        found: node.describe(),
    }
}

/// What a mapping with an unknown key is.
#[derive(Clone, Copy)]
enum Within {
    Case,
    Finding,
}

fn unknown_key(src: &Source, entry: &Entry, key: &str, within: Within) -> TestError {
    let (keys, phrase): (&[&'static str], _) = match within {
        Within::Case => (&CASE_KEYS, "test-what-case"),
        Within::Finding => (&FINDING_KEYS, "test-what-finding"),
    };
    let suggestion = fuzzy::did_you_mean(key, keys.iter().copied()).map(str::to_owned);
    TestError::UnknownKey {
        src: src.clone(),
        span: entry.key.span,
        key: key.to_owned(),
        within: Box::new(Message::new(phrase)),
        hint: suggestion.is_none().then_some("keys"),
        suggestion,
        keys: keys.to_vec(),
    }
}

/// A status or outcome close to the one written.
fn close(found: &str, words: &[&str]) -> Option<String> {
    fuzzy::did_you_mean(found, words.iter().copied()).map(str::to_owned)
}

/// Did-you-mean then every word allowed (`close`), or every word allowed (`all`).
fn hint(found: &str, words: &[&str]) -> &'static str {
    if close(found, words).is_some() {
        "close"
    } else {
        "all"
    }
}

/// A calendar date written `YYYY-MM-DD`.
pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, byte)| match i {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}
