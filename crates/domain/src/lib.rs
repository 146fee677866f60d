//! Continuity's domain: the entities of PRODUCT.md ("Domain") and the continuity model
//! ("The continuity model"). Pure Rust: no HTTP, no SQL, no clock — callers pass `now` in.

pub mod campaigns;
pub mod complaints;
pub mod continuity;
pub mod demo;
pub mod language;
pub mod model;
pub mod rules;
pub mod validation;

pub use language::Language;
pub use model::*;
