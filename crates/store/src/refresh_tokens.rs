//! Refresh tokens, stored as SHA-256 hashes. A login starts a family; each refresh rotates the
//! token within it. Presenting a token that was already rotated means it leaked: the whole
//! family is revoked.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::connection::write_transaction;
use crate::schema::refresh_tokens;
use crate::{to_db_time, AnyConnection, StoreError, StoreResult};

/// The stored form of a refresh token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Stores a new token of `family_id` for `user_id`.
pub fn issue(
    conn: &mut AnyConnection,
    user_id: i64,
    family_id: &str,
    token: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> StoreResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family_id.eq(family_id),
            refresh_tokens::token_hash.eq(hash_token(token)),
            refresh_tokens::issued_at.eq(to_db_time(now)),
            refresh_tokens::expires_at.eq(to_db_time(expires_at)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The outcome of presenting a refresh token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redemption {
    /// Valid: it is now rotated; issue the successor in `family_id`.
    Rotated { user_id: i64, family_id: String },
    /// Unknown, expired or revoked.
    Invalid,
    /// Already rotated once: a replay. The family has been revoked.
    Reused { user_id: i64 },
}

/// Redeems `token` once: marks it rotated, or detects reuse and revokes its family.
pub fn redeem(conn: &mut AnyConnection, token: &str, now: DateTime<Utc>) -> StoreResult<Redemption> {
    let stamp = to_db_time(now);
    write_transaction(conn, now, |conn| {
        type Found =
            (i64, i64, String, chrono::NaiveDateTime, Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>);
        let found: Option<Found> = refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(hash_token(token)))
            .select((
                refresh_tokens::id,
                refresh_tokens::user_id,
                refresh_tokens::family_id,
                refresh_tokens::expires_at,
                refresh_tokens::rotated_at,
                refresh_tokens::revoked_at,
            ))
            .first(conn)
            .optional()?;
        let Some((id, user_id, family_id, expires_at, rotated_at, revoked_at)) = found else {
            return Ok(Redemption::Invalid);
        };
        if revoked_at.is_some() {
            return Ok(Redemption::Invalid);
        }
        if rotated_at.is_some() {
            revoke_family_in(conn, &family_id, stamp)?;
            return Ok(Redemption::Reused { user_id });
        }
        if expires_at <= stamp {
            return Ok(Redemption::Invalid);
        }
        // Conditional on still being unrotated, so two concurrent refreshes cannot both win.
        let rotated = diesel::update(
            refresh_tokens::table.filter(refresh_tokens::id.eq(id).and(refresh_tokens::rotated_at.is_null())),
        )
        .set(refresh_tokens::rotated_at.eq(stamp))
        .execute(conn)?;
        if rotated != 1 {
            revoke_family_in(conn, &family_id, stamp)?;
            return Ok(Redemption::Reused { user_id });
        }
        Ok(Redemption::Rotated { user_id, family_id })
    })
}

fn revoke_family_in(conn: &mut AnyConnection, family_id: &str, stamp: chrono::NaiveDateTime) -> StoreResult<()> {
    diesel::update(
        refresh_tokens::table.filter(refresh_tokens::family_id.eq(family_id).and(refresh_tokens::revoked_at.is_null())),
    )
    .set(refresh_tokens::revoked_at.eq(stamp))
    .execute(conn)?;
    Ok(())
}

/// Logout: revokes the family of `token`, if it is known. Answers whether it was.
pub fn revoke_family_of(conn: &mut AnyConnection, token: &str, now: DateTime<Utc>) -> StoreResult<bool> {
    let family: Option<String> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash_token(token)))
        .select(refresh_tokens::family_id)
        .first(conn)
        .optional()?;
    match family {
        Some(family_id) => {
            revoke_family_in(conn, &family_id, to_db_time(now))?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Ends every session of a user (deactivation).
pub fn revoke_all_of_user(conn: &mut AnyConnection, user_id: i64, now: DateTime<Utc>) -> StoreResult<usize> {
    diesel::update(
        refresh_tokens::table.filter(refresh_tokens::user_id.eq(user_id).and(refresh_tokens::revoked_at.is_null())),
    )
    .set(refresh_tokens::revoked_at.eq(to_db_time(now)))
    .execute(conn)
    .map_err(StoreError::from)
}
