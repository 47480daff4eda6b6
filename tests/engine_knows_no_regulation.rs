//! The engine knows no regulation: articles, fields and decisions of the 办法 live in
//! `rules/`, never in `src/`. A cheap grep keeps it so.

fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir)
        .expect("src is readable")
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source file");
            out.push((path.display().to_string(), text));
        }
    }
}

/// `第` + Chinese numerals + `条`: a citation of a particular article.
fn cites_an_article(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        *c == '第'
            && chars
                .get(i + 1..)
                .map(|rest| {
                    let digits = rest
                        .iter()
                        .take_while(|c| "一二三四五六七八九十百".contains(**c))
                        .count();
                    digits > 0 && rest.get(digits) == Some(&'条')
                })
                .unwrap_or(false)
    })
}

#[test]
fn src_names_no_article_and_no_field_of_the_banfa() {
    let mut files = Vec::new();
    sources(std::path::Path::new("src"), &mut files);
    let fields = ["plan_year", "submitted_on", "财政项目", "市智慧办", "07-31"];
    for (name, text) in &files {
        for (n, line) in text.lines().enumerate() {
            assert!(
                !cites_an_article(line),
                "{name}:{}: cites an article: {line}",
                n + 1
            );
            for field in fields {
                assert!(
                    !line.contains(field),
                    "{name}:{}: mentions `{field}`: {line}",
                    n + 1
                );
            }
        }
    }
}
