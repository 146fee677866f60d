//! `/settings`: the firm's settings of the continuity model (PRODUCT.md, "The thresholds are
//! the firm's") — every threshold, the interaction weights, the half-life and window, the
//! score weights, the stale rules and the overdue-complaint days. Admins only.
//!
//! `GET` answers the settings document (`values`, the shape `PUT` takes), each setting with
//! its value, default and range (`fields`, for a form), the version (also the `ETag`) and the
//! recompute a change starts. `PUT` replaces the document (a setting left out takes its
//! default) with `If-Match`; a setting out of range or unknown answers 422 naming it by its
//! dotted name (`kind_weights.note`) and changes nothing. A change is audited (the changed
//! settings, old → new) and recomputes every account in the background: `recompute` shows its
//! progress on every server, so a client polls `GET /settings` until it is `idle` again.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use continuity_domain::continuity::{SettingField, SettingUnit, Settings};
use continuity_store::settings::{self as stored, RecomputeState, StoredSettings};
use serde::Serialize;
use serde_json::Value;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::access;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::json::ValidJson;
use crate::state::AppState;

/// One setting as a form shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SettingFieldView {
    /// Dotted name, as in the document and in a problem's `field` (`kind_weights.note`).
    pub name: String,
    pub value: f64,
    pub default: f64,
    /// The smallest value accepted.
    pub minimum: f64,
    /// The largest value accepted.
    pub maximum: f64,
    /// Whole numbers only.
    pub integer: bool,
    /// `weight` (of an interaction kind), `days`, `share` (0–1 of strength or value), `chance`
    /// (0–1, a score weight), `multiple` or `count` (of interactions).
    #[schema(value_type = String, example = "days")]
    pub unit: SettingUnit,
}

impl From<SettingField> for SettingFieldView {
    fn from(field: SettingField) -> Self {
        let SettingField { name, value, default, minimum, maximum, integer, unit } = field;
        SettingFieldView { name: name.to_owned(), value, default, minimum, maximum, integer, unit }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecomputeStateView {
    /// Every account's figures follow the settings in force.
    Idle,
    Running,
    /// It stopped on an error and is tried again shortly.
    Failed,
}

/// The recompute of every account after the last change.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecomputeView {
    pub state: RecomputeStateView,
    /// Accounts recomputed so far.
    pub done: i64,
    /// Accounts to recompute.
    pub total: i64,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SettingsView {
    /// The settings in force, in the shape `PUT /settings` takes.
    #[schema(value_type = SettingsDocument)]
    pub values: Settings,
    /// Every setting with its value, default and range, in the order of the document.
    pub fields: Vec<SettingFieldView>,
    /// 1 until the first change; the `ETag`.
    pub version: i64,
    pub updated_at: Option<DateTime<Utc>>,
    pub updated_by: Option<String>,
    pub recompute: RecomputeView,
}

impl From<StoredSettings> for SettingsView {
    fn from(settings: StoredSettings) -> Self {
        let progress = settings.recompute;
        SettingsView {
            fields: settings.values.fields().into_iter().map(SettingFieldView::from).collect(),
            values: settings.values,
            version: settings.version,
            updated_at: settings.updated_at,
            updated_by: settings.updated_by.map(|id| id.to_string()),
            recompute: RecomputeView {
                state: match progress.state {
                    RecomputeState::Idle => RecomputeStateView::Idle,
                    RecomputeState::Running => RecomputeStateView::Running,
                    RecomputeState::Failed => RecomputeStateView::Failed,
                },
                done: progress.done,
                total: progress.total,
                started_at: progress.started_at,
                finished_at: progress.finished_at,
            },
        }
    }
}

/// The document's schema, built from the domain's list of settings (names, kinds, ranges,
/// defaults), so that it cannot drift from what `PUT` accepts; `required` in answers.
fn document_schema(required: bool) -> RefOr<Schema> {
    fn leaf(field: &SettingField) -> ObjectBuilder {
        // Whole-number settings are far below 2^53: the cast is exact.
        let default = if field.integer { Value::from(field.default as i64) } else { Value::from(field.default) };
        ObjectBuilder::new()
            .schema_type(if field.integer { Type::Integer } else { Type::Number })
            .minimum(Some(field.minimum))
            .maximum(Some(field.maximum))
            .default(Some(default))
    }
    let mut groups: BTreeMap<&str, ObjectBuilder> = BTreeMap::new();
    let mut document = ObjectBuilder::new();
    for field in Settings::default().fields() {
        match field.name.split_once('.') {
            Some((group, member)) => {
                let builder = groups.remove(group).unwrap_or_default().property(member, leaf(&field));
                groups.insert(group, if required { builder.required(member) } else { builder });
            }
            None => {
                document = document.property(field.name, leaf(&field));
                if required {
                    document = document.required(field.name);
                }
            }
        }
    }
    for (group, builder) in groups {
        document = document.property(group, builder);
        if required {
            document = document.required(group);
        }
    }
    document.into()
}

/// Every setting of the continuity model, grouped as the domain's `Settings`.
pub struct SettingsDocument;

impl PartialSchema for SettingsDocument {
    fn schema() -> RefOr<Schema> {
        document_schema(true)
    }
}

impl ToSchema for SettingsDocument {}

/// A settings document to put in force: a setting left out takes its default.
pub struct SettingsChange;

impl PartialSchema for SettingsChange {
    fn schema() -> RefOr<Schema> {
        document_schema(false)
    }
}

impl ToSchema for SettingsChange {}

fn answer(settings: StoredSettings) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::ETAG, etag(settings.version))).json(SettingsView::from(settings))
}

/// The settings in force, each with its default and range, and the recompute's progress.
#[utoipa::path(tag = "settings", security(("bearer" = [])),
    responses((status = 200, body = SettingsView), (status = 403, body = crate::error::Problem)))]
#[get("/settings")]
pub async fn get(state: web::Data<AppState>, caller: CurrentUser) -> ApiResult<HttpResponse> {
    access::may_manage_settings(&caller)?;
    let settings = state.run(|conn| Ok(stored::get(conn)?)).await?;
    Ok(answer(settings))
}

/// The first name in `given` that is no setting (`known` is the default document).
fn unknown_setting(given: &Value, known: &Value, prefix: &str) -> Option<String> {
    let (Value::Object(given), Value::Object(known)) = (given, known) else {
        return None;
    };
    given.iter().find_map(|(key, value)| {
        let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match known.get(key) {
            None => Some(name),
            Some(known) => unknown_setting(value, known, &name),
        }
    })
}

/// Reads a settings document, naming the setting at fault: an unknown name, or a value of
/// the wrong type (its range is the domain's to check).
fn parse_document(body: &Value) -> Result<Settings, ApiError> {
    let known = serde_json::to_value(Settings::default()).map_err(|error| ApiError::Internal(error.to_string()))?;
    if let Some(name) = unknown_setting(body, &known, "") {
        return Err(ApiError::invalid(name, "no such setting"));
    }
    crate::json::parse(body.to_string().as_bytes())
}

/// Puts a settings document in force (send `If-Match` with the `ETag` of `GET /settings`).
/// A change recomputes every account in the background (see `recompute`); a document equal
/// to the settings in force changes nothing.
#[utoipa::path(tag = "settings", request_body = SettingsChange, security(("bearer" = [])),
    responses((status = 200, body = SettingsView), (status = 403, body = crate::error::Problem),
        (status = 412, body = crate::error::Problem, description = "The settings changed since they were read"),
        (status = 428, body = crate::error::Problem, description = "If-Match is missing")))]
#[put("/settings")]
pub async fn put(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    body: ValidJson<Value>,
) -> ApiResult<HttpResponse> {
    access::may_manage_settings(&caller)?;
    let expected_version = required_version(&request)?;
    let values = parse_document(&body.0)?;
    let settings = state
        .run(move |conn| Ok(stored::update(conn, expected_version, &values, Some(caller.id), Utc::now())?))
        .await?;
    if settings.version != expected_version {
        state.refresher.wake();
    }
    Ok(answer(settings))
}
