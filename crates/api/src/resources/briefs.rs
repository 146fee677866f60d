//! The handover brief of an account (`GET /accounts/{id}/handover-brief`): what a successor
//! and the account team need to carry a relationship on — the current team, the contacts with
//! their influence and who knows them, open complaints, the last interactions and the flags.
//! JSON, or a printable HTML page with `?format=html`. HR gets the structure without any
//! interaction text. The clause register (`GET /clauses`) lists employees with agreement
//! clause dates next to the value they hold alone.

use std::collections::HashMap;

use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::continuity::{employee_exposure, EmployeeLookup, Flag};
use continuity_domain::{ComplaintStatus, InteractionKind};
use continuity_store::scope::Scope;
use continuity_store::{accounts, assignments, contacts, departures, figures, interactions};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::contacts::ContactView;
use crate::error::{ApiError, ApiResult};
use crate::ids::path_id;
use crate::interactions::InteractionView;
use crate::state::AppState;
use crate::team::AssignmentView;
use actix_web::get;

/// How many recent interactions a brief shows.
const RECENT: i64 = 10;

#[derive(Debug, Serialize, ToSchema)]
pub struct KnownBy {
    pub user_id: String,
    pub display_name: String,
    /// The person's share of the contact's thread strength.
    pub share: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BriefContact {
    #[serde(flatten)]
    pub contact: ContactView,
    /// Our people who know this contact, closest first.
    pub known_by: Vec<KnownBy>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HandoverBrief {
    pub account_id: String,
    pub name: String,
    pub tier: String,
    pub annual_value_minor: i64,
    pub currency: String,
    pub score: u8,
    #[schema(value_type = Vec<Object>)]
    pub flags: Vec<Flag>,
    pub team: Vec<AssignmentView>,
    pub contacts: Vec<BriefContact>,
    pub open_complaints: Vec<InteractionView>,
    pub recent_interactions: Vec<InteractionView>,
    pub generated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct BriefQuery {
    /// `json` (default) or `html` (a printable page).
    pub format: Option<String>,
}

/// The handover brief of an account: for everyone who may see the account, and for a named
/// successor in an open departure plan.
#[utoipa::path(tag = "departures", params(("id" = String, Path), BriefQuery),
    security(("bearer" = [])), responses((status = 200, body = HandoverBrief), (status = 404, body = crate::error::Problem)))]
#[get("/accounts/{id}/handover-brief")]
pub async fn handover_brief(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
    query: web::Query<BriefQuery>,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&id)?;
    let html = match query.format.as_deref() {
        None | Some("json") => false,
        Some("html") => true,
        Some(_) => return Err(ApiError::invalid("format", "must be json or html")),
    };
    let with_text = access::may_see_interaction_text(&caller);
    let brief = state
        .run(move |conn| {
            match access::account(conn, &caller, account_id, Intent::Read) {
                Err(ApiError::NotFound) if departures::is_pending_successor(conn, account_id, caller.id)? => {}
                other => {
                    other?;
                }
            }
            let account = accounts::get(conn, &Scope::Firm, account_id)?.ok_or(ApiError::NotFound)?;
            let figures = figures::get(conn, account_id)?.ok_or(ApiError::NotFound)?;
            let employees = figures::all_employees(conn)?;
            let name_of =
                |user_id: i64| employees.employee(user_id).map(|e| e.display_name.clone()).unwrap_or_default();
            let mut known: HashMap<i64, Vec<KnownBy>> = HashMap::new();
            for thread in &figures.threads {
                let contact_total: f64 =
                    figures.threads.iter().filter(|t| t.contact_id == thread.contact_id).map(|t| t.strength).sum();
                let share = if contact_total > 0.0 { thread.strength / contact_total } else { 0.0 };
                known.entry(thread.contact_id).or_default().push(KnownBy {
                    user_id: thread.user_id.to_string(),
                    display_name: name_of(thread.user_id),
                    share,
                });
            }
            for people in known.values_mut() {
                people.sort_by(|a, b| b.share.total_cmp(&a.share));
            }
            let contacts = contacts::list_for_account(conn, account_id)?
                .into_iter()
                .map(|contact| BriefContact {
                    known_by: known.remove(&contact.id).unwrap_or_default(),
                    contact: contact.into(),
                })
                .collect();
            let open_complaints =
                interactions::list_for_account(conn, account_id, None, Some(InteractionKind::Complaint), 200)?
                    .into_iter()
                    .filter(|complaint| complaint.changes.complaint_status == Some(ComplaintStatus::Open))
                    .map(|complaint| InteractionView::new(complaint, with_text))
                    .collect();
            let recent_interactions = interactions::list_for_account(conn, account_id, None, None, RECENT)?
                .into_iter()
                .map(|interaction| InteractionView::new(interaction, with_text))
                .collect();
            Ok(HandoverBrief {
                account_id: account.id.to_string(),
                name: account.fields.name,
                tier: account.fields.tier.to_string(),
                annual_value_minor: account.fields.annual_value_minor,
                currency: account.fields.currency,
                score: figures.score,
                flags: figures.flags,
                team: assignments::list_for_account(conn, account_id, false)?
                    .into_iter()
                    .map(AssignmentView::from)
                    .collect(),
                contacts,
                open_complaints,
                recent_interactions,
                generated_at: Utc::now(),
            })
        })
        .await?;
    if html {
        Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((
                actix_web::http::header::CONTENT_SECURITY_POLICY,
                crate::response_headers::policy_allowing_style(BRIEF_STYLE),
            ))
            .body(render_html(&brief)))
    } else {
        Ok(HttpResponse::Ok().json(brief))
    }
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn money(minor: i64, currency: &str) -> String {
    format!("{} {}.{:02}", esc(currency), minor / 100, (minor % 100).abs())
}

/// The printable brief's one inline style sheet; its Content-Security-Policy allows exactly this.
const BRIEF_STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%;margin-bottom:1.2rem}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}h2{margin-top:1.6rem}@media print{body{margin:0}}";

/// A plain printable page (no scripts, print-friendly styles).
fn render_html(brief: &HandoverBrief) -> String {
    let mut page = String::new();
    page.push_str("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Handover brief — ");
    page.push_str(&esc(&brief.name));
    page.push_str("</title><style>");
    page.push_str(BRIEF_STYLE);
    page.push_str("</style></head><body>");
    page.push_str(&format!(
        "<h1>Handover brief: {}</h1><p>Tier {} · annual value {} · risk score {} · generated {}</p>",
        esc(&brief.name),
        esc(&brief.tier),
        money(brief.annual_value_minor, &brief.currency),
        brief.score,
        brief.generated_at.format("%Y-%m-%d %H:%M UTC")
    ));
    page.push_str("<h2>Flags</h2><ul>");
    for flag in &brief.flags {
        page.push_str(&format!("<li><strong>{}</strong>: {}</li>", esc(flag.code.as_str()), esc(&flag.explanation)));
    }
    if brief.flags.is_empty() {
        page.push_str("<li>None</li>");
    }
    page.push_str(
        "</ul><h2>Account team</h2><table><tr><th>Person</th><th>Role</th><th>Access</th><th>Since</th></tr>",
    );
    for member in &brief.team {
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&member.display_name),
            esc(member.role.as_str()),
            esc(member.access.as_str()),
            member.since.format("%Y-%m-%d")
        ));
    }
    page.push_str("</table><h2>Contacts</h2><table><tr><th>Name</th><th>Title</th><th>Influence</th><th>Known by</th><th>Left</th></tr>");
    for entry in &brief.contacts {
        let known: Vec<String> =
            entry.known_by.iter().map(|k| format!("{} ({:.0} %)", esc(&k.display_name), k.share * 100.0)).collect();
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&entry.contact.name),
            esc(&entry.contact.job_title),
            esc(entry.contact.influence.as_str()),
            if known.is_empty() { "nobody yet".into() } else { known.join(", ") },
            entry.contact.left_at.map(|d: NaiveDate| d.to_string()).unwrap_or_default()
        ));
    }
    for (title, list) in
        [("Open complaints", &brief.open_complaints), ("Last interactions", &brief.recent_interactions)]
    {
        page.push_str(&format!("</table><h2>{title}</h2><table><tr><th>When</th><th>Kind</th><th>Summary</th></tr>"));
        for interaction in list.iter() {
            page.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                interaction.occurred_at.format("%Y-%m-%d"),
                esc(interaction.kind.as_str()),
                esc(interaction.summary.as_deref().unwrap_or("—"))
            ));
        }
    }
    page.push_str("</table></body></html>");
    page
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClauseEntry {
    pub user_id: String,
    pub display_name: String,
    #[schema(value_type = String)]
    pub status: continuity_domain::UserStatus,
    pub leave_date: Option<NaiveDate>,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
    /// Σ annual value of the accounts they hold with no staying holder besides them (as
    /// `GET /users/{id}/exposure` counts it).
    pub orphaned_value_minor: i64,
    pub share_weighted_exposure_minor: i64,
}

/// The clause register (HR and admins): every employee with a non-solicitation or
/// non-compete date, or a departure announced, next to the value they hold alone; largest
/// value held alone first.
#[utoipa::path(tag = "departures", security(("bearer" = [])),
    responses((status = 200, body = crate::pagination::Page<ClauseEntry>)))]
#[get("/clauses")]
pub async fn clause_register(
    state: web::Data<AppState>,
    caller: CurrentUser,
) -> ApiResult<web::Json<crate::pagination::Page<ClauseEntry>>> {
    access::may_see_hr_figures(&caller)?;
    let mut entries = state
        .run(|conn| {
            let employees = figures::all_employees(conn)?;
            let now = Utc::now();
            employees
                .iter()
                .filter(|e| e.non_solicitation_until.is_some() || e.non_compete_until.is_some() || e.is_departing())
                .map(|employee| {
                    let risks = figures::risks_touching_user(conn, employee.id, now)?;
                    let figures = employee_exposure(employee, &risks, &employees);
                    Ok(ClauseEntry {
                        user_id: employee.id.to_string(),
                        display_name: employee.display_name.clone(),
                        status: employee.status,
                        leave_date: employee.leave_date,
                        non_solicitation_until: employee.non_solicitation_until,
                        non_compete_until: employee.non_compete_until,
                        orphaned_value_minor: figures.orphaned_value_minor,
                        share_weighted_exposure_minor: figures.share_weighted_exposure_minor,
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()
        })
        .await?;
    entries.sort_by(|a, b| b.orphaned_value_minor.cmp(&a.orphaned_value_minor).then(a.user_id.cmp(&b.user_id)));
    Ok(web::Json(crate::pagination::Page { items: entries, next_cursor: None }))
}
