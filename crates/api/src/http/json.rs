//! Request bodies: JSON read with a size limit and deserialised so that every error names the
//! field at fault (unknown fields, wrong types, missing fields, malformed JSON).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// The largest request body accepted (1 MiB).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// A JSON body of type `T` (which should `deny_unknown_fields`).
#[derive(Debug)]
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let declared_length = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !(content_type.starts_with("application/json") || content_type.ends_with("+json")) {
                return Err(ApiError::Invalid {
                    status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    field: None,
                    detail: "the body must be JSON (Content-Type: application/json)".into(),
                });
            }
            if declared_length.is_some_and(|length| length > MAX_BODY_BYTES) {
                return Err(too_large());
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk =
                    chunk.map_err(|error| ApiError::bad_request(None, format!("could not read the body: {error}")))?;
                if body.len() + chunk.len() > MAX_BODY_BYTES {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            parse(&body).map(ValidJson)
        })
    }
}

fn too_large() -> ApiError {
    ApiError::Invalid {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        field: None,
        detail: format!("the body is larger than {MAX_BODY_BYTES} bytes"),
    }
}

/// Deserialises `body`, turning any failure into a problem that names the field.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| {
            let path = error.path().to_string();
            let inner = error.inner();
            let message = inner.to_string();
            let field = named_field(&message)
                .map(|name| {
                    let at_root = path == "." || path.is_empty();
                    // Unknown fields already end the path; missing ones are reported at the parent.
                    if at_root {
                        name.to_owned()
                    } else if path == name || path.ends_with(&format!(".{name}")) {
                        path.clone()
                    } else {
                        format!("{path}.{name}")
                    }
                })
                .or_else(|| (path != "." && !path.is_empty()).then(|| path.clone()));
            let readable = inner.classify() == serde_json::error::Category::Data;
            let status = if readable { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::BAD_REQUEST };
            let detail = if readable { message } else { format!("malformed JSON: {message}") };
            ApiError::Invalid { status, field, detail }
        })
        .and_then(|value| {
            // Anything after the document (a second one, garbage) makes the whole body unreadable.
            deserializer.end().map_err(|error| ApiError::bad_request(None, format!("malformed JSON: {error}")))?;
            crate::control_characters::check_json(body).map(|()| value)
        })
}

/// The field serde names in "unknown field `x`" / "missing field `x`" messages.
pub(crate) fn named_field(message: &str) -> Option<&str> {
    let start = ["unknown field `", "missing field `"]
        .iter()
        .find_map(|marker| message.find(marker).map(|at| at + marker.len()))?;
    message[start..].split('`').next()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        amount: i64,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        inner: Inner,
    }

    fn field_of(body: &str) -> (u16, Option<String>) {
        match parse::<Body>(body.as_bytes()) {
            Err(ApiError::Invalid { status, field, .. }) => (status.as_u16(), field),
            other => panic!("expected an invalid-input error, got {other:?}"),
        }
    }

    #[test]
    fn every_kind_of_bad_body_names_its_field() {
        assert_eq!(field_of(r#"{"name": 3, "inner": {"amount": 1}}"#), (422, Some("name".into())));
        assert_eq!(field_of(r#"{"name": "a", "inner": {"amount": "x"}}"#), (422, Some("inner.amount".into())));
        assert_eq!(field_of(r#"{"name": "a", "inner": {"amount": 1}, "extra": 1}"#), (422, Some("extra".into())));
        assert_eq!(field_of(r#"{"name": "a", "inner": {"amount": 1, "x": 1}}"#), (422, Some("inner.x".into())));
        assert_eq!(field_of(r#"{"inner": {"amount": 1}}"#), (422, Some("name".into())));
        assert_eq!(field_of(r#"{"name": "a", "#).0, 400);
        assert_eq!(field_of(r#"{"name": "a", "inner": {"amount": 1}} {}"#), (400, None), "trailing data");
        assert!(parse::<Body>(br#" {"name": "a", "inner": {"amount": 1}} "#).is_ok(), "whitespace around is fine");
    }
}

/// A PATCH body's field applied to the record's: `target` takes the value when one was given
/// and stays as it is when the field was absent.
pub fn patch_field<T>(target: &mut T, given: Option<T>) {
    if let Some(value) = given {
        *target = value;
    }
}

/// `Option<Option<T>>` for PATCH bodies: an absent field is `None` (leave as is), `null` is
/// `Some(None)` (clear it). Use with `#[serde(default, with = "crate::json::nullable")]`.
pub mod nullable {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }

    pub fn serialize<T: Serialize, S: Serializer>(value: &Option<Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}
