//! Turns the free-text part of a parsed search [`Query`](super::query::Query) into an SQLite
//! FTS5 `MATCH` expression that no user input can break or inject into.
//!
//! Every term becomes an FTS5 *string* (`"..."`, inner `"` doubled), so operators, column
//! filters, `NEAR(`, `^` and `*` typed by the user are plain text. The table's tokenizer
//! (`unicode61 remove_diacritics 2`) splits the string on punctuation, which makes a
//! multi-token string a phrase; a trailing `*` turns the phrase's last token into a prefix:
//!
//! | input         | FTS5                       | matches                                  |
//! |---------------|----------------------------|------------------------------------------|
//! | `bra`         | `"bra"*`                   | brand, brass                             |
//! | `final_v4`    | `"final_v4"*`              | the tokens `final` then `v4…` (a phrase) |
//! | `"a b"`       | `"a b"`                    | exactly `a` followed by `b`              |
//! | `a -b -"c d"` | `"a"* NOT ("b"* OR "c d")` | `a…`, but neither `b…` nor `c d`         |
//!
//! Terms without any letter or digit (`-`, `...`, `"!"`) are dropped: FTS5 would turn them into
//! an empty phrase, which matches nothing and would make the whole AND fail.
//!
//! FTS5 cannot evaluate a query made only of `NOT`s, so when every term is negated the
//! negations come back separately in [`FtsExpr::negative`] and the caller writes
//! `rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)`.
//!
//! To extend (e.g. per-column search like `title:` → `{title} : "x"*`), add the term kind to
//! [`TextTerm`] in the parser and render it in [`render`]; always build the user's part with
//! [`quote`] so it stays a string literal.

use crate::domain::query::TextTerm;

/// The FTS5 expressions for a query's text terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FtsExpr {
    /// Expression for `fts MATCH ?` when there is at least one positive term. Negated terms are
    /// folded in as `(positives) NOT (negatives)`.
    pub positive: Option<String>,
    /// Only set when there are negated terms but no positive one: an OR of the negated terms, to be
    /// used as `rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)`.
    pub negative: Option<String>,
}

impl FtsExpr {
    /// True when the text terms put no constraint on the result.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.positive.is_none() && self.negative.is_none()
    }
}

/// The FTS5 MATCH expression for the query's text terms, or `None` when there are no positive
/// terms.
///
/// Each word becomes a quoted string token with a trailing `*` (prefix), phrases are quoted
/// without `*`, negated terms become `NOT` clauses. FTS5 needs at least one positive term: when
/// all terms are negated the negations are returned separately in [`FtsExpr::negative`].
pub fn build(terms: &[TextTerm]) -> FtsExpr {
    match build_with(terms, |_| Ok::<_, std::convert::Infallible>(None)) {
        Ok(expr) => expr,
        Err(never) => match never {},
    }
}

/// [`build`], with the prefix terms `expand` can list the index's terms of written as those terms: `"summer"*`
/// becomes `"summer"`, `"camp"*` becomes `("campaign" OR "camping")`. Same matches; but FTS5 answers a prefix longer
/// than its prefix indexes by merging every matching term's whole doclist in memory before returning a row (~20 ms
/// for `summer` at 1,000,000 assets), where an OR of terms streams in rowid order and stops after a page.
/// `expand` gets the text of each word (not phrase) and returns `None` to keep it a prefix.
pub fn build_with<E>(
    terms: &[TextTerm],
    mut expand: impl FnMut(&str) -> Result<Option<Vec<String>>, E>,
) -> Result<FtsExpr, E> {
    let mut positive = Vec::new();
    let mut negative = Vec::new();
    for term in terms {
        let expanded = if term.phrase || !has_token(&term.text) { None } else { expand(&term.text)? };
        let rendered = match expanded {
            // No term starts with it: the word itself, which matches nothing either.
            Some(list) if list.is_empty() => Some(quote(&term.text)),
            Some(list) => join(&list.iter().map(|t| quote(t)).collect::<Vec<_>>(), " OR "),
            None => render(term),
        };
        if let Some(expr) = rendered {
            if term.negated {
                negative.push(expr);
            } else {
                positive.push(expr);
            }
        }
    }
    Ok(match join(&positive, " AND ") {
        Some(pos) => FtsExpr {
            positive: Some(match join(&negative, " OR ") {
                Some(neg) => format!("{pos} NOT {neg}"),
                None => pos,
            }),
            negative: None,
        },
        None => FtsExpr { positive: None, negative: (!negative.is_empty()).then(|| negative.join(" OR ")) },
    })
}

/// Renders one term (ignoring its `negated` flag), or `None` if it has nothing to search for.
pub fn render(term: &TextTerm) -> Option<String> {
    if !has_token(&term.text) {
        return None;
    }
    let quoted = quote(&term.text);
    Some(if term.phrase { quoted } else { quoted + "*" })
}

/// An FTS5 string literal: `text` in double quotes with inner double quotes doubled.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Whether the unicode61 tokenizer will find at least one token in `text` (approximately: any
/// letter or digit).
fn has_token(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Joins the parts with `sep`, in parentheses when there is more than one.
fn join(parts: &[String], sep: &str) -> Option<String> {
    match parts {
        [] => None,
        [one] => Some(one.clone()),
        many => Some(format!("({})", many.join(sep))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn word(text: &str) -> TextTerm {
        TextTerm { text: text.into(), phrase: false, negated: false }
    }
    fn phrase(text: &str) -> TextTerm {
        TextTerm { text: text.into(), phrase: true, negated: false }
    }
    fn not(mut t: TextTerm) -> TextTerm {
        t.negated = true;
        t
    }
    fn pos(terms: &[TextTerm]) -> Option<String> {
        let e = build(terms);
        assert_eq!(e.negative, None);
        e.positive
    }

    #[test]
    fn empty() {
        assert!(build(&[]).is_empty());
        assert_eq!(build(&[]), FtsExpr::default());
        assert!(build(&[word("-"), word("..."), phrase("!?"), not(word("--"))]).is_empty());
    }

    #[test]
    fn words_phrases_and_negations() {
        assert_eq!(pos(&[word("bra")]).unwrap(), r#""bra"*"#);
        assert_eq!(pos(&[phrase("summer campaign")]).unwrap(), r#""summer campaign""#);
        assert_eq!(pos(&[word("a"), phrase("b c"), word("d")]).unwrap(), r#"("a"* AND "b c" AND "d"*)"#);
        assert_eq!(pos(&[word("a"), not(word("b"))]).unwrap(), r#""a"* NOT "b"*"#);
        assert_eq!(
            pos(&[word("a"), word("z"), not(word("b")), not(phrase("c d"))]).unwrap(),
            r#"("a"* AND "z"*) NOT ("b"* OR "c d")"#
        );
        assert_eq!(pos(&[word("final_v4")]).unwrap(), r#""final_v4"*"#);
        // Punctuation-only words vanish instead of becoming empty phrases.
        assert_eq!(pos(&[word("..."), word("x")]).unwrap(), r#""x"*"#);
    }

    #[test]
    fn only_negations() {
        let e = build(&[not(word("b"))]);
        assert_eq!(e.positive, None);
        assert_eq!(e.negative.as_deref(), Some(r#""b"*"#));
        let e = build(&[not(word("b")), not(phrase("c d")), word("...")]);
        assert_eq!(e.positive, None);
        assert_eq!(e.negative.as_deref(), Some(r#""b"* OR "c d""#));
    }

    #[test]
    fn escaping() {
        assert_eq!(quote(r#"a" OR b"#), r#""a"" OR b""#);
        assert_eq!(pos(&[word(r#"a" OR b"#)]).unwrap(), r#""a"" OR b"*"#);
        assert_eq!(pos(&[word("NEAR(")]).unwrap(), r#""NEAR("*"#);
        assert_eq!(pos(&[word("^x")]).unwrap(), r#""^x"*"#);
        assert_eq!(pos(&[word("col:x")]).unwrap(), r#""col:x"*"#);
        assert_eq!(pos(&[word("*")]), None);
        assert_eq!(pos(&[word(r#"""#)]), None);
    }

    /// Runs the expressions against a real FTS5 table like the store's.
    mod sqlite {
        use super::*;
        use rusqlite::Connection;

        const ROWS: &[&str] = &[
            "brand guide",                // 1
            "final_v4.jpg",               // 2
            "Café Crème",                 // 3
            "summer campaign 2024",       // 4
            "campaign for summer",        // 5
            r#"say "hi" OR bye"#,         // 6
            "NEAR col x",                 // 7
            "東京 タワー",                // 8
            "10:30 meeting http://x.org", // 9
        ];

        fn db() -> Connection {
            let c = Connection::open_in_memory().unwrap();
            c.execute_batch(
                "CREATE VIRTUAL TABLE t USING fts5(name, tags, \
                 tokenize='unicode61 remove_diacritics 2', prefix='2 3');",
            )
            .unwrap();
            for (i, r) in ROWS.iter().enumerate() {
                c.execute("INSERT INTO t(rowid, name, tags) VALUES (?1, ?2, '')", rusqlite::params![i as i64 + 1, r])
                    .unwrap();
            }
            c
        }

        /// Matching rowids for the query's text terms, using both halves of the expression.
        fn run(c: &Connection, terms: &[TextTerm]) -> Vec<i64> {
            let e = build(terms);
            let (sql, arg) = match (&e.positive, &e.negative) {
                (Some(p), _) => ("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", p),
                (None, Some(n)) => (
                    "SELECT rowid FROM t WHERE rowid NOT IN \
                     (SELECT rowid FROM t WHERE t MATCH ?1) ORDER BY rowid",
                    n,
                ),
                (None, None) => return (1..=ROWS.len() as i64).collect(),
            };
            let mut st = c.prepare(sql).unwrap();
            let rows = st.query_map([arg], |r| r.get(0)).unwrap();
            rows.collect::<Result<_, _>>().unwrap_or_else(|err| panic!("{arg}: {err}"))
        }

        #[test]
        fn expressions_match() {
            let c = db();
            assert_eq!(run(&c, &[word("bra")]), [1]);
            assert_eq!(run(&c, &[word("BRAND"), word("gu")]), [1]);
            assert_eq!(run(&c, &[word("final_v4")]), [2]);
            assert_eq!(run(&c, &[word("final_v")]), [2]);
            assert_eq!(run(&c, &[word("final-v4.jpg")]), [2]);
            assert_eq!(run(&c, &[word("cafe"), word("creme")]), [3]);
            assert_eq!(run(&c, &[word("CAFÉ")]), [3]);
            assert_eq!(run(&c, &[phrase("summer campaign")]), [4]);
            assert_eq!(run(&c, &[phrase("summer camp")]), Vec::<i64>::new());
            assert_eq!(run(&c, &[word("summer"), word("campaign")]), [4, 5]);
            assert_eq!(run(&c, &[word("campaign"), not(word("2024"))]), [5]);
            assert_eq!(run(&c, &[word("campaign"), not(phrase("summer campaign"))]), [5]);
            assert_eq!(run(&c, &[not(word("campaign"))]), [1, 2, 3, 6, 7, 8, 9]);
            assert_eq!(run(&c, &[not(word("campaign")), not(word("bra"))]), [2, 3, 6, 7, 8, 9]);
            assert_eq!(run(&c, &[word("東京")]), [8]);
            assert_eq!(run(&c, &[word("10:30")]), [9]);
            assert_eq!(run(&c, &[word("http://x")]), [9]);
            assert_eq!(run(&c, &[word("..."), word("meeting")]), [9]);
        }

        #[test]
        fn hostile_input_is_plain_text() {
            let c = db();
            assert_eq!(run(&c, &[word(r#"hi" OR bye"#)]), [6]);
            assert_eq!(run(&c, &[word(r#"a" OR b"#)]), Vec::<i64>::new());
            assert_eq!(run(&c, &[word("NEAR(")]), [7]);
            assert_eq!(run(&c, &[word("col:x")]), [7]);
            assert_eq!(run(&c, &[word("name:brand")]), Vec::<i64>::new());
            let nasty = [
                "*",
                "^x",
                "\"",
                "\"\"",
                "(",
                ")",
                "NEAR(a b, 3)",
                "{name}:x",
                "-",
                "+",
                "AND",
                "OR",
                "NOT",
                "a OR",
                "x*",
                "'",
                "\\",
                ":",
                "name : x",
                "^",
                "\0",
                "\u{E000}",
                "a\"",
                "\"a",
                "NEAR",
                "🙂",
                "x\u{301}",
            ];
            for n in nasty {
                for t in [word(n), phrase(n), not(word(n)), not(phrase(n))] {
                    run(&c, std::slice::from_ref(&t));
                    run(&c, &[word("x"), t.clone()]);
                    run(&c, &[t.clone(), not(word("x"))]);
                }
            }
        }
    }
}
