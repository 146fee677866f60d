//! The HTTP plumbing every resource shares: authentication, problem documents, JSON and
//! query parsing, ETags, pagination, CORS, response headers and serving the SPA.

pub mod auth;
pub(crate) mod control_characters;
pub mod cors;
pub mod error;
pub mod etag;
pub mod ids;
pub mod json;
pub mod language;
pub mod pagination;
pub(crate) mod problem_text;
pub(crate) mod problems;
pub mod query;
pub mod response_headers;
pub mod spa;
