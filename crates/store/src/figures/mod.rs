//! The stored continuity figures of each account (`account_risk`) and the team totals beside
//! them, kept current by the write itself.
//!
//! - [`pending`]: how a write keeps them — triggers note what a transaction touched, and the
//!   transaction recomputes each noted account once before it commits. A new write path needs
//!   no call of its own.
//! - [`facts`]: the one loader of what an assessment reads (one account or a batch).
//! - [`recompute`]: assessing noted accounts in batches, and the full pass of the periodic
//!   refresh.
//! - [`stored`]: writing figures that changed (row by row, or by COPY on PostgreSQL) and
//!   reading them back.
//! - [`totals`]: the additive per-team totals the dashboard reads.
//! - [`people`]: each employee's HR figures, kept the same way, for HR's ranking of people.
//! - [`snapshots`]: one day's totals for the trend chart.

pub mod facts;
pub mod pending;
pub mod people;
pub mod recompute;
pub mod snapshots;
pub mod stored;
pub mod totals;

pub use facts::{
    accounts_touching_user, all_employees, coverage_policies, employees_by_id, facts_of, interactions_per_account,
    organisation_touchpoints, people_of, settings,
};
pub use pending::settle;
pub use recompute::{recompute_all, recompute_missing, recompute_pass, BatchDone, NextBatch, Recomputed};
pub use snapshots::{has_snapshot, snapshots, take_snapshots, Snapshot};
pub use stored::{flags_text, get, get_many, portfolio, risks_touching_user};
