//! HR's ranking of people (`GET /exposure/people`, PRODUCT.md "Interfaces"): each employee in
//! view with what rests on them — the value they hold alone, their share-weighted exposure,
//! the accounts they hold and hold alone — beside their leave and clause dates, and whether
//! they are *unprotected* (hold value alone with no non-solicitation clause in force).
//!
//! The figures are `employee_exposure`'s, the same as `GET /users/{id}/exposure`, read from the
//! totals the store keeps per employee (`continuity_store::figures::people`): a request reads
//! one row per employee in view and no account, whatever the size of the portfolio.

use actix_web::web;
use chrono::{NaiveDate, Utc};
use continuity_domain::UserStatus;
use continuity_store::figures::people::{self, PeopleFilter, PeopleSort, PersonFigures, PersonPosition};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::query::{optional_bool, optional_choice, optional_id, present};
use crate::state::AppState;
use actix_web::get;

/// One employee in HR's ranking (and in the clause register).
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonView {
    pub user_id: String,
    pub display_name: String,
    pub team_id: Option<String>,
    #[schema(value_type = String, example = "active")]
    pub status: UserStatus,
    pub leave_date: Option<NaiveDate>,
    /// Σ annual value of the active accounts they hold alone.
    pub orphaned_value_minor: i64,
    /// Σ annual value × their share of each account's relationship strength.
    pub share_weighted_exposure_minor: i64,
    /// Accounts of which they are a holder.
    pub accounts_held: i64,
    /// Accounts they hold alone (those `orphaned_value_minor` adds up).
    pub sole_held_accounts: i64,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
    /// Holds value alone (`orphaned_value_minor` > 0) and no non-solicitation clause is in
    /// force today.
    pub unprotected: bool,
}

impl From<PersonFigures> for PersonView {
    fn from(PersonFigures { employee, totals, unprotected }: PersonFigures) -> PersonView {
        PersonView {
            user_id: employee.id.to_string(),
            display_name: employee.display_name,
            team_id: employee.team_id.map(|id| id.to_string()),
            status: employee.status,
            leave_date: employee.leave_date,
            orphaned_value_minor: totals.orphaned_value_minor,
            share_weighted_exposure_minor: totals.share_weighted_exposure_minor,
            accounts_held: totals.accounts_held,
            sole_held_accounts: totals.sole_held_accounts,
            non_solicitation_until: employee.non_solicitation_until,
            non_compete_until: employee.non_compete_until,
            unprotected,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PeopleQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    /// Free-text search in the display name.
    pub q: Option<String>,
    /// The employee's own team.
    pub team_id: Option<String>,
    /// `active`, `leaving` or `departed`.
    pub status: Option<String>,
    /// `true`: only the unprotected; `false`: only the others.
    pub unprotected: Option<String>,
    /// `-orphaned_value_minor` (default: largest value held alone first), or any of
    /// `orphaned_value_minor`, `share_weighted_exposure_minor`, `accounts_held`,
    /// `sole_held_accounts`, `display_name`, `leave_date`, `non_solicitation_until`,
    /// `non_compete_until`: ascending, or descending with a leading `-`. Ties go by user id;
    /// people without the date sorted by come last.
    pub sort: Option<String>,
}

/// HR's ranking of people by what rests on them (HR and admins: everyone; sales leads: the
/// people of the teams they lead, another team answers 404; members 403). Sorted by
/// `-orphaned_value_minor` unless `sort` says otherwise; filters `team_id`, `status`,
/// `unprotected`, `q`.
#[utoipa::path(tag = "risk", params(PeopleQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<PersonView>), (status = 403, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
#[get("/exposure/people")]
pub async fn ranking(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<PeopleQuery>,
) -> ApiResult<web::Json<Page<PersonView>>> {
    let query = query.into_inner();
    let limit = limit(query.limit)?;
    let filter = PeopleFilter {
        team_id: optional_id("team_id", query.team_id.as_deref())?,
        status: optional_choice("status", query.status.as_deref())?,
        unprotected: optional_bool("unprotected", query.unprotected.as_deref())?,
        name_contains: query.q,
    };
    let sort = match present(query.sort.as_deref()) {
        None => PeopleSort::DEFAULT,
        Some(text) => PeopleSort::parse(text)
            .ok_or_else(|| ApiError::invalid("sort", format!("must be one of {}", PeopleSort::ACCEPTED)))?,
    };
    let after: Option<PersonPosition> = decode_cursor(query.cursor.as_deref())?;
    let teams = access::people_teams(&caller, filter.team_id)?;
    let today = Utc::now().date_naive();
    let rows = state
        .run(move |conn| {
            Ok(people::people_page(conn, teams.as_deref(), &filter, sort, after.as_ref(), limit + 1, today)?)
        })
        .await?;
    Ok(web::Json(page_of(rows, limit, |person| person.position(sort), PersonView::from)))
}
