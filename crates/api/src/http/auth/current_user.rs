//! The authenticated-user extractor every protected handler takes. It checks the bearer token
//! and then the user's current record, so a role change or a departure takes effect at once.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use continuity_domain::{Language, Role, UserStatus};
use continuity_store::{teams, users};

use crate::error::ApiError;
use crate::language::RequestLanguage;
use crate::state::AppState;

/// The caller, as their record stands now.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub team_id: Option<i64>,
    /// Teams this user leads (sales leads).
    pub led_team_ids: Vec<i64>,
    pub session_id: String,
    /// The language they chose (`PATCH /me {locale}`), if they did.
    pub locale: Option<Language>,
}

impl CurrentUser {
    /// The language to word things for them in: the one they chose, else the one the request
    /// asks for.
    pub fn language(&self, asked: RequestLanguage) -> Language {
        self.locale.unwrap_or(asked.0)
    }
}

fn bearer_token(request: &HttpRequest) -> Result<String, ApiError> {
    let value = request
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::Unauthenticated("send Authorization: Bearer <access_token>".into()))?;
    let value = value.to_str().map_err(|_| ApiError::Unauthenticated("malformed Authorization header".into()))?;
    let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::Unauthenticated("send Authorization: Bearer <access_token>".into()));
    }
    Ok(token.trim().to_owned())
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = request.app_data::<web::Data<AppState>>().map(|data| Arc::clone(data));
        let token = bearer_token(request);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal("application state missing".into()))?;
            let claims = state
                .tokens
                .verify(&token?)
                .map_err(|reason| ApiError::Unauthenticated(format!("invalid access token: {reason}")))?;
            let user_id: i64 =
                claims.sub.parse().map_err(|_| ApiError::Unauthenticated("invalid access token subject".into()))?;
            let session_id = claims.sid;
            state
                .run(move |conn| {
                    let user = users::get(conn, user_id)?
                        .filter(|user| user.profile.status != UserStatus::Departed)
                        .ok_or_else(|| ApiError::Unauthenticated("this account is no longer active".into()))?;
                    let led_team_ids = if crate::access::leads_teams(user.profile.role) {
                        teams::led_by(conn, user.id)?
                    } else {
                        Vec::new()
                    };
                    Ok(CurrentUser {
                        id: user.id,
                        email: user.email,
                        display_name: user.profile.display_name,
                        role: user.profile.role,
                        team_id: user.profile.team_id,
                        led_team_ids,
                        session_id,
                        locale: user.profile.locale,
                    })
                })
                .await
        })
    }
}
