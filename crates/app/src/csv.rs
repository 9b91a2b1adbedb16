//! The one CSV writer every export uses (RFC 4180, UTF-8, `\r\n` between records).
//!
//! Cells that a spreadsheet would take for a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) get a `'` in front, as OWASP advises against CSV
//! injection; cells holding a comma, a quote or a line break are quoted, with quotes
//! doubled. Numbers written by the platform itself go through [`Csv::number`], so a
//! negative amount stays a number.

/// A CSV document being written, one record at a time.
#[derive(Debug, Default, Clone)]
pub struct Csv {
    text: String,
}

/// One cell of a record.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    /// Text from people or other systems: neutralised and quoted as needed.
    Text(&'a str),
    /// A number the platform wrote; never neutralised.
    Number(i64),
    /// A decimal amount the platform wrote (e.g. złote from grosze); never neutralised.
    Plain(&'a str),
}

impl Csv {
    /// A document whose first record is `header`.
    pub fn with_header(header: &[&str]) -> Csv {
        let mut csv = Csv::default();
        csv.record(header.iter().map(|h| Cell::Text(h)));
        csv
    }

    /// Appends one record.
    pub fn record<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            match cell {
                Cell::Text(s) => push_text(&mut self.text, s),
                Cell::Number(n) => self.text.push_str(&n.to_string()),
                Cell::Plain(s) => push_text_raw(&mut self.text, s),
            }
        }
        self.text.push_str("\r\n");
    }

    /// A number cell.
    pub fn number(n: i64) -> Cell<'static> {
        Cell::Number(n)
    }

    pub fn into_string(self) -> String {
        self.text
    }
}

/// Whether a spreadsheet would read the cell as a formula.
fn looks_like_formula(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

fn push_text(out: &mut String, s: &str) {
    if looks_like_formula(s) {
        let guarded = format!("'{s}");
        push_text_raw(out, &guarded);
    } else {
        push_text_raw(out, s);
    }
}

/// Quotes a cell when it holds a separator, a quote or a line break.
fn push_text_raw(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(cell: Cell) -> String {
        let mut c = Csv::default();
        c.record([cell]);
        c.into_string()
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            one(Cell::Text("=HYPERLINK(\"http://evil\")")),
            "\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n"
        );
        for s in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            let out = one(Cell::Text(s));
            assert!(
                out.starts_with(&format!("'{}", &s[..1])) || out.starts_with("\"'"),
                "{s:?} → {out:?}"
            );
        }
        assert_eq!(one(Cell::Text("Park")), "Park\r\n");
        assert_eq!(
            one(Cell::Text("a-b")),
            "a-b\r\n",
            "only the first character"
        );
    }

    #[test]
    fn numbers_of_the_platform_stay_numbers() {
        assert_eq!(one(Csv::number(-5)), "-5\r\n");
        assert_eq!(one(Cell::Plain("-12.50")), "-12.50\r\n");
    }

    #[test]
    fn line_breaks_and_quotes_are_quoted() {
        let mut c = Csv::with_header(&["id", "name"]);
        c.record([Csv::number(1), Cell::Text("Ławka\nprzy \"Stawie\", nowa")]);
        c.record([Csv::number(2), Cell::Text("a\r\nb")]);
        assert_eq!(
            c.into_string(),
            "id,name\r\n1,\"Ławka\nprzy \"\"Stawie\"\", nowa\"\r\n2,\"a\r\nb\"\r\n"
        );
    }

    #[test]
    fn a_neutralised_cell_with_a_break_is_quoted_too() {
        assert_eq!(one(Cell::Text("=1\n2")), "\"'=1\n2\"\r\n");
    }
}
