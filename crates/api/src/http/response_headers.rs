//! The headers stamped on every answer — API answers, problem documents, unknown routes and the
//! SPA's files alike: the request id, and the security headers SECURITY.md promises.
//!
//! - `Content-Security-Policy`: scripts, styles, fonts and connections from this origin only, no
//!   plugins, no `<base>`, and `frame-ancestors 'none'` (no page may frame ours). A page that needs
//!   an inline style (the printable handover brief) sets its own policy allowing exactly that
//!   style by its hash ([`policy_allowing_style`]); the stamp leaves such a policy alone.
//! - `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` (for browsers older than
//!   `frame-ancestors`), `Referrer-Policy: no-referrer`.
//! - `Cache-Control: no-store` on `/api/` and the health checks: answers carry personal data and
//!   tokens, and no shared cache may keep them. The SPA's files keep their caching headers.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::HttpMessage;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy of every answer that does not set its own.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// [`CONTENT_SECURITY_POLICY`] with one inline `<style>` element allowed by its SHA-256 hash.
pub fn policy_allowing_style(style: &str) -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style.as_bytes()));
    CONTENT_SECURITY_POLICY.replace("style-src 'self'", &format!("style-src 'sha256-{hash}'"))
}

/// Whether answers to `path` must never be stored by a cache.
fn never_cached(path: &str) -> bool {
    path.starts_with("/api/") || path == "/healthz" || path == "/readyz"
}

/// The middleware (`actix_web::middleware::from_fn(response_headers::stamp)`). The services
/// inside answer errors as responses (handlers, the problem-document handlers, CORS), so each
/// is stamped here.
pub async fn stamp(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = request.extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string());
    let no_store = never_cached(request.path());
    let mut response = next.call(request).await?;
    let headers = response.headers_mut();
    if let Some(value) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        headers.insert(HeaderName::from_static("x-request-id"), value);
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if no_store {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inline_style_is_allowed_by_its_hash_and_nothing_else_changes() {
        let policy = policy_allowing_style("body{margin:0}");
        // echo -n 'body{margin:0}' | openssl dgst -sha256 -binary | base64
        let allowed = "style-src 'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc='";
        assert!(policy.contains(allowed), "{policy}");
        assert_eq!(policy.replace(allowed, "style-src 'self'"), CONTENT_SECURITY_POLICY);
    }
}
