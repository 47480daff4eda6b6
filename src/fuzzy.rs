//! Did-you-mean suggestions by edit distance.

/// The candidate closest to `word`, if one is close enough to be a likely slip.
///
/// A candidate that `word` begins, or that begins `word` (either of two characters or
/// more), comes first: a name cut short (`荆州市` for `荆州市本级`) or with a word added
/// (`新建项目` for `新建`) is a likelier slip than one with a character changed (`荆州区`,
/// another place).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = word.chars().count();
    let limit = (length / 3).max(1);
    let rank = |candidate: &str| {
        let prefix = (length >= 2 && candidate.starts_with(word))
            || (candidate.chars().count() >= 2 && word.starts_with(candidate));
        if prefix {
            Some(0)
        } else {
            let d = distance(word, candidate);
            (d <= limit).then_some(d)
        }
    };
    candidates
        .into_iter()
        .filter(|candidate| *candidate != word)
        .filter_map(|candidate| rank(candidate).map(|r| (r, candidate)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, candidate)| candidate)
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

    #[test]
    fn a_name_cut_short_suggests_the_whole_name() {
        let places = ["荆州市本级", "荆州区", "松滋市", "沙市区"];
        assert_eq!(did_you_mean("荆州市", places), Some("荆州市本级"));
        assert_eq!(did_you_mean("松滋县", places), Some("松滋市"));
        assert_eq!(
            did_you_mean("filed", ["filed_on", "failed"]),
            Some("filed_on")
        );
        assert_eq!(did_you_mean("武汉市", places), None);
        assert_eq!(
            did_you_mean("新建项目", ["新建", "扩建", "改建", "运行维护"]),
            Some("新建")
        );
    }
}
