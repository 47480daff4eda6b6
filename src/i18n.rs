//! The words banfa says to people, in Chinese and English: one catalogue, in
//! `locales/{zh-CN,en}/*.ftl` (Project Fluent), keyed by the diagnostic's code.
//!
//! Errors are data: a diagnostic carries its code and its arguments ([`Report::message`]),
//! and the words are chosen where it is shown ([`Localized`]), in the language the edge
//! chose ([`Lang::choose`]). A message's id is its code with `banfa::` left off and `::`
//! written `-` (`banfa::record::not_utf8` → `record-not_utf8`); an error whose code covers
//! several messages names a finer id (`check-rule-unreachable`). A message's attributes hold
//! the rest: `.help` (static help), `.suggest` (shown when the diagnostic names a
//! `suggestion`), `.hint-NAME` (shown when its `hint` argument is `NAME`), and one attribute
//! per label, named by the label's text in the error's definition (`#[label("label")]`).
//!
//! This module knows no stage: it owns the catalogue, the choice of language and the
//! rendering of a [`Report`] into a [`miette::Diagnostic`] in that language.

mod localized;

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;

pub use localized::{Localized, Report};
#[doc(hidden)]
pub use miette::Diagnostic;

/// A language banfa speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, the language of the 办法 and of banfa's users.
    #[default]
    Zh,
    /// English, on request.
    En,
}

/// Every language, in the order the catalogue lists them.
pub const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// A file of the catalogue: the messages of one stage, in each language.
struct File {
    /// Its name, `locales/LANG/NAME.ftl`.
    name: &'static str,
    /// The first segments of the ids it holds (`record` for `record-not_utf8`).
    prefixes: &'static [&'static str],
    zh: &'static str,
    en: &'static str,
}

/// A catalogue file, read into the binary.
macro_rules! catalogue_file {
    ($name:literal, [$($prefix:literal),+]) => {
        File {
            name: $name,
            prefixes: &[$($prefix),+],
            zh: include_str!(concat!("../locales/zh-CN/", $name, ".ftl")),
            en: include_str!(concat!("../locales/en/", $name, ".ftl")),
        }
    };
}

/// The catalogue's files, one per stage. A message is looked up in the file its id's first
/// segment names, so a run parses only the files of the messages it shows: the text verdict
/// needs `verdict.ftl`, not the diagnostics of every stage.
const FILES: &[File] = &[
    catalogue_file!("common", ["common"]),
    catalogue_file!("record", ["record"]),
    catalogue_file!("syntax", ["syntax"]),
    catalogue_file!("check", ["check", "lint"]),
    catalogue_file!("pack", ["pack", "packs"]),
    catalogue_file!("test", ["test", "coverage"]),
    catalogue_file!("cli", ["cli", "evaluate"]),
    catalogue_file!("diff", ["diff"]),
    catalogue_file!("fmt", ["fmt"]),
    catalogue_file!("verdict", ["verdict"]),
    catalogue_file!("review", ["review"]),
    catalogue_file!("help", ["help"]),
];

impl Lang {
    /// The language a tag names: `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en_US.UTF-8`, …;
    /// `None` for other languages and for `C`/`POSIX`, which choose none.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let language = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to speak: the flag if given, else `BANFA_LANG`, else the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first that is set), else Chinese, the language
    /// of the embedded packs.
    pub fn choose(flag: Option<Lang>) -> Lang {
        flag.or_else(|| Self::from_env(|name| std::env::var(name).ok()))
            .unwrap_or(Lang::Zh)
    }

    /// The language the environment asks for, reading variables through `var`.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        if let Some(lang) = var("BANFA_LANG").as_deref().and_then(Lang::from_tag) {
            return Some(lang);
        }
        // POSIX: the first of these that is set and not empty is the locale of messages.
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|value| !value.is_empty()))
            .and_then(|locale| Lang::from_tag(&locale))
    }

    /// The BCP 47 tag: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The bundle of one catalogue file, parsed on first use.
    fn bundle(self, file: usize) -> Option<&'static FluentBundle<FluentResource>> {
        static BUNDLES: OnceLock<Vec<[OnceLock<FluentBundle<FluentResource>>; 2]>> =
            OnceLock::new();
        let bundles = BUNDLES.get_or_init(|| FILES.iter().map(|_| Default::default()).collect());
        let (pair, source) = (bundles.get(file)?, FILES.get(file)?);
        let (cell, text) = match self {
            Lang::Zh => (&pair[0], source.zh),
            Lang::En => (&pair[1], source.en),
        };
        Some(cell.get_or_init(|| build(self, source.name, text)))
    }

    /// The bundle holding the message `id`, and the message: in the file its first segment
    /// names, else (for an id in the wrong file, which `tests/catalogue.rs` reports) any.
    fn find(
        self,
        id: &str,
    ) -> Option<(
        &'static FluentBundle<FluentResource>,
        fluent_bundle::FluentMessage<'static>,
    )> {
        let prefix = id.split('-').next().unwrap_or_default();
        let home = FILES.iter().position(|f| f.prefixes.contains(&prefix));
        let found = |file| {
            let bundle = self.bundle(file)?;
            Some((bundle, bundle.get_message(id)?))
        };
        home.and_then(found).or_else(|| {
            (0..FILES.len())
                .filter(|f| Some(*f) != home)
                .find_map(found)
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The bundle of one language: every catalogue file, without Unicode isolation marks
/// around arguments (they would show in terminals and break `grep`).
fn build(lang: Lang, name: &str, text: &str) -> FluentBundle<FluentResource> {
    let tag = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    bundle.set_use_isolating(false);
    // A broken catalogue file is a bug that `tests/catalogue.rs` catches; what parses of it
    // is still used.
    let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
    if bundle.add_resource(resource).is_err() {
        debug_assert!(false, "catalogue file {lang}/{name} repeats an id");
    }
    bundle
}

/// The text of every catalogue file in a language, with its name and the first segments of
/// the ids it holds: for tests of the catalogue itself.
pub fn files(
    lang: Lang,
) -> impl Iterator<Item = (&'static str, &'static [&'static str], &'static str)> {
    FILES.iter().map(move |file| match lang {
        Lang::Zh => (file.name, file.prefixes, file.zh),
        Lang::En => (file.name, file.prefixes, file.en),
    })
}

/// A message: its catalogue id and its arguments. Held by a diagnostic as one of its fields
/// it is a phrase ([`Arg::Phrase`]) of the diagnostic's message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Message {
    /// The catalogue id, e.g. `record-not_utf8`.
    pub id: Cow<'static, str>,
    /// The arguments, by name.
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, shown as it is (and matched by name in a select expression).
    Text(String),
    /// A number, which chooses a plural form.
    Number(f64),
    /// A phrase of its own, worded in the same language: `a list`, `the record`, `February
    /// 2019 has 28 days`.
    Phrase(Box<Message>),
    /// Names, each quoted in backticks, joined as the language joins a list (`、` or `, `).
    List(Vec<String>),
}

/// The value of an optional argument that is absent: `{ $reason -> [none] … *[other] … }`.
pub const NONE: &str = "none";

/// The key that marks a serialized [`Message`] among a diagnostic's fields.
const PHRASE: &str = "$phrase";

impl Message {
    /// A message without arguments.
    pub fn new(id: impl Into<Cow<'static, str>>) -> Self {
        Self {
            id: id.into(),
            args: Vec::new(),
        }
    }

    /// The catalogue id of a diagnostic code: `banfa::record::not_utf8` → `record-not_utf8`.
    pub fn id_of(code: &str) -> String {
        code.strip_prefix("banfa::")
            .unwrap_or(code)
            .replace("::", "-")
    }

    /// The message of a diagnostic whose arguments are the fields of its serialized form
    /// (a struct, or the struct variant of an enum), whichever of them are text, numbers or
    /// yes/no; the rest (spans, sources, lists) are not arguments.
    pub fn of_fields(id: impl Into<Cow<'static, str>>, fields: &impl Serialize) -> Self {
        let mut message = Self::new(id);
        let value = serde_json::to_value(fields).unwrap_or_default();
        let object = match value {
            // An enum's struct variant: `{"Variant": {…}}`.
            serde_json::Value::Object(outer) if outer.len() == 1 => {
                match outer.into_iter().next() {
                    Some((_, serde_json::Value::Object(inner))) => inner,
                    Some((name, other)) => [(name, other)].into_iter().collect(),
                    None => serde_json::Map::new(),
                }
            }
            serde_json::Value::Object(object) => object,
            _ => serde_json::Map::new(),
        };
        message.push_json(object);
        message
    }

    fn push_json(&mut self, object: serde_json::Map<String, serde_json::Value>) {
        for (name, value) in object {
            if let Some(arg) = Arg::of_json(value) {
                self.args.push((Cow::Owned(name), arg));
            }
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The argument called `name`, if the message has it and it is not [`NONE`].
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args
            .iter()
            .find_map(|(key, arg)| (key == name).then_some(arg))
            .filter(|arg| !matches!(arg, Arg::Text(text) if text == NONE))
    }

    /// The message's text in a language, or `None` if the catalogue lacks it.
    pub fn text(&self, lang: Lang) -> Option<String> {
        self.format(lang, None)
    }

    /// An attribute of the message (`help`, a label's name, …) in a language.
    pub fn attribute(&self, lang: Lang, attribute: &str) -> Option<String> {
        self.format(lang, Some(attribute))
    }

    /// The message's text in a language, or its id when the catalogue lacks it (so that a
    /// gap shows, instead of an empty message).
    pub fn render(&self, lang: Lang) -> String {
        self.text(lang).unwrap_or_else(|| self.id.to_string())
    }

    fn format(&self, lang: Lang, attribute: Option<&str>) -> Option<String> {
        let (bundle, message) = lang.find(&self.id)?;
        let pattern = match attribute {
            None => message.value()?,
            Some(name) => message.get_attribute(name)?.value(),
        };
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, arg) in &self.args {
            args.set(name.clone(), arg.to_fluent(lang));
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        debug_assert!(
            errors.is_empty(),
            "message {} in {lang}: {errors:?}",
            self.id
        );
        Some(text.into_owned())
    }
}

impl Arg {
    fn of_json(value: serde_json::Value) -> Option<Arg> {
        match value {
            serde_json::Value::String(text) => Some(Arg::Text(text)),
            serde_json::Value::Bool(yes) => Some(Arg::Text(yes.to_string())),
            serde_json::Value::Number(number) => {
                let text = number.to_string();
                // Numbers beyond 2^53 lose digits as f64: those stay text.
                match text.parse::<f64>() {
                    Ok(float) if float.abs() < 9_007_199_254_740_992.0 => Some(Arg::Number(float)),
                    _ => Some(Arg::Text(text)),
                }
            }
            serde_json::Value::Object(mut object) => {
                let id = match object.remove(PHRASE) {
                    Some(serde_json::Value::String(id)) => id,
                    _ => return None,
                };
                let mut phrase = Message::new(id);
                phrase.push_json(object);
                Some(Arg::Phrase(Box::new(phrase)))
            }
            serde_json::Value::Array(items) => Some(Arg::List(
                items
                    .into_iter()
                    .map(|item| match item {
                        serde_json::Value::String(text) => text,
                        other => other.to_string(),
                    })
                    .collect(),
            )),
            // An absent optional argument is `none`, for select expressions to tell.
            serde_json::Value::Null => Some(Arg::Text(NONE.to_owned())),
        }
    }

    fn to_fluent(&self, lang: Lang) -> FluentValue<'_> {
        match self {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Number(number) => FluentValue::from(*number),
            Arg::Phrase(phrase) => FluentValue::from(phrase.render(lang)),
            Arg::List(items) => {
                let separator = match lang {
                    Lang::Zh => "、",
                    Lang::En => ", ",
                };
                let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
                FluentValue::from(quoted.join(separator))
            }
        }
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<Message> for Arg {
    fn from(phrase: Message) -> Self {
        Arg::Phrase(Box::new(phrase))
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(text: Cow<'_, str>) -> Self {
        Arg::Text(text.into_owned())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<usize> for Arg {
    fn from(number: usize) -> Self {
        #[expect(
            clippy::cast_precision_loss,
            reason = "counts in messages are far below 2^53"
        )]
        Arg::Number(number as f64)
    }
}

impl Serialize for Message {
    /// As a field of a diagnostic: an object naming the phrase, with its arguments.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.args.len() + 1))?;
        map.serialize_entry(PHRASE, &self.id)?;
        for (name, arg) in &self.args {
            map.serialize_entry(name, arg)?;
        }
        map.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(text) => serializer.serialize_str(text),
            Arg::Number(number) => serializer.serialize_f64(*number),
            Arg::Phrase(phrase) => phrase.serialize(serializer),
            Arg::List(items) => items.serialize(serializer),
        }
    }
}

/// Text in a language from the catalogue, by id and arguments: for words that are not a
/// diagnostic (the labels of `test`, `coverage`, `diff`, `packs`).
pub fn text(lang: Lang, id: &'static str, args: &[(&'static str, Arg)]) -> String {
    let mut message = Message::new(id);
    message.args = args
        .iter()
        .map(|(name, arg)| (Cow::Borrowed(*name), arg.clone()))
        .collect();
    message.render(lang)
}
