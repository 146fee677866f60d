//! The OpenAPI 3 document, generated from the routes as `crate::api_v1` registers them and
//! served at `/api/v1/openapi.json`; `crates/api/openapi.json` is its committed snapshot
//! (`tests/openapi.rs`), which the SPA's types are generated from.

use actix_web::http::header::ContentType;
use actix_web::{web, HttpResponse};
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::error;

/// What the document says beyond its operations: its title, the problem schema, the bearer
/// scheme. The operations come from the routes (`crate::api_v1`), registered with
/// utoipa-actix-web.
#[derive(OpenApi)]
#[openapi(
    info(title = "Continuity API", version = "1", description = "Customer-relationship continuity: accounts, their people, and the risk that loyalty hangs on one person. Send `Accept-Language: nl` for Dutch flag explanations and problem documents (English otherwise); every flag also carries its figures as `params`."),
    components(schemas(error::Problem)),
    modifiers(&BearerAuth),
)]
struct ApiDoc;

/// The document's start, before the routes add their operations.
pub(crate) fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The document of the routes as the app registers them.
pub fn generate() -> utoipa::openapi::OpenApi {
    let (_, document) =
        actix_web::App::new().into_utoipa_app().openapi(base()).service(crate::api_v1()).split_for_parts();
    finish(document)
}

/// What is said of every operation alike is added once they are all in.
fn finish(mut document: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    ErrorResponses.modify(&mut document);
    OperationIds.modify(&mut document);
    document
}

/// The document as committed in `crates/api/openapi.json`: pretty-printed, keys in a stable
/// order (utoipa keeps paths, responses and schemas in sorted maps), ending in a newline.
pub fn pretty_json() -> String {
    let mut json = generate().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}

/// The served document, serialised once when the app is built.
pub struct Document(String);

impl Document {
    pub(crate) fn new(document: utoipa::openapi::OpenApi) -> Self {
        Document(finish(document).to_json().unwrap_or_default())
    }
}

pub async fn serve(document: web::Data<Document>) -> HttpResponse {
    HttpResponse::Ok().content_type(ContentType::json()).body(document.0.clone())
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// Documents the errors every operation of a kind can answer, so that the annotations list only
/// what is particular to one: every error is a problem document (`application/problem+json`);
/// an operation that needs a token can answer 401; one addressed by ids 404 (the record does not
/// exist or the caller may not see it); one taking a JSON body 400 (unreadable), 413 (over
/// 1 MiB), 415 (not JSON) and 422 (a field breaks a rule); one taking query parameters 422; and
/// a `PATCH` or `DELETE` of an addressed record 412 and 428 (`If-Match`).
struct ErrorResponses;

impl ErrorResponses {
    fn add_to(method: &str, operation: &mut Operation) {
        let parameters = operation.parameters.as_deref().unwrap_or_default();
        let in_path = parameters.iter().any(|p| p.parameter_in == ParameterIn::Path);
        let in_query = parameters.iter().any(|p| p.parameter_in == ParameterIn::Query);
        let json_body = operation
            .request_body
            .as_ref()
            .is_some_and(|body| body.content.keys().any(|media| media.ends_with("json")));
        let secured = operation.security.as_ref().is_some_and(|requirements| !requirements.is_empty());
        let mut add = |status: &str, when: bool, description: &str| {
            if when && !operation.responses.responses.contains_key(status) {
                let response = ResponseBuilder::new().description(description).build();
                operation.responses.responses.insert(status.to_owned(), RefOr::T(response));
            }
        };
        add("400", json_body, "The body is not readable JSON");
        add("401", secured, "No valid access token");
        add("404", in_path, "No such record, or one the caller may not see");
        add("412", in_path && matches!(method, "patch" | "delete"), "The record changed since it was read");
        add("413", json_body, "The body is larger than 1 MiB");
        add("415", json_body, "The body is not JSON");
        add("422", json_body || in_query, "A field or query parameter breaks a rule");
        add("428", in_path && matches!(method, "patch" | "delete"), "If-Match is missing");
        for (status, response) in operation.responses.responses.iter_mut() {
            if let (true, RefOr::T(response)) = (status.starts_with('4') || status.starts_with('5'), response) {
                let problem = ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build();
                response.content.clear();
                response.content.insert("application/problem+json".to_owned(), problem);
            }
        }
    }
}

impl Modify for ErrorResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (method, operation) in operations(openapi) {
            Self::add_to(method, operation);
        }
    }
}

/// utoipa names an operation after its handler, and many modules have a `list` or a `get`;
/// an id must be unique (the SPA's generated types key operations by it), so each is prefixed
/// with its tag: `users_list`, `account_team_put`.
struct OperationIds;

impl Modify for OperationIds {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (_, operation) in operations(openapi) {
            let tag = operation.tags.as_ref().and_then(|tags| tags.first()).map(|tag| tag.replace(' ', "_"));
            if let (Some(tag), Some(id)) = (tag, operation.operation_id.as_mut()) {
                *id = format!("{tag}_{id}");
            }
        }
    }
}

fn operations(openapi: &mut utoipa::openapi::OpenApi) -> impl Iterator<Item = (&'static str, &mut Operation)> {
    openapi.paths.paths.values_mut().flat_map(|item| {
        [
            ("get", item.get.as_mut()),
            ("put", item.put.as_mut()),
            ("post", item.post.as_mut()),
            ("patch", item.patch.as_mut()),
            ("delete", item.delete.as_mut()),
        ]
        .into_iter()
        .filter_map(|(method, operation)| operation.map(|operation| (method, operation)))
    })
}
