//! The peer set's hand-written floor (`benches/peer/floor.rs`) and banfa agree: on 2,000
//! generated records, every rule's outcome is the same, in the explained verdict and in
//! the outcomes alone. A floor that drifts from the rules
//! would make the speed ratio of the README meaningless; banfa drifting from the floor is a
//! bug in one of them.

#[path = "../benches/peer/mod.rs"]
mod peer;

use std::collections::BTreeSet;

use banfa::verdict::Outcome;
use peer::{floor, generate};

const RECORDS: usize = 2_000;

#[test]
fn banfa_and_the_hand_written_rules_give_the_same_outcomes() {
    let pack = peer::pack();
    let as_of = peer::as_of();
    let mut disagreements = Vec::new();
    for project in generate::records(RECORDS) {
        let facts = peer::facts(&pack, &project);
        let verdict = banfa::eval::evaluate(&pack, &facts, as_of);
        let rules: Vec<&str> = verdict.findings.iter().map(|f| f.rule).collect();
        assert_eq!(
            rules,
            floor::RULES,
            "the floor lists the pack's rules in order"
        );
        let expected = floor::outcomes(&project, as_of);
        let mut outcomes = Vec::new();
        banfa::eval::evaluate_outcomes(&pack, &facts, as_of, &mut outcomes);
        if outcomes != expected {
            disagreements.push(format!(
                "{} outcomes only: banfa {outcomes:?}, floor {expected:?}\n{}",
                project.id,
                project.yaml()
            ));
        }
        for (finding, floor) in verdict.findings.iter().zip(expected) {
            if finding.outcome != floor {
                disagreements.push(format!(
                    "{} {}: banfa {:?} ({}), floor {floor:?}\n{}",
                    project.id,
                    finding.rule,
                    finding.outcome,
                    finding.message,
                    project.yaml()
                ));
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements, the first:\n{}",
        disagreements.len(),
        disagreements.first().map_or("", String::as_str)
    );
}

/// The records are varied enough for the agreement to mean something: each rule comes out
/// in at least two ways, and every outcome a rule can give (unknown where a yes/no may be
/// absent, not applicable where the rule may not apply) is seen.
#[test]
fn the_generated_records_exercise_every_outcome_of_every_rule() {
    use Outcome::{Fail, NotApplicable, Note, Pass, Pending, Unknown};
    let can_give: [&[Outcome]; 10] = [
        &[Pass, Fail],
        &[Pass, Fail, Pending, NotApplicable],
        &[Pass, Fail, Pending, NotApplicable],
        &[Pass, Fail, Pending, NotApplicable],
        &[Pass, Fail, Unknown, NotApplicable],
        &[Pass, Fail, Unknown, NotApplicable],
        &[Pass, Fail, Pending, Unknown, NotApplicable],
        &[Pass, Fail, Pending, NotApplicable],
        &[Pass, Fail, NotApplicable],
        &[Pass, Pending, Note, NotApplicable],
    ];
    let mut seen: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); floor::RULES.len()];
    for project in generate::records(RECORDS) {
        for (rule, outcome) in floor::outcomes(&project, peer::as_of()).iter().enumerate() {
            seen[rule].insert(outcome.as_str());
        }
    }
    for (rule, outcomes) in can_give.iter().enumerate() {
        let expected: BTreeSet<&str> = outcomes.iter().map(|o| o.as_str()).collect();
        assert_eq!(seen[rule], expected, "{}", floor::RULES[rule]);
    }
}

#[test]
fn the_same_seed_gives_the_same_records() {
    assert_eq!(generate::records(100), generate::records(100));
    let yaml: Vec<String> = generate::records(3).iter().map(|p| p.yaml()).collect();
    assert!(yaml[0].starts_with("id: PEER-00000\n"), "{}", yaml[0]);
    assert_ne!(yaml[0], yaml[1]);
}
