//! Loads the demo firm of the domain crate (`continuity serve --demo`, `continuity seed
//! --demo`) into an empty store, then computes every account's figures and today's snapshot.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use continuity_domain::demo::DemoFirm;
use continuity_domain::validation::normalise;
use diesel::prelude::*;

use crate::audit::{self, Change};
use crate::campaigns::{self, CampaignDraft};
use crate::connection::write_transaction;
use crate::schema::{
    account_links, accounts, assignments, contacts, coverage_policies, default_team_members, events,
    interaction_contacts, interaction_employees, interaction_follow_ups, interactions, team_leads, teams, users,
};
use crate::{figures, to_db_time, AnyConnection, StoreError, StoreResult};

/// What a seed wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub users: usize,
    pub accounts: usize,
    pub contacts: usize,
    pub interactions: usize,
}

/// Whether the store holds any account yet (the demo firm is only loaded into an empty one).
pub fn has_accounts(conn: &mut AnyConnection) -> StoreResult<bool> {
    let count: i64 = accounts::table.count().get_result(conn)?;
    Ok(count > 0)
}

fn missing(what: &str, key: &str) -> StoreError {
    StoreError::Corrupt(format!("the demo firm refers to an unknown {what} `{key}`"))
}

/// Inserts the demo firm (every user gets `password_hash`) in one transaction, then computes
/// the figures of every account. Refuses a store that already has accounts.
pub fn load_demo(
    conn: &mut AnyConnection,
    firm: &DemoFirm,
    password_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<SeedReport> {
    write_transaction(conn, now, |conn| {
        if has_accounts(conn)? {
            return Err(StoreError::NotEmpty);
        }
        let stamp = to_db_time(now);
        let mut team_ids: HashMap<&str, i64> = HashMap::new();
        for team in &firm.teams {
            let id: i64 = diesel::insert_into(teams::table)
                .values((
                    teams::name.eq(&team.name),
                    teams::name_lower.eq(normalise(&team.name)),
                    teams::created_at.eq(stamp),
                ))
                .returning(teams::id)
                .get_result(conn)
                .map_err(|e| StoreError::on_unique(e, "name"))?;
            team_ids.insert(&team.key, id);
        }
        let mut user_ids: HashMap<&str, i64> = HashMap::new();
        for user in &firm.users {
            let team_id = user
                .team_key
                .as_deref()
                .map(|key| team_ids.get(key).copied().ok_or_else(|| missing("team", key)))
                .transpose()?;
            let id: i64 = diesel::insert_into(users::table)
                .values((
                    users::email.eq(&user.email),
                    users::email_lower.eq(normalise(&user.email)),
                    users::display_name.eq(&user.display_name),
                    users::role.eq(user.role.as_str()),
                    users::team_id.eq(team_id),
                    users::status.eq(user.status.as_str()),
                    users::leave_date.eq(user.leave_date),
                    users::non_solicitation_until.eq(user.non_solicitation_until),
                    users::non_compete_until.eq(user.non_compete_until),
                    users::password_hash.eq(password_hash),
                    users::created_at.eq(stamp),
                    users::updated_at.eq(stamp),
                ))
                .returning(users::id)
                .get_result(conn)
                .map_err(|e| StoreError::on_unique(e, "email"))?;
            user_ids.insert(&user.key, id);
            for team_key in &user.lead_of_team_keys {
                let team_id = *team_ids.get(team_key.as_str()).ok_or_else(|| missing("team", team_key))?;
                diesel::insert_into(team_leads::table)
                    .values((team_leads::team_id.eq(team_id), team_leads::user_id.eq(id)))
                    .execute(conn)?;
            }
        }
        let user = |key: &str| user_ids.get(key).copied().ok_or_else(|| missing("user", key));
        for member in &firm.default_team_members {
            diesel::insert_into(default_team_members::table)
                .values((
                    default_team_members::user_id.eq(user(&member.user_key)?),
                    default_team_members::member_id.eq(user(&member.member_user_key)?),
                    default_team_members::role.eq(member.role.as_str()),
                    default_team_members::access.eq(member.access.as_str()),
                ))
                .execute(conn)?;
        }
        for policy in &firm.coverage_policies.policies {
            diesel::insert_into(coverage_policies::table)
                .values((
                    coverage_policies::tier.eq(policy.tier.as_str()),
                    coverage_policies::min_holders.eq(i32::try_from(policy.min_holders).unwrap_or(i32::MAX)),
                    coverage_policies::min_contacts.eq(i32::try_from(policy.min_current_contacts).unwrap_or(i32::MAX)),
                ))
                .execute(conn)?;
        }
        let mut account_ids: HashMap<&str, i64> = HashMap::new();
        for account in &firm.accounts {
            let team_id = *team_ids.get(account.team_key.as_str()).ok_or_else(|| missing("team", &account.team_key))?;
            let created = to_db_time(account.created_at);
            let id: i64 = diesel::insert_into(accounts::table)
                .values((
                    accounts::external_id.eq(&account.external_id),
                    accounts::name.eq(&account.name),
                    accounts::name_lower.eq(normalise(&account.name)),
                    accounts::tier.eq(account.tier.as_str()),
                    accounts::region.eq(&account.region),
                    accounts::team_id.eq(team_id),
                    accounts::annual_value_minor.eq(account.annual_value_minor),
                    accounts::currency.eq(&account.currency),
                    accounts::status.eq(account.status.as_str()),
                    accounts::created_at.eq(created),
                    accounts::updated_at.eq(created),
                ))
                .returning(accounts::id)
                .get_result(conn)?;
            account_ids.insert(&account.external_id, id);
        }
        let account = |key: &str| account_ids.get(key).copied().ok_or_else(|| missing("account", key));
        for link in &firm.account_links {
            diesel::insert_into(account_links::table)
                .values((
                    account_links::account_id.eq(account(&link.account_external_id)?),
                    account_links::other_account_id.eq(account(&link.other_account_external_id)?),
                    account_links::kind.eq(link.kind.as_str()),
                    account_links::created_at.eq(stamp),
                ))
                .execute(conn)?;
        }
        let mut contact_ids: HashMap<&str, (i64, i64)> = HashMap::new();
        for contact in &firm.contacts {
            let account_id = account(&contact.account_external_id)?;
            let previous = contact
                .previous_contact_external_id
                .as_deref()
                .map(|key| contact_ids.get(key).map(|(id, _)| *id).ok_or_else(|| missing("contact", key)))
                .transpose()?;
            let id: i64 = diesel::insert_into(contacts::table)
                .values((
                    contacts::account_id.eq(account_id),
                    contacts::external_id.eq(&contact.external_id),
                    contacts::name.eq(&contact.name),
                    contacts::name_lower.eq(normalise(&contact.name)),
                    contacts::job_title.eq(&contact.job_title),
                    contacts::email.eq(Some(&contact.email)),
                    contacts::phone.eq(&contact.phone),
                    contacts::influence.eq(contact.influence.as_str()),
                    contacts::left_at.eq(contact.left_at),
                    contacts::previous_contact_id.eq(previous),
                    contacts::created_at.eq(stamp),
                    contacts::updated_at.eq(stamp),
                ))
                .returning(contacts::id)
                .get_result(conn)?;
            contact_ids.insert(&contact.external_id, (id, account_id));
        }
        for assignment in &firm.assignments {
            diesel::insert_into(assignments::table)
                .values((
                    assignments::account_id.eq(account(&assignment.account_external_id)?),
                    assignments::user_id.eq(user(&assignment.user_key)?),
                    assignments::role.eq(assignment.role.as_str()),
                    assignments::access.eq(assignment.access.as_str()),
                    assignments::since.eq(to_db_time(assignment.since)),
                    assignments::until.eq(assignment.until.map(to_db_time)),
                ))
                .execute(conn)?;
        }
        let mut interaction_ids: HashMap<&str, (i64, i64)> = HashMap::new();
        for interaction in &firm.interactions {
            let account_id = account(&interaction.account_external_id)?;
            let follow_up = interaction.follow_up_user_key.as_deref().map(&user).transpose()?;
            let id: i64 = diesel::insert_into(interactions::table)
                .values((
                    interactions::account_id.eq(account_id),
                    interactions::external_id.eq(&interaction.external_id),
                    interactions::kind.eq(interaction.kind.as_str()),
                    interactions::occurred_at.eq(to_db_time(interaction.occurred_at)),
                    interactions::summary.eq(&interaction.summary),
                    interactions::on_behalf_of.eq(interaction.on_behalf_of.as_str()),
                    interactions::complaint_status.eq(interaction.complaint_status.map(|s| s.as_str())),
                    interactions::resolved_at.eq(interaction.resolved_at.map(to_db_time)),
                    interactions::follow_up_owner_id.eq(follow_up),
                    interactions::follow_up_due.eq(interaction.follow_up_due),
                    interactions::created_at.eq(to_db_time(interaction.occurred_at)),
                    interactions::resolution.eq(&interaction.resolution),
                ))
                .returning(interactions::id)
                .get_result(conn)?;
            interaction_ids.insert(&interaction.external_id, (id, account_id));
            let employee_ids =
                interaction.employee_keys.iter().map(|key| user(key)).collect::<StoreResult<Vec<_>>>()?;
            let contacts = interaction
                .contact_external_ids
                .iter()
                .map(|key| {
                    contact_ids
                        .get(key.as_str())
                        .map(|&(contact_id, _)| contact_id)
                        .ok_or_else(|| missing("contact", key))
                })
                .collect::<StoreResult<Vec<_>>>()?;
            crate::interactions::insert_participants(conn, account_id, id, &employee_ids, &contacts)?;
        }
        for event in &firm.events {
            let id: i64 = diesel::insert_into(events::table)
                .values((
                    events::name.eq(&event.name),
                    events::name_lower.eq(normalise(&event.name)),
                    events::kind.eq(event.kind.as_str()),
                    events::occurred_at.eq(to_db_time(event.occurred_at)),
                    events::summary.eq(&event.summary),
                    events::status.eq(event.status.as_str()),
                    events::created_at.eq(to_db_time(event.occurred_at)),
                    events::updated_at.eq(to_db_time(event.occurred_at)),
                ))
                .returning(events::id)
                .get_result(conn)?;
            let employee_ids = event.employee_keys.iter().map(|key| user(key)).collect::<StoreResult<_>>()?;
            let attendees = event
                .contact_external_ids
                .iter()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .map(|key| contact_ids.get(key.as_str()).copied().ok_or_else(|| missing("contact", key)))
                .collect::<StoreResult<Vec<_>>>()?;
            crate::events::insert_people(conn, id, employee_ids, &attendees)?;
            for key in &event.touchpoint_external_ids {
                let (interaction_id, _) =
                    *interaction_ids.get(key.as_str()).ok_or_else(|| missing("interaction", key))?;
                diesel::update(interactions::table.find(interaction_id))
                    .set(interactions::event_id.eq(Some(id)))
                    .execute(conn)?;
            }
        }
        for follow_up in &firm.follow_ups {
            let key = follow_up.interaction_external_id.as_str();
            let (interaction_id, account_id) = *interaction_ids.get(key).ok_or_else(|| missing("interaction", key))?;
            diesel::insert_into(interaction_follow_ups::table)
                .values((
                    interaction_follow_ups::account_id.eq(account_id),
                    interaction_follow_ups::interaction_id.eq(interaction_id),
                    interaction_follow_ups::note.eq(&follow_up.note),
                    interaction_follow_ups::author_id.eq(user(&follow_up.author_user_key)?),
                    interaction_follow_ups::created_at.eq(to_db_time(follow_up.created_at)),
                ))
                .execute(conn)?;
        }
        // Campaigns go through the store's own writes; a sent one is sent on its day (the
        // figures its touchpoints move are brought current for today when the seed commits).
        for campaign in &firm.campaigns {
            let team_id = campaign
                .team_key
                .as_deref()
                .map(|key| team_ids.get(key).copied().ok_or_else(|| missing("team", key)))
                .transpose()?;
            let draft = CampaignDraft {
                name: campaign.name.clone(),
                kind: campaign.kind,
                team_id,
                target: campaign.target.clone(),
            };
            let created =
                campaigns::create(conn, &draft, Some(user(&campaign.created_by_user_key)?), campaign.created_at)?;
            if let Some(send) = &campaign.sent {
                campaigns::send(
                    conn,
                    created.id,
                    created.version,
                    send.acknowledge_reason.as_deref(),
                    Some(user(&send.sent_by_user_key)?),
                    send.at,
                )?;
            }
        }
        audit::record(conn, Change::new(None, "firm", "demo", "seed"), now)?;
        Ok(())
    })?;
    figures::take_snapshots(conn, now)?;
    Ok(SeedReport {
        users: firm.users.len(),
        accounts: firm.accounts.len(),
        contacts: firm.contacts.len(),
        interactions: firm.interactions.len(),
    })
}

/// How far a scale load has got, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleProgress {
    pub accounts_loaded: u64,
    pub accounts_total: u64,
}

/// Accounts written per transaction by [`load_scale`].
const SCALE_ACCOUNTS_PER_FLUSH: u64 = 2_000;
/// Rows per multi-row INSERT on SQLite (12 columns at most: well under its bind limit).
const SQLITE_ROWS_PER_INSERT: usize = 1_000;
/// Synthetic ids leave room for this many contacts, assignments and interactions per account
/// (the scale firm makes at most 6, 4 and 30).
const CONTACT_IDS_PER_ACCOUNT: i64 = 8;
const ASSIGNMENT_IDS_PER_ACCOUNT: i64 = 4;
const INTERACTION_IDS_PER_ACCOUNT: i64 = 64;

/// Inserts a batch of rows: COPY on PostgreSQL, multi-row INSERTs on SQLite (batch inserts do
/// not compile through the connection enum).
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {
        if !$rows.is_empty() {
            match $conn {
                AnyConnection::Postgresql(pg) => {
                    diesel::copy_from($table).from_insertable(&$rows).execute(pg)?;
                }
                AnyConnection::Sqlite(sqlite) => {
                    for chunk in $rows.chunks(SQLITE_ROWS_PER_INSERT) {
                        diesel::insert_into($table).values(chunk).execute(sqlite)?;
                    }
                }
            }
            $rows.clear();
        }
    };
}

fn id_from(index: u64) -> StoreResult<i64> {
    i64::try_from(index).map_err(|_| StoreError::Corrupt("too many rows for an id".into()))
}

/// Loads `ScaleFirm::new(account_count, seed, now)` into a store without accounts, streaming
/// it in batches (constant memory): every user gets `password_hash`. Ids are assigned here
/// (accounts `index + 1`, contacts and interactions as in `ScaleFirm::account_facts`), after
/// any team or user already present, and PostgreSQL's identity sequences are moved past them.
/// Then computes every account's figures and today's snapshot. `progress` is called about
/// every 5 % of the accounts.
pub fn load_scale(
    conn: &mut AnyConnection,
    account_count: u64,
    seed: u64,
    password_hash: &str,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(ScaleProgress),
) -> StoreResult<SeedReport> {
    use continuity_domain::demo::ScaleFirm;

    if has_accounts(conn)? {
        return Err(StoreError::NotEmpty);
    }
    let firm = ScaleFirm::new(account_count, seed, now);
    let stamp = to_db_time(now);
    let team_base: i64 = teams::table.select(diesel::dsl::max(teams::id)).first::<Option<i64>>(conn)?.unwrap_or(0);
    let user_base: i64 = users::table.select(diesel::dsl::max(users::id)).first::<Option<i64>>(conn)?.unwrap_or(0);

    let mut team_ids: HashMap<String, i64> = HashMap::new();
    let mut user_ids: HashMap<String, i64> = HashMap::new();
    let firm_users = firm.users();
    write_transaction(conn, now, |conn| {
        let mut team_rows = Vec::new();
        for (index, team) in firm.teams().into_iter().enumerate() {
            let id = team_base + id_from(index as u64)? + 1;
            team_rows.push((
                teams::id.eq(id),
                teams::name_lower.eq(normalise(&team.name)),
                teams::name.eq(team.name),
                teams::created_at.eq(stamp),
            ));
            team_ids.insert(team.key, id);
        }
        insert_rows!(conn, teams::table, team_rows);
        let mut user_rows = Vec::new();
        let mut lead_rows = Vec::new();
        for (index, user) in firm_users.iter().enumerate() {
            let id = user_base + id_from(index as u64)? + 1;
            let team_id = user
                .team_key
                .as_deref()
                .map(|key| team_ids.get(key).copied().ok_or_else(|| missing("team", key)))
                .transpose()?;
            for key in &user.lead_of_team_keys {
                let team_id = *team_ids.get(key.as_str()).ok_or_else(|| missing("team", key))?;
                lead_rows.push((team_leads::team_id.eq(team_id), team_leads::user_id.eq(id)));
            }
            user_rows.push((
                users::id.eq(id),
                users::email.eq(user.email.as_str()),
                users::email_lower.eq(normalise(&user.email)),
                users::display_name.eq(user.display_name.as_str()),
                users::role.eq(user.role.as_str()),
                users::team_id.eq(team_id),
                users::status.eq(user.status.as_str()),
                users::leave_date.eq(user.leave_date),
                users::non_solicitation_until.eq(user.non_solicitation_until),
                users::non_compete_until.eq(user.non_compete_until),
                users::password_hash.eq(password_hash),
                users::created_at.eq(stamp),
                users::updated_at.eq(stamp),
            ));
            user_ids.insert(user.key.clone(), id);
        }
        insert_rows!(conn, users::table, user_rows);
        insert_rows!(conn, team_leads::table, lead_rows);
        if coverage_policies::table.count().get_result::<i64>(conn)? == 0 {
            for policy in &firm.coverage_policies().policies {
                diesel::insert_into(coverage_policies::table)
                    .values((
                        coverage_policies::tier.eq(policy.tier.as_str()),
                        coverage_policies::min_holders.eq(i32::try_from(policy.min_holders).unwrap_or(i32::MAX)),
                        coverage_policies::min_contacts
                            .eq(i32::try_from(policy.min_current_contacts).unwrap_or(i32::MAX)),
                    ))
                    .execute(conn)?;
            }
        }
        Ok::<(), StoreError>(())
    })?;
    let user = |key: &str| user_ids.get(key).copied().ok_or_else(|| missing("user", key));

    let mut account_rows = Vec::new();
    let mut contact_rows = Vec::new();
    let mut assignment_rows = Vec::new();
    let mut interaction_rows = Vec::new();
    let mut employee_rows = Vec::new();
    let mut participant_rows = Vec::new();
    let (mut contact_count, mut interaction_count) = (0usize, 0usize);
    let step = (account_count / 20).max(1);
    let mut accounts = firm.accounts().peekable();
    while accounts.peek().is_some() {
        let mut loaded = 0;
        for scale_account in accounts.by_ref().take(usize::try_from(SCALE_ACCOUNTS_PER_FLUSH).unwrap_or(usize::MAX)) {
            loaded = scale_account.index + 1;
            let account = &scale_account.account;
            let account_id = id_from(scale_account.index)? + 1;
            let base = account_id - 1;
            let team_id = *team_ids.get(account.team_key.as_str()).ok_or_else(|| missing("team", &account.team_key))?;
            let created = to_db_time(account.created_at);
            account_rows.push((
                accounts::id.eq(account_id),
                accounts::external_id.eq(Some(account.external_id.clone())),
                accounts::name_lower.eq(normalise(&account.name)),
                accounts::name.eq(account.name.clone()),
                accounts::tier.eq(account.tier.as_str()),
                accounts::region.eq(account.region.clone()),
                accounts::team_id.eq(team_id),
                accounts::annual_value_minor.eq(account.annual_value_minor),
                accounts::currency.eq(account.currency.clone()),
                accounts::status.eq(account.status.as_str()),
                accounts::created_at.eq(created),
                accounts::updated_at.eq(created),
            ));
            let mut contact_ids: HashMap<&str, i64> = HashMap::new();
            for (position, contact) in scale_account.contacts.iter().enumerate() {
                let id = base * CONTACT_IDS_PER_ACCOUNT + id_from(position as u64)? + 1;
                contact_ids.insert(&contact.external_id, id);
                contact_rows.push((
                    contacts::id.eq(id),
                    contacts::account_id.eq(account_id),
                    contacts::external_id.eq(Some(contact.external_id.clone())),
                    contacts::name_lower.eq(normalise(&contact.name)),
                    contacts::name.eq(contact.name.clone()),
                    contacts::job_title.eq(contact.job_title.clone()),
                    contacts::email.eq(Some(contact.email.clone())),
                    contacts::phone.eq(contact.phone.clone()),
                    contacts::influence.eq(contact.influence.as_str()),
                    contacts::left_at.eq(contact.left_at),
                    contacts::created_at.eq(stamp),
                    contacts::updated_at.eq(stamp),
                ));
            }
            contact_count += scale_account.contacts.len();
            for (position, assignment) in scale_account.assignments.iter().enumerate() {
                assignment_rows.push((
                    assignments::id.eq(base * ASSIGNMENT_IDS_PER_ACCOUNT + id_from(position as u64)? + 1),
                    assignments::account_id.eq(account_id),
                    assignments::user_id.eq(user(&assignment.user_key)?),
                    assignments::role.eq(assignment.role.as_str()),
                    assignments::access.eq(assignment.access.as_str()),
                    assignments::since.eq(to_db_time(assignment.since)),
                    assignments::until.eq(assignment.until.map(to_db_time)),
                ));
            }
            for (position, interaction) in scale_account.interactions.iter().enumerate() {
                let id = base * INTERACTION_IDS_PER_ACCOUNT + id_from(position as u64)? + 1;
                let follow_up = interaction.follow_up_user_key.as_deref().map(&user).transpose()?;
                interaction_rows.push((
                    interactions::id.eq(id),
                    interactions::account_id.eq(account_id),
                    interactions::external_id.eq(Some(interaction.external_id.clone())),
                    interactions::kind.eq(interaction.kind.as_str()),
                    interactions::occurred_at.eq(to_db_time(interaction.occurred_at)),
                    interactions::summary.eq(interaction.summary.clone()),
                    interactions::on_behalf_of.eq(interaction.on_behalf_of.as_str()),
                    interactions::complaint_status.eq(interaction.complaint_status.map(|s| s.as_str())),
                    interactions::resolved_at.eq(interaction.resolved_at.map(to_db_time)),
                    interactions::follow_up_owner_id.eq(follow_up),
                    interactions::follow_up_due.eq(interaction.follow_up_due),
                    interactions::created_at.eq(to_db_time(interaction.occurred_at)),
                ));
                for key in &interaction.employee_keys {
                    employee_rows.push((
                        interaction_employees::account_id.eq(account_id),
                        interaction_employees::interaction_id.eq(id),
                        interaction_employees::user_id.eq(user(key)?),
                    ));
                }
                for key in &interaction.contact_external_ids {
                    let contact_id = *contact_ids.get(key.as_str()).ok_or_else(|| missing("contact", key))?;
                    participant_rows.push((
                        interaction_contacts::account_id.eq(account_id),
                        interaction_contacts::interaction_id.eq(id),
                        interaction_contacts::contact_id.eq(contact_id),
                    ));
                }
            }
            interaction_count += scale_account.interactions.len();
        }
        write_transaction(conn, now, |conn| {
            insert_rows!(conn, accounts::table, account_rows);
            insert_rows!(conn, contacts::table, contact_rows);
            insert_rows!(conn, assignments::table, assignment_rows);
            insert_rows!(conn, interactions::table, interaction_rows);
            insert_rows!(conn, interaction_employees::table, employee_rows);
            insert_rows!(conn, interaction_contacts::table, participant_rows);
            Ok::<(), StoreError>(())
        })?;
        if loaded / step != (loaded - loaded.min(SCALE_ACCOUNTS_PER_FLUSH)) / step || loaded == account_count {
            progress(ScaleProgress { accounts_loaded: loaded, accounts_total: account_count });
        }
    }
    if let AnyConnection::Postgresql(pg) = conn {
        // The ids above were chosen here, not drawn from the identity sequences: move them on.
        for table in ["teams", "users", "accounts", "contacts", "assignments", "interactions"] {
            diesel::sql_query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(max(id), 0) + 1, false) FROM {table}"
            ))
            .execute(pg)?;
        }
        diesel::sql_query("ANALYZE").execute(pg)?;
    }
    audit::record(conn, Change::new(None, "firm", "scale", "seed"), now)?;
    figures::take_snapshots(conn, now)?;
    Ok(SeedReport {
        users: firm_users.len(),
        accounts: usize::try_from(account_count).unwrap_or(usize::MAX),
        contacts: contact_count,
        interactions: interaction_count,
    })
}
