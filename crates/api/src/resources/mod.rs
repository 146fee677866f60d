//! The API's resources, one module each: its handlers and their request and answer types.

pub mod accounts;
pub mod audit;
pub mod briefs;
pub mod campaigns;
pub mod complaints;
pub mod contacts;
pub mod coverage_policies;
pub mod departures;
pub mod events;
pub mod health;
pub mod import_export;
pub mod interactions;
pub mod links;
pub mod network;
pub mod people;
pub mod privacy;
pub mod risk;
pub mod settings;
pub mod team;
pub mod teams;
pub mod users;
