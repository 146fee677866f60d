//! Campaigns (PRODUCT.md, "Equal-treatment check"): drafts that can change, and the one-way
//! send, which records an organisation-attributed touchpoint on every included account, fixes
//! the accounts reached and the report the sender saw, and audits the warnings with the
//! sender's acknowledgement — all in one transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, Utc};
use continuity_domain::campaigns::{
    equal_treatment_report, included_accounts, CampaignTarget, EqualTreatmentReport, EqualTreatmentRules,
    UniverseAccount,
};
use continuity_domain::rules;
use continuity_domain::validation::normalise;
use continuity_domain::{AccountStatus, CampaignKind, CampaignStatus, InteractionKind, OnBehalfOf};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::interactions::{self, NewInteraction};
use crate::schema::{accounts, campaign_accounts, campaigns, teams};
use crate::users::escape_like;
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Campaign {
    pub id: i64,
    /// Its name, kind, scope (one team, or the whole firm: `team_id: None`) and target.
    #[serde(flatten)]
    pub draft: CampaignDraft,
    pub status: CampaignStatus,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub sent_by: Option<i64>,
    pub acknowledged_reason: Option<String>,
    /// The report as it stood when the campaign was sent.
    pub sent_report: Option<EqualTreatmentReport>,
    pub version: i64,
}

/// What a campaign is made of while it is a draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignDraft {
    pub name: String,
    pub kind: CampaignKind,
    pub team_id: Option<i64>,
    pub target: CampaignTarget,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = campaigns)]
struct CampaignRow {
    id: i64,
    name: String,
    kind: String,
    team_id: Option<i64>,
    status: String,
    target_json: String,
    created_by: Option<i64>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    sent_at: Option<NaiveDateTime>,
    sent_by: Option<i64>,
    acknowledged_reason: Option<String>,
    sent_report_json: Option<String>,
    version: i64,
}

fn to_campaign(row: CampaignRow) -> StoreResult<Campaign> {
    let kind = row.kind.parse().map_err(|e| StoreError::corrupt("campaigns.kind", e))?;
    let status = row.status.parse().map_err(|e| StoreError::corrupt("campaigns.status", e))?;
    Ok(Campaign {
        id: row.id,
        draft: CampaignDraft {
            name: row.name,
            kind,
            team_id: row.team_id,
            target: serde_json::from_str(&row.target_json)
                .map_err(|e| StoreError::corrupt("campaigns.target_json", e))?,
        },
        status,
        created_by: row.created_by,
        created_at: from_db_time(row.created_at),
        updated_at: from_db_time(row.updated_at),
        sent_at: row.sent_at.map(from_db_time),
        sent_by: row.sent_by,
        acknowledged_reason: row.acknowledged_reason,
        sent_report: row
            .sent_report_json
            .map(|json| serde_json::from_str(&json).map_err(|e| StoreError::corrupt("campaigns.sent_report_json", e)))
            .transpose()?,
        version: row.version,
    })
}

fn target_json(target: &CampaignTarget) -> StoreResult<String> {
    serde_json::to_string(target).map_err(|e| StoreError::corrupt("campaigns.target_json", e))
}

/// The active accounts of a campaign's scope (`team_id`, or the firm), in id order.
pub fn universe(conn: &mut AnyConnection, team_id: Option<i64>) -> StoreResult<Vec<UniverseAccount>> {
    let mut query = accounts::table
        .filter(accounts::status.eq(AccountStatus::Active.as_str()))
        .select((accounts::id, accounts::tier, accounts::region, accounts::team_id, accounts::annual_value_minor))
        .order(accounts::id)
        .into_boxed();
    if let Some(team_id) = team_id {
        query = query.filter(accounts::team_id.eq(team_id));
    }
    let rows: Vec<(i64, String, String, i64, i64)> = query.load(conn)?;
    rows.into_iter()
        .map(|(id, tier, region, team_id, annual_value_minor)| {
            Ok(UniverseAccount {
                id,
                tier: tier.parse().map_err(|e| StoreError::corrupt("accounts.tier", e))?,
                region,
                team_id,
                annual_value_minor,
            })
        })
        .collect()
}

/// The teams among `team_ids` that do not exist.
pub fn unknown_teams(conn: &mut AnyConnection, team_ids: &[i64]) -> StoreResult<Vec<i64>> {
    let found: Vec<i64> = teams::table.filter(teams::id.eq_any(team_ids)).select(teams::id).load(conn)?;
    Ok(team_ids.iter().copied().filter(|id| !found.contains(id)).collect())
}

/// The accounts a sent campaign reached.
pub fn reached_accounts(conn: &mut AnyConnection, campaign_id: i64) -> StoreResult<Vec<i64>> {
    Ok(campaign_accounts::table
        .filter(campaign_accounts::campaign_id.eq(campaign_id))
        .select(campaign_accounts::account_id)
        .order(campaign_accounts::account_id)
        .load(conn)?)
}

pub fn get(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<Campaign>> {
    let row: Option<CampaignRow> = campaigns::table.find(id).select(CampaignRow::as_select()).first(conn).optional()?;
    row.map(to_campaign).transpose()
}

/// Which campaigns to list; `team_ids` limits them to campaigns scoped to those teams (sales
/// leads), `None` lists every campaign.
#[derive(Debug, Clone, Default)]
pub struct CampaignFilter {
    pub team_ids: Option<Vec<i64>>,
    pub name_contains: Option<String>,
    pub status: Option<CampaignStatus>,
}

/// A page of campaigns, newest first, before campaign `before_id`.
pub fn list(
    conn: &mut AnyConnection,
    filter: &CampaignFilter,
    before_id: Option<i64>,
    limit: i64,
) -> StoreResult<Vec<Campaign>> {
    let mut query =
        campaigns::table.select(CampaignRow::as_select()).order(campaigns::id.desc()).limit(limit).into_boxed();
    if let Some(team_ids) = &filter.team_ids {
        query = query.filter(campaigns::team_id.eq_any(team_ids.clone()));
    }
    if let Some(text) = filter.name_contains.as_deref().map(normalise).filter(|text| !text.is_empty()) {
        query = query.filter(campaigns::name_lower.like(format!("%{}%", escape_like(&text))).escape('\\'));
    }
    if let Some(status) = filter.status {
        query = query.filter(campaigns::status.eq(status.as_str()));
    }
    if let Some(before_id) = before_id {
        query = query.filter(campaigns::id.lt(before_id));
    }
    let rows: Vec<CampaignRow> = query.load(conn)?;
    rows.into_iter().map(to_campaign).collect()
}

/// Saves a new draft; audited.
pub fn create(
    conn: &mut AnyConnection,
    draft: &CampaignDraft,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Campaign> {
    rules::campaigns::check_name(&draft.name)?;
    write_transaction(conn, now, |conn| {
        let stamp = to_db_time(now);
        let id: i64 = diesel::insert_into(campaigns::table)
            .values((
                campaigns::name.eq(&draft.name),
                campaigns::name_lower.eq(normalise(&draft.name)),
                campaigns::kind.eq(draft.kind.as_str()),
                campaigns::team_id.eq(draft.team_id),
                campaigns::target_json.eq(target_json(&draft.target)?),
                campaigns::created_by.eq(actor_id),
                campaigns::created_at.eq(stamp),
                campaigns::updated_at.eq(stamp),
            ))
            .returning(campaigns::id)
            .get_result(conn)?;
        audit::record(conn, Change::new(actor_id, "campaign", id, "create").after(draft).on_team(draft.team_id), now)?;
        get(conn, id)?.ok_or(StoreError::NotFound)
    })
}

/// The current campaign if it is still a draft at `expected_version`.
fn current_draft(conn: &mut AnyConnection, id: i64, expected_version: i64) -> StoreResult<Campaign> {
    let campaign = get(conn, id)?.ok_or(StoreError::NotFound)?;
    rules::campaign_is_draft(campaign.status)?;
    if campaign.version != expected_version {
        return Err(StoreError::StaleVersion);
    }
    Ok(campaign)
}

/// Changes a draft at `expected_version`; audited.
pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    draft: &CampaignDraft,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Campaign> {
    rules::campaigns::check_name(&draft.name)?;
    write_transaction(conn, now, |conn| {
        let before = current_draft(conn, id, expected_version)?;
        let changed =
            diesel::update(campaigns::table.filter(campaigns::id.eq(id).and(campaigns::version.eq(expected_version))))
                .set((
                    campaigns::name.eq(&draft.name),
                    campaigns::name_lower.eq(normalise(&draft.name)),
                    campaigns::kind.eq(draft.kind.as_str()),
                    campaigns::team_id.eq(draft.team_id),
                    campaigns::target_json.eq(target_json(&draft.target)?),
                    campaigns::updated_at.eq(to_db_time(now)),
                    campaigns::version.eq(campaigns::version + 1),
                ))
                .execute(conn)?;
        if changed == 0 {
            return Err(StoreError::StaleVersion);
        }
        audit::record(
            conn,
            Change::new(actor_id, "campaign", id, "update").before(&before.draft).after(draft).on_team(draft.team_id),
            now,
        )?;
        get(conn, id)?.ok_or(StoreError::NotFound)
    })
}

/// Deletes a draft at `expected_version`; audited.
pub fn delete(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    write_transaction(conn, now, |conn| {
        let before = current_draft(conn, id, expected_version)?;
        diesel::delete(campaigns::table.filter(campaigns::id.eq(id).and(campaigns::version.eq(expected_version))))
            .execute(conn)?;
        audit::record(
            conn,
            Change::new(actor_id, "campaign", id, "delete").before(&before.draft).on_team(before.draft.team_id),
            now,
        )
    })
}

/// The report of a draft against today's universe of its scope.
pub fn draft_report(
    conn: &mut AnyConnection,
    team_id: Option<i64>,
    target: &CampaignTarget,
) -> StoreResult<(EqualTreatmentReport, BTreeSet<i64>)> {
    let universe = universe(conn, team_id)?;
    let included = included_accounts(&universe, target);
    Ok((equal_treatment_report(&universe, &included, &EqualTreatmentRules::default()), included))
}

/// The touchpoint a campaign leaves on each account: a gift for a gift campaign, an e-mail for
/// the others, in the firm's name.
fn touchpoint(campaign: &Campaign, now: DateTime<Utc>) -> NewInteraction {
    NewInteraction {
        external_id: None,
        kind: match campaign.draft.kind {
            CampaignKind::Gift => InteractionKind::Gift,
            CampaignKind::Apology | CampaignKind::Mailing | CampaignKind::Invitation => InteractionKind::Email,
        },
        occurred_at: now,
        summary: format!("Campaign ({}): {}", campaign.draft.kind, campaign.draft.name),
        on_behalf_of: OnBehalfOf::Organisation,
        complaint_status: None,
        resolution: None,
        event_id: None,
        follow_up_owner_id: None,
        follow_up_due: None,
        employee_ids: Vec::new(),
        contact_ids: Vec::new(),
    }
}

/// Sends a draft at `expected_version`: with warnings, only with a non-blank
/// `acknowledge_reason`. Records one organisation-attributed interaction per included account
/// (each account's figures recomputed once), marks it sent, fixes its accounts and report, and
/// audits the warnings with the reason — or, refused, changes nothing.
pub fn send(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    acknowledge_reason: Option<&str>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Campaign> {
    let reason = acknowledge_reason.map(str::trim).filter(|reason| !reason.is_empty());
    write_transaction(conn, now, |conn| {
        let campaign = current_draft(conn, id, expected_version)?;
        let (report, included) = draft_report(conn, campaign.draft.team_id, &campaign.draft.target)?;
        let codes: Vec<&str> = report.warnings.iter().map(|warning| warning.code.as_str()).collect();
        rules::campaign_may_be_sent(&codes, reason)?;
        let touchpoint = touchpoint(&campaign, now);
        for &account_id in &included {
            let interaction = interactions::insert(conn, account_id, &touchpoint, actor_id, now)?;
            diesel::insert_into(campaign_accounts::table)
                .values((
                    campaign_accounts::account_id.eq(account_id),
                    campaign_accounts::campaign_id.eq(id),
                    campaign_accounts::interaction_id.eq(interaction.id),
                ))
                .execute(conn)?;
        }
        let report_json = serde_json::to_string(&report).map_err(|e| StoreError::corrupt("campaigns.report", e))?;
        diesel::update(campaigns::table.filter(campaigns::id.eq(id)))
            .set((
                campaigns::status.eq(CampaignStatus::Sent.as_str()),
                campaigns::sent_at.eq(Some(to_db_time(now))),
                campaigns::sent_by.eq(actor_id),
                campaigns::acknowledged_reason.eq(reason),
                campaigns::sent_report_json.eq(Some(report_json)),
                campaigns::updated_at.eq(to_db_time(now)),
                campaigns::version.eq(campaigns::version + 1),
            ))
            .execute(conn)?;
        let after = serde_json::json!({
            "warnings": report.warnings,
            "acknowledged_reason": reason,
            "included_accounts": included.len(),
        });
        audit::record(
            conn,
            Change::new(actor_id, "campaign", id, "send").after(&after).on_team(campaign.draft.team_id),
            now,
        )?;
        get(conn, id)?.ok_or(StoreError::NotFound)
    })
}
