//! `/accounts/{id}/contacts` and `/contacts/{id}`: the people at the client.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::Influence;
use continuity_store::contacts::{self, Contact, ContactFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::ids::{field_id, path_id};
use crate::json::{patch_field, ValidJson};
use crate::pagination::Page;
use crate::state::AppState;
use actix_web::{get, patch, post};

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactView {
    pub id: String,
    pub account_id: String,
    pub external_id: Option<String>,
    pub name: String,
    pub job_title: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[schema(value_type = String)]
    pub influence: Influence,
    /// The day the contact left the client's company.
    pub left_at: Option<NaiveDate>,
    /// The same person's record at their previous employer.
    pub previous_contact_id: Option<String>,
    pub erased_at: Option<DateTime<Utc>>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Contact> for ContactView {
    fn from(contact: Contact) -> ContactView {
        ContactView {
            id: contact.id.to_string(),
            account_id: contact.account_id.to_string(),
            external_id: contact.fields.external_id,
            name: contact.fields.name,
            job_title: contact.fields.job_title,
            email: contact.fields.email,
            phone: contact.fields.phone,
            influence: contact.fields.influence,
            left_at: contact.fields.left_at,
            previous_contact_id: contact.previous_contact_id.map(|id| id.to_string()),
            erased_at: contact.erased_at,
            version: contact.version,
            created_at: contact.created_at,
            updated_at: contact.updated_at,
        }
    }
}

fn answer(status: StatusCode, contact: Contact) -> HttpResponse {
    HttpResponse::build(status).insert_header(("ETag", etag(contact.version))).json(ContactView::from(contact))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateContact {
    pub name: String,
    #[serde(default)]
    pub job_title: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[schema(value_type = String, example = "decision_maker")]
    pub influence: Influence,
    pub left_at: Option<NaiveDate>,
    pub external_id: Option<String>,
}

fn blank_to_none(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned()).filter(|text| !text.is_empty())
}

/// The contacts of an account, current ones first.
#[utoipa::path(tag = "contacts", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = Page<ContactView>)))]
#[get("/accounts/{id}/contacts")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
) -> ApiResult<web::Json<Page<ContactView>>> {
    let account_id = path_id(&id)?;
    let contacts = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Read)?;
            Ok(contacts::list_for_account(conn, account_id)?)
        })
        .await?;
    Ok(web::Json(Page { items: contacts.into_iter().map(ContactView::from).collect(), next_cursor: None }))
}

/// Adds a contact to an account.
#[utoipa::path(tag = "contacts", params(("id" = String, Path)),
    request_body = CreateContact, security(("bearer" = [])),
    responses((status = 201, body = ContactView), (status = 422, body = crate::error::Problem),
        (status = 409, description = "The external id is already taken", body = crate::error::Problem)))]
#[post("/accounts/{id}/contacts")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
    body: ValidJson<CreateContact>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&id)?;
    let input = body.0;
    let fields = ContactFields {
        external_id: blank_to_none(input.external_id),
        name: input.name,
        job_title: input.job_title.trim().to_owned(),
        email: blank_to_none(input.email),
        phone: blank_to_none(input.phone),
        influence: input.influence,
        left_at: input.left_at,
    };
    let contact = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Edit)?;
            Ok(contacts::create(conn, account_id, &fields, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(answer(StatusCode::CREATED, contact))
}

/// Loads a contact the caller may see (404 otherwise) and checks `intent` on its account.
fn visible_contact(
    conn: &mut continuity_store::AnyConnection,
    caller: &CurrentUser,
    id: i64,
    intent: Intent,
) -> Result<Contact, ApiError> {
    let contact = contacts::get(conn, id)?.ok_or(ApiError::NotFound)?;
    access::account(conn, caller, contact.account_id, intent)?;
    Ok(contact)
}

/// One contact.
#[utoipa::path(tag = "contacts", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = ContactView), (status = 404, body = crate::error::Problem)))]
#[get("/contacts/{id}")]
pub async fn get(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let contact = state.run(move |conn| visible_contact(conn, &caller, id, Intent::Read)).await?;
    Ok(answer(StatusCode::OK, contact))
}

/// A change to a contact: absent fields stay; `null` clears an optional one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchContact {
    pub name: Option<String>,
    pub job_title: Option<String>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<String>)]
    pub phone: Option<Option<String>>,
    #[schema(value_type = Option<String>)]
    pub influence: Option<Influence>,
    /// The day the contact left the client; `null` if they did not after all.
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    pub left_at: Option<Option<NaiveDate>>,
}

/// Changes a contact (send `If-Match`).
#[utoipa::path(tag = "contacts", params(("id" = String, Path)),
    request_body = PatchContact, security(("bearer" = [])),
    responses((status = 200, body = ContactView), (status = 412, body = crate::error::Problem)))]
#[patch("/contacts/{id}")]
pub async fn patch(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<PatchContact>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let patch = body.0;
    let if_match = required_version(&request);
    let contact = state
        .run(move |conn| {
            let current = visible_contact(conn, &caller, id, Intent::Edit)?;
            let expected_version = if_match?;
            if current.erased_at.is_some() {
                return Err(ApiError::Conflict { field: None, detail: "this contact was erased".into(), extra: None });
            }
            let mut fields = current.fields.clone();
            patch_field(&mut fields.name, patch.name);
            patch_field(&mut fields.job_title, patch.job_title.map(|job_title| job_title.trim().to_owned()));
            patch_field(&mut fields.email, patch.email.map(blank_to_none));
            patch_field(&mut fields.phone, patch.phone.map(blank_to_none));
            patch_field(&mut fields.influence, patch.influence);
            patch_field(&mut fields.left_at, patch.left_at);
            Ok(contacts::update(conn, id, expected_version, &fields, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(answer(StatusCode::OK, contact))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveContact {
    /// The account of the contact's new employer.
    pub account_id: String,
    /// Their title in the new job (default: unchanged).
    pub job_title: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MovedContact {
    pub previous: ContactView,
    pub current: ContactView,
}

/// The contact changed jobs: closes this record (`left_at`) and opens one on the new account
/// that links back to it, so the history stays on both (send `If-Match` of this contact).
#[utoipa::path(tag = "contacts", params(("id" = String, Path)),
    request_body = MoveContact, security(("bearer" = [])), responses((status = 201, body = MovedContact),
        (status = 412, body = crate::error::Problem), (status = 428, body = crate::error::Problem)))]
#[post("/contacts/{id}/move")]
pub async fn move_to_account(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<MoveContact>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let input = body.0;
    let new_account_id = field_id("account_id", &input.account_id)?;
    let if_match = required_version(&request);
    let (previous, current) = state
        .run(move |conn| {
            visible_contact(conn, &caller, id, Intent::Edit)?;
            let expected_version = if_match?;
            match access::account(conn, &caller, new_account_id, Intent::Edit) {
                Err(ApiError::NotFound) => return Err(ApiError::invalid("account_id", "no such account")),
                other => other?,
            };
            let job_title = input.job_title.map(|title| title.trim().to_owned());
            Ok(contacts::move_to_account(
                conn,
                id,
                expected_version,
                new_account_id,
                job_title,
                Some(caller.id),
                Utc::now(),
            )?)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("ETag", etag(current.version)))
        .json(MovedContact { previous: previous.into(), current: current.into() }))
}
