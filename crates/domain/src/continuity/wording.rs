//! The explanation of a flag in words (PRODUCT.md, "Interfaces", Language): worded from the
//! flag's code and `params` alone, in English or in Dutch, so that stored figures are the same
//! whoever reads them and a request gets them in its own language.
//!
//! The Dutch follows the terms of the firms it is for: *relatiebeheerder* (the owner of an
//! account), *accountteam*, *contactpersoon*, *sleutelpersoon* (the key person), and A-, B-
//! and C-klanten for the tiers.

use super::flags::{
    ChampionGone, ChampionLeftParams, DepartingHolder, DepartingHolderParams, Flag, FlagCode, KeyPersonParams,
    LeaverRef, NoOwnerParams, OpenComplaintParams, PolicyBreachParams, SingleContactParams, SingleOwnerParams,
    SingleThreadedParams, StaleParams,
};
use super::ids::{ContactId, UserId};
use crate::language::Language;
use crate::model::UserStatus;

use Language::{Dutch, English};

/// Why `flag` is raised, naming its people and figures, in `language`.
pub fn explain(flag: &Flag, language: Language) -> String {
    match flag {
        Flag::NoOwner(params) => no_owner(params, language),
        Flag::SingleOwner(params) => single_owner(params, language),
        Flag::KeyPerson(params) => key_person(params, language),
        Flag::SingleContact(params) => single_contact(params, language),
        Flag::SingleThreaded(params) => single_threaded(params, language),
        Flag::DepartingHolder(params) => departing_holder(params, language),
        Flag::ChampionLeft(params) => champion_left(params, language),
        Flag::Stale(params) => stale(params, language),
        Flag::OpenComplaint(params) => open_complaint(params, language),
        Flag::PolicyBreach(params) => policy_breach(params, language),
    }
}

/// The flag's name as a heading or a list shows it: "Key person", "Sleutelpersoon".
pub fn flag_name(code: FlagCode, language: Language) -> &'static str {
    let (english, dutch) = match code {
        FlagCode::NoOwner => ("No owner", "Geen relatiebeheerder"),
        FlagCode::SingleOwner => ("Single owner", "Eén medewerker in het accountteam"),
        FlagCode::KeyPerson => ("Key person", "Sleutelpersoon"),
        FlagCode::SingleContact => ("Single contact", "Eén contactpersoon"),
        FlagCode::SingleThreaded => ("Single thread", "Relatie aan één draad"),
        FlagCode::DepartingHolder => ("Departing holder", "Relatiebeheerder vertrekt"),
        FlagCode::ChampionLeft => ("Champion left", "Ambassadeur bij de klant vertrokken"),
        FlagCode::Stale => ("No recent conversation", "Geen recent gesprek"),
        FlagCode::OpenComplaint => ("Open complaint", "Openstaande klacht"),
        FlagCode::PolicyBreach => ("Coverage policy not met", "Dekkingsbeleid niet gehaald"),
    };
    match language {
        English => english,
        Dutch => dutch,
    }
}

/// A person's name, or who they were when the records no longer hold it.
fn employee_name(name: Option<&str>, user_id: UserId, language: Language) -> String {
    match (name, language) {
        (Some(name), _) => name.to_owned(),
        (None, English) => format!("user {user_id}"),
        (None, Dutch) => format!("medewerker {user_id}"),
    }
}

fn contact_name(name: Option<&str>, contact_id: ContactId, language: Language) -> String {
    match (name, language) {
        (Some(name), _) => name.to_owned(),
        (None, English) => format!("contact {contact_id}"),
        (None, Dutch) => format!("contactpersoon {contact_id}"),
    }
}

/// "Bob Ray (leaving, leave date 2026-02-28)"; "Bob Ray (vertrekt per 28 februari 2026)".
fn leaver_name(leaver: &LeaverRef, language: Language) -> String {
    let name = employee_name(leaver.name.as_deref(), leaver.user_id, language);
    let Some(status) = leaver.status else {
        return match language {
            English => format!("{name} (former employee)"),
            Dutch => format!("{name} (oud-medewerker)"),
        };
    };
    let date = leaver.leave_date.map(|day| language.date(day));
    match (language, status, date) {
        (English, UserStatus::Active, Some(date)) => format!("{name} (leave date {date})"),
        (English, status, Some(date)) => format!("{name} ({status}, leave date {date})"),
        (English, status, None) => format!("{name} ({status})"),
        (Dutch, UserStatus::Departed, Some(date)) => format!("{name} (vertrokken per {date})"),
        (Dutch, UserStatus::Departed, None) => format!("{name} (vertrokken)"),
        (Dutch, _, Some(date)) => format!("{name} (vertrekt per {date})"),
        (Dutch, _, None) => format!("{name} (vertrekt)"),
    }
}

fn days(n: i64, language: Language) -> String {
    match language {
        English => language.count(n, "day", "days"),
        Dutch => language.count(n, "dag", "dagen"),
    }
}

/// Whole days from ten on (or when whole), else with one decimal: "7 days", "1.5 days".
fn fractional_days(value: f64, language: Language) -> String {
    if value >= 10.0 || value == value.round() {
        return days(value.round() as i64, language);
    }
    match language {
        English => format!("{} days", language.decimal(value, 1)),
        Dutch => format!("{} dagen", language.decimal(value, 1)),
    }
}

fn no_owner(params: &NoOwnerParams, language: Language) -> String {
    let still: Vec<String> = params.still_assigned.iter().map(|leaver| leaver_name(leaver, language)).collect();
    match (language, still.is_empty()) {
        (English, true) => "Nobody is assigned to the account".to_owned(),
        (English, false) => format!("No active employee is assigned; still assigned: {}", still.join(", ")),
        (Dutch, true) => "Niemand is aan deze klant gekoppeld".to_owned(),
        (Dutch, false) => {
            format!("Er is geen actieve medewerker aan deze klant gekoppeld; nog wel gekoppeld: {}", still.join(", "))
        }
    }
}

fn single_owner(params: &SingleOwnerParams, language: Language) -> String {
    let name = employee_name(params.name.as_deref(), params.user_id, language);
    match language {
        English => format!("{name} is the only active employee assigned"),
        Dutch => format!("{name} is de enige actieve medewerker in het accountteam"),
    }
}

fn key_person(params: &KeyPersonParams, language: Language) -> String {
    let name = employee_name(params.name.as_deref(), params.user_id, language);
    let share = language.percent(params.share);
    let fallback = params.fallback_window_days.map(|window| days(window, language));
    match (language, fallback) {
        (English, None) => format!("{name} holds {share} of the relationship strength"),
        (English, Some(window)) => format!(
            "{name} holds {share} of the relationship strength (equal shares over the account team: \
             no personal interaction in the last {window})"
        ),
        (Dutch, None) => format!("{name} is sleutelpersoon met {share} van de relatiesterkte"),
        (Dutch, Some(window)) => format!(
            "{name} is sleutelpersoon met {share} van de relatiesterkte (gelijk verdeeld over het accountteam: \
             de afgelopen {window} geen persoonlijk contact)"
        ),
    }
}

fn single_contact(params: &SingleContactParams, language: Language) -> String {
    let name = params.contact_id.map(|id| contact_name(params.name.as_deref(), id, language));
    match (language, params.current_contacts, params.share, name) {
        (English, 0, ..) => "No current client contact on file".to_owned(),
        (Dutch, 0, ..) => "Er is geen actuele contactpersoon bij de klant bekend".to_owned(),
        (English, _, Some(share), Some(name)) => {
            format!("{name} holds {} of the client-side relationship strength", language.percent(share))
        }
        (Dutch, _, Some(share), Some(name)) => {
            format!("Aan klantzijde loopt {} van de relatiesterkte via {name}", language.percent(share))
        }
        (English, _, _, name) => {
            format!("Only one current client contact on file{}", name.map(|n| format!(": {n}")).unwrap_or_default())
        }
        (Dutch, _, _, name) => format!(
            "Er is maar één actuele contactpersoon bij de klant bekend{}",
            name.map(|n| format!(": {n}")).unwrap_or_default()
        ),
    }
}

fn single_threaded(params: &SingleThreadedParams, language: Language) -> String {
    let employee = employee_name(params.name.as_deref(), params.user_id, language);
    let contact = contact_name(params.contact_name.as_deref(), params.contact_id, language);
    let share = language.percent(params.share);
    match language {
        English => format!(
            "The relationship runs through one thread: {employee} with {contact} carries {share} of the strength"
        ),
        Dutch => {
            format!("De relatie hangt aan één draad: {share} van de relatiesterkte loopt via {employee} en {contact}")
        }
    }
}

fn departing_holder(params: &DepartingHolderParams, language: Language) -> String {
    let reasons: Vec<String> = params
        .holders
        .iter()
        .map(|DepartingHolder { person, share }| {
            let name = leaver_name(person, language);
            match (language, share) {
                (English, Some(share)) => {
                    format!("{name} holds {} of the relationship strength", language.percent(*share))
                }
                (English, None) => format!("{name} is the only owner"),
                (Dutch, Some(share)) => format!("{name} heeft {} van de relatiesterkte", language.percent(*share)),
                (Dutch, None) => format!("{name} is de enige relatiebeheerder"),
            }
        })
        .collect();
    reasons.join("; ")
}

fn champion_left(params: &ChampionLeftParams, language: Language) -> String {
    let reasons: Vec<String> = params
        .contacts
        .iter()
        .map(|ChampionGone { name, share, left_at, .. }| {
            let (share, left_at) = (language.percent(*share), language.date(*left_at));
            match language {
                English => format!(
                    "{name}, holding {share} of the client-side relationship strength, left the client on {left_at}"
                ),
                Dutch => format!(
                    "{name} is op {left_at} bij de klant vertrokken en had {share} van de relatiesterkte aan \
                     klantzijde"
                ),
            }
        })
        .collect();
    reasons.join("; ")
}

fn stale(params: &StaleParams, language: Language) -> String {
    let silence = params.days.map(|n| days(n, language));
    let (Some(silence), Some(last_on)) = (&silence, params.last_on) else {
        return match (language, silence) {
            (English, None) => "No conversation with a client contact on record".to_owned(),
            (English, Some(age)) => {
                format!("No conversation with a client contact on record since the account was created {age} ago")
            }
            (Dutch, None) => "Er is nog geen gesprek met een contactpersoon van de klant vastgelegd".to_owned(),
            (Dutch, Some(age)) => format!(
                "In de {age} sinds de klant is toegevoegd, is er geen gesprek met een contactpersoon van de klant \
                 vastgelegd"
            ),
        };
    };
    let last_on = language.date(last_on);
    let rhythm = params
        .median_gap_days
        .zip(params.gap_multiple)
        .map(|(median, multiple)| (fractional_days(median, language), language.decimal(multiple, 2)));
    match (language, rhythm) {
        (English, None) => format!("No conversation with a client contact for {silence} (last on {last_on})"),
        (English, Some((median, multiple))) => format!(
            "No conversation with a client contact for {silence} (last on {last_on}), more than {multiple} × the \
             median gap of {median} between conversations"
        ),
        (Dutch, None) => {
            format!("Al {silence} geen gesprek met een contactpersoon van de klant (het laatste op {last_on})")
        }
        (Dutch, Some((median, multiple))) => format!(
            "Al {silence} geen gesprek met een contactpersoon van de klant (het laatste op {last_on}): meer dan \
             {multiple} keer de gebruikelijke tijd tussen twee gesprekken (mediaan {median})"
        ),
    }
}

fn open_complaint(params: &OpenComplaintParams, language: Language) -> String {
    let since = language.date(params.oldest_since);
    match (language, params.open_complaints) {
        (English, 1) => format!("1 complaint open since {since}"),
        (English, n) => format!("{n} complaints open, the oldest since {since}"),
        (Dutch, 1) => format!("Er staat sinds {since} een klacht open"),
        (Dutch, n) => format!("Er staan {n} klachten open, de oudste sinds {since}"),
    }
}

fn policy_breach(params: &PolicyBreachParams, language: Language) -> String {
    let count = |n: u32, one: &str, many: &str| language.count(i64::from(n), one, many);
    match language {
        English => format!(
            "Tier {} policy needs ≥ {} and ≥ {}; the account has {} and {}",
            params.tier,
            count(params.min_holders, "holder", "holders"),
            count(params.min_current_contacts, "current contact", "current contacts"),
            count(params.holders, "holder", "holders"),
            count(params.current_contacts, "current contact", "current contacts"),
        ),
        Dutch => format!(
            "Het dekkingsbeleid voor {}-klanten vraagt om minstens {} en {}; deze klant heeft {} en {}",
            params.tier,
            count(params.min_holders, "medewerker die de relatie draagt", "medewerkers die de relatie dragen"),
            count(params.min_current_contacts, "actuele contactpersoon", "actuele contactpersonen"),
            count(params.holders, "medewerker die de relatie draagt", "medewerkers die de relatie dragen"),
            count(params.current_contacts, "actuele contactpersoon", "actuele contactpersonen"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;
    use crate::continuity::test_support::sample_flags;
    use crate::continuity::{ParamDoc, ParamKind};

    const LANGUAGES: [Language; 2] = [English, Dutch];

    /// Words spelt the same in both languages ("gelijk verdeeld over het accountteam").
    const SAME_IN_BOTH: [&str; 1] = ["over"];

    fn params_of(flag: &Flag) -> Value {
        serde_json::to_value(flag).expect("serialises")["params"].clone()
    }

    fn with_params(flag: &Flag, params: Value) -> Flag {
        let mut json = serde_json::to_value(flag).expect("serialises");
        json["params"] = params;
        serde_json::from_value(json).expect("the changed params still read as the flag")
    }

    /// Every non-null value of `params` below its documented keys, by JSON pointer.
    fn leaves(params: &Value, docs: &'static [ParamDoc], at: &str, found: &mut Vec<(String, ParamKind, Value)>) {
        for doc in docs {
            let pointer = format!("{at}/{}", doc.key);
            let value = &params[doc.key];
            match (doc.kind, value) {
                (_, Value::Null) => {}
                (ParamKind::List(items), Value::Array(list)) => {
                    for (index, item) in list.iter().enumerate() {
                        leaves(item, items, &format!("{pointer}/{index}"), found);
                    }
                }
                (kind, value) => found.push((pointer, kind, value.clone())),
            }
        }
    }

    fn words(text: &str) -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|word| word.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    }

    #[test]
    fn every_flag_code_has_wording_in_both_languages() {
        let samples = sample_flags();
        for code in FlagCode::ALL {
            let of_code: Vec<&Flag> = samples.iter().filter(|flag| flag.code() == *code).collect();
            assert!(!of_code.is_empty(), "no sample of {code}");
            for flag in of_code {
                let (english, dutch) = (explain(flag, English), explain(flag, Dutch));
                assert!(!english.is_empty() && !dutch.is_empty(), "{flag:?}");
                assert_ne!(english, dutch, "{flag:?}");
                assert_ne!(flag_name(*code, English), flag_name(*code, Dutch));
                // Whatever the two share must come from the figures (names, tiers), not be
                // English left standing in the Dutch.
                let figures = params_of(flag).to_string().to_lowercase();
                for word in words(&dutch).intersection(&words(&english)).filter(|w| !SAME_IN_BOTH.contains(&w.as_str()))
                {
                    assert!(figures.contains(word.as_str()), "`{word}` is English in: {dutch}");
                }
            }
        }
    }

    #[test]
    fn params_carry_exactly_the_documented_keys() {
        fn check(params: &Value, docs: &'static [ParamDoc], flag: &Flag) {
            let object = params.as_object().unwrap_or_else(|| panic!("params are an object: {flag:?}"));
            let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
            let documented: BTreeSet<&str> = docs.iter().map(|doc| doc.key).collect();
            assert_eq!(keys, documented, "{flag:?}");
            for doc in docs {
                let value = &object[doc.key];
                assert!(doc.nullable || !value.is_null(), "{} is null in {flag:?}", doc.key);
                if let (ParamKind::List(items), Value::Array(list)) = (doc.kind, value) {
                    list.iter().for_each(|item| check(item, items, flag));
                }
            }
        }
        for flag in sample_flags() {
            check(&params_of(&flag), flag.code().params_doc(), &flag);
        }
    }

    #[test]
    fn every_nullable_parameter_is_set_in_some_sample() {
        let mut set = BTreeSet::new();
        for flag in sample_flags() {
            let mut found = Vec::new();
            leaves(&params_of(&flag), flag.code().params_doc(), "", &mut found);
            let code = flag.code().as_str();
            set.extend(found.into_iter().map(|(pointer, ..)| {
                let path: Vec<&str> = pointer.split('/').filter(|part| part.parse::<usize>().is_err()).collect();
                format!("{code}{}", path.join("/"))
            }));
        }
        fn expect(docs: &'static [ParamDoc], at: String, set: &BTreeSet<String>) {
            for doc in docs {
                let path = format!("{at}/{}", doc.key);
                match doc.kind {
                    ParamKind::List(items) => expect(items, path, set),
                    _ => assert!(set.contains(&path), "no sample sets {path}"),
                }
            }
        }
        for code in FlagCode::ALL {
            expect(code.params_doc(), code.as_str().to_owned(), &set);
        }
    }

    #[test]
    fn every_figure_an_explanation_names_is_in_its_params() {
        for flag in sample_flags() {
            // What a client receives is enough to word the flag the same way.
            let received: Flag =
                serde_json::from_value(serde_json::to_value(&flag).expect("serialises")).expect("reads back");
            let mut found = Vec::new();
            leaves(&params_of(&flag), flag.code().params_doc(), "", &mut found);
            let names: Vec<&str> =
                found.iter().filter(|(_, kind, _)| *kind == ParamKind::Name).filter_map(|(.., v)| v.as_str()).collect();
            let mut digits = BTreeSet::new();
            for (_, kind, value) in &found {
                let text = match (kind, value) {
                    (ParamKind::Share, Value::Number(n)) => format!("{:.0}", n.as_f64().unwrap_or_default() * 100.0),
                    (_, Value::String(s)) => s.clone(),
                    (_, other) => other.to_string(),
                };
                for run in text.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty()) {
                    digits.insert(run.trim_start_matches('0').to_owned());
                }
            }
            for language in LANGUAGES {
                let explanation = explain(&flag, language);
                assert_eq!(explanation, explain(&received, language));
                let mut rest = explanation.clone();
                for name in &names {
                    assert!(explanation.contains(name), "{name} is not named in: {explanation}");
                    rest = rest.replace(name, "");
                }
                for run in rest.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty()) {
                    assert!(
                        digits.contains(run.trim_start_matches('0')),
                        "`{run}` is not in the params of: {explanation}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_worded_parameter_changes_the_explanation() {
        for flag in sample_flags() {
            let params = params_of(&flag);
            let mut found = Vec::new();
            leaves(&params, flag.code().params_doc(), "", &mut found);
            for (pointer, kind, value) in found {
                let changed = match (kind, &value) {
                    (ParamKind::Name, Value::String(name)) => Value::String(format!("{name} Jr")),
                    (ParamKind::Share, Value::Number(share)) => {
                        let share = share.as_f64().unwrap_or_default();
                        serde_json::json!(if share < 0.5 { share + 0.3 } else { share - 0.3 })
                    }
                    (ParamKind::Number, Value::Number(n)) => serde_json::json!(n.as_f64().unwrap_or_default() + 1.5),
                    (ParamKind::Date, Value::String(day)) => {
                        let day: chrono::NaiveDate = day.parse().expect("a date");
                        Value::String((day + chrono::Duration::days(1)).to_string())
                    }
                    (ParamKind::UserStatus, Value::String(status)) => {
                        Value::String(if status == "departed" { "leaving" } else { "departed" }.to_owned())
                    }
                    (ParamKind::Tier, Value::String(tier)) => {
                        Value::String(if tier == "A" { "B" } else { "A" }.to_owned())
                    }
                    // Ids name records for clients; counts are held to the text by the test above.
                    _ => continue,
                };
                let mut altered = params.clone();
                *altered.pointer_mut(&pointer).expect("the leaf") = changed;
                let altered = with_params(&flag, altered);
                for language in LANGUAGES {
                    assert_ne!(
                        explain(&flag, language),
                        explain(&altered, language),
                        "{pointer} of {flag:?} is not worded"
                    );
                }
            }
        }
    }
}
