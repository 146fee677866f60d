//! Client accounts, their list with filters and sorting, and the default team applied when a
//! user creates one.

use chrono::{DateTime, NaiveDateTime, Utc};
use continuity_domain::continuity::FlagCode;
use continuity_domain::rules::{self, RuleError};
use continuity_domain::validation::normalise;
use continuity_domain::{Access, AccountStatus, AssignmentRole, Tier};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::{account_risk, accounts, assignments, default_team_members};
use crate::scope::Scope;
use crate::users::escape_like;
use crate::{figures, from_db_time, scope_accounts, to_db_time, AnyConnection, StoreError, StoreResult};

/// A client account with its stored risk summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    pub id: i64,
    /// Its own fields, as written and audited.
    #[serde(flatten)]
    pub fields: AccountFields,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub risk_score: i32,
    pub exposure_minor: i64,
    pub flags: Vec<FlagCode>,
    /// The latest conversation with a client contact (what `stale` reads).
    pub last_contact_at: Option<DateTime<Utc>>,
}

pub use continuity_domain::rules::accounts::AccountFields;

#[derive(Queryable, Selectable)]
#[diesel(table_name = accounts)]
struct AccountRow {
    id: i64,
    external_id: Option<String>,
    name: String,
    tier: String,
    region: String,
    team_id: i64,
    annual_value_minor: i64,
    currency: String,
    status: String,
    version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

type RiskColumns = (i32, i64, String, Option<NaiveDateTime>);

fn risk_columns(
) -> (account_risk::score, account_risk::exposure_minor, account_risk::flags, account_risk::last_contact_at) {
    (account_risk::score, account_risk::exposure_minor, account_risk::flags, account_risk::last_contact_at)
}

fn to_account(
    (row, (score, exposure_minor, flags, last_contact_at)): (AccountRow, RiskColumns),
) -> StoreResult<Account> {
    Ok(Account {
        id: row.id,
        fields: AccountFields {
            external_id: row.external_id,
            name: row.name,
            tier: row.tier.parse().map_err(|e| StoreError::corrupt("accounts.tier", e))?,
            region: row.region,
            team_id: row.team_id,
            annual_value_minor: row.annual_value_minor,
            currency: row.currency,
            status: row.status.parse().map_err(|e| StoreError::corrupt("accounts.status", e))?,
        },
        version: row.version,
        created_at: from_db_time(row.created_at),
        updated_at: from_db_time(row.updated_at),
        risk_score: score,
        exposure_minor,
        flags: flags.split(',').filter(|code| !code.is_empty()).filter_map(|code| code.parse().ok()).collect(),
        last_contact_at: last_contact_at.map(from_db_time),
    })
}

/// The columns an account's [`AccountFields`] fill, for an insert and an update alike.
macro_rules! field_values {
    ($fields:expr) => {
        (
            accounts::external_id.eq(&$fields.external_id),
            accounts::name.eq($fields.name.trim()),
            accounts::name_lower.eq(normalise(&$fields.name)),
            accounts::tier.eq($fields.tier.as_str()),
            accounts::region.eq($fields.region.trim()),
            accounts::team_id.eq($fields.team_id),
            accounts::annual_value_minor.eq($fields.annual_value_minor),
            accounts::currency.eq(&$fields.currency),
            accounts::status.eq($fields.status.as_str()),
        )
    };
}

/// Creates an account, opens the creator's default team on it (and, for a member, makes the
/// creator its owner so they keep seeing what they created), and computes its figures.
pub fn create(
    conn: &mut AnyConnection,
    fields: &AccountFields,
    creator: Option<(i64, bool)>,
    now: DateTime<Utc>,
) -> StoreResult<Account> {
    write_transaction(conn, now, |conn| insert(conn, fields, creator.map(|(user_id, _)| user_id), creator, now))
}

/// [`create`] inside the caller's transaction: `creator` (and whether they become owner)
/// brings the creator's default team; `actor_id` is who the audit names.
pub fn insert(
    conn: &mut AnyConnection,
    fields: &AccountFields,
    actor_id: Option<i64>,
    creator: Option<(i64, bool)>,
    now: DateTime<Utc>,
) -> StoreResult<Account> {
    rules::accounts::check(fields)?;
    crate::teams::require(conn, fields.team_id)?;
    let stamp = to_db_time(now);
    let id: i64 = diesel::insert_into(accounts::table)
        .values((field_values!(fields), accounts::created_at.eq(stamp), accounts::updated_at.eq(stamp)))
        .returning(accounts::id)
        .get_result(conn)
        .map_err(|e| StoreError::on_unique(e, "external_id"))?;
    audit::record(
        conn,
        Change::new(actor_id, "account", id, "create").after(fields).on_account(id, fields.team_id),
        now,
    )?;
    if let Some((creator_id, becomes_owner)) = creator {
        let mut team: Vec<(i64, String, String)> = default_team_members::table
            .filter(default_team_members::user_id.eq(creator_id))
            .select((default_team_members::member_id, default_team_members::role, default_team_members::access))
            .order(default_team_members::member_id)
            .load(conn)?;
        if becomes_owner && !team.iter().any(|(member_id, _, _)| *member_id == creator_id) {
            team.insert(0, (creator_id, AssignmentRole::Owner.as_str().into(), Access::Edit.as_str().into()));
        }
        for (member_id, role, access) in team {
            let assignment_id: i64 = diesel::insert_into(assignments::table)
                .values((
                    assignments::account_id.eq(id),
                    assignments::user_id.eq(member_id),
                    assignments::role.eq(&role),
                    assignments::access.eq(&access),
                    assignments::since.eq(stamp),
                ))
                .returning(assignments::id)
                .get_result(conn)?;
            let after = serde_json::json!({"user_id": member_id.to_string(), "role": role, "access": access});
            audit::record(
                conn,
                Change::new(actor_id, "assignment", assignment_id, "open").after(&after).on_account(id, fields.team_id),
                now,
            )?;
        }
    }
    // The answer carries the account's figures: bring them current first.
    figures::settle(conn, now)?;
    get(conn, &Scope::Firm, id)?.ok_or(StoreError::NotFound)
}

/// The team of an account (audit entries carry it).
pub fn team_of(conn: &mut AnyConnection, account_id: i64) -> StoreResult<i64> {
    accounts::table.find(account_id).select(accounts::team_id).first(conn).optional()?.ok_or(StoreError::NotFound)
}

/// One account, if `scope` may see it.
pub fn get(conn: &mut AnyConnection, scope: &Scope, id: i64) -> StoreResult<Option<Account>> {
    let query = accounts::table
        .inner_join(account_risk::table)
        .filter(accounts::id.eq(id))
        .select((AccountRow::as_select(), risk_columns()))
        .into_boxed();
    let row: Option<(AccountRow, RiskColumns)> = scope_accounts!(query, scope).first(conn).optional()?;
    row.map(to_account).transpose()
}

/// Which of `account_ids` `scope` may see.
pub fn visible_among(
    conn: &mut AnyConnection,
    scope: &Scope,
    account_ids: &[i64],
) -> StoreResult<std::collections::BTreeSet<i64>> {
    if account_ids.is_empty() {
        return Ok(std::collections::BTreeSet::new());
    }
    let query = accounts::table.filter(accounts::id.eq_any(account_ids.to_vec())).select(accounts::id).into_boxed();
    Ok(scope_accounts!(query, scope).load::<i64>(conn)?.into_iter().collect())
}

/// The account with this external id (imports), regardless of scope.
pub fn find_by_external_id(conn: &mut AnyConnection, external_id: &str) -> StoreResult<Option<Account>> {
    let id: Option<i64> =
        accounts::table.filter(accounts::external_id.eq(external_id)).select(accounts::id).first(conn).optional()?;
    match id {
        Some(id) => get(conn, &Scope::Firm, id),
        None => Ok(None),
    }
}

/// Replaces an account's fields if `expected_version` is still current; audits and recomputes.
pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    fields: &AccountFields,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Account> {
    write_transaction(conn, now, |conn| {
        let before = get(conn, &Scope::Firm, id)?.ok_or(StoreError::NotFound)?;
        if before.version != expected_version {
            return Err(StoreError::StaleVersion);
        }
        rules::accounts::check(fields)?;
        if fields.team_id != before.fields.team_id {
            crate::teams::require(conn, fields.team_id)?;
        }
        let changed =
            diesel::update(accounts::table.filter(accounts::id.eq(id).and(accounts::version.eq(expected_version))))
                .set((
                    field_values!(fields),
                    accounts::version.eq(accounts::version + 1),
                    accounts::updated_at.eq(to_db_time(now)),
                ))
                .execute(conn)
                .map_err(|e| StoreError::on_unique(e, "external_id"))?;
        if changed == 0 {
            return Err(StoreError::StaleVersion);
        }
        audit::record(
            conn,
            Change::new(actor_id, "account", id, "update")
                .before(&before.fields)
                .after(fields)
                .on_account(id, fields.team_id),
            now,
        )?;
        figures::settle(conn, now)?;
        get(conn, &Scope::Firm, id)?.ok_or(StoreError::NotFound)
    })
}

/// How an account list is ordered; ties are broken by id so pages never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountSort {
    NameAsc,
    NameDesc,
    ExposureDesc,
    ExposureAsc,
    ScoreDesc,
    ScoreAsc,
    ValueDesc,
    ValueAsc,
}

impl AccountSort {
    /// `name`, `-name`, `exposure`, `-exposure` …: a leading `-` means descending. Exposure,
    /// score and value are most useful largest first, so their bare names sort descending.
    pub fn parse(text: &str) -> Option<AccountSort> {
        Some(match text {
            "name" => AccountSort::NameAsc,
            "-name" => AccountSort::NameDesc,
            "exposure" | "-exposure" => AccountSort::ExposureDesc,
            "+exposure" => AccountSort::ExposureAsc,
            "score" | "-score" => AccountSort::ScoreDesc,
            "+score" => AccountSort::ScoreAsc,
            "annual_value" | "-annual_value" => AccountSort::ValueDesc,
            "+annual_value" => AccountSort::ValueAsc,
            _ => return None,
        })
    }

    pub const ACCEPTED: &'static str =
        "name | -name | exposure (largest first) | +exposure | score | +score | annual_value | +annual_value";
}

/// Where the previous page ended: the sort key of its last row and that row's id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AccountPosition {
    Text(String, i64),
    Number(i64, i64),
}

impl Account {
    /// The position of this row in `sort` order, for the next page's cursor.
    pub fn position(&self, sort: AccountSort) -> AccountPosition {
        match sort {
            AccountSort::NameAsc | AccountSort::NameDesc => {
                AccountPosition::Text(normalise(&self.fields.name), self.id)
            }
            AccountSort::ExposureDesc | AccountSort::ExposureAsc => {
                AccountPosition::Number(self.exposure_minor, self.id)
            }
            AccountSort::ScoreDesc | AccountSort::ScoreAsc => {
                AccountPosition::Number(i64::from(self.risk_score), self.id)
            }
            AccountSort::ValueDesc | AccountSort::ValueAsc => {
                AccountPosition::Number(self.fields.annual_value_minor, self.id)
            }
        }
    }
}

/// Filters of the account list; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    pub team_id: Option<i64>,
    pub tier: Option<Tier>,
    pub region: Option<String>,
    /// Accounts with an open assignment to this user with role `owner`.
    pub owner_id: Option<i64>,
    /// Accounts with any open assignment to this user.
    pub member_id: Option<i64>,
    pub status: Option<AccountStatus>,
    pub flag: Option<FlagCode>,
    /// Accounts with (`true`) or without (`false`) an institutional tie.
    pub institutional_tie: Option<bool>,
    /// Free-text search in the name.
    pub name_contains: Option<String>,
}

/// A page of the accounts `scope` may see, after `after` in `sort` order.
pub fn list(
    conn: &mut AnyConnection,
    scope: &Scope,
    filter: &AccountFilter,
    sort: AccountSort,
    after: Option<&AccountPosition>,
    limit: i64,
) -> StoreResult<Vec<Account>> {
    let mut query = accounts::table
        .inner_join(account_risk::table)
        .select((AccountRow::as_select(), risk_columns()))
        .limit(limit)
        .into_boxed();
    if !matches!((scope, filter.team_id), (Scope::Teams(_), Some(_))) {
        query = scope_accounts!(query, scope);
    }
    // The stored figures carry the account's team (rewritten with every change of it), so the
    // team conditions are repeated on them: a list by exposure then walks the index on
    // `account_risk (team_id, exposure_minor, account_id)` in order and stops at the page's end.
    // A team asked for within the scope's teams is the only team condition (PostgreSQL misjudges
    // the two together); outside them the page is empty.
    match (scope, filter.team_id) {
        (Scope::Teams(team_ids), Some(team_id)) if !team_ids.contains(&team_id) => return Ok(Vec::new()),
        (_, Some(team_id)) => {
            query = query.filter(accounts::team_id.eq(team_id)).filter(account_risk::team_id.eq(team_id));
        }
        (Scope::Teams(team_ids), None) => query = query.filter(account_risk::team_id.eq_any(team_ids.clone())),
        _ => {}
    }
    if let Some(tier) = filter.tier {
        query = query.filter(accounts::tier.eq(tier.as_str()));
    }
    if let Some(region) = &filter.region {
        query = query.filter(accounts::region.eq(region.clone()));
    }
    match filter.status {
        // The same condition on the stored figures: with it SQLite walks the exposure index
        // (a condition on `accounts.status` makes it scan the accounts and sort).
        Some(AccountStatus::Active) => query = query.filter(account_risk::active.eq(true)),
        Some(status) => query = query.filter(accounts::status.eq(status.as_str())),
        None => {}
    }
    if let Some(flag) = filter.flag {
        query = query.filter(account_risk::flags.like(format!("%,{},%", flag.as_str())));
    }
    if let Some(tied) = filter.institutional_tie {
        query = query.filter(account_risk::institutional_tie.eq(tied));
    }
    if let Some(text) = filter.name_contains.as_deref().map(normalise).filter(|text| !text.is_empty()) {
        query = query.filter(accounts::name_lower.like(format!("%{}%", escape_like(&text))).escape('\\'));
    }
    if let Some(owner_id) = filter.owner_id {
        query = query.filter(
            accounts::id.eq_any(
                assignments::table
                    .filter(
                        assignments::user_id
                            .eq(owner_id)
                            .and(assignments::until.is_null())
                            .and(assignments::role.eq(AssignmentRole::Owner.as_str())),
                    )
                    .select(assignments::account_id),
            ),
        );
    }
    if let Some(member_id) = filter.member_id {
        query = query.filter(
            accounts::id.eq_any(
                assignments::table
                    .filter(assignments::user_id.eq(member_id).and(assignments::until.is_null()))
                    .select(assignments::account_id),
            ),
        );
    }
    query = match (sort, after) {
        (AccountSort::NameAsc, Some(AccountPosition::Text(name, id))) => query.filter(
            accounts::name_lower.gt(name.clone()).or(accounts::name_lower.eq(name.clone()).and(accounts::id.gt(*id))),
        ),
        (AccountSort::NameDesc, Some(AccountPosition::Text(name, id))) => query.filter(
            accounts::name_lower.lt(name.clone()).or(accounts::name_lower.eq(name.clone()).and(accounts::id.lt(*id))),
        ),
        (AccountSort::ExposureDesc, Some(AccountPosition::Number(value, id))) => query.filter(
            account_risk::exposure_minor
                .lt(*value)
                .or(account_risk::exposure_minor.eq(*value).and(account_risk::account_id.lt(*id))),
        ),
        (AccountSort::ExposureAsc, Some(AccountPosition::Number(value, id))) => query.filter(
            account_risk::exposure_minor
                .gt(*value)
                .or(account_risk::exposure_minor.eq(*value).and(account_risk::account_id.gt(*id))),
        ),
        (AccountSort::ScoreDesc, Some(AccountPosition::Number(value, id))) => {
            let value = i32::try_from(*value).unwrap_or(i32::MAX);
            query.filter(account_risk::score.lt(value).or(account_risk::score.eq(value).and(accounts::id.lt(*id))))
        }
        (AccountSort::ScoreAsc, Some(AccountPosition::Number(value, id))) => {
            let value = i32::try_from(*value).unwrap_or(i32::MAX);
            query.filter(account_risk::score.gt(value).or(account_risk::score.eq(value).and(accounts::id.gt(*id))))
        }
        (AccountSort::ValueDesc, Some(AccountPosition::Number(value, id))) => query.filter(
            accounts::annual_value_minor
                .lt(*value)
                .or(accounts::annual_value_minor.eq(*value).and(accounts::id.lt(*id))),
        ),
        (AccountSort::ValueAsc, Some(AccountPosition::Number(value, id))) => query.filter(
            accounts::annual_value_minor
                .gt(*value)
                .or(accounts::annual_value_minor.eq(*value).and(accounts::id.gt(*id))),
        ),
        (_, None) => query,
        (_, Some(_)) => return Err(RuleError::invalid("cursor", "the cursor belongs to another sort order").into()),
    };
    query = match sort {
        AccountSort::NameAsc => query.order((accounts::name_lower.asc(), accounts::id.asc())),
        AccountSort::NameDesc => query.order((accounts::name_lower.desc(), accounts::id.desc())),
        AccountSort::ExposureDesc => {
            query.order((account_risk::exposure_minor.desc(), account_risk::account_id.desc()))
        }
        AccountSort::ExposureAsc => query.order((account_risk::exposure_minor.asc(), account_risk::account_id.asc())),
        AccountSort::ScoreDesc => query.order((account_risk::score.desc(), accounts::id.desc())),
        AccountSort::ScoreAsc => query.order((account_risk::score.asc(), accounts::id.asc())),
        AccountSort::ValueDesc => query.order((accounts::annual_value_minor.desc(), accounts::id.desc())),
        AccountSort::ValueAsc => query.order((accounts::annual_value_minor.asc(), accounts::id.asc())),
    };
    let rows: Vec<(AccountRow, RiskColumns)> = query.load(conn)?;
    rows.into_iter().map(to_account).collect()
}

/// Name, annual value and currency of each of `ids` (for lists that show accounts by name).
pub fn names_of(
    conn: &mut AnyConnection,
    ids: Vec<i64>,
) -> StoreResult<std::collections::HashMap<i64, (String, i64, String)>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let rows: Vec<(i64, String, i64, String)> = accounts::table
        .filter(accounts::id.eq_any(ids))
        .select((accounts::id, accounts::name, accounts::annual_value_minor, accounts::currency))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, name, value, currency)| (id, (name, value, currency))).collect())
}
