//! `/accounts/{id}/interactions` and `/interactions/{id}`: the shared timeline of an account.
//! HR sees the structure of interactions (who, when, what kind) but never their summaries.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::{ComplaintStatus, InteractionKind, OnBehalfOf};
use continuity_store::complaints::{self, FollowUp};
use continuity_store::interactions::{self, Interaction, InteractionPatch, NewInteraction};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::ids::{field_id, ids_of, path_id};
use crate::json::ValidJson;
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::state::AppState;
use actix_web::{get, patch, post};

#[derive(Debug, Serialize, ToSchema)]
pub struct InteractionView {
    pub id: String,
    pub account_id: String,
    pub external_id: Option<String>,
    #[schema(value_type = String)]
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    /// `null` for HR, who never sees interaction text.
    pub summary: Option<String>,
    pub employee_ids: Vec<String>,
    pub contact_ids: Vec<String>,
    #[schema(value_type = String)]
    pub on_behalf_of: OnBehalfOf,
    #[schema(value_type = Option<String>)]
    pub complaint_status: Option<ComplaintStatus>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// What was done to resolve a complaint; `null` for HR.
    pub resolution: Option<String>,
    pub follow_up_owner_id: Option<String>,
    pub follow_up_due: Option<NaiveDate>,
    pub created_by: Option<String>,
    /// The client event this touchpoint records (`/events/{id}`), if any.
    pub event_id: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    /// A complaint's follow-up trail, oldest first (in the view of one interaction).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_ups: Option<Vec<FollowUpView>>,
}

/// One note of a complaint's follow-up trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct FollowUpView {
    pub id: String,
    /// `null` for HR, who never sees interaction text.
    pub note: Option<String>,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl FollowUpView {
    pub fn new(follow_up: FollowUp, with_text: bool) -> FollowUpView {
        FollowUpView {
            id: follow_up.id.to_string(),
            note: with_text.then_some(follow_up.note),
            author_id: follow_up.author_id.map(|id| id.to_string()),
            author_name: follow_up.author_name,
            created_at: follow_up.created_at,
        }
    }
}

impl InteractionView {
    pub fn new(interaction: Interaction, with_text: bool) -> InteractionView {
        let ids = |ids: Vec<i64>| ids.into_iter().map(|id| id.to_string()).collect();
        InteractionView {
            id: interaction.id.to_string(),
            account_id: interaction.account_id.to_string(),
            external_id: interaction.external_id,
            kind: interaction.kind,
            occurred_at: interaction.occurred_at,
            summary: with_text.then_some(interaction.changes.summary),
            employee_ids: ids(interaction.employee_ids),
            contact_ids: ids(interaction.contact_ids),
            on_behalf_of: interaction.on_behalf_of,
            complaint_status: interaction.changes.complaint_status,
            resolved_at: interaction.resolved_at,
            resolution: interaction.changes.resolution.filter(|_| with_text),
            follow_up_owner_id: interaction.changes.follow_up_owner_id.map(|id| id.to_string()),
            follow_up_due: interaction.changes.follow_up_due,
            created_by: interaction.created_by.map(|id| id.to_string()),
            event_id: interaction.event_id.map(|id| id.to_string()),
            version: interaction.version,
            created_at: interaction.created_at,
            follow_ups: None,
        }
    }

    /// The view of one interaction, with a complaint's follow-up trail.
    fn with_trail(
        conn: &mut continuity_store::AnyConnection,
        interaction: Interaction,
        with_text: bool,
    ) -> Result<InteractionView, ApiError> {
        let trail = match interaction.kind {
            InteractionKind::Complaint => Some(
                complaints::follow_ups(conn, interaction.id)?
                    .into_iter()
                    .map(|follow_up| FollowUpView::new(follow_up, with_text))
                    .collect(),
            ),
            _ => None,
        };
        Ok(InteractionView { follow_ups: trail, ..InteractionView::new(interaction, with_text) })
    }
}

fn answer(status: StatusCode, view: InteractionView) -> HttpResponse {
    HttpResponse::build(status).insert_header(("ETag", etag(view.version))).json(view)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInteraction {
    #[schema(value_type = String, example = "meeting")]
    pub kind: InteractionKind,
    /// May lie in the past; at most a day in the future.
    pub occurred_at: DateTime<Utc>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub employee_ids: Vec<String>,
    #[serde(default)]
    pub contact_ids: Vec<String>,
    /// `person` (default) or `organisation` (a gift or client day in the firm's name).
    #[schema(value_type = Option<String>)]
    pub on_behalf_of: Option<OnBehalfOf>,
    /// Complaints only: `open` (default) or `resolved`.
    #[schema(value_type = Option<String>)]
    pub complaint_status: Option<ComplaintStatus>,
    /// A complaint logged as resolved: what was done.
    pub resolution: Option<String>,
    /// Complaints: who on the account team follows it up (an open assignment).
    pub follow_up_owner_id: Option<String>,
    pub follow_up_due: Option<NaiveDate>,
    pub external_id: Option<String>,
}

impl CreateInteraction {
    /// The interaction to log, its ids read and its defaults filled in (the domain's rules
    /// check it when it is written).
    fn into_new(self) -> Result<NewInteraction, ApiError> {
        let complaint_status = match (self.kind, self.complaint_status) {
            (InteractionKind::Complaint, status) => Some(status.unwrap_or(ComplaintStatus::Open)),
            (_, status) => status,
        };
        Ok(NewInteraction {
            external_id: self.external_id.map(|id| id.trim().to_owned()).filter(|id| !id.is_empty()),
            kind: self.kind,
            occurred_at: self.occurred_at,
            summary: self.summary,
            on_behalf_of: self.on_behalf_of.unwrap_or(OnBehalfOf::Person),
            complaint_status,
            resolution: self.resolution.map(|text| text.trim().to_owned()).filter(|text| !text.is_empty()),
            follow_up_owner_id: self
                .follow_up_owner_id
                .as_deref()
                .map(|id| field_id("follow_up_owner_id", id))
                .transpose()?,
            follow_up_due: self.follow_up_due,
            employee_ids: ids_of("employee_ids", &self.employee_ids)?,
            contact_ids: ids_of("contact_ids", &self.contact_ids)?,
            event_id: None,
        })
    }
}

/// Logs an interaction; the account's figures are current when this answers.
#[utoipa::path(tag = "interactions", params(("id" = String, Path)),
    request_body = CreateInteraction, security(("bearer" = [])),
    responses((status = 201, body = InteractionView), (status = 422, body = crate::error::Problem)))]
#[post("/accounts/{id}/interactions")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
    body: ValidJson<CreateInteraction>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&id)?;
    let new = body.0.into_new()?;
    let interaction = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Edit)?;
            let interaction = interactions::create(conn, account_id, &new, Some(caller.id), Utc::now())?;
            InteractionView::with_trail(conn, interaction, true)
        })
        .await?;
    Ok(answer(StatusCode::CREATED, interaction))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    /// Only this kind, e.g. `complaint`.
    pub kind: Option<String>,
}

/// An account's timeline, newest first.
#[utoipa::path(tag = "interactions", params(("id" = String, Path), ListQuery),
    security(("bearer" = [])), responses((status = 200, body = Page<InteractionView>)))]
#[get("/accounts/{id}/interactions")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
    query: web::Query<ListQuery>,
) -> ApiResult<web::Json<Page<InteractionView>>> {
    let account_id = path_id(&id)?;
    let query = query.into_inner();
    let limit = limit(query.limit)?;
    let after: Option<(DateTime<Utc>, i64)> = decode_cursor(query.cursor.as_deref())?;
    let kind = query
        .kind
        .as_deref()
        .filter(|text| !text.is_empty())
        .map(|text| {
            text.parse::<InteractionKind>()
                .map_err(|e| ApiError::invalid("kind", format!("must be one of {}", e.expected)))
        })
        .transpose()?;
    let with_text = access::may_see_interaction_text(&caller);
    let rows = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Read)?;
            Ok(interactions::list_for_account(conn, account_id, after, kind, limit + 1)?)
        })
        .await?;
    Ok(web::Json(page_of(rows, limit, |row| (row.occurred_at, row.id), |row| InteractionView::new(row, with_text))))
}

fn visible_interaction(
    conn: &mut continuity_store::AnyConnection,
    caller: &CurrentUser,
    id: i64,
    intent: Intent,
) -> Result<Interaction, ApiError> {
    let interaction = interactions::get(conn, id)?.ok_or(ApiError::NotFound)?;
    access::account(conn, caller, interaction.account_id, intent)?;
    Ok(interaction)
}

/// One interaction.
#[utoipa::path(tag = "interactions", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = InteractionView), (status = 404, body = crate::error::Problem)))]
#[get("/interactions/{id}")]
pub async fn get(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let with_text = access::may_see_interaction_text(&caller);
    let view = state
        .run(move |conn| {
            let interaction = visible_interaction(conn, &caller, id, Intent::Read)?;
            InteractionView::with_trail(conn, interaction, with_text)
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

/// A change to an interaction: absent fields stay, `null` clears the follow-up.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchInteraction {
    pub summary: Option<String>,
    /// `resolved` closes a complaint (stamps `resolved_at`; needs `resolution`); `open`
    /// reopens it.
    #[schema(value_type = Option<String>)]
    pub complaint_status: Option<ComplaintStatus>,
    /// What was done to resolve the complaint: required, non-blank, when resolving an open one.
    pub resolution: Option<String>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<String>)]
    pub follow_up_owner_id: Option<Option<String>>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub follow_up_due: Option<Option<NaiveDate>>,
}

/// Changes an interaction, e.g. resolves a complaint (send `If-Match`).
#[utoipa::path(tag = "interactions", params(("id" = String, Path)),
    request_body = PatchInteraction, security(("bearer" = [])),
    responses((status = 200, body = InteractionView), (status = 412, body = crate::error::Problem)))]
#[patch("/interactions/{id}")]
pub async fn patch(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<PatchInteraction>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let patch = body.0;
    let follow_up_owner_id = match patch.follow_up_owner_id {
        Some(Some(raw)) => Some(Some(field_id("follow_up_owner_id", &raw)?)),
        Some(None) => Some(None),
        None => None,
    };
    let patch = InteractionPatch {
        summary: patch.summary,
        complaint_status: patch.complaint_status,
        resolution: patch.resolution,
        follow_up_owner_id,
        follow_up_due: patch.follow_up_due,
    };
    let if_match = required_version(&request);
    let interaction = state
        .run(move |conn| {
            visible_interaction(conn, &caller, id, Intent::Edit)?;
            let interaction = interactions::patch(conn, id, if_match?, patch, Some(caller.id), Utc::now())?;
            InteractionView::with_trail(conn, interaction, true)
        })
        .await?;
    Ok(answer(StatusCode::OK, interaction))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateFollowUp {
    /// What was done or agreed (non-blank).
    pub note: String,
}

/// Adds a note to a complaint's follow-up trail (the account's editors); audited.
#[utoipa::path(tag = "complaints", params(("id" = String, Path)),
    request_body = CreateFollowUp, security(("bearer" = [])),
    responses((status = 201, body = FollowUpView), (status = 422, body = crate::error::Problem)))]
#[post("/interactions/{id}/follow-ups")]
pub async fn add_follow_up(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
    body: ValidJson<CreateFollowUp>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let note = body.0.note;
    let follow_up = state
        .run(move |conn| {
            visible_interaction(conn, &caller, id, Intent::Edit)?;
            Ok(complaints::add_follow_up(conn, id, &note, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::Created().json(FollowUpView::new(follow_up, true)))
}
