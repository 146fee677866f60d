//! A contact person's data-protection rights (GDPR): everything held about them, and erasure.
//! Erasure anonymises the person — their fields, their name (and e-mail and phone) wherever it
//! appears in interaction summaries and in the audit trail's before/after values — and keeps
//! the interaction structure, so the continuity figures stay right. Records of the same person
//! at other employers (linked by `previous_contact_id`) are erased with them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, AuditEntry, AuditFilter, Change};
use crate::connection::write_transaction;
use crate::contacts::{self, Contact};
use crate::interactions::{self, Interaction};
use crate::schema::{
    audit_entries, contacts as contacts_table, interaction_contacts, interaction_follow_ups,
    interactions as interactions_table,
};
use crate::{to_db_time, AnyConnection, StoreError, StoreResult};

/// What stands in for an erased name in summaries and audit values.
pub const ERASED: &str = "[erased]";

/// Everything held about one person (all their records across employers).
#[derive(Debug, Clone, Serialize)]
pub struct PersonalData {
    pub records: Vec<Contact>,
    pub interactions: Vec<Interaction>,
    pub audit_entries: Vec<AuditEntry>,
}

/// The person's records: this contact and those linked to it by `previous_contact_id`, either way.
fn same_person(conn: &mut AnyConnection, contact_id: i64) -> StoreResult<Vec<Contact>> {
    let mut ids = vec![contact_id];
    let mut index = 0;
    while index < ids.len() {
        let id = ids[index];
        let contact = contacts::get(conn, id)?.ok_or(StoreError::NotFound)?;
        let mut linked: Vec<i64> = contacts_table::table
            .filter(contacts_table::previous_contact_id.eq(id))
            .select(contacts_table::id)
            .load(conn)?;
        linked.extend(contact.previous_contact_id);
        for other in linked {
            if !ids.contains(&other) {
                ids.push(other);
            }
        }
        index += 1;
    }
    ids.sort_unstable();
    ids.into_iter().map(|id| contacts::get(conn, id)?.ok_or(StoreError::NotFound)).collect()
}

fn interactions_of(conn: &mut AnyConnection, contact_ids: &[i64]) -> StoreResult<Vec<Interaction>> {
    let ids: Vec<i64> = interaction_contacts::table
        .filter(interaction_contacts::contact_id.eq_any(contact_ids.to_vec()))
        .select(interaction_contacts::interaction_id)
        .order(interaction_contacts::interaction_id)
        .load(conn)?;
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        found.extend(interactions::get(conn, id)?);
    }
    Ok(found)
}

fn audit_of(conn: &mut AnyConnection, contact_ids: &[i64]) -> StoreResult<Vec<AuditEntry>> {
    let mut entries = Vec::new();
    for id in contact_ids {
        let filter =
            AuditFilter { entity: Some("contact".into()), entity_id: Some(id.to_string()), ..AuditFilter::default() };
        entries.extend(audit::list(conn, &filter, None, 10_000)?);
    }
    Ok(entries)
}

/// Everything held about the person of `contact_id`.
pub fn export(conn: &mut AnyConnection, contact_id: i64) -> StoreResult<PersonalData> {
    let records = same_person(conn, contact_id)?;
    let ids: Vec<i64> = records.iter().map(|c| c.id).collect();
    Ok(PersonalData { interactions: interactions_of(conn, &ids)?, audit_entries: audit_of(conn, &ids)?, records })
}

/// Replaces every whole-word occurrence of the `needles` (case-insensitive) in `text`.
pub fn redact(text: &str, needles: &[String]) -> String {
    let mut out = text.to_owned();
    for needle in needles.iter().filter(|n| n.chars().count() >= 2) {
        let lower_needle = needle.to_lowercase();
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        loop {
            let lower = rest.to_lowercase();
            // Lower-casing can change byte lengths; fall back to exact matching when it does.
            let position =
                if lower.len() == rest.len() { lower.find(&lower_needle) } else { rest.find(needle.as_str()) };
            let Some(start) = position else {
                result.push_str(rest);
                break;
            };
            let end = start + needle.len();
            let before_ok = rest[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after_ok = rest[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            result.push_str(&rest[..start]);
            result.push_str(if before_ok && after_ok { ERASED } else { &rest[start..end] });
            rest = &rest[end..];
        }
        out = result;
    }
    out
}

/// Erases the person of `contact_id`; answers how many records were anonymised.
pub fn erase(
    conn: &mut AnyConnection,
    contact_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    write_transaction(conn, now, |conn| {
        let records = same_person(conn, contact_id)?;
        let ids: Vec<i64> = records.iter().map(|c| c.id).collect();
        // The full name first, then its parts, then e-mail and phone.
        let mut needles: Vec<String> = Vec::new();
        for record in &records {
            needles.push(record.fields.name.trim().to_owned());
            needles.extend(
                record.fields.name.split_whitespace().filter(|part| part.chars().count() >= 3).map(str::to_owned),
            );
            needles.extend(record.fields.email.clone());
            needles.extend(record.fields.phone.clone());
        }
        needles.retain(|needle| needle != ERASED && !needle.is_empty());
        needles.sort_by_key(|needle| std::cmp::Reverse(needle.len()));
        needles.dedup();

        for record in &records {
            diesel::update(contacts_table::table.find(record.id))
                .set((
                    contacts_table::name.eq(format!("Erased contact {}", record.id)),
                    contacts_table::name_lower.eq(format!("erased contact {}", record.id)),
                    contacts_table::job_title.eq(""),
                    contacts_table::email.eq(None::<String>),
                    contacts_table::phone.eq(None::<String>),
                    contacts_table::external_id.eq(None::<String>),
                    contacts_table::erased_at.eq(Some(to_db_time(now))),
                    contacts_table::version.eq(contacts_table::version + 1),
                    contacts_table::updated_at.eq(to_db_time(now)),
                ))
                .execute(conn)?;
        }
        let accounts: Vec<i64> = {
            let mut accounts: Vec<i64> = records.iter().map(|c| c.account_id).collect();
            accounts.sort_unstable();
            accounts.dedup();
            accounts
        };
        let texts: Vec<(i64, String, Option<String>)> = interactions_table::table
            .filter(interactions_table::account_id.eq_any(accounts.clone()))
            .select((interactions_table::id, interactions_table::summary, interactions_table::resolution))
            .load(conn)?;
        for (id, summary, resolution) in texts {
            let cleaned = redact(&summary, &needles);
            let cleaned_resolution = resolution.as_deref().map(|text| redact(text, &needles));
            if cleaned != summary || cleaned_resolution != resolution {
                diesel::update(interactions_table::table.find(id))
                    .set((
                        interactions_table::summary.eq(cleaned),
                        interactions_table::resolution.eq(cleaned_resolution),
                        interactions_table::version.eq(interactions_table::version + 1),
                    ))
                    .execute(conn)?;
            }
        }
        let notes: Vec<(i64, String)> = interaction_follow_ups::table
            .filter(interaction_follow_ups::account_id.eq_any(accounts.clone()))
            .select((interaction_follow_ups::id, interaction_follow_ups::note))
            .load(conn)?;
        for (id, note) in notes {
            let cleaned = redact(&note, &needles);
            if cleaned != note {
                diesel::update(interaction_follow_ups::table.find(id))
                    .set(interaction_follow_ups::note.eq(cleaned))
                    .execute(conn)?;
            }
        }
        let entries: Vec<(i64, Option<String>, Option<String>)> = audit_entries::table
            .filter(
                audit_entries::account_id.eq_any(accounts.clone()).or(audit_entries::entity
                    .eq("contact")
                    .and(audit_entries::entity_id.eq_any(ids.iter().map(|id| id.to_string()).collect::<Vec<_>>()))),
            )
            .select((audit_entries::id, audit_entries::before_json, audit_entries::after_json))
            .load(conn)?;
        for (id, before, after) in entries {
            // Redacting inside JSON text keeps it valid: the replacement has no quotes.
            let (new_before, new_after) =
                (before.as_deref().map(|t| redact(t, &needles)), after.as_deref().map(|t| redact(t, &needles)));
            if new_before != before || new_after != after {
                diesel::update(audit_entries::table.find(id))
                    .set((audit_entries::before_json.eq(new_before), audit_entries::after_json.eq(new_after)))
                    .execute(conn)?;
            }
        }
        for record in &records {
            let team_id = crate::accounts::team_of(conn, record.account_id)?;
            audit::record(
                conn,
                Change::new(actor_id, "contact", record.id, "erase").on_account(record.account_id, team_id),
                now,
            )?;
        }
        Ok(records.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_replaces_whole_words_only_whatever_the_case() {
        let needles = vec!["Ana Silva".to_owned(), "Ana".to_owned(), "Silva".to_owned()];
        assert_eq!(
            redact("Lunch with Ana Silva; ANA liked it. Analysis by silva.", &needles),
            "Lunch with [erased]; [erased] liked it. Analysis by [erased]."
        );
    }
}
