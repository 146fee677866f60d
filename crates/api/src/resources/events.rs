//! `/events`: client events (a client day, seminar or dinner held in the firm's name) with
//! attendees from many accounts. Each attending account gets one organisation-attributed
//! touchpoint, kept in step with the attendance while the event is open.
//!
//! Who sees and changes what (decided here, on top of the access policy in [`crate::access`]):
//! - An event is visible to a caller who can see at least one attending account (admins and
//!   HR: every event). Attendees on accounts the caller cannot see are left out of the answer
//!   and counted in `hidden_attendees`; so are those accounts' ids. HR gets no summary text.
//! - Adding or removing a contact needs edit access to that contact's account.
//! - Changing what every touchpoint carries (name, summary, time, employees) and deleting the
//!   event (which removes every touchpoint) need edit access to every attending account.
//! - Closing needs edit access to at least one attending account: it freezes the event and
//!   changes no figure.
//! - A closed event refuses every change (409) and cannot be deleted.

use std::collections::{BTreeMap, BTreeSet};

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use continuity_domain::{EventKind, EventStatus};
use continuity_store::events::{self, Event, EventFields, EventFilter};
use continuity_store::{accounts, AnyConnection};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::ids::{ids_of, path_id};
use crate::json::ValidJson;
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::query::{optional_choice, optional_id};
use crate::state::AppState;
use actix_web::{delete, get, patch, post};

#[derive(Debug, Serialize, ToSchema)]
pub struct AttendeeView {
    pub contact_id: String,
    pub contact_name: String,
    pub account_id: String,
    pub account_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    pub id: String,
    pub name: String,
    #[schema(value_type = String, example = "client_day")]
    pub kind: EventKind,
    pub occurred_at: DateTime<Utc>,
    /// `null` for HR, who never sees interaction text.
    pub summary: Option<String>,
    #[schema(value_type = String, example = "open")]
    pub status: EventStatus,
    pub employee_ids: Vec<String>,
    /// The attendees on accounts the caller can see.
    pub attendees: Vec<AttendeeView>,
    /// Attendees on accounts the caller cannot see.
    pub hidden_attendees: usize,
    /// The attending accounts the caller can see.
    pub account_ids: Vec<String>,
    pub created_by: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An event as `caller` sees it, or `None` when they see none of its accounts.
fn view(conn: &mut AnyConnection, caller: &CurrentUser, event: Event) -> Result<Option<EventView>, ApiError> {
    let all: Vec<i64> = event.account_ids().into_iter().collect();
    let visible = accounts::visible_among(conn, &access::scope_of(caller), &all)?;
    if visible.is_empty() {
        return Ok(None);
    }
    let (shown, hidden): (Vec<_>, Vec<_>) =
        event.attendees.into_iter().partition(|attendee| visible.contains(&attendee.account_id));
    Ok(Some(EventView {
        id: event.id.to_string(),
        name: event.name,
        kind: event.kind,
        occurred_at: event.occurred_at,
        summary: access::may_see_interaction_text(caller).then_some(event.summary),
        status: event.status,
        employee_ids: event.employee_ids.iter().map(i64::to_string).collect(),
        attendees: shown
            .into_iter()
            .map(|attendee| AttendeeView {
                contact_id: attendee.contact_id.to_string(),
                contact_name: attendee.contact_name,
                account_id: attendee.account_id.to_string(),
                account_name: attendee.account_name,
            })
            .collect(),
        hidden_attendees: hidden.len(),
        account_ids: visible.iter().map(i64::to_string).collect(),
        created_by: event.created_by.map(|id| id.to_string()),
        version: event.version,
        created_at: event.created_at,
        updated_at: event.updated_at,
    }))
}

fn answer(status: StatusCode, view: EventView) -> HttpResponse {
    HttpResponse::build(status).insert_header(("ETag", etag(view.version))).json(view)
}

/// The event if the caller sees it (404 otherwise).
fn visible_event(conn: &mut AnyConnection, caller: &CurrentUser, id: i64) -> Result<Event, ApiError> {
    let event = events::get(conn, id)?.ok_or(ApiError::NotFound)?;
    let all: Vec<i64> = event.account_ids().into_iter().collect();
    if accounts::visible_among(conn, &access::scope_of(caller), &all)?.is_empty() {
        return Err(ApiError::NotFound);
    }
    Ok(event)
}

/// Needs edit access to each of `account_ids`.
fn require_edit_on(
    conn: &mut AnyConnection,
    caller: &CurrentUser,
    account_ids: impl IntoIterator<Item = i64>,
) -> Result<(), ApiError> {
    for account_id in account_ids {
        access::account(conn, caller, account_id, Intent::Edit).map_err(|error| match error {
            ApiError::NotFound => ApiError::Forbidden("the event has attendees on accounts you cannot change".into()),
            other => other,
        })?;
    }
    Ok(())
}

/// The accounts of the contacts, refusing a contact that does not exist or that the caller
/// cannot see (named by its position in `contact_ids`).
fn accounts_of(
    conn: &mut AnyConnection,
    caller: &CurrentUser,
    contact_ids: &[i64],
    already_attending: &BTreeSet<i64>,
) -> Result<BTreeMap<i64, i64>, ApiError> {
    let account_of = events::accounts_of_contacts(conn, contact_ids)?;
    let accounts: Vec<i64> = account_of.values().copied().collect();
    let visible = accounts::visible_among(conn, &access::scope_of(caller), &accounts)?;
    for (index, contact_id) in contact_ids.iter().enumerate() {
        let seen = account_of.get(contact_id).is_some_and(|account_id| visible.contains(account_id));
        // A contact who already attends stays, even on an account the caller cannot see.
        if !seen && !already_attending.contains(contact_id) {
            return Err(ApiError::invalid(format!("contact_ids[{index}]"), "no such contact"));
        }
    }
    Ok(account_of)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEvent {
    pub name: String,
    #[schema(value_type = String, example = "client_day")]
    pub kind: EventKind,
    /// May lie in the past; at most a day in the future.
    pub occurred_at: DateTime<Utc>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub employee_ids: Vec<String>,
    /// The attending client contacts; their accounts are the attending accounts.
    pub contact_ids: Vec<String>,
}

/// Records a client event: each attending account gets one touchpoint of kind `event` on
/// behalf of the organisation, and its institutional score is current when this answers.
#[utoipa::path(tag = "events", request_body = CreateEvent, security(("bearer" = [])),
    responses((status = 201, body = EventView), (status = 422, body = crate::error::Problem)))]
#[post("/events")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<CreateEvent>,
) -> ApiResult<HttpResponse> {
    let input = body.0;
    let now = Utc::now();
    let fields = EventFields {
        name: input.name,
        kind: input.kind,
        occurred_at: input.occurred_at,
        summary: input.summary,
        employee_ids: ids_of("employee_ids", &input.employee_ids)?,
        contact_ids: ids_of("contact_ids", &input.contact_ids)?,
    };
    let view = state
        .run(move |conn| {
            let account_of = accounts_of(conn, &caller, &fields.contact_ids, &BTreeSet::new())?;
            require_edit_on(conn, &caller, account_of.values().copied().collect::<BTreeSet<_>>())?;
            let event = events::create(conn, &fields, &account_of, Some(caller.id), now)?;
            view(conn, &caller, event)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(answer(StatusCode::CREATED, view))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    /// Free-text search in the event name.
    pub q: Option<String>,
    /// Events this account attended.
    pub account_id: Option<String>,
    /// `open` or `closed`.
    pub status: Option<String>,
}

/// The events the caller may see, newest first.
#[utoipa::path(tag = "events", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<EventView>), (status = 422, body = crate::error::Problem)))]
#[get("/events")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<ListQuery>,
) -> ApiResult<web::Json<Page<EventView>>> {
    let query = query.into_inner();
    let limit = limit(query.limit)?;
    let after: Option<(DateTime<Utc>, i64)> = decode_cursor(query.cursor.as_deref())?;
    let filter = EventFilter {
        account_id: optional_id("account_id", query.account_id.as_deref())?,
        status: optional_choice("status", query.status.as_deref())?,
        name_contains: query.q,
    };
    let page = state
        .run(move |conn| {
            let rows = events::list(conn, &access::scope_of(&caller), &filter, after, limit + 1)?;
            let page = page_of(rows, limit, |event| (event.occurred_at, event.id), |event| event);
            let mut items = Vec::with_capacity(page.items.len());
            for event in page.items {
                items.extend(view(conn, &caller, event)?);
            }
            Ok(Page { items, next_cursor: page.next_cursor })
        })
        .await?;
    Ok(web::Json(page))
}

/// One event.
#[utoipa::path(tag = "events", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = EventView), (status = 404, body = crate::error::Problem)))]
#[get("/events/{id}")]
pub async fn get(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let view = state
        .run(move |conn| {
            let event = visible_event(conn, &caller, id)?;
            view(conn, &caller, event)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

/// A change to an open event: absent fields stay.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchEvent {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub occurred_at: Option<DateTime<Utc>>,
    pub employee_ids: Option<Vec<String>>,
    /// The whole new attendance.
    pub contact_ids: Option<Vec<String>>,
}

/// Changes an open event (send `If-Match`); its touchpoints follow: accounts that join get
/// one, accounts whose contacts all left lose theirs. `409` once the event is closed.
#[utoipa::path(tag = "events", params(("id" = String, Path)), request_body = PatchEvent,
    security(("bearer" = [])),
    responses((status = 200, body = EventView), (status = 409, body = crate::error::Problem), (status = 412, body = crate::error::Problem)))]
#[patch("/events/{id}")]
pub async fn patch(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<PatchEvent>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let patch = body.0;
    let employee_ids = patch.employee_ids.as_deref().map(|raw| ids_of("employee_ids", raw)).transpose()?;
    let contact_ids = patch.contact_ids.as_deref().map(|raw| ids_of("contact_ids", raw)).transpose()?;
    let if_match = required_version(&request);
    let now = Utc::now();
    let view = state
        .run(move |conn| {
            let current = visible_event(conn, &caller, id)?;
            if current.status == EventStatus::Closed {
                return Err(ApiError::Conflict {
                    field: Some("status".into()),
                    detail: "the event is closed: its attendance and details can no longer change".into(),
                    extra: None,
                });
            }
            let expected_version = if_match?;
            let before = current.fields();
            let fields = EventFields {
                name: patch.name.unwrap_or_else(|| before.name.clone()),
                kind: before.kind,
                occurred_at: patch.occurred_at.unwrap_or(before.occurred_at),
                summary: patch.summary.unwrap_or_else(|| before.summary.clone()),
                employee_ids: employee_ids.unwrap_or_else(|| before.employee_ids.clone()),
                contact_ids: contact_ids.unwrap_or_else(|| before.contact_ids.clone()),
            };
            let attending = current.contact_ids();
            let account_of = accounts_of(conn, &caller, &fields.contact_ids, &attending)?;
            let wanted: BTreeSet<i64> = fields.contact_ids.iter().copied().collect();
            let old_account =
                |contact_id: &i64| current.attendees.iter().find(|a| a.contact_id == *contact_id).map(|a| a.account_id);
            let mut touched = BTreeSet::new();
            touched.extend(wanted.difference(&attending).filter_map(|contact| account_of.get(contact).copied()));
            touched.extend(attending.difference(&wanted).filter_map(old_account));
            let everywhere = fields.name.trim() != before.name.trim()
                || fields.summary != before.summary
                || fields.occurred_at != before.occurred_at
                || fields.employee_ids.iter().collect::<BTreeSet<_>>()
                    != before.employee_ids.iter().collect::<BTreeSet<_>>();
            if everywhere {
                touched.extend(current.account_ids());
                touched.extend(account_of.values().copied());
            }
            require_edit_on(conn, &caller, touched)?;
            let event = events::update(conn, id, expected_version, &fields, &account_of, Some(caller.id), now)?;
            view(conn, &caller, event)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

/// Closes an event (send `If-Match`): its attendance is frozen.
#[utoipa::path(tag = "events", params(("id" = String, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = EventView), (status = 409, body = crate::error::Problem), (status = 412, body = crate::error::Problem)))]
#[post("/events/{id}/close")]
pub async fn close(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let if_match = required_version(&request);
    let view = state
        .run(move |conn| {
            let current = visible_event(conn, &caller, id)?;
            let expected_version = if_match?;
            let editable = current
                .account_ids()
                .into_iter()
                .any(|account_id| access::account(conn, &caller, account_id, Intent::Edit).is_ok());
            if !editable {
                return Err(ApiError::Forbidden("closing an event needs edit access to one of its accounts".into()));
            }
            let event = events::close(conn, id, expected_version, Some(caller.id), Utc::now())?;
            view(conn, &caller, event)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(answer(StatusCode::OK, view))
}

/// Deletes an open event and removes its touchpoints (`409` once closed).
#[utoipa::path(tag = "events", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 204), (status = 409, body = crate::error::Problem)))]
#[delete("/events/{id}")]
pub async fn delete(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    state
        .run(move |conn| {
            let current = visible_event(conn, &caller, id)?;
            if current.status == EventStatus::Open {
                require_edit_on(conn, &caller, current.account_ids())?;
            }
            Ok(events::delete(conn, id, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
