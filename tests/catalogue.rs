//! The catalogue of messages (`locales/`): every file parses, both languages have the same
//! messages with the same attributes, every diagnostic code has its message, and no Chinese
//! message is left in English.

use std::collections::{BTreeMap, BTreeSet};

use banfa::i18n::{self, Lang, Message};
use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Pattern, PatternElement};

/// `--help` in Chinese (`locales/zh-CN/help.ftl`): its English is clap's doc comments, so
/// these ids are in zh-CN only.
const HELP: &str = "help-";

/// Every message of a language: id → (its text, if it has one; its attributes' texts).
fn messages(lang: Lang) -> BTreeMap<String, (String, BTreeMap<String, String>)> {
    let mut all = BTreeMap::new();
    for (name, _, text) in i18n::files(lang) {
        let resource = FluentResource::try_new(text.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{lang}/{name}.ftl does not parse: {errors:?}"));
        for entry in resource.entries() {
            let Entry::Message(message) = entry else {
                continue;
            };
            let attributes = message
                .attributes
                .iter()
                .map(|a| (a.id.name.to_owned(), words(&a.value)))
                .collect();
            let value = message.value.as_ref().map(words).unwrap_or_default();
            let previous = all.insert(message.id.name.to_owned(), (value, attributes));
            assert!(previous.is_none(), "{lang}: `{}` twice", message.id.name);
        }
    }
    all
}

/// A pattern's own text, without its placeables.
fn words(pattern: &Pattern<&str>) -> String {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            PatternElement::TextElement { value } => *value,
            PatternElement::Placeable { .. } => " ",
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_messages_and_attributes() {
    let zh = messages(Lang::Zh);
    let en = messages(Lang::En);
    let shape = |all: &BTreeMap<String, (String, BTreeMap<String, String>)>| {
        all.iter()
            .map(|(id, (_, attributes))| (id.clone(), attributes.keys().cloned().collect()))
            .collect::<BTreeMap<String, BTreeSet<String>>>()
    };
    let (zh, en) = (shape(&zh), shape(&en));
    for (id, attributes) in &en {
        assert_eq!(
            zh.get(id),
            Some(attributes),
            "zh-CN differs from en at `{id}`"
        );
    }
    for id in zh.keys().filter(|id| !id.starts_with(HELP)) {
        assert!(en.contains_key(id), "`{id}` is in zh-CN only");
    }
}

#[test]
fn every_message_is_in_the_file_its_id_names() {
    for lang in i18n::LANGS {
        for (name, prefixes, text) in i18n::files(lang) {
            let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
            for entry in resource.entries() {
                if let Entry::Message(message) = entry {
                    let id = message.id.name;
                    let prefix = id.split('-').next().unwrap_or_default();
                    assert!(
                        prefixes.contains(&prefix),
                        "{lang}/{name}.ftl holds `{id}`, whose file is another ({prefixes:?})"
                    );
                }
            }
        }
    }
}

#[test]
fn no_chinese_message_is_left_in_english() {
    // Two English words in a row, outside `code`: a sentence, not a name such as `YAML`.
    let english = |text: &str| {
        let outside_code: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        outside_code
            .split(|c: char| !c.is_ascii_alphabetic() && c != ' ')
            .any(|run| {
                run.split(' ')
                    .filter(|word| word.len() >= 2 && word.chars().all(|c| c.is_ascii_lowercase()))
                    .count()
                    >= 2
            })
    };
    // The examples of `--help` hold command lines, which stay as written.
    let not_a_command = |line: &&str| !line.trim_start().starts_with("banfa ");
    for (id, (value, attributes)) in messages(Lang::Zh) {
        let value = if id.starts_with(HELP) {
            value
                .lines()
                .filter(not_a_command)
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            value
        };
        assert!(!english(&value), "zh-CN `{id}` reads as English: {value}");
        for (name, text) in attributes {
            assert!(
                !english(&text),
                "zh-CN `{id}.{name}` reads as English: {text}"
            );
        }
    }
}

#[test]
fn every_diagnostic_code_has_its_message_in_both_languages() {
    let mut codes = BTreeSet::new();
    collect_codes(std::path::Path::new("src"), &mut codes);
    assert!(codes.len() > 40, "found only {} codes", codes.len());
    let (zh, en) = (messages(Lang::Zh), messages(Lang::En));
    for code in codes {
        let id = Message::id_of(&code);
        assert!(zh.contains_key(&id), "`{code}` has no zh-CN message `{id}`");
        assert!(en.contains_key(&id), "`{code}` has no en message `{id}`");
    }
}

/// Every `code(banfa::…)` written in the sources under `dir`.
fn collect_codes(dir: &std::path::Path, codes: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect_codes(&path, codes);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source is readable");
            for piece in text.split("code(banfa::").skip(1) {
                let code: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                codes.insert(format!("banfa::{code}"));
            }
        }
    }
}

#[test]
fn a_message_renders_its_arguments_and_phrases_in_each_language() {
    let phrase = Message::new("record-within-group").arg("path", "dates");
    let message = Message::new("record-unknown_field")
        .arg("path", "dates.strat")
        .arg("within", phrase);
    assert_eq!(message.render(Lang::En), "unknown field `dates.strat`");
    assert_eq!(
        message.attribute(Lang::En, "span").as_deref(),
        Some("not a field of `dates`")
    );
    assert_eq!(
        message.attribute(Lang::Zh, "span").as_deref(),
        Some("不是`dates`的字段")
    );
}

#[test]
fn the_language_follows_the_flag_then_banfa_lang_then_the_locale() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    };
    assert_eq!(Lang::from_env(env(&[])), None);
    assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), None);
    assert_eq!(
        Lang::from_env(env(&[("LANG", "en_US.UTF-8")])),
        Some(Lang::En)
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])),
        Some(Lang::Zh)
    );
    assert_eq!(
        Lang::from_env(env(&[("LC_ALL", "zh_CN.UTF-8"), ("BANFA_LANG", "en")])),
        Some(Lang::En)
    );
    assert_eq!(
        Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "en_GB")])),
        Some(Lang::En)
    );
    assert_eq!(Lang::choose(Some(Lang::En)), Lang::En);
}
