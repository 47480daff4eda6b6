//! A line diff of two texts (longest common subsequence), for showing how a declaration's
//! wording changed. Declarations are a few dozen lines, so the quadratic table is cheap.

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
    let table = common_suffixes(&old, &new);
    let at = |i: usize, j: usize| {
        table
            .get(i * (new.len() + 1) + j)
            .copied()
            .unwrap_or_default()
    };
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        match (old.get(i), new.get(j)) {
            (Some(o), Some(n)) if same(o, n) => {
                out.push(Line::Same(n));
                (i, j) = (i + 1, j + 1);
            }
            (Some(o), Some(_)) if at(i + 1, j) >= at(i, j + 1) => {
                out.push(Line::Old(o));
                i += 1;
            }
            (_, Some(n)) => {
                out.push(Line::New(n));
                j += 1;
            }
            (Some(o), None) => {
                out.push(Line::Old(o));
                i += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Whether two lines agree, layout and `override` aside.
fn same(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

fn key(line: &str) -> &str {
    let line = line.trim();
    line.strip_prefix("override")
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .map_or(line, str::trim_start)
}

/// `table[i * (new.len() + 1) + j]`: the length of the longest common subsequence of
/// `old[i..]` and `new[j..]`.
fn common_suffixes(old: &[&str], new: &[&str]) -> Vec<usize> {
    let width = new.len() + 1;
    let mut table = vec![0; (old.len() + 1) * width];
    for (i, o) in old.iter().enumerate().rev() {
        for (j, n) in new.iter().enumerate().rev() {
            let below = |di: usize, dj: usize| {
                table
                    .get((i + di) * width + j + dj)
                    .copied()
                    .unwrap_or_default()
            };
            let value = if same(o, n) {
                below(1, 1) + 1
            } else {
                below(1, 0).max(below(0, 1))
            };
            if let Some(cell) = table.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    table
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
    fn empty_texts() {
        assert_eq!(diff("", ""), vec![]);
        assert_eq!(diff("", "a"), vec![New("a")]);
        assert_eq!(diff("a", ""), vec![Old("a")]);
    }
}
