//! Every word the text renderer prints that does not come from the rule pack, in one table
//! per language, filled from the catalogue (`locales/*/verdict.ftl`).

use std::sync::OnceLock;

use crate::i18n::{LANGS, Lang};
use crate::verdict::{Kind, Outcome, Status};

/// The labels of a text verdict in one language.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    /// Before the project's name and id.
    pub project: &'static str,
    /// Before the pack's name, edition and version.
    pub pack: &'static str,
    /// Before the chain of editions.
    pub chain: &'static str,
    /// Before the evaluation date.
    pub as_of: &'static str,
    /// Before the status.
    pub status: &'static str,
    /// Before the paths whose absence made a finding unknown.
    pub missing: &'static str,
    /// Before a parameter a finding used, shown by `--explain`.
    pub parameter: &'static str,
    /// Before the article text quoted by `--explain`.
    pub original: &'static str,
    /// Before an article already quoted above.
    pub quoted_above: &'static str,
    /// Where rules come from, when an edition extends another: the label, and the words
    /// before the most general edition.
    pub origins: (&'static str, &'static str),
    /// After the origin of a rule that replaces the extended edition's rule.
    pub overrides: &'static str,
    /// Before the rules an edition takes out of force, and between an edition and its reason.
    pub disabled: (&'static str, &'static str),
    /// Around the editions an out-of-scope project belongs to.
    pub suggest: (&'static str, &'static str),
    /// Before the facts a suspended or undetermined verdict needs.
    pub supply: &'static str,
    /// Before the other record that decided a finding (a member of a relation).
    pub decided_by_record: &'static str,
    /// Between items of an inline list.
    pub separator: &'static str,
    /// Around a parenthesised aside: open and close.
    pub parens: (&'static str, &'static str),
    /// Status names, in [`Status`] declaration order.
    pub statuses: [&'static str; 5],
    /// Group headings, in [`Kind`] declaration order.
    pub kinds: [&'static str; 4],
    /// Outcome marks, in [`Outcome`] declaration order.
    pub marks: [&'static str; 6],
    /// What each mark means, in [`Outcome`] declaration order: the legend's words, and the
    /// summary's after a count.
    pub outcomes: [&'static str; 6],
    /// What a failing suspension finding means (its trigger fires), in place of the fail
    /// outcome's name.
    pub triggered: &'static str,
    /// Before the counts of outcomes under the status.
    pub summary: &'static str,
    /// After a count: `N项`.
    pub counter: &'static str,
    /// Around the count when every finding passes: `全部N项符合`.
    pub all_passed: (&'static str, &'static str),
    /// Before the legend of marks, between a mark's alternative meanings, and between
    /// entries.
    pub legend: (&'static str, &'static str, &'static str),
    /// Around a rule's id at the end of a finding's line.
    pub id: (&'static str, &'static str),
    /// Between a fact's field and its value.
    pub is: &'static str,
    /// A yes/no fact: yes and no.
    pub yes_no: (&'static str, &'static str),
    /// Units of money: 10,000 元, and 元.
    pub money: (&'static str, &'static str),
}

impl Labels {
    /// The labels in a language, from the catalogue (`locales/*/verdict.ftl`), made once per
    /// language and process.
    pub fn of(lang: Lang) -> &'static Labels {
        static LABELS: [OnceLock<Labels>; 2] = [OnceLock::new(), OnceLock::new()];
        let index = LANGS.iter().position(|l| *l == lang).unwrap_or(0);
        LABELS
            .get(index)
            .unwrap_or(&LABELS[0])
            .get_or_init(|| Labels::from_catalogue(lang))
    }

    fn from_catalogue(lang: Lang) -> Labels {
        let word = |id: &'static str| word(lang, id);
        Labels {
            project: word("project"),
            pack: word("pack"),
            chain: word("chain"),
            as_of: word("as-of"),
            status: word("status"),
            missing: word("missing"),
            parameter: word("parameter"),
            original: word("original"),
            quoted_above: word("quoted-above"),
            origins: (word("origins-label"), word("origins-base")),
            overrides: word("overrides"),
            disabled: (word("disabled-label"), word("disabled-reason")),
            suggest: (word("suggest-before"), word("suggest-after")),
            supply: word("supply"),
            decided_by_record: word("decided-by-record"),
            separator: word("separator"),
            parens: (word("parens-open"), word("parens-close")),
            statuses: [
                word("status-out-of-scope"),
                word("status-suspended"),
                word("status-non-compliant"),
                word("status-undetermined"),
                word("status-compliant"),
            ],
            kinds: [
                word("kind-scope"),
                word("kind-requirement"),
                word("kind-suspension"),
                word("kind-advisory"),
            ],
            marks: ["✓", "✗", "…", "?", "–", "·"],
            outcomes: [
                word("outcome-pass"),
                word("outcome-fail"),
                word("outcome-pending"),
                word("outcome-unknown"),
                word("outcome-not-applicable"),
                word("outcome-note"),
            ],
            triggered: word("triggered"),
            summary: word("summary"),
            counter: word("counter"),
            all_passed: (word("all-passed-before"), word("all-passed-after")),
            legend: (
                word("legend-label"),
                word("legend-or"),
                word("legend-between"),
            ),
            id: (word("id-open"), word("id-close")),
            is: word("is"),
            yes_no: (word("yes"), word("no")),
            money: (word("ten-thousand"), word("yuan")),
        }
    }
    /// The name of a status.
    pub fn status_name(&self, status: Status) -> &'static str {
        let index = match status {
            Status::OutOfScope => 0,
            Status::Suspended => 1,
            Status::NonCompliant => 2,
            Status::Undetermined => 3,
            Status::Compliant => 4,
        };
        self.statuses[index]
    }

    /// The heading of a group of findings.
    pub fn kind_heading(&self, kind: Kind) -> &'static str {
        let index = match kind {
            Kind::Scope => 0,
            Kind::Requirement => 1,
            Kind::Suspension => 2,
            Kind::Advisory => 3,
        };
        self.kinds[index]
    }

    /// The mark before a finding.
    pub fn mark(&self, outcome: Outcome) -> &'static str {
        self.marks[outcome_index(outcome)]
    }

    /// What a finding's outcome means: a failing suspension finding is
    /// [`triggered`](Labels::triggered), anything else is its outcome's name.
    pub fn meaning(&self, kind: Kind, outcome: Outcome) -> &'static str {
        match (kind, outcome) {
            (Kind::Suspension, Outcome::Fail) => self.triggered,
            _ => self.outcomes[outcome_index(outcome)],
        }
    }
}

/// A word of the text verdict: `verdict-ID` of the catalogue, formatted when the crate was
/// built (`VERDICT_WORDS`, made by `build.rs` from `locales/*/verdict.ftl`), so that no run
/// parses the catalogue to print a verdict.
fn word(lang: Lang, id: &'static str) -> &'static str {
    let words = crate::generated::VERDICT_WORDS;
    let full = format!("verdict-{id}");
    match words.binary_search_by(|(key, _, _)| (*key).cmp(full.as_str())) {
        Ok(found) => match (words.get(found), lang) {
            (Some((_, zh, _)), Lang::Zh) => zh,
            (Some((_, _, en)), Lang::En) => en,
            (None, _) => "",
        },
        // Not in the table: a word the build did not see, shown as its id (a gap shows).
        Err(_) => {
            debug_assert!(false, "no verdict word `{full}`");
            id
        }
    }
}

/// Where an outcome's words sit in the tables indexed by outcome.
fn outcome_index(outcome: Outcome) -> usize {
    match outcome {
        Outcome::Pass => 0,
        Outcome::Fail => 1,
        Outcome::Pending => 2,
        Outcome::Unknown => 3,
        Outcome::NotApplicable => 4,
        Outcome::Note => 5,
    }
}
