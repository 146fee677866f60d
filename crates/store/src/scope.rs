//! Which accounts a caller may see (PRODUCT.md, "Who uses it"). The API's access policy picks
//! the scope from the caller's role; every account query of the store applies it through
//! [`scope_accounts!`], so no query can forget it.

use diesel::prelude::*;

use crate::schema::{accounts, assignments, team_leads};
use crate::{AnyConnection, StoreResult};
use continuity_domain::Access;

/// The accounts a caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every account (admins, HR).
    Firm,
    /// The accounts of these teams (sales leads: the teams they lead).
    Teams(Vec<i64>),
    /// The accounts with an open assignment to this user (members).
    Assigned(i64),
}

impl Scope {
    /// Whether every account of `team_id` lies in this scope (`Assigned` decides per account,
    /// so no whole team lies in it).
    pub fn includes_team(&self, team_id: i64) -> bool {
        match self {
            Scope::Firm => true,
            Scope::Teams(team_ids) => team_ids.contains(&team_id),
            Scope::Assigned(_) => false,
        }
    }
}

/// Narrows a boxed query over `accounts` (alone or joined) to the accounts `scope` may see.
#[macro_export]
macro_rules! scope_accounts {
    ($query:expr, $scope:expr) => {{
        use $crate::schema::{accounts as scoped_accounts, assignments as scoped_assignments};
        match $scope {
            $crate::scope::Scope::Firm => $query,
            $crate::scope::Scope::Teams(team_ids) => $query.filter(scoped_accounts::team_id.eq_any(team_ids.clone())),
            $crate::scope::Scope::Assigned(user_id) => $query.filter(
                scoped_accounts::id.eq_any(
                    scoped_assignments::table
                        .filter(scoped_assignments::user_id.eq(*user_id).and(scoped_assignments::until.is_null()))
                        .select(scoped_assignments::account_id),
                ),
            ),
        }
    }};
}

/// How the caller stands to one account they can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountAccess {
    pub account_id: i64,
    pub team_id: i64,
    /// The caller's own open assignment's access level, if they are on the account team.
    pub assignment_access: Option<Access>,
}

/// The caller's standing on `account_id`, or `None` when the account does not exist or lies
/// outside `scope` (both answer 404, so ids cannot be probed).
pub fn account_access(
    conn: &mut AnyConnection,
    scope: &Scope,
    caller_id: i64,
    account_id: i64,
) -> StoreResult<Option<AccountAccess>> {
    let team_id: Option<i64> = {
        let query = accounts::table.filter(accounts::id.eq(account_id)).select(accounts::team_id).into_boxed();
        scope_accounts!(query, scope).first(conn).optional()?
    };
    let Some(team_id) = team_id else { return Ok(None) };
    let access: Option<String> = assignments::table
        .filter(
            assignments::account_id
                .eq(account_id)
                .and(assignments::user_id.eq(caller_id))
                .and(assignments::until.is_null()),
        )
        .select(assignments::access)
        .first(conn)
        .optional()?;
    Ok(Some(AccountAccess { account_id, team_id, assignment_access: access.and_then(|text| text.parse().ok()) }))
}

/// Whether `user_id` leads `team_id`.
pub fn leads_team(conn: &mut AnyConnection, user_id: i64, team_id: i64) -> StoreResult<bool> {
    let count: i64 = team_leads::table
        .filter(team_leads::user_id.eq(user_id).and(team_leads::team_id.eq(team_id)))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}
