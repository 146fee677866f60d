//! Cross-origin requests: closed unless origins are configured (`CONTINUITY_CORS_ORIGINS`).
//! The SPA is served by the same binary, so it never needs CORS; the setting is for another
//! front end on another origin. Without it, no answer carries `Access-Control-Allow-Origin`
//! and a browser keeps other sites' scripts from reading any answer.

use actix_cors::Cors;
use actix_web::http::{header, Method};

/// The CORS middleware allowing exactly `origins` (each `scheme://host[:port]`) to call the API
/// with a bearer token, read the headers the SPA reads, and cache the preflight for 10 minutes.
/// Credentials (cookies) are not allowed: the API takes tokens, not cookies.
pub fn middleware(origins: &[String]) -> Cors {
    origins
        .iter()
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
        .allowed_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::IF_MATCH, header::ACCEPT])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-request-id"),
        ])
        .max_age(600)
}

/// Checks one configured origin: `http` or `https`, a host, an optional port, nothing else
/// (no path, no wildcard). Answers the reason it is refused.
pub fn check_origin(origin: &str) -> Result<(), String> {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or_else(|| format!("`{origin}` must start with https:// or http://"))?;
    let valid =
        !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if valid {
        Ok(())
    } else {
        Err(format!("`{origin}` must be an origin: scheme://host[:port], no path or wildcard"))
    }
}

#[cfg(test)]
mod tests {
    use super::check_origin;

    #[test]
    fn only_plain_origins_are_accepted() {
        for good in ["https://crm.example.com", "http://localhost:5173", "http://[::1]:8080"] {
            assert_eq!(check_origin(good), Ok(()), "{good}");
        }
        for bad in ["*", "https://*.example.com", "crm.example.com", "https://crm.example.com/", "https://", "ftp://x"]
        {
            assert!(check_origin(bad).is_err(), "{bad} accepted");
        }
    }
}
