//! The continuity figures: `/accounts/{id}/risk` (stored per account, current with every
//! answered write), and the flags as every answer words them ([`FlagView`]).

use actix_web::{web, HttpResponse};
use continuity_domain::continuity::{AccountRisk, Flag, FlagCode, ParamDoc, ParamKind};
use continuity_domain::Language;
use continuity_store::figures;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{KnownFormat, RefOr};

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::ids::path_id;
use crate::language::RequestLanguage;
use crate::query::optional_id;
use crate::state::AppState;

/// A raised flag as the API answers it: its `code`, the figures behind it (`params`, keys per
/// code as the schema documents them) and its `explanation` worded from the two in the
/// request's language, so a client may show the explanation or word the flag itself.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FlagView {
    #[serde(flatten)]
    pub flag: Flag,
    pub explanation: String,
}

impl FlagView {
    pub fn new(flag: Flag, language: Language) -> FlagView {
        FlagView { explanation: flag.explanation(language), flag }
    }

    pub fn all(flags: Vec<Flag>, language: Language) -> Vec<FlagView> {
        flags.into_iter().map(|flag| FlagView::new(flag, language)).collect()
    }
}

impl utoipa::ToSchema for FlagView {}

/// `{code, params, explanation}`, one shape per code (a union the SPA's types discriminate
/// by `code`), from the domain's documentation of each code's keys
/// ([`FlagCode::params_doc`]).
impl utoipa::PartialSchema for FlagView {
    fn schema() -> RefOr<Schema> {
        let shapes = FlagCode::ALL.iter().fold(OneOfBuilder::new(), |shapes, code| {
            shapes.item(
                ObjectBuilder::new()
                    .title(Some(code.as_str()))
                    .property("code", ObjectBuilder::new().schema_type(Type::String).enum_values(Some([code.as_str()])))
                    .required("code")
                    .property("params", params_schema(code.params_doc()))
                    .required("params")
                    .property(
                        "explanation",
                        ObjectBuilder::new()
                            .schema_type(Type::String)
                            .description(Some("worded from the code and params in the request's language")),
                    )
                    .required("explanation"),
            )
        });
        shapes
            .description(Some(
                "A raised flag: its stable `code`, the figures its explanation names (`params`, one set of keys \
                 per code) and the `explanation` worded from them in the request's language (`Accept-Language`: \
                 `nl` or `en`).",
            ))
            .into()
    }
}

fn params_schema(docs: &'static [ParamDoc]) -> Schema {
    let object = docs.iter().fold(ObjectBuilder::new(), |object, doc| {
        let value: Schema = match doc.kind {
            ParamKind::List(items) => ArrayBuilder::new().items(RefOr::T(params_schema(items))).into(),
            kind => {
                let (value_type, format, choices): (Type, Option<KnownFormat>, Option<&[&str]>) = match kind {
                    ParamKind::Id | ParamKind::Name => (Type::String, None, None),
                    ParamKind::Share | ParamKind::Number => (Type::Number, Some(KnownFormat::Double), None),
                    ParamKind::Count => (Type::Integer, Some(KnownFormat::Int64), None),
                    ParamKind::Date => (Type::String, Some(KnownFormat::Date), None),
                    ParamKind::UserStatus => (Type::String, None, Some(&["active", "leaving", "departed"])),
                    ParamKind::Tier => (Type::String, None, Some(&["A", "B", "C"])),
                    ParamKind::List(_) => (Type::Array, None, None),
                };
                let value_type = match doc.nullable {
                    true => SchemaType::from_iter([value_type, Type::Null]),
                    false => SchemaType::Type(value_type),
                };
                ObjectBuilder::new()
                    .schema_type(value_type)
                    .format(format.map(SchemaFormat::KnownFormat))
                    .enum_values(choices.map(|choices| {
                        let null = doc.nullable.then_some(serde_json::Value::Null);
                        choices.iter().map(|choice| serde_json::Value::from(*choice)).chain(null)
                    }))
                    .into()
            }
        };
        let described = match value {
            Schema::Object(mut object) => {
                object.description = Some(doc.description.to_owned());
                Schema::Object(object)
            }
            Schema::Array(mut array) => {
                array.description = Some(doc.description.to_owned());
                Schema::Array(array)
            }
            other => other,
        };
        object.property(doc.key, described).required(doc.key)
    });
    object.into()
}

/// An account's stored figures as `GET /accounts/{id}/risk` answers them: every figure as
/// stored, with the flags worded in the request's language.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct AccountRiskView {
    /// `score`, `exposure_minor`, `holders`, `contacts`, `threads`, `n_eff`, `hhi`, `cr1`,
    /// `bus_factor`, `institutional_score`, `last_interaction_at`, …
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub figures: serde_json::Map<String, serde_json::Value>,
    pub flags: Vec<FlagView>,
}

impl AccountRiskView {
    pub fn new(mut risk: AccountRisk, language: Language) -> ApiResult<AccountRiskView> {
        let flags = FlagView::all(std::mem::take(&mut risk.flags), language);
        let mut figures = match serde_json::to_value(risk).map_err(|e| ApiError::Internal(e.to_string()))? {
            serde_json::Value::Object(figures) => figures,
            _ => return Err(ApiError::Internal("figures serialise as an object".into())),
        };
        figures.remove("flags");
        Ok(AccountRiskView { figures, flags })
    }
}

/// One account's figures: score, exposure, flags (with `params` and an explanation in the
/// request's language), holders and their shares, contact shares, threads, `n_eff`, `hhi`,
/// `cr1`, `bus_factor`, `institutional_score`, `last_interaction_at` (of any kind) and
/// `last_contact_at` (the latest conversation with a client contact, what `stale` reads).
#[utoipa::path(tag = "risk", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = AccountRiskView, description = "The account's continuity figures"), (status = 404, body = crate::error::Problem)))]
#[get("/accounts/{id}/risk")]
pub async fn account(
    state: web::Data<AppState>,
    caller: CurrentUser,
    language: RequestLanguage,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&id)?;
    let figures = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Read)?;
            figures::get(conn, account_id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(HttpResponse::Ok().json(AccountRiskView::new(figures, language.0)?))
}

use actix_web::HttpResponse as Answer;
use chrono::{Duration, NaiveDate, Utc};
use continuity_domain::continuity::{
    departure_what_if, employee_exposure, leaving_holders, truck_factor, EmployeeExposure, EmployeeLookup,
    LeavingHolder, PortfolioSummary,
};
use continuity_domain::UserStatus;
use continuity_store::accounts::AccountSort;
use serde::{Deserialize, Serialize};

use crate::accounts::{list_sorted, AccountView, ListQuery};
use crate::json::ValidJson;
use crate::pagination::Page;
use actix_web::{get, post};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct SummaryQuery {
    /// One team; default: every team the caller may see.
    pub team_id: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    pub day: chrono::NaiveDate,
    pub value_minor: i64,
    pub exposure_minor: i64,
    pub key_person_value_minor: i64,
    #[schema(value_type = Object)]
    pub flag_counts: serde_json::Value,
}

/// One team's value and the part of it in accounts without an institutional tie.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UntiedByTeam {
    pub team_id: String,
    pub team_name: String,
    pub value_minor: i64,
    pub untied_value_minor: i64,
    /// `untied_value_minor / value_minor` (0 without value).
    pub untied_value_share: f64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RiskSummary {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub figures: PortfolioSummary,
    /// Daily figures of the last 90 days, oldest first.
    pub trend: Vec<TrendPoint>,
    /// The ten accounts with the largest exposure.
    pub top_exposed: Vec<AccountView>,
    /// Per team of the summary (every team firm-wide), the value in accounts with no
    /// institutional tie; beside `untied_accounts`, `untied_value_minor` and
    /// `untied_value_share` of the whole summary.
    pub untied_by_team: Vec<UntiedByTeam>,
    /// Open complaints on the accounts in view.
    pub open_complaints: i64,
    /// Open complaints logged more than 14 days ago.
    pub overdue_complaints: i64,
}

/// The risk dashboard's figures, per team or firm-wide: `flag_counts`, `value_minor`,
/// `exposure_minor`, `key_person_value_minor`, `by_band`, `truck_factor`, `trend`,
/// `top_exposed`, `open_complaints`, `overdue_complaints`, and the value without an
/// institutional tie: `untied_accounts`, `untied_value_minor`, `untied_value_share`, `untied_by_team`.
///
/// `truck_factor {size, order, already_leaving_user_ids, already_leaving_value_minor,
/// orphaned_value_minor, total_value_minor}` counts the holders already leaving (status
/// `leaving`/`departed` or a leave date; `already_leaving_user_ids`) as gone first:
/// `already_leaving_value_minor` is the value their going leaves with no staying holder.
/// `order` lists the staying employees the greedy search then removes, each step the one whose
/// departure orphans the most value, until more than half of `total_value_minor` has no holder;
/// `size` is their number, and `orphaned_value_minor` the value without a holder at the end.
#[utoipa::path(tag = "risk", params(SummaryQuery), security(("bearer" = [])),
    responses((status = 200, body = RiskSummary), (status = 403, body = crate::error::Problem)))]
#[get("/risk/summary")]
pub async fn summary(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<SummaryQuery>,
) -> ApiResult<web::Json<RiskSummary>> {
    let team_id = optional_id("team_id", query.team_id.as_deref())?;
    let teams = access::portfolio_teams(&caller, team_id)?;
    let snapshot_team = team_id.unwrap_or(0);
    let lead_teams = teams.clone();
    let cache = state.clone();
    let (figures, trend, untied_by_team, complaint_counts) = state
        .run(move |conn| {
            let complaint_counts = continuity_store::complaints::counts(conn, teams.as_deref(), Utc::now())?;
            let totals = continuity_store::figures::totals::totals(conn, teams.as_deref())?;
            let by_team = continuity_store::figures::totals::totals_by_team(conn)?;
            let untied_by_team: Vec<UntiedByTeam> = continuity_store::teams::list(conn)?
                .into_iter()
                .filter(|team| teams.as_ref().is_none_or(|ids| ids.contains(&team.id)))
                .map(|team| {
                    let totals = by_team.get(&team.id).cloned().unwrap_or_default();
                    UntiedByTeam {
                        team_id: team.id.to_string(),
                        team_name: team.name,
                        value_minor: totals.value_minor,
                        untied_value_minor: totals.untied_value_minor,
                        untied_value_share: totals.untied_value_share(),
                    }
                })
                .collect();
            let truck_factor = cache.truck_factors.get_or_compute(&teams, || {
                let holders = continuity_store::figures::totals::holders(conn, teams.as_deref())?;
                let leaving = leaving_holders(&holders, &figures::all_employees(conn)?);
                Ok::<_, ApiError>(truck_factor(&holders, &leaving, &figures::settings(conn)?))
            })?;
            let figures = totals.summary(truck_factor);
            let since = Utc::now().date_naive() - Duration::days(90);
            // A sales lead over several teams gets the trend of their first team when the
            // firm-wide line is not theirs to see.
            let trend_team = match (&lead_teams, snapshot_team) {
                (Some(teams), 0) if teams.len() == 1 => teams[0],
                (Some(teams), 0) => teams.first().copied().unwrap_or(-1),
                (_, team) => team,
            };
            Ok((figures, figures::snapshots(conn, trend_team, since)?, untied_by_team, complaint_counts))
        })
        .await?;
    let top = list_sorted(
        state,
        caller,
        ListQuery {
            limit: Some(10),
            cursor: None,
            q: None,
            team_id: team_id.map(|id| id.to_string()),
            tier: None,
            region: None,
            owner_id: None,
            member_id: None,
            status: Some("active".into()),
            flag: None,
            institutional_tie: None,
            sort: None,
        },
        AccountSort::ExposureDesc,
    )
    .await?;
    Ok(web::Json(RiskSummary {
        figures,
        trend: trend
            .into_iter()
            .map(|s| TrendPoint {
                day: s.day,
                value_minor: s.value_minor,
                exposure_minor: s.exposure_minor,
                key_person_value_minor: s.key_person_value_minor,
                flag_counts: s.flag_counts,
            })
            .collect(),
        top_exposed: top.items,
        untied_by_team,
        open_complaints: complaint_counts.open_complaints,
        overdue_complaints: complaint_counts.overdue_complaints,
    }))
}

/// Accounts at risk: the account list sorted by exposure (largest first) by default, with the
/// same filters (`flag`, `team_id`, …) and `sort=score`.
#[utoipa::path(tag = "risk", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<AccountView>)))]
#[get("/risk/accounts")]
pub async fn accounts(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<ListQuery>,
) -> ApiResult<web::Json<Page<AccountView>>> {
    list_sorted(state, caller, query.into_inner(), AccountSort::ExposureDesc).await.map(web::Json)
}

/// One of an account's other holders who is leaving too (status `leaving` or `departed`, or
/// a leave date set).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LeavingHolderView {
    pub user_id: String,
    pub display_name: String,
    /// `leaving` or `departed` (or `active` with a leave date set).
    #[schema(value_type = String)]
    pub status: UserStatus,
    /// Their last day, if set.
    pub leave_date: Option<NaiveDate>,
}

impl LeavingHolderView {
    pub fn list(holders: &[LeavingHolder]) -> Vec<LeavingHolderView> {
        holders
            .iter()
            .map(|holder| LeavingHolderView {
                user_id: holder.user_id.to_string(),
                display_name: holder.display_name.clone(),
                status: holder.status,
                leave_date: holder.leave_date,
            })
            .collect()
    }
}

/// A client contact whom only the employee knows.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ContactOnlyTheyKnowView {
    pub contact_id: String,
    pub account_id: String,
}

/// The employee's part in one account.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AccountExposureView {
    pub account_id: String,
    /// The employee's share of the account's relationship strength.
    pub share: f64,
    /// The employee is one of the account's holders (share ≥ 10 %).
    pub holder: bool,
    /// The account rests on the employee: they hold it and no *staying* holder (status
    /// `active`, no leave date) besides them remains. Holders who are leaving too do not
    /// count; they are named in `other_holders_leaving`.
    pub sole_holder: bool,
    /// When `sole_holder`: the account's other holders, every one of them leaving too (empty
    /// when nobody else holds it). Non-empty means "its only other holders are leaving too".
    pub other_holders_leaving: Vec<LeavingHolderView>,
    pub annual_value_minor: i64,
    /// `annual_value_minor × share`.
    pub share_weighted_value_minor: i64,
}

/// An employee's HR figures (PRODUCT.md, HR figures, as "Departing people are no cover"
/// decides them).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExposureView {
    pub user_id: String,
    /// Σ annual value of the active accounts the employee holds on which no staying holder
    /// besides them remains (those marked `sole_holder`).
    pub orphaned_value_minor: i64,
    /// Σ annual value × the employee's share.
    pub share_weighted_exposure_minor: i64,
    /// Client contacts whom only the employee knows.
    pub contacts_only_they_know: Vec<ContactOnlyTheyKnowView>,
    /// The accounts the employee has a share in, holds or is assigned to; largest
    /// share-weighted value first.
    pub accounts: Vec<AccountExposureView>,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
    /// The handovers the employee owes: named successor on an open departure plan and not yet
    /// introduced to the client; the earliest due first.
    pub handovers_owed: Vec<OwedHandoverView>,
}

/// A handover the employee owes as successor.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OwedHandoverView {
    pub plan_id: String,
    pub account_id: String,
    /// The colleague who is leaving.
    pub leaver_id: String,
    pub due_date: Option<NaiveDate>,
}

impl From<continuity_store::departures::OwedHandover> for OwedHandoverView {
    fn from(owed: continuity_store::departures::OwedHandover) -> Self {
        OwedHandoverView {
            plan_id: owed.plan_id.to_string(),
            account_id: owed.account_id.to_string(),
            leaver_id: owed.leaver_id.to_string(),
            due_date: owed.due_date,
        }
    }
}

impl From<EmployeeExposure> for ExposureView {
    fn from(figures: EmployeeExposure) -> Self {
        ExposureView {
            user_id: figures.user_id.to_string(),
            orphaned_value_minor: figures.orphaned_value_minor,
            share_weighted_exposure_minor: figures.share_weighted_exposure_minor,
            contacts_only_they_know: figures
                .contacts_only_they_know
                .iter()
                .map(|contact| ContactOnlyTheyKnowView {
                    contact_id: contact.contact_id.to_string(),
                    account_id: contact.account_id.to_string(),
                })
                .collect(),
            accounts: figures
                .accounts
                .iter()
                .map(|part| AccountExposureView {
                    account_id: part.account_id.to_string(),
                    share: part.share,
                    holder: part.holder,
                    sole_holder: part.sole_holder,
                    other_holders_leaving: LeavingHolderView::list(&part.other_holders_leaving),
                    annual_value_minor: part.annual_value_minor,
                    share_weighted_value_minor: part.share_weighted_value_minor,
                })
                .collect(),
            non_solicitation_until: figures.non_solicitation_until,
            non_compete_until: figures.non_compete_until,
            handovers_owed: Vec::new(),
        }
    }
}

/// An employee's exposure (HR figures): orphaned value (the accounts they hold with no
/// staying holder besides them), share-weighted exposure, contacts only they know, their
/// accounts with the other holders who are leaving too, clause dates, the handovers they owe
/// as successor. HR and admins for
/// anyone; a sales lead for members of their teams; anyone for themselves.
#[utoipa::path(tag = "risk", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ExposureView), (status = 404, body = crate::error::Problem)))]
#[get("/users/{id}/exposure")]
pub async fn exposure(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
) -> ApiResult<web::Json<ExposureView>> {
    let user_id = path_id(&id)?;
    let figures = state
        .run(move |conn| {
            let employees = figures::all_employees(conn)?;
            let employee = employees.employee(user_id).cloned().ok_or(ApiError::NotFound)?;
            if !access::may_see_exposure_of(&caller, user_id, employee.team_id) {
                return Err(ApiError::NotFound);
            }
            let risks = figures::risks_touching_user(conn, user_id, Utc::now())?;
            let owed = continuity_store::departures::owed_by(conn, user_id)?;
            Ok((employee_exposure(&employee, &risks, &employees), owed))
        })
        .await?;
    let (figures, owed) = figures;
    let mut view = ExposureView::from(figures);
    view.handovers_owed = owed.into_iter().map(OwedHandoverView::from).collect();
    Ok(web::Json(view))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DepartureSimulation {
    /// The employees who would leave together.
    pub user_ids: Vec<String>,
}

/// What if these employees left? Reassesses their accounts without them and reports
/// `no_owner_account_ids`, `newly_flagged`, `orphaned_account_ids` and
/// `orphaned_value_minor` (the accounts a leaver holds on which no staying holder besides the
/// leavers remains: colleagues leaving too are no cover), `majority_held_value_minor`.
/// Changes nothing. HR and admins; sales leads for their teams.
#[utoipa::path(tag = "risk", request_body = DepartureSimulation,
    security(("bearer" = [])), responses((status = 200, description = "The simulated departure"), (status = 422, body = crate::error::Problem)))]
#[post("/simulations/departure")]
pub async fn simulate_departure(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<DepartureSimulation>,
) -> ApiResult<Answer> {
    access::may_simulate_departures(&caller)?;
    let leavers = crate::ids::ids_of("user_ids", &body.0.user_ids)?;
    if leavers.is_empty() {
        return Err(ApiError::invalid("user_ids", "name at least one employee"));
    }
    if leavers.len() > 500 {
        return Err(ApiError::invalid("user_ids", "at most 500 employees at a time"));
    }
    let report = state
        .run(move |conn| {
            let now = Utc::now();
            let settings = figures::settings(conn)?;
            let mut touched = std::collections::BTreeSet::new();
            for leaver in &leavers {
                touched.extend(figures::accounts_touching_user(conn, *leaver, &settings, now)?);
            }
            let touched: Vec<i64> = touched.into_iter().collect();
            let facts = figures::facts_of(conn, &touched, &settings, now)?;
            // Only the people these accounts involve (and the leavers), not the whole staff.
            let mut people = figures::people_of(&facts);
            people.extend(leavers.iter().copied());
            let employees = figures::employees_by_id(conn, &people)?;
            for (index, leaver) in leavers.iter().enumerate() {
                let visible = employees.employee(*leaver).is_some_and(|e| access::sees_people_of(&caller, e.team_id));
                if !visible {
                    return Err(ApiError::invalid(format!("user_ids[{index}]"), "no such employee"));
                }
            }
            let policies = figures::coverage_policies(conn)?;
            Ok(departure_what_if(&leavers, &facts, &employees, &policies, &settings, now))
        })
        .await?;
    Ok(Answer::Ok().json(report))
}
