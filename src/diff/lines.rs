//! A line diff of two texts, for showing how a declaration's wording changed. The diff
//! itself is `similar`'s (patience, then Myers: linear memory, and a deadline so that two
//! huge, wholly different texts still finish: past it the diff is correct but coarser).

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

/// How long a diff may search for the smallest set of changes.
const DEADLINE: Duration = Duration::from_millis(500);

/// One line of a line diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'t> {
    /// In both texts.
    Same(&'t str),
    /// Only in the old text.
    Old(&'t str),
    /// Only in the new text.
    New(&'t str),
}

/// The lines of `old` and `new` in order, matched where they agree. Lines are compared
/// without their surrounding whitespace or an opening `override` keyword (an overriding
/// rule's only necessary difference from the rule it replaces); each is shown as its own
/// text has it, the new side's where both agree.
pub fn diff<'t>(old: &'t str, new: &'t str) -> Vec<Line<'t>> {
    let old: Vec<&str> = old.lines().collect();
    let new: Vec<&str> = new.lines().collect();
    let old_keys: Vec<&str> = old.iter().map(|l| key(l)).collect();
    let new_keys: Vec<&str> = new.iter().map(|l| key(l)).collect();
    let deadline = Instant::now() + DEADLINE;
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, Some(deadline));
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    let lines = |all: &[&'t str], range: std::ops::Range<usize>| -> Vec<&'t str> {
        all.get(range).unwrap_or_default().to_vec()
    };
    for op in ops {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => out.extend(lines(&new, new_range).into_iter().map(Line::Same)),
            DiffOp::Delete { .. } | DiffOp::Insert { .. } | DiffOp::Replace { .. } => {
                out.extend(lines(&old, old_range).into_iter().map(Line::Old));
                out.extend(lines(&new, new_range).into_iter().map(Line::New));
            }
        }
    }
    out
}

fn key(line: &str) -> &str {
    let line = line.trim();
    line.strip_prefix("override")
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .map_or(line, str::trim_start)
}

#[cfg(test)]
mod tests {
    use super::Line::{New, Old, Same};
    use super::*;

    #[test]
    fn keeps_common_lines_and_marks_the_rest() {
        let old = "a\n  b\nc\nd";
        let new = "a\nb\nx\nd\ne";
        assert_eq!(
            diff(old, new),
            vec![
                Same("a"),
                Same("b"),
                Old("c"),
                New("x"),
                Same("d"),
                New("e")
            ]
        );
    }

    #[test]
    fn override_alone_is_no_change() {
        let old = "requirement x cites a {\n}";
        let new = "override requirement x cites a {\n}";
        assert_eq!(
            diff(old, new),
            vec![Same("override requirement x cites a {"), Same("}")]
        );
        assert_eq!(
            diff("overrides", "override s"),
            vec![Old("overrides"), New("override s")]
        );
    }

    #[test]
    fn two_large_texts_that_differ_everywhere_take_linear_memory() {
        let old: String = (0..20_000).map(|i| format!("old line {i}\n")).collect();
        let new: String = (0..20_000).map(|i| format!("new line {i}\n")).collect();
        let lines = diff(&old, &new);
        assert_eq!(lines.len(), 40_000);
        assert!(lines.iter().all(|l| !matches!(l, Same(_))));
    }

    #[test]
    fn repeated_lines_that_differ_everywhere_finish() {
        let old = "a\n".repeat(20_000);
        let new = "b\n".repeat(20_000);
        let lines = diff(&old, &new);
        assert_eq!(
            lines.iter().filter(|l| matches!(l, Old("a"))).count(),
            20_000
        );
        assert_eq!(
            lines.iter().filter(|l| matches!(l, New("b"))).count(),
            20_000
        );
    }

    #[test]
    fn empty_texts() {
        assert_eq!(diff("", ""), vec![]);
        assert_eq!(diff("", "a"), vec![New("a")]);
        assert_eq!(diff("a", ""), vec![Old("a")]);
    }
}
