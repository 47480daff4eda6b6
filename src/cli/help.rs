//! `--help` in the run's language. clap's doc comments and each subcommand's `EXAMPLES` are
//! the English text, left as they are; for Chinese, every command's about and examples,
//! every argument's help, every possible value's help and clap's own headings and flags are
//! taken from `locales/zh-CN/help.ftl`.
//!
//! A text's id is `help-` and the command's path (`help-evaluate`; `help-banfa` for the top
//! level), then an argument's id (`help-evaluate-as_of`), then a possible value
//! (`help-evaluate-format-json`); a command's after-help is `help-PATH-examples`. Arguments
//! of every command (`--lang`, `--help`, `--version`) are `help-flag-ID`; clap's own words
//! are `help-clap-*`. An arg's `.long` attribute, where there is one, is its long help.
//!
//! This module knows no subcommand: it walks the tree clap built, and a text the catalogue
//! lacks stays in English.

use banfa::i18n::{Lang, Message};
use clap::builder::PossibleValue;
use clap::{Arg, Command};

/// The command line `command` with its help in `lang`: unchanged for English.
pub fn localise(mut command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    // Built first, so that the help and version flags, the help subcommand and the global
    // `--lang` exist in every command and can be reworded like any other.
    command.build();
    localise_command(command, &[], lang)
}

/// The id of a command's texts, by its path below the top level.
fn command_id(path: &[String]) -> String {
    if path.is_empty() {
        "help-banfa".to_owned()
    } else {
        format!("help-{}", path.join("-"))
    }
}

/// The id of an argument's help: its own, else the one every command shares, else (missing)
/// its own.
fn argument_id(command: &str, argument: &str, lang: Lang) -> String {
    let own = format!("{command}-{argument}");
    let shared = format!("help-flag-{argument}");
    if text(lang, &own).is_none() && text(lang, &shared).is_some() {
        shared
    } else {
        own
    }
}

fn text(lang: Lang, id: &str) -> Option<String> {
    Message::new(id.to_owned()).text(lang)
}

fn attribute(lang: Lang, id: &str, name: &str) -> Option<String> {
    Message::new(id.to_owned()).attribute(lang, name)
}

/// clap's own word `id` (`help-clap-ID`), in `lang`.
fn word(lang: Lang, id: &str) -> String {
    text(lang, &format!("help-clap-{id}")).unwrap_or_else(|| id.to_owned())
}

fn localise_command(mut command: Command, path: &[String], lang: Lang) -> Command {
    let id = command_id(path);
    if let Some(about) = text(lang, &id) {
        command = command.about(about);
    }
    if command.get_long_about().is_some()
        && let Some(long) = attribute(lang, &id, "long")
    {
        command = command.long_about(long);
    }
    if command.get_after_help().is_some()
        && let Some(after) = text(lang, &format!("{id}-examples"))
    {
        command = command.after_help(after);
    }
    let template = template(&command, lang);
    command = command
        .help_template(template)
        .subcommand_help_heading(leak(word(lang, "commands")))
        .subcommand_value_name(leak(word(lang, "command")));
    let arguments: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for argument in arguments {
        command = command.mut_arg(&argument, |arg| localise_argument(arg, &id, lang));
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in subcommands {
        let mut below = path.to_vec();
        below.push(name.clone());
        command = command.mut_subcommand(&name, |sub| {
            if name == "help" {
                // clap's `help` subcommand: its about only (its help is never shown).
                match text(lang, "help-flag-help_command") {
                    Some(about) => sub.about(about),
                    None => sub,
                }
            } else {
                localise_command(sub, &below, lang)
            }
        });
    }
    command
}

/// A word for clap's settings that take only `&'static str` (without clap's `string`
/// feature); a run localises its command line once, so this leaks a few words once.
fn leak(word: String) -> &'static str {
    Box::leak(word.into_boxed_str())
}

/// clap's default layout, with headings in `lang`: the usage, then the sections the command
/// has.
fn template(command: &Command, lang: Lang) -> String {
    let shown = |arg: &Arg| !arg.is_hide_set();
    let mut sections = vec![format!("{}{{usage}}", word(lang, "usage"))];
    if command.has_subcommands() {
        sections.push(format!(
            "{}\n{{subcommands}}",
            word(lang, "commands-heading")
        ));
    }
    if command.get_positionals().any(shown) {
        sections.push(format!("{}\n{{positionals}}", word(lang, "arguments")));
    }
    if command
        .get_arguments()
        .any(|arg| !arg.is_positional() && shown(arg))
    {
        sections.push(format!("{}\n{{options}}", word(lang, "options")));
    }
    format!(
        "{{before-help}}{{about-with-newline}}\n{}{{after-help}}",
        sections.join("\n\n")
    )
}

fn localise_argument(arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = argument_id(command, arg.get_id().as_str(), lang);
    if arg.get_id() == "help" {
        return help_flag(arg, &id, lang);
    }
    let Some(help) = text(lang, &id) else {
        return arg;
    };
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|value| !value.is_hide_set())
        .collect();
    let values = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        values
    };
    let default = default_value(&arg);
    // clap shows the values' help only in the long help, which then exists (`-h` and
    // `--help` differ); the long help is written only where it did.
    let listed = values.iter().any(|value| value.get_help().is_some());
    let long = (listed || arg.get_long_help().is_some()).then(|| {
        let long = attribute(lang, &id, "long").unwrap_or_else(|| help.clone());
        long_help(&long, &values, default.as_deref(), &id, lang)
    });
    let short = short_help(&help, &values, default.as_deref(), lang);
    let arg = arg
        .help(short)
        .hide_possible_values(true)
        .hide_default_value(true);
    match long {
        Some(long) => arg.long_help(long),
        None => arg,
    }
}

/// The `[default: …]` clap would show, if any.
fn default_value(arg: &Arg) -> Option<String> {
    if arg.is_hide_default_value_set() || !arg.get_action().takes_values() {
        return None;
    }
    let values: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    (!values.is_empty()).then(|| values.join(" "))
}

/// The help and, in brackets, the default and the possible values (`-h`, or an argument
/// without long help).
fn short_help(help: &str, values: &[PossibleValue], default: Option<&str>, lang: Lang) -> String {
    let mut notes = Vec::new();
    if let Some(default) = default {
        notes.push(format!("{}{default}", word(lang, "default")));
    }
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        let separator = word(lang, "list-separator");
        notes.push(format!(
            "{}{}",
            word(lang, "possible-values"),
            names.join(&separator)
        ));
    }
    if notes.is_empty() {
        return help.to_owned();
    }
    let (open, close) = (word(lang, "open"), word(lang, "close"));
    let separator = word(lang, "note-separator");
    format!("{help}{open}{}{close}", notes.join(&separator))
}

/// The help, then a line for each possible value with its help, then the default.
fn long_help(
    help: &str,
    values: &[PossibleValue],
    default: Option<&str>,
    id: &str,
    lang: Lang,
) -> String {
    let mut long = help.to_owned();
    if !values.is_empty() {
        let width = values.iter().map(|v| v.get_name().len()).max().unwrap_or(0);
        long.push_str(&format!("\n\n{}", word(lang, "possible-values")));
        for value in values {
            let name = value.get_name();
            let help = text(lang, &format!("{id}-{name}"))
                .or_else(|| value.get_help().map(ToString::to_string))
                .unwrap_or_default();
            let colon = word(lang, "value-colon");
            let pad = " ".repeat(width - name.len());
            long.push_str(&format!("\n- {name}{colon}{pad}{help}"));
        }
    }
    if let Some(default) = default {
        long.push_str(&format!("\n\n{}{default}", word(lang, "default")));
    }
    long
}

/// `-h`/`--help`: which of clap's texts it had says whether the command has a long help.
fn help_flag(arg: Arg, id: &str, lang: Lang) -> Arg {
    if arg.get_long_help().is_some() {
        match (attribute(lang, id, "more"), attribute(lang, id, "summary")) {
            (Some(more), Some(summary)) => arg.help(more).long_help(summary),
            _ => arg,
        }
    } else {
        match text(lang, id) {
            Some(help) => arg.help(help),
            None => arg,
        }
    }
}

/// The ids of every text the catalogue lacks in `lang` for `command` and its subcommands:
/// abouts, arguments, possible values' help and examples.
#[cfg(test)]
pub fn missing(command: &Command, lang: Lang) -> Vec<String> {
    let mut missing = Vec::new();
    let mut command = command.clone();
    command.build();
    walk(&command, &[], lang, &mut missing);
    missing
}

#[cfg(test)]
fn walk(command: &Command, path: &[String], lang: Lang, missing: &mut Vec<String>) {
    let id = command_id(path);
    let mut wanted = vec![id.clone()];
    if command.get_after_help().is_some() {
        wanted.push(format!("{id}-examples"));
    }
    for arg in command.get_arguments() {
        let arg_id = argument_id(&id, arg.get_id().as_str(), lang);
        for value in arg.get_possible_values() {
            if value.get_help().is_some() {
                wanted.push(format!("{arg_id}-{}", value.get_name()));
            }
        }
        wanted.push(arg_id);
    }
    missing.extend(wanted.into_iter().filter(|id| text(lang, id).is_none()));
    for sub in command.get_subcommands() {
        if sub.get_name() == "help" {
            if text(lang, "help-flag-help_command").is_none() {
                missing.push("help-flag-help_command".to_owned());
            }
            continue;
        }
        let mut below = path.to_vec();
        below.push(sub.get_name().to_owned());
        walk(sub, &below, lang, missing);
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn every_command_and_argument_has_its_chinese_help() {
        let missing = missing(&crate::Cli::command(), Lang::Zh);
        assert!(missing.is_empty(), "no zh-CN help for {missing:?}");
    }

    #[test]
    fn the_walker_sees_a_gap() {
        let command = crate::Cli::command()
            .subcommand(Command::new("nothing").arg(Arg::new("anything").long("anything")));
        let missing = missing(&command, Lang::Zh);
        assert_eq!(missing, ["help-nothing", "help-nothing-anything"]);
    }
}
