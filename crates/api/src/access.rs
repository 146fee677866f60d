//! The access policy (PRODUCT.md, "Who uses it"), in one place: which accounts a caller sees,
//! and what they may do with one. Anything a caller may not see answers 404; a visible record
//! they may not change answers 403.
//!
//! | role | sees | edits accounts, contacts, interactions, teams |
//! |---|---|---|
//! | `admin` | every account | every account |
//! | `hr` | every account's structure and figures, never interaction text | nothing (HR edits people, not accounts) |
//! | `sales_lead` | the accounts of the teams they lead | those accounts; creates accounts in those teams |
//! | `member` | accounts with an open assignment to them | those where their access is `edit` |
//!
//! Campaigns (`/campaigns`) reach many accounts at once, so they follow the portfolio roles:
//! admins make and send them anywhere (firm-wide or for one team); sales leads for a team they
//! lead (a lead's campaign always names its team); HR reads campaigns and their reports;
//! members get 403. A campaign of a team the caller does not lead answers 404.
//!
//! CSV imports (`POST /import/{kind}`) write in bulk, so they are for the roles that change
//! whole teams: admins anywhere, sales leads into the accounts of the teams they lead; members
//! and HR get 403. Exports answer what the caller sees, like the lists.

use continuity_domain::{Access, Role};
use continuity_store::scope::{self, AccountAccess, Scope};
use continuity_store::AnyConnection;

use crate::auth::CurrentUser;
use crate::error::ApiError;

/// The accounts this caller may see.
pub fn scope_of(caller: &CurrentUser) -> Scope {
    match caller.role {
        Role::Admin | Role::Hr => Scope::Firm,
        Role::SalesLead => Scope::Teams(caller.led_team_ids.clone()),
        Role::Member => Scope::Assigned(caller.id),
    }
}

/// The accounts a caller may change by importing a file (see the module notes).
pub fn import_scope(caller: &CurrentUser) -> Result<Scope, ApiError> {
    match caller.role {
        Role::Admin => Ok(Scope::Firm),
        Role::SalesLead => Ok(Scope::Teams(caller.led_team_ids.clone())),
        Role::Member | Role::Hr => {
            Err(ApiError::Forbidden("imports are for admins and for sales leads into their teams".into()))
        }
    }
}

/// What the caller wants to do with an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Read,
    /// Change the account, its contacts, its team, or log interactions.
    Edit,
}

/// The caller's standing on an account, checked for `intent`.
pub fn account(
    conn: &mut AnyConnection,
    caller: &CurrentUser,
    account_id: i64,
    intent: Intent,
) -> Result<AccountAccess, ApiError> {
    let access = scope::account_access(conn, &scope_of(caller), caller.id, account_id)?.ok_or(ApiError::NotFound)?;
    if intent == Intent::Edit && !may_edit(caller, &access) {
        return Err(ApiError::Forbidden(match caller.role {
            Role::Hr => "HR sees account structure but does not change accounts".into(),
            _ => "your access to this account is read-only".into(),
        }));
    }
    Ok(access)
}

fn may_edit(caller: &CurrentUser, access: &AccountAccess) -> bool {
    match caller.role {
        Role::Admin | Role::SalesLead => true,
        Role::Member => access.assignment_access == Some(Access::Edit),
        Role::Hr => false,
    }
}

/// Whether the caller may put an account into `team_id` (creating or moving it).
pub fn may_place_in_team(caller: &CurrentUser, team_id: i64) -> Result<(), ApiError> {
    let allowed = match caller.role {
        Role::Admin => true,
        Role::SalesLead => caller.led_team_ids.contains(&team_id),
        Role::Member => caller.team_id == Some(team_id),
        Role::Hr => false,
    };
    if allowed {
        Ok(())
    } else if caller.role == Role::Hr {
        Err(ApiError::Forbidden("HR does not create or move accounts".into()))
    } else {
        Err(ApiError::invalid("team_id", "you can only place accounts in your own teams"))
    }
}

/// Whether the caller may read interaction summaries (everyone but HR).
pub fn sees_interaction_text(caller: &CurrentUser) -> bool {
    caller.role != Role::Hr
}

/// Whether the caller may read a campaign scoped to `team_id` (`None`: firm-wide).
pub fn may_read_campaign(caller: &CurrentUser, team_id: Option<i64>) -> Result<(), ApiError> {
    match caller.role {
        Role::Admin | Role::Hr => Ok(()),
        Role::SalesLead if team_id.is_some_and(|team| caller.led_team_ids.contains(&team)) => Ok(()),
        Role::SalesLead => Err(ApiError::NotFound),
        Role::Member => Err(ApiError::Forbidden("campaigns are for sales leads, HR and admins".into())),
    }
}

/// Whether the caller may draft, change or send a campaign scoped to `team_id`.
pub fn may_run_campaign(caller: &CurrentUser, team_id: Option<i64>) -> Result<(), ApiError> {
    match (caller.role, team_id) {
        (Role::Admin, _) => Ok(()),
        (Role::SalesLead, Some(team)) if caller.led_team_ids.contains(&team) => Ok(()),
        (Role::SalesLead, Some(_)) => {
            Err(ApiError::invalid("team_id", "you can only run campaigns for the teams you lead"))
        }
        (Role::SalesLead, None) => Err(ApiError::invalid("team_id", "name the team you lead this campaign is for")),
        (Role::Hr, _) => Err(ApiError::Forbidden("HR reads campaigns but does not run them".into())),
        (Role::Member, _) => Err(ApiError::Forbidden("campaigns are for sales leads and admins".into())),
    }
}

/// The campaigns a caller may list: `None` for all of them, else those of these teams.
pub fn campaign_teams(caller: &CurrentUser) -> Result<Option<Vec<i64>>, ApiError> {
    match caller.role {
        Role::Admin | Role::Hr => Ok(None),
        Role::SalesLead => Ok(Some(caller.led_team_ids.clone())),
        Role::Member => Err(ApiError::Forbidden("campaigns are for sales leads, HR and admins".into())),
    }
}
