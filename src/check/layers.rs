//! Editions that extend others: the layers of a pack merged into one set of declarations
//! before checking. The most general edition comes first; each later layer may add
//! declarations, give parameters new values (`set parameter`), replace rules by id
//! (`override`) and take rules out of force (`disable rule … because …`).

use std::sync::Arc;

use chrono::NaiveDate;

use super::error::{CheckError, phrase};
use super::schema::{duplicate, unknown};
use crate::ast::{
    ArticleDecl, Binding, Declaration, DisableDecl, File, Name, PackDecl, RecordDecl, RelationDecl,
    RuleDecl, VocabularyDecl,
};
use crate::pack::Disabled;
use crate::source::Source;

/// Declarations of one kind, each with the file it comes from.
pub type Decls<'f, T> = Vec<(&'f Source, &'f T)>;

/// A rule declaration in force, with the edition whose text it is.
pub struct RuleEntry<'f> {
    pub src: &'f Source,
    pub decl: &'f RuleDecl,
    pub origin: Arc<str>,
    /// The text of the rule this one overrides, if it does.
    pub replaced: Option<Arc<str>>,
    /// Taken out of force by a later layer (dropped when the layers are merged).
    disabled: bool,
}

/// The declarations of all layers, merged.
#[derive(Default)]
pub struct Layered<'f> {
    /// The most specific layer's header declarations (there should be one).
    pub headers: Decls<'f, PackDecl>,
    /// The nearest header that has a `messages` block.
    pub messages: Option<(&'f Source, &'f PackDecl)>,
    /// `edition@version` of each layer, most specific first.
    pub chain: Vec<Arc<str>>,
    /// Each layer's edition and `effective` date as written, most general first.
    pub editions: Vec<(Arc<str>, Option<NaiveDate>)>,
    pub vocabularies: Decls<'f, VocabularyDecl>,
    /// Vocabularies an extending layer gives again: terms and classes added to the
    /// extended edition's vocabulary of that name (a county adds its own names).
    pub vocabulary_additions: Decls<'f, VocabularyDecl>,
    /// At most one per layer, most general first.
    pub records: Decls<'f, RecordDecl>,
    pub articles: Decls<'f, ArticleDecl>,
    pub parameters: Decls<'f, Binding>,
    pub facts: Decls<'f, Binding>,
    pub relations: Decls<'f, RelationDecl>,
    /// The `plan_field` header entry of the most specific layer that has one: the record
    /// field that holds the year a project is planned for.
    pub plan_field: Option<(&'f Source, &'f Name)>,
    pub rules: Vec<RuleEntry<'f>>,
    /// Where each rule id is in `rules`, so that layers of many rules merge in linear time.
    rule_index: std::collections::HashMap<Arc<str>, usize>,
    pub disabled: Vec<Disabled>,
    /// Parameters that `set parameter` gave a new value: the replaced declaration, and the
    /// edition that set it.
    pub replaced_parameters: Vec<(&'f Source, &'f Binding, Arc<str>)>,
    /// The edition (`edition@version`) that gave each parameter its value, by name.
    pub parameter_origins: std::collections::HashMap<Arc<str>, Arc<str>>,
    /// The edition whose text each article is, by label.
    pub article_origins: std::collections::HashMap<Arc<str>, Arc<str>>,
}

/// Merges the layers (most general first), reporting what cannot be merged.
pub fn merge<'f>(layers: &[&'f [File]], errors: &mut Vec<CheckError>) -> Layered<'f> {
    let mut merged = Layered::default();
    let last = layers.len().saturating_sub(1);
    for (depth, files) in layers.iter().enumerate() {
        let origin = origin(files);
        merged.chain.insert(0, origin.clone());
        merged.editions.push(edition_and_effective(files));
        let inherited_vocabularies = merged.vocabularies.len();
        let mut layer = Layer {
            merged: &mut merged,
            errors,
            origin,
            extends: depth > 0,
            records: 0,
            inherited_vocabularies,
        };
        for file in files.iter() {
            for declaration in &file.declarations {
                layer.add(&file.source, declaration, depth == last);
            }
        }
    }
    merged.rules.retain(|r| !r.disabled);
    merged.rule_index.clear();
    merged
}

/// A header entry of a layer, as written; `None` where the layer lacks it.
fn header_entry<'f>(files: &'f [File], key: &str) -> Option<&'f str> {
    let header = files
        .iter()
        .flat_map(|f| &f.declarations)
        .find_map(|d| match d {
            Declaration::Pack(p) => Some(p),
            _ => None,
        })?;
    let (_, value) = header.entries.iter().find(|(k, _)| &*k.text == key)?;
    Some(&value.text)
}

/// A layer's edition and effective date.
fn edition_and_effective(files: &[File]) -> (Arc<str>, Option<NaiveDate>) {
    let effective = header_entry(files, "effective")
        .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
    (
        header_entry(files, "edition").unwrap_or("").into(),
        effective,
    )
}

/// `edition@version` of a layer.
fn origin(files: &[File]) -> Arc<str> {
    let entry = |key| header_entry(files, key).unwrap_or("?");
    format!("{}@{}", entry("edition"), entry("version")).into()
}

struct Layer<'m, 'f> {
    merged: &'m mut Layered<'f>,
    errors: &'m mut Vec<CheckError>,
    origin: Arc<str>,
    /// Whether this layer extends another (only then may it override or disable).
    extends: bool,
    records: usize,
    /// How many vocabularies the layers this one extends declare.
    inherited_vocabularies: usize,
}

impl<'f> Layer<'_, 'f> {
    fn add(&mut self, src: &'f Source, declaration: &'f Declaration, top: bool) {
        let merged = &mut *self.merged;
        match declaration {
            Declaration::Pack(d) => {
                if let Some((_, field)) = d.entries.iter().find(|(k, _)| &*k.text == "plan_field") {
                    merged.plan_field = Some((src, field));
                }
                if top {
                    merged.headers.push((src, d));
                }
                if !d.messages.is_empty() {
                    merged.messages = Some((src, d));
                }
            }
            Declaration::Vocabulary(d) => {
                let inherited = merged
                    .vocabularies
                    .get(..self.inherited_vocabularies)
                    .unwrap_or_default()
                    .iter()
                    .any(|(_, v)| v.name.text == d.name.text);
                if inherited {
                    merged.vocabulary_additions.push((src, d));
                } else {
                    merged.vocabularies.push((src, d));
                }
            }
            Declaration::Record(d) => {
                self.records += 1;
                if self.records > 1 {
                    self.errors.push(CheckError::rule(
                        src,
                        d.span,
                        phrase("rule-two_records"),
                        None,
                    ));
                } else {
                    merged.records.push((src, d));
                }
            }
            Declaration::Article(d) => self.article(src, d),
            Declaration::Parameter(d) => {
                merged
                    .parameter_origins
                    .insert(d.name.text.clone(), self.origin.clone());
                merged.parameters.push((src, d));
            }
            Declaration::SetParameter(d) => self.set_parameter(src, d),
            Declaration::Fact(d) => merged.facts.push((src, d)),
            Declaration::Relation(d) => merged.relations.push((src, d)),
            Declaration::Rule(d) => self.rule(src, d),
            Declaration::Disable(d) => self.disable(src, d),
        }
    }

    fn set_parameter(&mut self, src: &'f Source, binding: &'f Binding) {
        if !self.extends {
            return self.not_extending(src, &binding.name, "set parameter");
        }
        let parameters = &mut self.merged.parameters;
        match parameters
            .iter()
            .position(|(_, p)| p.name.text == binding.name.text)
        {
            Some(i) => {
                self.merged
                    .parameter_origins
                    .insert(binding.name.text.clone(), self.origin.clone());
                if let Some(slot) = self.merged.parameters.get_mut(i) {
                    let replaced = std::mem::replace(slot, (src, binding));
                    self.merged.replaced_parameters.push((
                        replaced.0,
                        replaced.1,
                        self.origin.clone(),
                    ));
                }
            }
            None => {
                let names = parameters.iter().map(|(_, p)| &*p.name.text);
                self.errors
                    .push(unknown(src, "parameter", &binding.name, names));
            }
        }
    }

    /// An article; with `override`, it replaces the extended edition's article of the same
    /// label (a county's own wording of the article).
    fn article(&mut self, src: &'f Source, decl: &'f ArticleDecl) {
        if !decl.overrides || self.extends {
            self.merged
                .article_origins
                .insert(decl.label.text.clone(), self.origin.clone());
        }
        if !decl.overrides {
            return self.merged.articles.push((src, decl));
        }
        if !self.extends {
            return self.not_extending(src, &decl.label, "override");
        }
        let articles = &mut self.merged.articles;
        match articles
            .iter()
            .position(|(_, a)| a.label.text == decl.label.text)
        {
            Some(i) => {
                if let Some(slot) = articles.get_mut(i) {
                    *slot = (src, decl);
                }
            }
            None => {
                let labels = articles.iter().map(|(_, a)| &*a.label.text);
                self.errors
                    .push(unknown(src, "article", &decl.label, labels));
            }
        }
    }

    fn rule(&mut self, src: &'f Source, decl: &'f RuleDecl) {
        if decl.overrides && !self.extends {
            return self.not_extending(src, &decl.id, "override");
        }
        let merged = &mut *self.merged;
        let rules = &mut merged.rules;
        // A rule taken out of force is gone: its id may be declared anew.
        let existing = merged
            .rule_index
            .get(&decl.id.text)
            .copied()
            .filter(|&i| rules.get(i).is_some_and(|r| !r.disabled));
        let entry = |replaced| RuleEntry {
            src,
            decl,
            origin: self.origin.clone(),
            replaced,
            disabled: false,
        };
        match (existing, decl.overrides) {
            (None, false) => {
                merged.rule_index.insert(decl.id.text.clone(), rules.len());
                rules.push(entry(None));
            }
            (Some(i), true) if self.extends => {
                if let Some(slot) = rules.get_mut(i) {
                    let replaced = rule_text(slot.src, slot.decl);
                    *slot = entry(Some(replaced));
                }
            }
            (Some(_), true) => self.not_extending(src, &decl.id, "override"),
            (Some(_), false) => {
                let mut error = duplicate(src, "rule", &decl.id);
                if let Some(help) = error.help_mut() {
                    *help = Some(if self.extends {
                        phrase("help-override_rule")
                    } else {
                        phrase("help-own_rule_id")
                    });
                }
                self.errors.push(error);
            }
            (None, true) => {
                let ids = rules
                    .iter()
                    .filter(|r| !r.disabled)
                    .map(|r| &*r.decl.id.text);
                let mut error = unknown(src, "rule", &decl.id, ids);
                if let Some(help @ None) = error.help_mut() {
                    *help = Some(phrase("help-override_new_rule"));
                }
                self.errors.push(error);
            }
        }
    }

    fn disable(&mut self, src: &'f Source, decl: &'f DisableDecl) {
        if !self.extends {
            return self.not_extending(src, &decl.id, "disable rule");
        }
        let merged = &mut *self.merged;
        let entry = merged
            .rule_index
            .get(&decl.id.text)
            .and_then(|&i| merged.rules.get_mut(i));
        match entry {
            Some(entry) if !entry.disabled => {
                entry.disabled = true;
                merged.disabled.push(Disabled {
                    rule: decl.id.text.clone(),
                    reason: decl.reason.text.clone(),
                    by: self.origin.clone(),
                    article: entry.decl.cite.0.text.clone(),
                });
            }
            Some(_) => {
                self.errors.push(CheckError::rule(
                    src,
                    decl.id.span,
                    phrase("rule-disabled_twice").arg("rule", &*decl.id.text),
                    Some(phrase("help-disabled_twice")),
                ));
            }
            None => {
                let rules = merged.rules.iter().filter(|r| !r.disabled);
                let ids = rules.map(|r| &*r.decl.id.text);
                self.errors.push(unknown(src, "rule", &decl.id, ids));
            }
        }
    }

    fn not_extending(&mut self, src: &Source, name: &Name, what: &str) {
        self.errors.push(CheckError::rule(
            src,
            name.span,
            phrase("rule-not_extending").arg("what", what),
            Some(phrase("help-not_extending")),
        ));
    }
}

/// A rule's text as written, for verdicts to show what an override replaced.
fn rule_text(src: &Source, decl: &RuleDecl) -> Arc<str> {
    src.text()
        .get(decl.span.start..decl.span.end)
        .unwrap_or("")
        .trim_end()
        .into()
}
