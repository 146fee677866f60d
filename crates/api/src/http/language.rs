//! The language of a request (PRODUCT.md, "Interfaces", Language), read in one place: the
//! [`middleware`] negotiates it from `Accept-Language` once per request, keeps it in the
//! request for handlers ([`RequestLanguage`]), and words every problem document of the answer
//! in it (titles and details; `type`, `status` and `field` stay as they are).
//!
//! Negotiation follows RFC 9110 §12.5.4: the ranges in order of their `q`-value (ties in the
//! order listed), `q=0` meaning "not this one"; the first range whose primary subtag is one of
//! ours wins (`nl`, `nl-NL` and `nl-BE` are Dutch; `en-*` English). Without one, English.
//! actix-web's typed `AcceptLanguage` header does the parsing (it is already in the build and
//! skips malformed ranges instead of failing the whole header).

use std::future::{ready, Ready};

use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, AcceptLanguage, Header, HeaderValue, Preference, Quality};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use continuity_domain::Language;

use crate::error::ApiError;
use crate::problem_text;

/// The language a request asked for, as the [`middleware`] negotiated it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RequestLanguage(pub Language);

impl RequestLanguage {
    /// The best of our languages for an `Accept-Language` header (English without one).
    pub fn negotiate(accept: Option<&AcceptLanguage>) -> RequestLanguage {
        let mut ranges: Vec<_> = accept
            .map(|accept| accept.0.iter().filter(|item| item.quality > Quality::ZERO).collect())
            .unwrap_or_default();
        // Stable: ranges of equal weight keep the order the client listed them in.
        ranges.sort_by_key(|item| std::cmp::Reverse(item.quality));
        let language = ranges
            .into_iter()
            .find_map(|item| match &item.item {
                Preference::Specific(tag) => Language::of_tag(tag.primary_language()),
                Preference::Any => Some(Language::default()),
            })
            .unwrap_or_default();
        RequestLanguage(language)
    }

    fn of_request(request: &HttpRequest) -> RequestLanguage {
        RequestLanguage::negotiate(AcceptLanguage::parse(request).ok().as_ref())
    }
}

/// Handlers take the language the middleware put in the request (a request that did not pass
/// through it, as in a unit test of one service, is negotiated here the same way).
impl FromRequest for RequestLanguage {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let language = request.extensions().get::<RequestLanguage>().copied();
        ready(Ok(language.unwrap_or_else(|| RequestLanguage::of_request(request))))
    }
}

/// The middleware (`actix_web::middleware::from_fn(language::middleware)`), outside the
/// problem-document handlers so that it sees every problem the app answers.
pub async fn middleware(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let language = RequestLanguage::of_request(request.request());
    request.extensions_mut().insert(language);
    let mut response = next.call(request).await?.map_into_boxed_body();
    // What an answer says may depend on the header: caches must key on it.
    response.headers_mut().append(header::VARY, HeaderValue::from_static("accept-language"));
    if !is_problem(&response) {
        return Ok(response);
    }
    let (request, answer) = response.into_parts();
    let (head, body) = answer.into_parts();
    let bytes = body::to_bytes(body).await.map_err(|_| ApiError::Internal("unreadable problem document".into()))?;
    let worded = match serde_json::from_slice(&bytes) {
        Ok(problem) => {
            serde_json::to_vec(&problem_text::word_problem(problem, language.0)).unwrap_or_else(|_| bytes.to_vec())
        }
        Err(_) => bytes.to_vec(),
    };
    let mut answer = head.set_body(BoxBody::new(worded));
    let code = HeaderValue::from_static(language.0.as_str());
    answer.headers_mut().insert(header::CONTENT_LANGUAGE, code);
    Ok(ServiceResponse::new(request, answer.map_into_boxed_body()))
}

/// A `locale` given in a request body: `nl`, `en`, or `null` (none chosen: follow the
/// browser). Anything else is refused naming the field.
pub fn parse_locale(code: Option<String>) -> Result<Option<Language>, ApiError> {
    code.map(|code| code.parse::<Language>())
        .transpose()
        .map_err(|_| ApiError::invalid("locale", "must be one of nl, en, or null to follow the browser"))
}

fn is_problem(response: &ServiceResponse<BoxBody>) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/problem+json"))
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn negotiated(header: &str) -> Language {
        let request = TestRequest::default().insert_header((header::ACCEPT_LANGUAGE, header)).to_http_request();
        RequestLanguage::of_request(&request).0
    }

    #[test]
    fn the_highest_weighted_range_of_ours_wins() {
        assert_eq!(negotiated("nl"), Language::Dutch);
        assert_eq!(negotiated("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7"), Language::Dutch);
        assert_eq!(negotiated("en;q=0.5, nl-BE;q=0.8"), Language::Dutch, "order of weight, not of listing");
        assert_eq!(negotiated("nl;q=0.4, en-GB"), Language::English, "no q is q=1");
        assert_eq!(negotiated("de-DE, nl;q=0.5"), Language::Dutch, "a language we lack is passed over");
        assert_eq!(negotiated("nl, en"), Language::Dutch, "equal weights keep their order");
    }

    #[test]
    fn without_a_range_of_ours_the_answer_is_english() {
        let request = TestRequest::default().to_http_request();
        assert_eq!(RequestLanguage::of_request(&request).0, Language::English, "no header");
        assert_eq!(negotiated("de, fr;q=0.8"), Language::English);
        assert_eq!(negotiated("nl;q=0, de"), Language::English, "q=0 refuses a language");
        assert_eq!(negotiated("*"), Language::English);
        assert_eq!(negotiated("de, *;q=0.5, nl;q=0.1"), Language::English, "the wildcard outranks a low nl");
        assert_eq!(negotiated("???, nl;q=0.9"), Language::Dutch, "a malformed range is skipped");
        assert_eq!(negotiated(""), Language::English);
    }
}
