//! No text entering through the API holds a control character other than tab and line breaks
//! (the rule is `continuity_domain::validation::forbidden_control`): JSON bodies and query
//! strings are checked here, CSV cells by the importer. A refusal is a 422 naming the field or
//! query parameter, before anything is read or written.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;
use continuity_domain::validation::{control_character_reason, forbidden_control};
use serde_json::Value;

use crate::error::ApiError;

fn refusal(field: String, control: char) -> ApiError {
    ApiError::invalid(field, control_character_reason(control))
}

/// Refuses a JSON body any of whose strings or keys holds a forbidden control character,
/// naming it by its path (`members[0].role`) as deserialisation errors do.
pub fn check_json(body: &[u8]) -> Result<(), ApiError> {
    // In JSON text a control character is an escape (`\u00..`) or, for DEL and C1, written raw;
    // a body with none of these cannot hold one and is not walked.
    let may_hold = body.windows(4).any(|window| window.eq_ignore_ascii_case(b"\\u00"))
        || body.contains(&0x7f)
        || body.windows(2).any(|pair| pair[0] == 0xC2 && (0x80..=0x9F).contains(&pair[1]));
    if !may_hold {
        return Ok(());
    }
    let value: Value = serde_json::from_slice(body).map_err(|error| ApiError::bad_request(None, error.to_string()))?;
    match find(&value, String::new()) {
        Some((field, control)) => Err(refusal(field, control)),
        None => Ok(()),
    }
}

fn find(value: &Value, path: String) -> Option<(String, char)> {
    match value {
        Value::String(text) => forbidden_control(text).map(|control| (path, control)),
        Value::Array(items) => {
            items.iter().enumerate().find_map(|(index, item)| find(item, format!("{path}[{index}]")))
        }
        Value::Object(members) => members.iter().find_map(|(key, member)| {
            let inner = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            match forbidden_control(key) {
                Some(control) => Some((inner, control)),
                None => find(member, inner),
            }
        }),
        _ => None,
    }
}

/// The middleware on `/api/v1` refusing query parameters (names or values, percent-decoded)
/// that hold a forbidden control character. A query string that does not decode is left to the
/// handler's own query parsing.
pub async fn check_query(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if let Ok(pairs) = web::Query::<Vec<(String, String)>>::from_query(request.query_string()) {
        let found = pairs.iter().find_map(|(name, value)| {
            forbidden_control(name).or_else(|| forbidden_control(value)).map(|control| (name.clone(), control))
        });
        if let Some((name, control)) = found {
            // Answered as a response, not an error, so that the outer middleware stamp it.
            return Ok(request.error_response(refusal(name, control)).map_into_right_body());
        }
    }
    next.call(request).await.map(ServiceResponse::map_into_left_body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(body: &str) -> Option<String> {
        match check_json(body.as_bytes()) {
            Err(ApiError::Invalid { field, .. }) => field,
            Ok(()) => None,
            Err(other) => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn the_field_holding_a_control_character_is_named() {
        assert_eq!(field_of(r#"{"name": "caf\u00e9 \n ok"}"#), None);
        assert_eq!(field_of(r#"{"name": "a\u0000b"}"#).as_deref(), Some("name"));
        assert_eq!(
            field_of(r#"{"members": [{"role": "x"}, {"role": "\u001B[31m"}]}"#).as_deref(),
            Some("members[1].role")
        );
        assert_eq!(field_of("{\"summary\": \"bell\u{85}\"}").as_deref(), Some("summary"));
        assert_eq!(field_of(r#"{"a\u0007": 1}"#).as_deref(), Some("a\u{7}"));
    }
}
