//! Field rules shared by every way data enters the system (API, CSV import, CLI).

/// ISO 4217 currency codes in active use (2024 list), so a typo such as `EUT` is refused.
const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
    "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC",
    "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS",
    "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD",
    "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
    "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD",
    "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
    "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
    "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
    "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

/// Whether `code` is an ISO 4217 currency code (upper case, as stored).
pub fn is_currency(code: &str) -> bool {
    ISO_4217.binary_search(&code).is_ok()
}

/// A pragmatic e-mail check: one `@`, a non-empty local part, a dotted domain, no spaces,
/// at most 254 characters (RFC 5321's path limit). Deliverability is not our business.
pub fn is_email(email: &str) -> bool {
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// The first control character in `text` that no field may hold: every Unicode control (C0,
/// DEL, C1) except tab, line feed and carriage return, which multi-line notes use. NUL in
/// particular cannot be stored in PostgreSQL's `text`; refusing all of them keeps both stores
/// and every way in (JSON, query strings, CSV) answering alike, and keeps invisible characters
/// out of names that people compare by eye.
pub fn forbidden_control(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Why a text holding `control` (see [`forbidden_control`]) is refused.
pub fn control_character_reason(control: char) -> String {
    format!("must not contain the control character U+{:04X}", u32::from(control))
}

/// The form used for case-insensitive lookups and uniqueness (e-mails, names).
pub fn normalise(text: &str) -> String {
    text.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_list_is_sorted_so_binary_search_works() {
        assert!(ISO_4217.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(is_currency("EUR") && is_currency("CHF"));
        assert!(!is_currency("eur") && !is_currency("EUT") && !is_currency(""));
    }

    #[test]
    fn control_characters_are_refused_except_tab_and_line_breaks() {
        assert_eq!(forbidden_control("line one\r\n\tline two"), None);
        for bad in ['\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}'] {
            assert_eq!(forbidden_control(&format!("ok{bad}ok")), Some(bad), "{:?}", bad);
        }
        assert_eq!(forbidden_control("𝄞 中文 \u{10FFFD} \u{E0041}"), None, "other planes are text");
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert!(is_email("ana.silva@example.com"));
        for bad in ["", "ana", "@example.com", "ana@", "ana@example", "a b@example.com", "a@b@c.com", "ana@.com"] {
            assert!(!is_email(bad), "{bad} accepted");
        }
    }
}
