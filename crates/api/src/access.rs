//! The access policy (PRODUCT.md, "Who uses it"), in one place: which accounts a caller sees,
//! what they may do with one, and which endpoints their role opens. Handlers ask the functions
//! here and never compare roles themselves; `GET /me` answers the same decisions as
//! [`Permissions`], so the SPA and the API cannot disagree. Anything a caller may not see
//! answers 404; a visible record they may not change answers 403.
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
//!
//! People: admins create employees and change their name, role and team; HR and admins set
//! status, leave dates and clause dates, see every employee's exposure and the clause register,
//! and own departure plans; sales leads see their teams' people, simulate their departures and
//! approve the handovers of their teams' accounts. HR's ranking of people by their figures
//! (`GET /exposure/people`) is HR's and the admins' for everyone, and a sales lead's for the
//! people of the teams they lead. Everyone reads their own record and exposure.
//!
//! Administration (teams, coverage policies, the model's settings, data-protection requests)
//! is the admin's; the audit trail is the admin's, and a sales lead's for the entries about their teams.

use continuity_domain::{Access, Role};
use continuity_store::departures::{self, Plan};
use continuity_store::scope::{self, AccountAccess, Scope};
use continuity_store::AnyConnection;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::CurrentUser;
use crate::error::ApiError;

/// Refuses callers whose role is not in `allowed` (403: the endpoint, not a record, is off
/// limits — records the caller may not see answer 404 instead).
fn one_of(caller: &CurrentUser, allowed: &[Role]) -> Result<(), ApiError> {
    if allowed.contains(&caller.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(format!("the {} role may not do this", caller.role)))
    }
}

/// Whether a user of `role` can lead teams (only sales leads do; the others have no led teams).
pub fn leads_teams(role: Role) -> bool {
    role == Role::SalesLead
}

// ---- accounts ---------------------------------------------------------------------------

/// The accounts this caller may see.
pub fn scope_of(caller: &CurrentUser) -> Scope {
    match caller.role {
        Role::Admin | Role::Hr => Scope::Firm,
        Role::SalesLead => Scope::Teams(caller.led_team_ids.clone()),
        Role::Member => Scope::Assigned(caller.id),
    }
}

/// What the caller wants to do with an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Read,
    /// Change the account, its contacts, its team, or log interactions.
    Edit,
}

/// Which of the accounts they see a caller may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AccountEdit {
    /// Every account in their scope (admins, sales leads).
    EveryVisible,
    /// Those their open assignment gives `edit` access (members).
    WithEditAccess,
    /// None (HR).
    Never,
}

fn account_edit(caller: &CurrentUser) -> AccountEdit {
    match caller.role {
        Role::Admin | Role::SalesLead => AccountEdit::EveryVisible,
        Role::Member => AccountEdit::WithEditAccess,
        Role::Hr => AccountEdit::Never,
    }
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
        return Err(ApiError::Forbidden(match account_edit(caller) {
            AccountEdit::Never => "HR sees account structure but does not change accounts".into(),
            _ => "your access to this account is read-only".into(),
        }));
    }
    Ok(access)
}

fn may_edit(caller: &CurrentUser, access: &AccountAccess) -> bool {
    match account_edit(caller) {
        AccountEdit::EveryVisible => true,
        AccountEdit::WithEditAccess => access.assignment_access == Some(Access::Edit),
        AccountEdit::Never => false,
    }
}

/// The teams a caller may put accounts into.
enum Placement {
    AnyTeam,
    Teams(Vec<i64>),
    /// HR creates and moves no accounts.
    Refused,
}

fn placement(caller: &CurrentUser) -> Placement {
    match caller.role {
        Role::Admin => Placement::AnyTeam,
        Role::SalesLead => Placement::Teams(caller.led_team_ids.clone()),
        Role::Member => Placement::Teams(caller.team_id.into_iter().collect()),
        Role::Hr => Placement::Refused,
    }
}

/// Whether the caller may put an account into `team_id` (creating or moving it).
pub fn may_place_in_team(caller: &CurrentUser, team_id: i64) -> Result<(), ApiError> {
    match placement(caller) {
        Placement::AnyTeam => Ok(()),
        Placement::Teams(teams) if teams.contains(&team_id) => Ok(()),
        Placement::Teams(_) => Err(ApiError::invalid("team_id", "you can only place accounts in your own teams")),
        Placement::Refused => Err(ApiError::Forbidden("HR does not create or move accounts".into())),
    }
}

/// Whether an account the caller creates makes them its owner: a member would otherwise lose
/// sight of what they created, the other roles see it through their scope.
pub fn creator_becomes_owner(caller: &CurrentUser) -> bool {
    matches!(scope_of(caller), Scope::Assigned(_))
}

/// Whether the caller may read interaction summaries (everyone but HR).
pub fn may_see_interaction_text(caller: &CurrentUser) -> bool {
    caller.role != Role::Hr
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

/// The teams whose portfolio figures (risk dashboard) the caller may see, for `team_id` or
/// every team they may see: `None` for the whole firm (admin, HR), the led teams for a sales
/// lead; members see no portfolio figures, and another team's answer 404.
pub fn portfolio_teams(caller: &CurrentUser, team_id: Option<i64>) -> Result<Option<Vec<i64>>, ApiError> {
    let firm_wide = matches!(caller.role, Role::Admin | Role::Hr);
    teams_within_reach(caller, team_id, firm_wide, "portfolio figures are for sales leads, HR and admins")
}

/// `team_id` (or, without one, every team) as far as the caller reaches: `None` for every team
/// when `firm_wide`, else the teams a sales lead leads (another team answers 404); anyone else
/// is refused with `refusal`.
fn teams_within_reach(
    caller: &CurrentUser,
    team_id: Option<i64>,
    firm_wide: bool,
    refusal: &str,
) -> Result<Option<Vec<i64>>, ApiError> {
    if firm_wide {
        return Ok(team_id.map(|id| vec![id]));
    }
    if !leads_teams(caller.role) {
        return Err(ApiError::Forbidden(refusal.into()));
    }
    match team_id {
        Some(id) if caller.led_team_ids.contains(&id) => Ok(Some(vec![id])),
        Some(_) => Err(ApiError::NotFound),
        None => Ok(Some(caller.led_team_ids.clone())),
    }
}

// ---- campaigns --------------------------------------------------------------------------

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

// ---- people -----------------------------------------------------------------------------

/// Whether the caller may create employees and change their name, role and team (admins).
pub fn may_manage_users(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin])
}

/// [`may_manage_users`] for one field of a change to an employee.
pub fn may_change_user_field(caller: &CurrentUser, field: &str) -> Result<(), ApiError> {
    may_manage_users(caller).map_err(|_| ApiError::Forbidden(format!("only an admin changes {field}")))
}

/// Whether the caller may list the employees (admins, HR, and sales leads, who staff account
/// teams from it).
pub fn may_list_users(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin, Role::Hr, Role::SalesLead])
}

/// Whether the caller may set employees' status, leave date and clause dates (HR, admins).
pub fn may_edit_people(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin, Role::Hr])
}

/// Whether the caller sees the HR figures of the whole firm: every employee's record and
/// exposure, and the clause register (HR, admins).
pub fn may_see_hr_figures(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin, Role::Hr])
}

/// Whether the caller sees the people of `team_id` (an employee's team): HR and admins
/// everyone, a sales lead the people of the teams they lead.
pub fn sees_people_of(caller: &CurrentUser, team_id: Option<i64>) -> bool {
    may_see_hr_figures(caller).is_ok()
        || (leads_teams(caller.role) && team_id.is_some_and(|team| caller.led_team_ids.contains(&team)))
}

/// The teams whose people the caller may rank by their HR figures (`GET /exposure/people`), for
/// `team_id` or all they may see: `None` for everyone (HR, admins), the led teams' people for
/// a sales lead (another team answers 404, like [`sees_people_of`]); members get 403.
pub fn people_teams(caller: &CurrentUser, team_id: Option<i64>) -> Result<Option<Vec<i64>>, ApiError> {
    let firm_wide = may_see_hr_figures(caller).is_ok();
    teams_within_reach(caller, team_id, firm_wide, "the ranking of people is for HR, admins and sales leads")
}

/// Whether the caller may read employee `user_id`'s record: themselves, or anyone for HR and
/// admins; others answer 404.
pub fn may_read_user(caller: &CurrentUser, user_id: i64) -> Result<(), ApiError> {
    if caller.id == user_id || may_see_hr_figures(caller).is_ok() {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// Whether the caller may see the exposure of employee `user_id` of team `team_id`:
/// themselves, or someone whose people they see.
pub fn may_see_exposure_of(caller: &CurrentUser, user_id: i64, team_id: Option<i64>) -> bool {
    caller.id == user_id || sees_people_of(caller, team_id)
}

/// Who may see and set a user's default team: the user, admins, and sales leads of the user's
/// team; others answer 404.
pub fn may_manage_default_team(caller: &CurrentUser, user_id: i64, team_id: Option<i64>) -> Result<(), ApiError> {
    let allowed = caller.id == user_id
        || may_manage_users(caller).is_ok()
        || (leads_teams(caller.role) && team_id.is_some_and(|team| caller.led_team_ids.contains(&team)));
    if allowed {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

// ---- departures -------------------------------------------------------------------------

/// Whether the caller may ask what the departure of some employees would do (HR, admins,
/// sales leads for the people of their teams: see [`sees_people_of`]).
pub fn may_simulate_departures(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin, Role::Hr, Role::SalesLead])
}

/// Whether the caller may open, apply and cancel departure plans (HR, admins).
pub fn may_plan_departures(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin, Role::Hr])
}

/// Whether the caller may list departure plans (HR, admins; sales leads those of their
/// teams' people).
pub fn may_see_departures(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin, Role::Hr, Role::SalesLead])
}

/// Whether the caller may pick successors and waivers in the plans they see (HR, admins,
/// sales leads: see [`may_approve_handover`]).
pub fn may_approve_handovers(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin, Role::Hr, Role::SalesLead])
}

/// Whether the caller may decide the handover of an account of `team_id`: a sales lead only
/// for the teams they lead.
pub fn may_approve_handover(caller: &CurrentUser, team_id: i64) -> Result<(), ApiError> {
    may_approve_handovers(caller)?;
    if leads_teams(caller.role) && !caller.led_team_ids.contains(&team_id) {
        return Err(ApiError::Forbidden("you pick successors for the accounts of your teams".into()));
    }
    Ok(())
}

/// Plan `id`, if the caller may see it: HR and admins all, a sales lead those of their teams'
/// people or touching their teams' accounts; others answer 404.
pub fn departure_plan(conn: &mut AnyConnection, caller: &CurrentUser, id: i64) -> Result<Plan, ApiError> {
    let plan = departures::get(conn, id)?.ok_or(ApiError::NotFound)?;
    if may_see_hr_figures(caller).is_ok() {
        return Ok(plan);
    }
    if !leads_teams(caller.role) {
        return Err(ApiError::NotFound);
    }
    let leaver_team = continuity_store::users::get(conn, plan.user_id)?.and_then(|user| user.profile.team_id);
    let leads_account = plan.handovers.iter().any(|h| caller.led_team_ids.contains(&h.team_id));
    if sees_people_of(caller, leaver_team) || leads_account {
        Ok(plan)
    } else {
        Err(ApiError::NotFound)
    }
}

// ---- administration ---------------------------------------------------------------------

/// Whether the caller may create teams and appoint and remove their leads (admins).
pub fn may_manage_teams(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin])
}

/// Whether the caller may set the coverage policies (admins).
pub fn may_manage_coverage_policies(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin])
}

/// Whether the caller may read and change the firm's settings of the continuity model
/// (thresholds, weights, half-life and window), and watch the recompute a change starts
/// (admins).
pub fn may_manage_settings(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin])
}

/// Whether the caller may answer a contact person's data-protection requests: export and
/// erase (admins).
pub fn may_handle_privacy_requests(caller: &CurrentUser) -> Result<(), ApiError> {
    one_of(caller, &[Role::Admin])
}

/// The audit entries a caller may read: `None` for all of them (admins), else those about
/// these teams' accounts (sales leads); the other roles get 403.
pub fn audit_teams(caller: &CurrentUser) -> Result<Option<Vec<i64>>, ApiError> {
    one_of(caller, &[Role::Admin, Role::SalesLead])?;
    Ok(leads_teams(caller.role).then(|| caller.led_team_ids.clone()))
}

// ---- what /me answers -------------------------------------------------------------------

/// What the caller may do, as `GET /me` answers it: each field is one of the decisions above,
/// so the SPA shows exactly what the API then allows. Team lists are ids; `null` means every
/// team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Permissions {
    /// May open accounts (`POST /accounts`) in the teams of `account_team_ids`.
    pub may_create_accounts: bool,
    /// The teams the caller may create accounts in or move them to (`null`: every team; a
    /// member their own team, a sales lead the teams they lead).
    #[schema(required = true)]
    pub account_team_ids: Option<Vec<String>>,
    /// May change accounts they see: their fields, contacts, account team, interactions,
    /// links and client events (everyone but HR).
    pub may_edit_accounts: bool,
    /// Editing an account needs the caller's own open assignment with `edit` access (members);
    /// when false, `may_edit_accounts` covers every account the caller sees.
    pub edits_only_with_edit_access: bool,
    /// Interaction summaries and event summaries are answered (everyone but HR, who gets them
    /// as `null`).
    pub may_see_interaction_text: bool,
    /// May import CSV files (`POST /import/{kind}`): admins anywhere, sales leads into their teams.
    pub may_import: bool,
    /// May read the risk dashboard (`GET /risk/summary`) of the teams of `portfolio_team_ids`.
    pub may_see_portfolio: bool,
    /// The teams whose portfolio figures the caller sees (`null`: the whole firm).
    #[schema(required = true)]
    pub portfolio_team_ids: Option<Vec<String>>,
    /// May list and read campaigns (`GET /campaigns`) of the teams of `campaign_team_ids`.
    pub may_see_campaigns: bool,
    /// May draft, change and send campaigns (`POST /campaigns`).
    pub may_run_campaigns: bool,
    /// May run a campaign without a team, firm-wide (admins); otherwise a campaign names one
    /// of `campaign_team_ids`.
    pub may_run_firm_wide_campaigns: bool,
    /// The teams whose campaigns the caller may see, and run if `may_run_campaigns`
    /// (`null`: every team).
    #[schema(required = true)]
    pub campaign_team_ids: Option<Vec<String>>,
    /// May list the employees (`GET /users`).
    pub may_list_users: bool,
    /// May see every employee's record and exposure and the clause register (`GET /clauses`),
    /// and ask what any employee's departure would do.
    pub may_see_hr_figures: bool,
    /// May read HR's ranking of people (`GET /exposure/people`) of the teams of
    /// `people_team_ids`.
    pub may_rank_people: bool,
    /// The teams whose people the caller ranks (`null`: everyone, whatever their team).
    #[schema(required = true)]
    pub people_team_ids: Option<Vec<String>>,
    /// May set employees' status, leave date and clause dates (`PATCH /users/{id}`).
    pub may_edit_people: bool,
    /// May ask what a departure would do (`POST /simulations/departure`): for anyone with
    /// `may_see_hr_figures`, else for the people of the teams they lead.
    pub may_simulate_departures: bool,
    /// May list departure plans (`GET /departures`).
    pub may_see_departures: bool,
    /// May open, apply and cancel departure plans (`POST /departures`,
    /// `POST /departures/{id}/apply`, `POST /departures/{id}/cancel`).
    pub may_plan_departures: bool,
    /// May pick successors or waivers for handovers (`PATCH /departures/{id}/handovers/{account_id}`):
    /// of every account, or with `teams_led`, of those teams' accounts.
    pub may_approve_handovers: bool,
    /// May create employees and change their name, role and team (`POST /users`).
    pub may_manage_users: bool,
    /// May create teams and appoint and remove their leads (`POST /teams`,
    /// `PUT`/`DELETE /teams/{id}/leads/{user_id}`).
    pub may_manage_teams: bool,
    /// May set coverage policies (`POST /coverage-policies`).
    pub may_manage_coverage_policies: bool,
    /// May read and change the model's settings (`GET/PUT /settings`).
    pub may_manage_settings: bool,
    /// May export and erase a contact person's data (`GET /contacts/{id}/export`).
    pub may_handle_privacy_requests: bool,
    /// May read the audit trail (`GET /audit`): all of it, or with `teams_led`, the entries
    /// about those teams' accounts.
    pub may_see_audit: bool,
    /// The teams the caller leads (sales leads), which bound their approvals and audit view.
    pub teams_led: Vec<String>,
}

fn team_list(teams: &[i64]) -> Vec<String> {
    teams.iter().map(i64::to_string).collect()
}

/// `Ok(None)`: every team; `Ok(Some)`: these; refused: none.
fn team_reach(reach: Result<Option<Vec<i64>>, ApiError>) -> Option<Vec<String>> {
    match reach {
        Ok(None) => None,
        Ok(Some(teams)) => Some(team_list(&teams)),
        Err(_) => Some(Vec::new()),
    }
}

/// The caller's permissions, from the same functions the handlers call.
pub fn permissions(caller: &CurrentUser) -> Permissions {
    let placement = placement(caller);
    let campaign_teams = campaign_teams(caller);
    let may_run_firm_wide_campaigns = may_run_campaign(caller, None).is_ok();
    let may_run_team_campaigns = match &campaign_teams {
        Ok(None) => may_run_firm_wide_campaigns,
        Ok(Some(teams)) => teams.iter().any(|team| may_run_campaign(caller, Some(*team)).is_ok()),
        Err(_) => false,
    };
    let edit = account_edit(caller);
    Permissions {
        may_create_accounts: match &placement {
            Placement::AnyTeam => true,
            Placement::Teams(teams) => teams.iter().any(|team| may_place_in_team(caller, *team).is_ok()),
            Placement::Refused => false,
        },
        account_team_ids: match &placement {
            Placement::AnyTeam => None,
            Placement::Teams(teams) => Some(team_list(teams)),
            Placement::Refused => Some(Vec::new()),
        },
        may_edit_accounts: edit != AccountEdit::Never,
        edits_only_with_edit_access: edit == AccountEdit::WithEditAccess,
        may_see_interaction_text: may_see_interaction_text(caller),
        may_import: import_scope(caller).is_ok(),
        may_see_portfolio: portfolio_teams(caller, None).is_ok(),
        portfolio_team_ids: team_reach(portfolio_teams(caller, None)),
        may_see_campaigns: campaign_teams.is_ok(),
        may_run_campaigns: may_run_firm_wide_campaigns || may_run_team_campaigns,
        may_run_firm_wide_campaigns,
        campaign_team_ids: team_reach(campaign_teams),
        may_list_users: may_list_users(caller).is_ok(),
        may_see_hr_figures: may_see_hr_figures(caller).is_ok(),
        may_rank_people: people_teams(caller, None).is_ok(),
        people_team_ids: team_reach(people_teams(caller, None)),
        may_edit_people: may_edit_people(caller).is_ok(),
        may_simulate_departures: may_simulate_departures(caller).is_ok(),
        may_see_departures: may_see_departures(caller).is_ok(),
        may_plan_departures: may_plan_departures(caller).is_ok(),
        may_approve_handovers: may_approve_handovers(caller).is_ok(),
        may_manage_users: may_manage_users(caller).is_ok(),
        may_manage_teams: may_manage_teams(caller).is_ok(),
        may_manage_coverage_policies: may_manage_coverage_policies(caller).is_ok(),
        may_manage_settings: may_manage_settings(caller).is_ok(),
        may_handle_privacy_requests: may_handle_privacy_requests(caller).is_ok(),
        may_see_audit: audit_teams(caller).is_ok(),
        teams_led: team_list(&caller.led_team_ids),
    }
}
