//! The two languages Continuity speaks (PRODUCT.md, "Interfaces", Language): Dutch for the
//! firms it is built for, English as the default; and how figures are written in each.
//!
//! English keeps the forms the API has always answered (`82 %`, ISO dates `2026-12-04`);
//! Dutch writes them as a Dutch reader expects them (`82%`, `4 december 2026`, `1,5`,
//! `€ 1.234,56`), the same forms `Intl` gives the web app for `nl-NL`.

use chrono::{Datelike, NaiveDate};

use crate::model::text_enum;

text_enum!(
    /// A language of the answers: a user's `locale`, or what a request asks for.
    Language { Dutch => "nl", English => "en" }
);

impl Default for Language {
    /// English, when nobody asked for anything else.
    fn default() -> Self {
        Language::English
    }
}

impl Language {
    /// The language of a BCP 47 language tag by its primary subtag: `nl`, `nl-NL` and
    /// `nl-BE` are Dutch, `en` and `en-GB` English; anything else is not ours.
    pub fn of_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Language::ALL.iter().copied().find(|language| primary.eq_ignore_ascii_case(language.as_str()))
    }

    /// `one` or `many` after `n`: "1 day", "3 days"; "1 dag", "3 dagen".
    pub fn count(self, n: i64, one: &str, many: &str) -> String {
        match n {
            1 => format!("1 {one}"),
            _ => format!("{} {many}", self.integer(n)),
        }
    }

    /// A whole number: `12345` in English, `12.345` in Dutch.
    pub fn integer(self, n: i64) -> String {
        match self {
            Language::English => n.to_string(),
            Language::Dutch => group_thousands(n, '.'),
        }
    }

    /// A share (0–1) as a whole percentage: "82 %" in English, "82%" in Dutch.
    pub fn percent(self, share: f64) -> String {
        let whole = format!("{:.0}", share * 100.0);
        match self {
            Language::English => format!("{whole} %"),
            Language::Dutch => format!("{whole}%"),
        }
    }

    /// A number with at most `decimals` places, trailing zeros dropped: "1.5" or "1,5".
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
        match self {
            Language::English => text.to_owned(),
            Language::Dutch => text.replace('.', ","),
        }
    }

    /// A day: "2026-12-04" in English (as the API has always written it), "4 december 2026"
    /// in Dutch.
    pub fn date(self, day: NaiveDate) -> String {
        match self {
            Language::English => day.to_string(),
            Language::Dutch => format!("{} {} {}", day.day(), DUTCH_MONTHS[day.month0() as usize], day.year()),
        }
    }

    /// An amount in integer minor units with its ISO currency: "EUR 1234.56" in English,
    /// "€ 1.234,56" in Dutch (the euro by its sign, other currencies by their code).
    pub fn money(self, minor: i64, currency: &str) -> String {
        let sign = if minor < 0 { "-" } else { "" };
        let (whole, cents) = (minor.unsigned_abs() / 100, minor.unsigned_abs() % 100);
        match self {
            Language::English => format!("{currency} {sign}{whole}.{cents:02}"),
            Language::Dutch => {
                let symbol = if currency == "EUR" { "€" } else { currency };
                let whole = group_thousands(i64::try_from(whole).unwrap_or(i64::MAX), '.');
                format!("{symbol} {sign}{whole},{cents:02}")
            }
        }
    }

    /// Items joined as a sentence lists them: "a, b and c"; "a, b en c".
    pub fn list(self, items: &[String]) -> String {
        let and = match self {
            Language::English => "and",
            Language::Dutch => "en",
        };
        match items {
            [] => String::new(),
            [only] => only.clone(),
            [first @ .., last] => format!("{} {and} {last}", first.join(", ")),
        }
    }
}

const DUTCH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

fn group_thousands(n: i64, separator: char) -> String {
    let digits = n.unsigned_abs().to_string();
    // ASCII digits: every chunk of bytes is a string.
    let groups: Vec<&str> =
        digits.as_bytes().rchunks(3).rev().map(|group| std::str::from_utf8(group).unwrap_or_default()).collect();
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", groups.join(&separator.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_ours_by_its_primary_subtag() {
        assert_eq!(Language::of_tag("nl"), Some(Language::Dutch));
        assert_eq!(Language::of_tag("nl-NL"), Some(Language::Dutch));
        assert_eq!(Language::of_tag("NL-be"), Some(Language::Dutch));
        assert_eq!(Language::of_tag("en-GB"), Some(Language::English));
        assert_eq!(Language::of_tag("de"), None);
        assert_eq!(Language::of_tag("*"), None);
        assert_eq!(Language::of_tag("nld"), None, "a three-letter code is another subtag");
    }

    #[test]
    fn dutch_writes_figures_as_a_dutch_reader_expects() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).expect("a day");
        assert_eq!(Language::Dutch.date(day), "4 december 2026");
        assert_eq!(Language::English.date(day), "2026-12-04");
        assert_eq!(Language::Dutch.percent(0.8166), "82%");
        assert_eq!(Language::English.percent(0.8166), "82 %");
        assert_eq!(Language::Dutch.money(123_456, "EUR"), "€ 1.234,56");
        assert_eq!(Language::Dutch.money(-5, "CHF"), "CHF -0,05");
        assert_eq!(Language::English.money(123_456, "EUR"), "EUR 1234.56");
        assert_eq!(Language::Dutch.decimal(1.5, 1), "1,5");
        assert_eq!(Language::English.decimal(7.0, 1), "7");
        assert_eq!(Language::Dutch.integer(1_234_567), "1.234.567");
        assert_eq!(Language::Dutch.integer(-1_000), "-1.000");
        assert_eq!(Language::Dutch.integer(999), "999");
    }

    #[test]
    fn counts_and_lists_read_as_sentences() {
        assert_eq!(Language::Dutch.count(1, "dag", "dagen"), "1 dag");
        assert_eq!(Language::Dutch.count(0, "dag", "dagen"), "0 dagen");
        assert_eq!(Language::English.count(3, "day", "days"), "3 days");
        let names = ["Ana".to_owned(), "Bob".to_owned(), "Carla".to_owned()];
        assert_eq!(Language::Dutch.list(&names), "Ana, Bob en Carla");
        assert_eq!(Language::English.list(&names[..2]), "Ana and Bob");
        assert_eq!(Language::English.list(&names[..1]), "Ana");
    }

    #[test]
    fn a_language_travels_as_its_code() {
        assert_eq!(serde_json::to_string(&Language::Dutch).expect("serialises"), "\"nl\"");
        assert_eq!("en".parse::<Language>(), Ok(Language::English));
        assert!("fr".parse::<Language>().is_err());
        assert_eq!(Language::default(), Language::English);
    }
}
