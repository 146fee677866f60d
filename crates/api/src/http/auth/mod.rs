//! Authentication: passwords, tokens, throttling, the authenticated-user extractor, and the
//! `/auth/*` and `/me` endpoints.

pub mod current_user;
pub mod handlers;
pub mod passwords;
pub mod throttle;
pub mod tokens;

pub use current_user::CurrentUser;
