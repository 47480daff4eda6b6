//! Did-you-mean suggestions by edit distance.

/// The candidate closest to `word`, if one is close enough to be a likely slip.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (distance(word, candidate), candidate))
        .filter(|(d, candidate)| *d <= limit && *candidate != word)
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// A `help` line suggesting the closest candidate, if any.
pub fn help<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    did_you_mean(word, candidates).map(|s| format!("did you mean `{s}`?"))
}

/// Levenshtein distance over characters (so one Chinese character is one edit).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["filed_on", "documents", "in_plan"];
        assert_eq!(did_you_mean("filled_on", names), Some("filed_on"));
        assert_eq!(did_you_mean("budget", names), None);
        assert_eq!(did_you_mean("公开招标", ["公开招标", "邀请招标"]), None);
        assert_eq!(
            did_you_mean("公开召标", ["公开招标", "邀请招标"]),
            Some("公开招标")
        );
    }
}
