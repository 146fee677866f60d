//! Makes actix's own errors (bad path or query, unknown route, wrong method, anything a
//! middleware answers) problem documents too.

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{web, HttpRequest, HttpResponse};

use continuity_domain::Language;

use crate::error::{problem_response, ApiError, Problem};
use crate::json::named_field;

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|error, _request| {
        let message = error.to_string();
        let field = named_field(&message).unwrap_or("query").to_owned();
        ApiError::invalid(field, format!("bad query parameter: {message}")).into()
    })
}

pub fn path_config() -> web::PathConfig {
    // A path segment that does not parse is an id we do not have.
    web::PathConfig::default().error_handler(|_error, _request| ApiError::NotFound.into())
}

pub async fn no_such_route() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}

/// Each handler is its own resource guarded by its method (that is how the route macros
/// register them), so a known path asked with another method lands here rather than on a
/// resource's own 405: tell the two apart by whether any resource has the path.
pub async fn no_such_route_or_method(request: HttpRequest) -> Result<HttpResponse, ApiError> {
    match request.resource_map().has_resource(request.path()) {
        true => Ok(HttpResponse::MethodNotAllowed().finish()),
        false => Err(ApiError::NotFound),
    }
}

pub fn error_handlers<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(into_problem)
}

fn into_problem<B: MessageBody + 'static>(response: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let already_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/problem+json"));
    if already_problem {
        return Ok(ErrorHandlerResponse::Response(response.map_into_left_body()));
    }
    let status = response.status();
    let detail = match status {
        StatusCode::NOT_FOUND => "no such resource".to_owned(),
        StatusCode::METHOD_NOT_ALLOWED => "this method is not allowed on this resource".to_owned(),
        StatusCode::PAYLOAD_TOO_LARGE => "the request body is too large".to_owned(),
        other => other.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let problem = Problem {
        problem_type: format!("https://continuity.invalid/problems/http-{}", status.as_u16()),
        title: crate::problem_text::title(&format!("http-{}", status.as_u16()), Language::English)
            .unwrap_or("Error")
            .to_owned(),
        status: status.as_u16(),
        detail,
        field: None,
        extra: None,
    };
    let (request, _) = response.into_parts();
    let replacement = problem_response(status, &problem);
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(request, replacement).map_into_right_body()))
}
