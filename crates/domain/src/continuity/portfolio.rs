//! Portfolio figures for the risk dashboard (`GET /risk/summary`): counts per flag, value and
//! exposure by risk band, value in key-person accounts, and the truck factor.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::facts::EmployeeLookup;
use super::flags::FlagCode;
use super::risk::AccountRisk;
use super::settings::Settings;
use super::truck_factor::{leaving_holders, truck_factor, AccountHolders, TruckFactor};

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

    pub fn as_str(self) -> &'static str {
        match self {
            RiskBand::Low => "low",
            RiskBand::Medium => "medium",
            RiskBand::High => "high",
            RiskBand::Critical => "critical",
        }
    }

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
    /// Accounts with no institutional tie at all (no organisation-attributed touchpoint in the
    /// window, no account link; see [`has_institutional_tie`](super::has_institutional_tie)).
    pub untied_accounts: usize,
    /// Σ annual value of those accounts.
    pub untied_value_minor: i64,
    /// `untied_value_minor / value_minor` (0 when there is no value).
    pub untied_value_share: f64,
}

/// The additive part of a [`PortfolioSummary`]: account counts, money, flag counts and band
/// figures, which sum over accounts. A store keeps these per team and moves them by the
/// difference whenever one account's figures change (see [`PortfolioTotals::of_account`]), so
/// the dashboard reads a few rows instead of every account.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PortfolioTotals {
    pub accounts: i64,
    pub value_minor: i64,
    pub exposure_minor: i64,
    pub key_person_value_minor: i64,
    /// Only codes with a non-zero count are present.
    pub flag_counts: BTreeMap<FlagCode, i64>,
    /// Per band: (accounts, value, exposure); only bands with accounts are present.
    pub by_band: BTreeMap<RiskBand, BandTotals>,
    /// Accounts without an institutional tie, and their value.
    pub untied_accounts: i64,
    pub untied_value_minor: i64,
}

/// One band's additive figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BandTotals {
    pub accounts: i64,
    pub value_minor: i64,
    pub exposure_minor: i64,
}

/// A measure name that [`PortfolioTotals::from_measures`] does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownMeasure(pub String);

impl PortfolioTotals {
    /// What one account adds: nothing when it is not active (churned accounts are left out of
    /// every portfolio figure).
    pub fn of_account(
        active: bool,
        annual_value_minor: i64,
        score: u8,
        exposure_minor: i64,
        flags: &[FlagCode],
        institutional_tie: bool,
    ) -> Self {
        let mut totals = PortfolioTotals::default();
        if !active {
            return totals;
        }
        totals.accounts = 1;
        totals.value_minor = annual_value_minor;
        totals.exposure_minor = exposure_minor;
        for code in flags {
            *totals.flag_counts.entry(*code).or_insert(0) += 1;
        }
        if flags.contains(&FlagCode::KeyPerson) {
            totals.key_person_value_minor = annual_value_minor;
        }
        totals.by_band.insert(
            RiskBand::of_score(score),
            BandTotals { accounts: 1, value_minor: annual_value_minor, exposure_minor },
        );
        if !institutional_tie {
            totals.untied_accounts = 1;
            totals.untied_value_minor = annual_value_minor;
        }
        totals
    }

    /// What an assessed account adds.
    pub fn of_risk(risk: &AccountRisk) -> Self {
        Self::of_account(
            risk.is_active(),
            risk.annual_value_minor,
            risk.score,
            risk.exposure_minor,
            &risk.flag_codes(),
            risk.institutional_tie,
        )
    }

    /// Adds `other` (`sign` 1) or takes it away (`sign` -1); entries that reach zero are removed.
    pub fn add(&mut self, other: &PortfolioTotals, sign: i64) {
        self.accounts += sign * other.accounts;
        self.value_minor = self.value_minor.saturating_add(sign.saturating_mul(other.value_minor));
        self.exposure_minor = self.exposure_minor.saturating_add(sign.saturating_mul(other.exposure_minor));
        self.key_person_value_minor =
            self.key_person_value_minor.saturating_add(sign.saturating_mul(other.key_person_value_minor));
        self.untied_accounts += sign * other.untied_accounts;
        self.untied_value_minor = self.untied_value_minor.saturating_add(sign.saturating_mul(other.untied_value_minor));
        for (code, count) in &other.flag_counts {
            *self.flag_counts.entry(*code).or_insert(0) += sign * count;
        }
        self.flag_counts.retain(|_, count| *count != 0);
        for (band, figures) in &other.by_band {
            let entry = self.by_band.entry(*band).or_default();
            entry.accounts += sign * figures.accounts;
            entry.value_minor = entry.value_minor.saturating_add(sign.saturating_mul(figures.value_minor));
            entry.exposure_minor = entry.exposure_minor.saturating_add(sign.saturating_mul(figures.exposure_minor));
        }
        self.by_band.retain(|_, figures| *figures != BandTotals::default());
    }

    pub fn is_empty(&self) -> bool {
        *self == PortfolioTotals::default()
    }

    /// The non-zero figures as named measures, the way a store keeps them: `accounts`,
    /// `value_minor`, `exposure_minor`, `key_person_value_minor`, `untied.accounts`,
    /// `untied.value_minor`, `flag.<code>`,
    /// `band.<band>.accounts|value_minor|exposure_minor`; sorted by name.
    pub fn measures(&self) -> Vec<(String, i64)> {
        let mut measures = vec![
            ("accounts".to_owned(), self.accounts),
            ("value_minor".to_owned(), self.value_minor),
            ("exposure_minor".to_owned(), self.exposure_minor),
            ("key_person_value_minor".to_owned(), self.key_person_value_minor),
            ("untied.accounts".to_owned(), self.untied_accounts),
            ("untied.value_minor".to_owned(), self.untied_value_minor),
        ];
        for (code, count) in &self.flag_counts {
            measures.push((format!("flag.{}", code.as_str()), *count));
        }
        for (band, figures) in &self.by_band {
            let band = band.as_str();
            measures.push((format!("band.{band}.accounts"), figures.accounts));
            measures.push((format!("band.{band}.value_minor"), figures.value_minor));
            measures.push((format!("band.{band}.exposure_minor"), figures.exposure_minor));
        }
        measures.retain(|(_, amount)| *amount != 0);
        measures.sort();
        measures
    }

    /// Sums named measures (as [`measures`](Self::measures) writes them; a name may repeat,
    /// e.g. once per team).
    pub fn from_measures<'a>(measures: impl IntoIterator<Item = (&'a str, i64)>) -> Result<Self, UnknownMeasure> {
        let mut totals = PortfolioTotals::default();
        for (name, amount) in measures {
            let unknown = || UnknownMeasure(name.to_owned());
            match name {
                "accounts" => totals.accounts += amount,
                "value_minor" => totals.value_minor = totals.value_minor.saturating_add(amount),
                "exposure_minor" => totals.exposure_minor = totals.exposure_minor.saturating_add(amount),
                "key_person_value_minor" => {
                    totals.key_person_value_minor = totals.key_person_value_minor.saturating_add(amount)
                }
                "untied.accounts" => totals.untied_accounts += amount,
                "untied.value_minor" => totals.untied_value_minor = totals.untied_value_minor.saturating_add(amount),
                _ => {
                    if let Some(code) = name.strip_prefix("flag.") {
                        let code: FlagCode = code.parse().map_err(|_| unknown())?;
                        *totals.flag_counts.entry(code).or_insert(0) += amount;
                    } else if let Some(rest) = name.strip_prefix("band.") {
                        let (band, figure) = rest.split_once('.').ok_or_else(unknown)?;
                        let band = RiskBand::ALL.into_iter().find(|b| b.as_str() == band).ok_or_else(unknown)?;
                        let entry = totals.by_band.entry(band).or_default();
                        match figure {
                            "accounts" => entry.accounts += amount,
                            "value_minor" => entry.value_minor = entry.value_minor.saturating_add(amount),
                            "exposure_minor" => entry.exposure_minor = entry.exposure_minor.saturating_add(amount),
                            _ => return Err(unknown()),
                        }
                    } else {
                        return Err(unknown());
                    }
                }
            }
        }
        totals.flag_counts.retain(|_, count| *count != 0);
        totals.by_band.retain(|_, figures| *figures != BandTotals::default());
        Ok(totals)
    }

    /// Every flag code with its count (0 included, so charts have stable axes).
    pub fn all_flag_counts(&self) -> BTreeMap<FlagCode, usize> {
        FlagCode::ALL.iter().map(|code| (*code, count(self.flag_counts.get(code).copied().unwrap_or(0)))).collect()
    }

    /// The dashboard figures from these totals and the portfolio's truck factor.
    pub fn summary(&self, truck_factor: TruckFactor) -> PortfolioSummary {
        PortfolioSummary {
            accounts: count(self.accounts),
            flag_counts: self.all_flag_counts(),
            value_minor: self.value_minor,
            exposure_minor: self.exposure_minor,
            key_person_value_minor: self.key_person_value_minor,
            by_band: RiskBand::ALL
                .iter()
                .map(|band| {
                    let figures = self.by_band.get(band).copied().unwrap_or_default();
                    BandFigures {
                        band: *band,
                        accounts: count(figures.accounts),
                        value_minor: figures.value_minor,
                        exposure_minor: figures.exposure_minor,
                    }
                })
                .collect(),
            truck_factor,
            untied_accounts: count(self.untied_accounts),
            untied_value_minor: self.untied_value_minor,
            untied_value_share: self.untied_value_share(),
        }
    }

    /// The share of the value in accounts without an institutional tie (0 without value).
    pub fn untied_value_share(&self) -> f64 {
        if self.value_minor <= 0 {
            0.0
        } else {
            self.untied_value_minor as f64 / self.value_minor as f64
        }
    }
}

/// A count that sums to below zero (never, if totals are kept right) reads as 0.
fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// Sums the stored figures of `risks` (PRODUCT.md, "Risk dashboard"); the truck factor counts
/// the holders `employees` says are leaving as gone first.
pub fn portfolio_summary<'a>(
    risks: impl IntoIterator<Item = &'a AccountRisk>,
    employees: &impl EmployeeLookup,
    settings: &Settings,
) -> PortfolioSummary {
    let mut totals = PortfolioTotals::default();
    let mut holders = Vec::new();
    for risk in risks {
        totals.add(&PortfolioTotals::of_risk(risk), 1);
        holders.extend(AccountHolders::from_risk(risk));
    }
    totals.summary(truck_factor(&holders, &leaving_holders(&holders, employees), settings))
}
