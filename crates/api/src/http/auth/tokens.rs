//! Access tokens: short-lived JWTs, HS256 only, with `exp`, `iat`, `iss`, `aud` and `sub`
//! required and checked. Refresh tokens: random strings, stored hashed by the store.

use base64::Engine;
use chrono::{DateTime, Utc};
use continuity_domain::Role;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

pub const ISSUER: &str = "continuity";
pub const AUDIENCE: &str = "continuity-api";

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    pub role: Role,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
    /// The refresh-token family (login) this token belongs to.
    pub sid: String,
}

/// Signs and checks access tokens with one HMAC secret.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub access_ttl_seconds: i64,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKeys").field("access_ttl_seconds", &self.access_ttl_seconds).finish()
    }
}

impl TokenKeys {
    /// Clock difference tolerated on `exp`, `nbf` and `iat`.
    const LEEWAY_SECONDS: u64 = 5;

    pub fn new(secret: &[u8], access_ttl_seconds: i64) -> TokenKeys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        // Ours carry no `nbf`, but a token that names one is not valid before it.
        validation.validate_nbf = true;
        validation.leeway = Self::LEEWAY_SECONDS;
        TokenKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            access_ttl_seconds,
        }
    }

    pub fn issue(&self, user_id: i64, role: Role, session_id: &str, now: DateTime<Utc>) -> Result<String, String> {
        let claims = Claims {
            sub: user_id.to_string(),
            role,
            iat: now.timestamp(),
            exp: now.timestamp() + self.access_ttl_seconds,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sid: session_id.into(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(|e| e.to_string())
    }

    /// The claims of a valid token; any flaw (signature, algorithm, expiry, not yet valid,
    /// issued in the future, issuer, audience, missing claim) is an error.
    pub fn verify(&self, token: &str) -> Result<Claims, String> {
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| e.to_string())?;
        // jsonwebtoken does not look at `iat`: a token "issued" later than now was not ours.
        let leeway = i64::try_from(Self::LEEWAY_SECONDS).unwrap_or(0);
        if claims.iat > Utc::now().timestamp() + leeway {
            return Err("ImmatureSignature: issued in the future".into());
        }
        Ok(claims)
    }
}

/// A fresh random token (256 bits, URL-safe base64) for refresh tokens and session ids.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
