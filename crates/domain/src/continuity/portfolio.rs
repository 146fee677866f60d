//! Portfolio figures for the risk dashboard (`GET /risk/summary`): counts per flag, value and
//! exposure by risk band, value in key-person accounts, and the truck factor.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::flags::FlagCode;
use super::risk::AccountRisk;
use super::settings::Settings;
use super::truck_factor::{truck_factor, AccountHolders, TruckFactor};

/// A risk band of the score: `low` < 25 ≤ `medium` < 50 ≤ `high` < 75 ≤ `critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    Low,
    Medium,
    High,
    Critical,
}

impl RiskBand {
    pub const ALL: [RiskBand; 4] = [RiskBand::Low, RiskBand::Medium, RiskBand::High, RiskBand::Critical];

    pub fn of_score(score: u8) -> RiskBand {
        match score {
            0..=24 => RiskBand::Low,
            25..=49 => RiskBand::Medium,
            50..=74 => RiskBand::High,
            _ => RiskBand::Critical,
        }
    }
}

/// One band's accounts and money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandFigures {
    pub band: RiskBand,
    pub accounts: usize,
    pub value_minor: i64,
    pub exposure_minor: i64,
}

/// The dashboard figures of a set of accounts (churned accounts are left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioSummary {
    pub accounts: usize,
    /// Every flag code with its count (0 included, so charts have stable axes).
    pub flag_counts: BTreeMap<FlagCode, usize>,
    pub value_minor: i64,
    pub exposure_minor: i64,
    /// Σ annual value of the accounts flagged `key_person`.
    pub key_person_value_minor: i64,
    pub by_band: Vec<BandFigures>,
    pub truck_factor: TruckFactor,
}

/// Sums the stored figures of `risks` (PRODUCT.md, "Risk dashboard").
pub fn portfolio_summary<'a>(
    risks: impl IntoIterator<Item = &'a AccountRisk>,
    settings: &Settings,
) -> PortfolioSummary {
    let mut flag_counts: BTreeMap<FlagCode, usize> = FlagCode::ALL.iter().map(|code| (*code, 0)).collect();
    let mut by_band: Vec<BandFigures> = RiskBand::ALL
        .iter()
        .map(|band| BandFigures { band: *band, accounts: 0, value_minor: 0, exposure_minor: 0 })
        .collect();
    let mut summary_accounts = 0;
    let (mut value_minor, mut exposure_minor, mut key_person_value_minor) = (0_i64, 0_i64, 0_i64);
    let mut holders = Vec::new();
    for risk in risks.into_iter().filter(|risk| risk.is_active()) {
        summary_accounts += 1;
        value_minor = value_minor.saturating_add(risk.annual_value_minor);
        exposure_minor = exposure_minor.saturating_add(risk.exposure_minor);
        for flag in &risk.flags {
            *flag_counts.entry(flag.code).or_insert(0) += 1;
        }
        if risk.has_flag(FlagCode::KeyPerson) {
            key_person_value_minor = key_person_value_minor.saturating_add(risk.annual_value_minor);
        }
        let band = RiskBand::of_score(risk.score);
        if let Some(figures) = by_band.iter_mut().find(|figures| figures.band == band) {
            figures.accounts += 1;
            figures.value_minor = figures.value_minor.saturating_add(risk.annual_value_minor);
            figures.exposure_minor = figures.exposure_minor.saturating_add(risk.exposure_minor);
        }
        holders.extend(AccountHolders::from_risk(risk));
    }
    PortfolioSummary {
        accounts: summary_accounts,
        flag_counts,
        value_minor,
        exposure_minor,
        key_person_value_minor,
        by_band,
        truck_factor: truck_factor(&holders, settings),
    }
}
