//! Checking articles: labels, numbered items, and what holds an article no rule encodes.

use super::PackChecker;
use super::error::{CheckError, phrase};
use super::expr::Env;
use super::header::HEADER_KEYS;
use super::layers::Decls;
use super::schema::{duplicate, unknown};
use crate::ast::{ArticleDecl, Name};
use crate::pack::{Article, Item};
use crate::source::Source;

impl PackChecker {
    pub(super) fn articles(&mut self, decls: &Decls<ArticleDecl>) -> Vec<Article> {
        let mut out: Vec<Article> = Vec::new();
        let mut numbers = std::collections::HashSet::new();
        for (src, decl) in decls {
            let Some(number) = article_number(&decl.label.text) else {
                self.errors.push(CheckError::rule(
                    src,
                    decl.label.span,
                    phrase("rule-article_label").arg("label", &*decl.label.text),
                    Some(phrase("help-article_label")),
                ));
                continue;
            };
            if !numbers.insert(number) {
                self.errors.push(duplicate(src, "article", &decl.label));
                continue;
            }
            let items = self.items(src, decl);
            out.push(Article {
                number,
                label: decl.label.text.clone(),
                title: decl.title.as_ref().map(|t| t.text.clone()),
                text: decl
                    .text
                    .as_ref()
                    .map_or_else(|| "".into(), |t| t.text.clone()),
                items,
                held_by: decl.held_by.iter().map(|n| n.text.clone()).collect(),
                origin: "".into(),
            });
        }
        out
    }

    fn items(&mut self, src: &Source, decl: &ArticleDecl) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        let mut numbers = std::collections::HashSet::new();
        for (label, text) in &decl.items {
            let Some(number) = numeral(&label.text) else {
                self.errors.push(CheckError::rule(
                    src,
                    label.span,
                    phrase("rule-item_number").arg("label", &*label.text),
                    Some(phrase("help-item_number")),
                ));
                continue;
            };
            if !numbers.insert(number) {
                self.errors.push(duplicate(src, "item", label));
                continue;
            }
            items.push(Item {
                number,
                label: item_label(src, label).into(),
                text: text.text.clone(),
            });
        }
        items
    }

    /// `held by` names a header entry or a parameter.
    pub(super) fn held_by(&mut self, env: &Env, decls: &Decls<ArticleDecl>) {
        for (src, decl) in decls {
            for name in &decl.held_by {
                let known =
                    HEADER_KEYS.contains(&&*name.text) || env.parameters.contains_key(&name.text);
                if !known {
                    let candidates = HEADER_KEYS
                        .iter()
                        .copied()
                        .chain(env.parameters.keys().map(|k| &**k));
                    self.errors
                        .push(unknown(src, "header entry or parameter", name, candidates));
                }
            }
        }
    }
}

/// The number of an article label such as `第16条`, its number in Arabic or Chinese numerals.
fn article_number(label: &str) -> Option<u32> {
    let inner = label.strip_prefix('第')?.strip_suffix('条')?;
    numeral(inner)
}

/// A number in Chinese numerals up to 九百九十九, or in ASCII digits.
pub(super) fn numeral(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in text.chars() {
        match c {
            '百' => total += pending.take().unwrap_or(1) * 100,
            '十' => total += pending.take().unwrap_or(1) * 10,
            _ => pending = Some(u32::try_from(digit(c)?).ok()?),
        }
    }
    let n = total + pending.unwrap_or(0);
    (n > 0).then_some(n)
}

/// An item's label as the article writes it, brackets included.
fn item_label(src: &Source, name: &Name) -> String {
    let text = src.text();
    let open = text
        .get(..name.span.start)
        .and_then(|t| t.chars().next_back());
    let close = text.get(name.span.end..).and_then(|t| t.chars().next());
    match (open, close) {
        (Some(o), Some(c)) => format!("{o}{}{c}", name.text),
        _ => format!("({})", name.text),
    }
}
