//! Employees (users). A user is never deleted: a departed user stays as a former holder.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::continuity::Cover;
use continuity_domain::rules::{self, RuleError};
use continuity_domain::validation::normalise;
use continuity_domain::{DeparturePlanStatus, Language, Role, UserStatus};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::users;
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

/// An employee as the rest of the system sees it (never with the password hash).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    /// What can change about them.
    #[serde(flatten)]
    pub profile: UserChanges,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    team_id: Option<i64>,
    status: String,
    leave_date: Option<NaiveDate>,
    non_solicitation_until: Option<NaiveDate>,
    non_compete_until: Option<NaiveDate>,
    version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    locale: Option<String>,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(row: UserRow) -> StoreResult<User> {
        Ok(User {
            id: row.id,
            email: row.email,
            profile: UserChanges {
                display_name: row.display_name,
                role: row.role.parse().map_err(|e| StoreError::corrupt("users.role", e))?,
                team_id: row.team_id,
                status: row.status.parse().map_err(|e| StoreError::corrupt("users.status", e))?,
                leave_date: row.leave_date,
                non_solicitation_until: row.non_solicitation_until,
                non_compete_until: row.non_compete_until,
                locale: row
                    .locale
                    .map(|locale| locale.parse())
                    .transpose()
                    .map_err(|e| StoreError::corrupt("users.locale", e))?,
            },
            version: row.version,
            created_at: from_db_time(row.created_at),
            updated_at: from_db_time(row.updated_at),
        })
    }
}

/// What it takes to create a user; the password arrives already hashed.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub team_id: Option<i64>,
    pub password_hash: &'a str,
    /// The language they are to get; `None`: what their browser asks for.
    pub locale: Option<Language>,
}

/// Creates a user; a sales lead created in a team leads it
/// ([`crate::teams::lead_own_team`]).
pub fn create(
    conn: &mut AnyConnection,
    new: &NewUser<'_>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<User> {
    rules::users::check_new(new.email, new.display_name)?;
    write_transaction(conn, now, |conn| {
        if let Some(team_id) = new.team_id {
            crate::teams::require(conn, team_id)?;
        }
        let user = insert(conn, new, actor_id, now)?;
        crate::teams::lead_own_team(conn, user.id, new.role, new.team_id, actor_id, now)?;
        Ok(user)
    })
}

fn insert(conn: &mut AnyConnection, new: &NewUser<'_>, actor_id: Option<i64>, now: DateTime<Utc>) -> StoreResult<User> {
    let stamp = to_db_time(now);
    let id: i64 = diesel::insert_into(users::table)
        .values((
            users::email.eq(new.email.trim()),
            users::email_lower.eq(normalise(new.email)),
            users::display_name.eq(new.display_name.trim()),
            users::role.eq(new.role.as_str()),
            users::team_id.eq(new.team_id),
            users::status.eq(UserStatus::Active.as_str()),
            users::password_hash.eq(new.password_hash),
            users::locale.eq(new.locale.map(Language::as_str)),
            users::created_at.eq(stamp),
            users::updated_at.eq(stamp),
        ))
        .returning(users::id)
        .get_result(conn)
        .map_err(|e| StoreError::on_unique(e, "email"))?;
    let user = get(conn, id)?.ok_or(StoreError::NotFound)?;
    audit::record(
        conn,
        Change::new(actor_id, "user", user.id, "create").after(&user).on_team(user.profile.team_id),
        now,
    )?;
    Ok(user)
}

pub fn get(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<User>> {
    users::table.find(id).select(UserRow::as_select()).first(conn).optional()?.map(User::try_from).transpose()
}

/// The user with this e-mail (case-insensitive) and their password hash, for sign-in.
pub fn find_for_login(conn: &mut AnyConnection, email: &str) -> StoreResult<Option<(User, String)>> {
    let row: Option<(UserRow, String)> = users::table
        .filter(users::email_lower.eq(normalise(email)))
        .select((UserRow::as_select(), users::password_hash))
        .first(conn)
        .optional()?;
    row.map(|(user, hash)| Ok((User::try_from(user)?, hash))).transpose()
}

pub fn list(conn: &mut AnyConnection) -> StoreResult<Vec<User>> {
    let rows: Vec<UserRow> = users::table.select(UserRow::as_select()).order(users::id).load(conn)?;
    rows.into_iter().map(User::try_from).collect()
}

/// Makes sure an admin with this e-mail exists; answers whether one was created. An existing
/// user keeps their password (the environment only seeds the first one) but is made admin.
pub fn ensure_admin(
    conn: &mut AnyConnection,
    email: &str,
    display_name: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    write_transaction(conn, now, |conn| {
        let existing: Option<(i64, String)> = users::table
            .filter(users::email_lower.eq(normalise(email)))
            .select((users::id, users::role))
            .first(conn)
            .optional()?;
        match existing {
            Some((_, role)) if role == Role::Admin.as_str() => Ok(false),
            Some((id, _)) => {
                diesel::update(users::table.find(id))
                    .set((users::role.eq(Role::Admin.as_str()), users::version.eq(users::version + 1)))
                    .execute(conn)?;
                audit::record(conn, Change::new(None, "user", id, "promote_to_admin"), now)?;
                Ok(false)
            }
            None => {
                let new =
                    NewUser { email, display_name, role: Role::Admin, team_id: None, password_hash, locale: None };
                insert(conn, &new, None, now)?;
                Ok(true)
            }
        }
    })
}

/// Replaces a user's password hash (CLI `user create` on an existing e-mail, password resets).
pub fn set_password_hash(
    conn: &mut AnyConnection,
    id: i64,
    password_hash: &str,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    write_transaction(conn, now, |conn| {
        let changed = diesel::update(users::table.find(id))
            .set((users::password_hash.eq(password_hash), users::updated_at.eq(to_db_time(now))))
            .execute(conn)?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        audit::record(conn, Change::new(actor_id, "user", id, "set_password"), now)
    })
}

/// A page of users in id order after `after_id`; `search` matches the e-mail (lower case).
pub fn list_page(
    conn: &mut AnyConnection,
    after_id: Option<i64>,
    limit: i64,
    search: Option<&str>,
) -> StoreResult<Vec<User>> {
    let mut query = users::table.select(UserRow::as_select()).order(users::id).limit(limit).into_boxed();
    if let Some(after_id) = after_id {
        query = query.filter(users::id.gt(after_id));
    }
    if let Some(search) = search.map(normalise).filter(|s| !s.is_empty()) {
        query = query.filter(users::email_lower.like(format!("%{}%", escape_like(&search))).escape('\\'));
    }
    let rows: Vec<UserRow> = query.load(conn)?;
    rows.into_iter().map(User::try_from).collect()
}

/// Escapes LIKE wildcards so user input matches literally.
pub fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

pub use continuity_domain::rules::users::UserChanges;

/// The accounts that block `user_id`'s departure (PRODUCT.md, deactivation guard, as
/// "Departing people are no cover" decides it): active accounts they hold on which no staying
/// holder besides them remains ([`Cover::rests_on_group`]; colleagues who hold it but are
/// leaving too do not count), unless a handover of a departure plan for them that was not
/// cancelled names a successor or records a waiver with a reason. Reads the stored figures:
/// inside a write, settle them first.
fn departure_blockers(conn: &mut AnyConnection, user_id: i64, now: DateTime<Utc>) -> StoreResult<Vec<i64>> {
    use crate::schema::{departure_plans, handovers};
    let candidates = crate::figures::risks_touching_user(conn, user_id, now)?;
    let holder_ids: BTreeSet<i64> =
        candidates.iter().flat_map(|risk| risk.holders.iter().map(|holder| holder.user_id)).collect();
    let holders = crate::figures::employees_by_id(conn, &holder_ids)?;
    let covered: Vec<i64> = handovers::table
        .inner_join(departure_plans::table)
        .filter(departure_plans::user_id.eq(user_id))
        .filter(departure_plans::status.ne(DeparturePlanStatus::Cancelled.as_str()))
        .filter(handovers::successor_id.is_not_null().or(handovers::waiver_reason.is_not_null()))
        .select(handovers::account_id)
        .load(conn)?;
    let mut blocking = Vec::new();
    for risk in candidates {
        let rests_on_them = Cover::of(&risk, |id| id == user_id, &holders).rests_on_group();
        if rests_on_them && !covered.contains(&risk.account_id) {
            blocking.push(risk.account_id);
        }
    }
    Ok(blocking)
}

/// Changes a user if `expected_version` is current. Setting `departed` is refused while
/// accounts hang on them with no staying colleague beside them ([`departure_blockers`]) and ends their sessions; a change to
/// name, status, dates or team reaches the figures of the accounts they touch (e.g.
/// `departing_holder`) when the write commits. A sales lead whose team (or role) is set leads
/// that team ([`crate::teams::lead_own_team`]).
pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    changes: &UserChanges,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<User> {
    write_transaction(conn, now, |conn| {
        let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
        if before.version != expected_version {
            return Err(StoreError::StaleVersion);
        }
        rules::users::check_changes(before.profile.status, changes, actor_id == Some(id))?;
        if let Some(team_id) = changes.team_id.filter(|team_id| before.profile.team_id != Some(*team_id)) {
            crate::teams::require(conn, team_id)?;
        }
        if changes.status == UserStatus::Departed && before.profile.status != UserStatus::Departed {
            // A plan applied in this transaction has just moved the assignments: the guard
            // judges the figures after that move.
            crate::figures::settle(conn, now)?;
            rules::departure_allowed(&before.profile.display_name, departure_blockers(conn, id, now)?)?;
        }
        let changed = diesel::update(users::table.filter(users::id.eq(id).and(users::version.eq(expected_version))))
            .set((
                users::display_name.eq(changes.display_name.trim()),
                users::role.eq(changes.role.as_str()),
                users::team_id.eq(changes.team_id),
                users::status.eq(changes.status.as_str()),
                users::leave_date.eq(changes.leave_date),
                users::non_solicitation_until.eq(changes.non_solicitation_until),
                users::non_compete_until.eq(changes.non_compete_until),
                users::locale.eq(changes.locale.map(Language::as_str)),
                users::version.eq(users::version + 1),
                users::updated_at.eq(to_db_time(now)),
            ))
            .execute(conn)?;
        if changed == 0 {
            return Err(StoreError::StaleVersion);
        }
        audit::record(
            conn,
            Change::new(actor_id, "user", id, "update").before(&before.profile).after(changes).on_team(changes.team_id),
            now,
        )?;
        if changes.status == UserStatus::Departed {
            crate::refresh_tokens::revoke_all_of_user(conn, id, now)?;
        }
        if changes.team_id != before.profile.team_id || changes.role != before.profile.role {
            crate::teams::lead_own_team(conn, id, changes.role, changes.team_id, actor_id, now)?;
        }
        get(conn, id)?.ok_or(StoreError::NotFound)
    })
}

/// One colleague of a user's default team: added with this role and access to every account
/// the user creates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DefaultTeamMember {
    pub member_id: i64,
    pub role: continuity_domain::AssignmentRole,
    pub access: continuity_domain::Access,
}

pub fn default_team(conn: &mut AnyConnection, user_id: i64) -> StoreResult<Vec<DefaultTeamMember>> {
    use crate::schema::default_team_members as dtm;
    let rows: Vec<(i64, String, String)> = dtm::table
        .filter(dtm::user_id.eq(user_id))
        .select((dtm::member_id, dtm::role, dtm::access))
        .order(dtm::member_id)
        .load(conn)?;
    rows.into_iter()
        .map(|(member_id, role, access)| {
            Ok(DefaultTeamMember {
                member_id,
                role: role.parse().map_err(|e| StoreError::corrupt("default_team_members.role", e))?,
                access: access.parse().map_err(|e| StoreError::corrupt("default_team_members.access", e))?,
            })
        })
        .collect()
}

/// Replaces a user's default team; every member must be a current employee.
pub fn set_default_team(
    conn: &mut AnyConnection,
    user_id: i64,
    members: &[DefaultTeamMember],
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Vec<DefaultTeamMember>> {
    use crate::schema::default_team_members as dtm;
    write_transaction(conn, now, |conn| {
        let before = default_team(conn, user_id)?;
        for (index, member) in members.iter().enumerate() {
            let current = get(conn, member.member_id)?.is_some_and(|user| user.profile.status != UserStatus::Departed);
            if !current {
                return Err(RuleError::invalid("members", format!("members[{index}]: no such current employee")).into());
            }
        }
        diesel::delete(dtm::table.filter(dtm::user_id.eq(user_id))).execute(conn)?;
        for member in members {
            diesel::insert_into(dtm::table)
                .values((
                    dtm::user_id.eq(user_id),
                    dtm::member_id.eq(member.member_id),
                    dtm::role.eq(member.role.as_str()),
                    dtm::access.eq(member.access.as_str()),
                ))
                .execute(conn)
                .map_err(|e| StoreError::on_unique(e, "members"))?;
        }
        audit::record(
            conn,
            Change::new(actor_id, "default_team", user_id, "replace").before(&before).after(&members),
            now,
        )?;
        default_team(conn, user_id)
    })
}
