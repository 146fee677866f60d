//! `/campaigns`: apologies, mailings, gifts and invitations to a target set of accounts, with
//! the equal-treatment report (`/campaigns/{id}/report`, `/campaigns/preview`) and the send
//! (`/campaigns/{id}/send`), which needs an acknowledgement with a reason when the report
//! warns. Who may do what: [`crate::access`].

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use continuity_domain::campaigns::{check_target, CampaignTarget, EqualTreatmentReport, Warning};
use continuity_domain::rules;
use continuity_domain::{CampaignKind, CampaignStatus};
use continuity_store::campaigns::{self, Campaign, CampaignDraft, CampaignFilter};
use continuity_store::AnyConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::ids::{field_id, path_id};
use crate::json::ValidJson;
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::query::optional_choice;
use crate::state::AppState;
use actix_web::{delete, get, patch, post};

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignView {
    pub id: String,
    pub name: String,
    #[schema(value_type = String, example = "apology")]
    pub kind: CampaignKind,
    /// The scope: one team, or `null` for the whole firm.
    pub team_id: Option<String>,
    #[schema(value_type = String, example = "draft")]
    pub status: CampaignStatus,
    /// `{"filter": {tiers?, regions?, team_ids?, min_value_minor?, max_value_minor?}}` or
    /// `{"account_ids": [...]}`.
    #[schema(value_type = Object)]
    pub target: CampaignTarget,
    /// How many accounts it includes: today's for a draft, those it reached once sent.
    pub included_accounts: u64,
    /// The equal-treatment warnings (today's for a draft, those acknowledged once sent).
    #[schema(value_type = Vec<Object>)]
    pub warnings: Vec<Warning>,
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub sent_by: Option<String>,
    pub acknowledged_reason: Option<String>,
    pub version: i64,
}

/// The equal-treatment report (see the domain's `campaigns` module): `universe {accounts,
/// value_minor}`, `included {…}`, `excluded_share`, `excluded_value_share`, `by_tier [{tier,
/// active_accounts, included_accounts, excluded_share, value_minor, included_value_minor,
/// excluded_value_share}]`, `by_region [{region, …}]`, `warnings [{code, message}]`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportView {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub report: EqualTreatmentReport,
}

fn view(campaign: Campaign, report: &EqualTreatmentReport) -> CampaignView {
    CampaignView {
        id: campaign.id.to_string(),
        name: campaign.draft.name,
        kind: campaign.draft.kind,
        team_id: campaign.draft.team_id.map(|id| id.to_string()),
        status: campaign.status,
        target: campaign.draft.target,
        included_accounts: report.included.accounts,
        warnings: report.warnings.clone(),
        created_by: campaign.created_by.map(|id| id.to_string()),
        created_at: campaign.created_at,
        updated_at: campaign.updated_at,
        sent_at: campaign.sent_at,
        sent_by: campaign.sent_by.map(|id| id.to_string()),
        acknowledged_reason: campaign.acknowledged_reason,
        version: campaign.version,
    }
}

/// The report of a campaign: the one fixed when it was sent, or today's for a draft.
fn report_of(conn: &mut AnyConnection, campaign: &Campaign) -> Result<EqualTreatmentReport, ApiError> {
    match &campaign.sent_report {
        Some(stored) => Ok(stored.clone()),
        None => Ok(campaigns::draft_report(conn, campaign.draft.team_id, &campaign.draft.target)?.0),
    }
}

fn answer(status: StatusCode, view: CampaignView) -> HttpResponse {
    HttpResponse::build(status).insert_header(("ETag", etag(view.version))).json(view)
}

/// What creating a campaign (or previewing one) takes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignInput {
    pub name: String,
    #[schema(value_type = String, example = "mailing")]
    pub kind: CampaignKind,
    /// One team (its active accounts are the universe); absent or `null`: the whole firm
    /// (admins only).
    pub team_id: Option<String>,
    /// `{"filter": {tiers?, regions?, team_ids?, min_value_minor?, max_value_minor?}}` or
    /// `{"account_ids": [...]}`.
    #[schema(value_type = Object)]
    pub target: CampaignTarget,
}

impl CampaignInput {
    fn draft(self) -> Result<CampaignDraft, ApiError> {
        Ok(CampaignDraft {
            name: self.name,
            kind: self.kind,
            team_id: self.team_id.as_deref().map(|raw| field_id("team_id", raw)).transpose()?,
            target: self.target,
        })
    }
}

/// Checks a draft's fields, its scope against the caller, and its target against the scope's
/// universe; answers the draft (name trimmed) and its report.
fn checked(
    conn: &mut AnyConnection,
    caller: &CurrentUser,
    mut draft: CampaignDraft,
) -> Result<(CampaignDraft, EqualTreatmentReport), ApiError> {
    access::may_run_campaign(caller, draft.team_id)?;
    draft.name = draft.name.trim().to_owned();
    rules::campaigns::check_name(&draft.name)?;
    if let Some(team_id) = draft.team_id {
        if !campaigns::unknown_teams(conn, &[team_id])?.is_empty() {
            return Err(ApiError::invalid("team_id", "no such team"));
        }
    }
    if let CampaignTarget::Filter(filter) = &draft.target {
        if let Some(unknown) = campaigns::unknown_teams(conn, &filter.team_ids)?.first() {
            let index = filter.team_ids.iter().position(|id| id == unknown).unwrap_or(0);
            return Err(ApiError::invalid(format!("target.filter.team_ids[{index}]"), "no such team"));
        }
    }
    let universe = campaigns::universe(conn, draft.team_id)?;
    check_target(&draft.target, &universe, draft.team_id)
        .map_err(|error| ApiError::invalid(error.field, error.reason))?;
    let (report, _) = campaigns::draft_report(conn, draft.team_id, &draft.target)?;
    Ok((draft, report))
}

/// Drafts a campaign; answers it with its count of included accounts and its warnings.
#[utoipa::path(tag = "campaigns", request_body = CampaignInput,
    security(("bearer" = [])),
    responses((status = 201, body = CampaignView), (status = 422, body = crate::error::Problem), (status = 403, body = crate::error::Problem)))]
#[post("/campaigns")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<CampaignInput>,
) -> ApiResult<HttpResponse> {
    let draft = body.0.draft()?;
    let view = state
        .run(move |conn| {
            let (draft, report) = checked(conn, &caller, draft)?;
            let campaign = campaigns::create(conn, &draft, Some(caller.id), Utc::now())?;
            Ok(view(campaign, &report))
        })
        .await?;
    Ok(answer(StatusCode::CREATED, view))
}

/// The equal-treatment report of a campaign being drafted, without saving it.
#[utoipa::path(tag = "campaigns", request_body = CampaignInput,
    security(("bearer" = [])),
    responses((status = 200, body = ReportView), (status = 422, body = crate::error::Problem)))]
#[post("/campaigns/preview")]
pub async fn preview(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<CampaignInput>,
) -> ApiResult<HttpResponse> {
    let draft = body.0.draft()?;
    let report = state.run(move |conn| Ok(checked(conn, &caller, draft)?.1)).await?;
    Ok(HttpResponse::Ok().json(ReportView { report }))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CampaignQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    /// Part of the name, any case.
    pub q: Option<String>,
    /// `draft` or `sent`.
    pub status: Option<String>,
}

/// The campaigns the caller may see, newest first.
#[utoipa::path(tag = "campaigns", params(CampaignQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<CampaignView>), (status = 403, body = crate::error::Problem)))]
#[get("/campaigns")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<CampaignQuery>,
) -> ApiResult<web::Json<Page<CampaignView>>> {
    let query = query.into_inner();
    let limit = limit(query.limit)?;
    let before: Option<i64> = decode_cursor(query.cursor.as_deref())?;
    let status = optional_choice("status", query.status.as_deref())?;
    let filter = CampaignFilter { team_ids: access::campaign_teams(&caller)?, name_contains: query.q, status };
    let rows = state
        .run(move |conn| {
            let rows = campaigns::list(conn, &filter, before, limit + 1)?;
            // Drafts of one scope share its universe: load each scope's once.
            let mut universes = HashMap::new();
            let mut reports = Vec::with_capacity(rows.len());
            for campaign in rows {
                let report = match &campaign.sent_report {
                    Some(stored) => stored.clone(),
                    None => {
                        let universe = match universes.get(&campaign.draft.team_id) {
                            Some(universe) => universe,
                            None => universes
                                .entry(campaign.draft.team_id)
                                .or_insert(campaigns::universe(conn, campaign.draft.team_id)?),
                        };
                        let included =
                            continuity_domain::campaigns::included_accounts(universe, &campaign.draft.target);
                        continuity_domain::campaigns::equal_treatment_report(universe, &included, &Default::default())
                    }
                };
                reports.push((campaign, report));
            }
            Ok(reports)
        })
        .await?;
    Ok(web::Json(page_of(rows, limit, |(campaign, _)| campaign.id, |(campaign, report)| view(campaign, &report))))
}

/// The campaign, if the caller may read it.
fn visible(conn: &mut AnyConnection, caller: &CurrentUser, id: i64) -> Result<Campaign, ApiError> {
    let campaign = campaigns::get(conn, id)?.ok_or(ApiError::NotFound)?;
    access::may_read_campaign(caller, campaign.draft.team_id)?;
    Ok(campaign)
}

/// One campaign.
#[utoipa::path(tag = "campaigns", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = CampaignView), (status = 404, body = crate::error::Problem)))]
#[get("/campaigns/{id}")]
pub async fn get(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let view = state
        .run(move |conn| {
            let campaign = visible(conn, &caller, id)?;
            let report = report_of(conn, &campaign)?;
            Ok(view(campaign, &report))
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

/// The equal-treatment report: `universe`, `included`, `excluded_share`,
/// `excluded_value_share`, `by_tier`, `by_region`, `warnings` — today's for a draft, the one
/// the sender saw once sent.
#[utoipa::path(tag = "campaigns", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = ReportView), (status = 404, body = crate::error::Problem)))]
#[get("/campaigns/{id}/report")]
pub async fn equal_treatment_report(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let report = state
        .run(move |conn| {
            let campaign = visible(conn, &caller, id)?;
            report_of(conn, &campaign)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ReportView { report }))
}

/// A change to a draft: absent fields stay; `team_id: null` makes it firm-wide.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchCampaign {
    pub name: Option<String>,
    #[schema(value_type = Option<String>)]
    pub kind: Option<CampaignKind>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<String>)]
    pub team_id: Option<Option<String>>,
    #[schema(value_type = Option<Object>)]
    pub target: Option<CampaignTarget>,
}

/// Changes a draft (send `If-Match`); a sent campaign answers 409.
#[utoipa::path(tag = "campaigns", params(("id" = String, Path)),
    request_body = PatchCampaign, security(("bearer" = [])),
    responses((status = 200, body = CampaignView), (status = 409, body = crate::error::Problem), (status = 412, body = crate::error::Problem)))]
#[patch("/campaigns/{id}")]
pub async fn patch(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<PatchCampaign>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let patch = body.0;
    let team_id = match patch.team_id {
        Some(Some(raw)) => Some(Some(field_id("team_id", &raw)?)),
        Some(None) => Some(None),
        None => None,
    };
    let if_match = required_version(&request);
    let view = state
        .run(move |conn| {
            let current = visible(conn, &caller, id)?;
            access::may_run_campaign(&caller, current.draft.team_id)?;
            let expected_version = if_match?;
            let draft = CampaignDraft {
                name: patch.name.unwrap_or(current.draft.name),
                kind: patch.kind.unwrap_or(current.draft.kind),
                team_id: team_id.unwrap_or(current.draft.team_id),
                target: patch.target.unwrap_or(current.draft.target),
            };
            let (draft, report) = checked(conn, &caller, draft)?;
            let campaign = campaigns::update(conn, id, expected_version, &draft, Some(caller.id), Utc::now())?;
            Ok(view(campaign, &report))
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

/// Deletes a draft (send `If-Match`); a sent campaign answers 409.
#[utoipa::path(tag = "campaigns", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 204), (status = 409, body = crate::error::Problem)))]
#[delete("/campaigns/{id}")]
pub async fn delete(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let if_match = required_version(&request);
    state
        .run(move |conn| {
            let current = visible(conn, &caller, id)?;
            access::may_run_campaign(&caller, current.draft.team_id)?;
            Ok(campaigns::delete(conn, id, if_match?, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendCampaign {
    /// Why the campaign goes out despite its warnings; required (non-blank) when it has any.
    pub acknowledge_reason: Option<String>,
}

/// Sends a draft (send `If-Match`; body `{}` or `{acknowledge_reason}`): one
/// organisation-attributed touchpoint on every included account (a gift for `gift`, an e-mail
/// otherwise), status `sent`, and an audit entry with the warnings and the reason — in one
/// transaction. With warnings and no reason: 422 naming `acknowledge_reason`, nothing changes.
/// Sent already: 409.
#[utoipa::path(tag = "campaigns", params(("id" = String, Path)),
    request_body = SendCampaign, security(("bearer" = [])),
    responses((status = 200, body = CampaignView), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
#[post("/campaigns/{id}/send")]
pub async fn send(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<SendCampaign>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let reason = body.0.acknowledge_reason;
    let if_match = required_version(&request);
    let view = state
        .run(move |conn| {
            let current = visible(conn, &caller, id)?;
            access::may_run_campaign(&caller, current.draft.team_id)?;
            let campaign = campaigns::send(conn, id, if_match?, reason.as_deref(), Some(caller.id), Utc::now())?;
            let report = report_of(conn, &campaign)?;
            Ok(view(campaign, &report))
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}
