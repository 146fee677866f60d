//! `/auth/login`, `/auth/refresh`, `/auth/logout` and `/me` (read, and the user's own `locale`).

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use continuity_domain::{Language, Role, UserStatus};
use continuity_store::refresh_tokens::{self, Redemption};
use continuity_store::{users, AnyConnection};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::tokens::random_token;
use super::CurrentUser;
use crate::access::{self, Permissions};
use crate::error::{ApiError, ApiResult};
use crate::json::ValidJson;
use crate::language::RequestLanguage;
use crate::state::AppState;
use actix_web::{get, patch, post};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// The signed-in user as the token answer carries it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionUser {
    pub id: String,
    pub email: String,
    pub display_name: String,
    #[schema(value_type = String, example = "member")]
    pub role: Role,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    pub refresh_token: String,
    pub user: SessionUser,
}

const WRONG_CREDENTIALS: &str = "wrong email or password";

/// Starts a new session family for `user`: an access token and a stored refresh token.
fn open_session(
    state: &AppState,
    conn: &mut AnyConnection,
    user: &users::User,
    family_id: &str,
) -> ApiResult<TokenResponse> {
    let now = Utc::now();
    let refresh_token = random_token();
    let refresh_ttl = chrono::Duration::from_std(state.refresh_ttl).map_err(|e| ApiError::Internal(e.to_string()))?;
    refresh_tokens::issue(conn, user.id, family_id, &refresh_token, now, now + refresh_ttl)?;
    let access_token = state.tokens.issue(user.id, user.profile.role, family_id, now).map_err(ApiError::Internal)?;
    Ok(TokenResponse {
        access_token,
        token_type: "Bearer",
        expires_in: state.tokens.access_ttl_seconds,
        refresh_token,
        user: SessionUser {
            id: user.id.to_string(),
            email: user.email.clone(),
            display_name: user.profile.display_name.clone(),
            role: user.profile.role,
        },
    })
}

/// Signs in. An unknown e-mail answers exactly like a wrong password, after the same work.
#[utoipa::path(tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = crate::error::Problem),
              (status = 429, description = "Too many attempts; see Retry-After", body = crate::error::Problem)))]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    request: HttpRequest,
    body: ValidJson<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let LoginRequest { email, password } = body.0;
    if email.trim().is_empty() {
        return Err(ApiError::invalid("email", "is required"));
    }
    let address = request.peer_addr().map(|addr| addr.ip().to_string()).unwrap_or_default();
    let email_key = continuity_domain::validation::normalise(&email);
    state
        .throttle
        .check(&email_key, &address)
        .map_err(|retry_after_seconds| ApiError::TooManyRequests { retry_after_seconds })?;
    let found = state.run(move |conn| Ok(users::find_for_login(conn, &email)?)).await?;
    let (hash, user) = match found {
        Some((user, hash)) => (hash, Some(user)),
        None => (state.dummy_password_hash.clone(), None),
    };
    // The hash is checked without holding a database connection, on the password-check
    // threads (see `PasswordChecks`), so a burst of logins queues there.
    let password_ok = state
        .password_checks
        .verify(password, hash)
        .await
        .ok_or_else(|| ApiError::Unavailable("too many sign-ins at once; try again".into()))?;
    let user = match user {
        Some(user) if password_ok && user.profile.status != UserStatus::Departed => user,
        _ => return Err(ApiError::Unauthenticated(WRONG_CREDENTIALS.into())),
    };
    let shared = state.clone().into_inner();
    let answer = state.run(move |conn| open_session(&shared, conn, &user, &random_token())).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(answer))
}

/// Trades a refresh token for a new pair. Each refresh token works once; replaying a used one
/// ends the whole session family.
#[utoipa::path(tag = "auth", request_body = RefreshRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = crate::error::Problem)))]
#[post("/auth/refresh")]
pub async fn refresh(state: web::Data<AppState>, body: ValidJson<RefreshRequest>) -> ApiResult<HttpResponse> {
    let token = body.0.refresh_token;
    let shared = state.clone().into_inner();
    let answer = state
        .run(move |conn| match refresh_tokens::redeem(conn, &token, Utc::now())? {
            Redemption::Rotated { user_id, family_id } => {
                let user = users::get(conn, user_id)?
                    .filter(|user| user.profile.status != UserStatus::Departed)
                    .ok_or_else(|| ApiError::Unauthenticated("this account is no longer active".into()))?;
                open_session(&shared, conn, &user, &family_id)
            }
            Redemption::Reused { user_id } => {
                tracing::warn!(user_id, "refresh token replayed; session family revoked");
                Err(ApiError::Unauthenticated(
                    "this refresh token was already used; the session has been ended for safety".into(),
                ))
            }
            Redemption::Invalid => Err(ApiError::Unauthenticated("invalid or expired refresh token".into())),
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(answer))
}

/// Ends the session the refresh token belongs to. Answers 204 whether or not it was known.
#[utoipa::path(tag = "auth", request_body = RefreshRequest,
    responses((status = 204, description = "Session ended")))]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, body: ValidJson<RefreshRequest>) -> ApiResult<HttpResponse> {
    let token = body.0.refresh_token;
    state
        .run(move |conn| {
            refresh_tokens::revoke_family_of(conn, &token, Utc::now())?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    pub id: String,
    pub email: String,
    pub display_name: String,
    #[schema(value_type = String)]
    pub role: Role,
    pub team_id: Option<String>,
    /// Teams this user leads (sales leads only).
    pub led_team_ids: Vec<String>,
    /// What the access policy lets this user do; the SPA offers exactly this.
    pub permissions: Permissions,
    /// The language to show them everything in, `nl` or `en`: the one they chose
    /// (`chosen_locale`), else the one this request asks for (`Accept-Language`), else `en`.
    #[schema(value_type = String, example = "nl")]
    pub locale: Language,
    /// The language they chose with `PATCH /me`; `null` while they follow their browser.
    #[schema(value_type = Option<String>, example = "nl")]
    pub chosen_locale: Option<Language>,
}

impl MeResponse {
    fn of(user: CurrentUser, asked: RequestLanguage) -> MeResponse {
        MeResponse {
            permissions: access::permissions(&user),
            locale: user.language(asked),
            chosen_locale: user.locale,
            id: user.id.to_string(),
            email: user.email,
            display_name: user.display_name,
            role: user.role,
            team_id: user.team_id.map(|id| id.to_string()),
            led_team_ids: user.led_team_ids.iter().map(i64::to_string).collect(),
        }
    }
}

/// The signed-in user and what they may do.
#[utoipa::path(tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = MeResponse), (status = 401, body = crate::error::Problem)))]
#[get("/me")]
pub async fn me(user: CurrentUser, asked: RequestLanguage) -> ApiResult<web::Json<MeResponse>> {
    Ok(web::Json(MeResponse::of(user, asked)))
}

/// A change the signed-in user makes to their own preferences: absent fields stay.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchMe {
    /// `nl` or `en`; `null` to follow the browser's language again.
    #[serde(default, with = "crate::json::nullable")]
    #[schema(value_type = Option<String>, example = "nl")]
    pub locale: Option<Option<String>>,
}

/// Sets the signed-in user's own language (`locale`). A preference of their own, so no
/// `If-Match` is needed (one that is sent is honoured); it is audited like any change to
/// the user, and answers `/me` as it now stands.
#[utoipa::path(tag = "auth", request_body = PatchMe, security(("bearer" = [])),
    responses((status = 200, body = MeResponse), (status = 401, body = crate::error::Problem),
              (status = 412, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
#[patch("/me")]
pub async fn patch_me(
    state: web::Data<AppState>,
    mut user: CurrentUser,
    asked: RequestLanguage,
    request: HttpRequest,
    body: ValidJson<PatchMe>,
) -> ApiResult<web::Json<MeResponse>> {
    let Some(locale) = body.0.locale else {
        return Ok(web::Json(MeResponse::of(user, asked)));
    };
    let locale = crate::language::parse_locale(locale)?;
    let sent_version = request
        .headers()
        .contains_key(actix_web::http::header::IF_MATCH)
        .then(|| crate::etag::required_version(&request));
    let user_id = user.id;
    let saved = state
        .run(move |conn| {
            let current = users::get(conn, user_id)?.ok_or(ApiError::NotFound)?;
            let version = sent_version.transpose()?.unwrap_or(current.version);
            let changes = users::UserChanges { locale, ..current.profile };
            Ok(users::update(conn, user_id, version, &changes, Some(user_id), Utc::now())?)
        })
        .await?;
    user.locale = saved.profile.locale;
    Ok(web::Json(MeResponse::of(user, asked)))
}
