//! The handover brief of an account (`GET /accounts/{id}/handover-brief`): what a successor
//! and the account team need to carry a relationship on — the current team, the contacts with
//! their influence and who knows them, open complaints, the last interactions and the flags.
//! JSON, or a printable HTML page with `?format=html`, worded in the requester's language
//! (their `locale`, else what the request asks for). HR gets the structure without any
//! interaction text. The clause register (`GET /clauses`) lists employees with agreement
//! clause dates, those leaving, and the unprotected, next to the value they hold alone.

use std::collections::HashMap;

use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::continuity::{flag_name, EmployeeLookup};
use continuity_domain::{AssignmentRole, ComplaintStatus, Influence, InteractionKind, Language};
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
use crate::language::RequestLanguage;
use crate::people::PersonView;
use crate::risk::FlagView;
use crate::state::AppState;
use crate::team::AssignmentView;
use actix_web::get;
use continuity_store::figures::people::{PeopleFilter, PeopleSort};

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
    pub flags: Vec<FlagView>,
    pub team: Vec<AssignmentView>,
    pub contacts: Vec<BriefContact>,
    pub open_complaints: Vec<InteractionView>,
    pub recent_interactions: Vec<InteractionView>,
    pub generated_at: DateTime<Utc>,
    /// The language the brief is worded in: the requester's `locale`, else the request's.
    #[schema(value_type = String, example = "nl")]
    pub language: Language,
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
    asked: RequestLanguage,
) -> ApiResult<HttpResponse> {
    let account_id = path_id(&id)?;
    let html = match query.format.as_deref() {
        None | Some("json") => false,
        Some("html") => true,
        Some(_) => return Err(ApiError::invalid("format", "must be json or html")),
    };
    let with_text = access::may_see_interaction_text(&caller);
    let language = caller.language(asked);
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
                flags: FlagView::all(figures.flags, language),
                team: assignments::list_for_account(conn, account_id, false)?
                    .into_iter()
                    .map(AssignmentView::from)
                    .collect(),
                contacts,
                open_complaints,
                recent_interactions,
                generated_at: Utc::now(),
                language,
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

/// The printable brief's one inline style sheet; its Content-Security-Policy allows exactly this.
const BRIEF_STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%;margin-bottom:1.2rem}th,td{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}h2{margin-top:1.6rem}@media print{body{margin:0}}";

/// The fixed words of the printable brief in one language.
struct BriefWords {
    title: &'static str,
    tier: &'static str,
    annual_value: &'static str,
    score: &'static str,
    generated: &'static str,
    flags: &'static str,
    none: &'static str,
    team: &'static str,
    team_columns: [&'static str; 4],
    contacts: &'static str,
    contact_columns: [&'static str; 5],
    nobody_yet: &'static str,
    open_complaints: &'static str,
    last_interactions: &'static str,
    interaction_columns: [&'static str; 3],
}

const ENGLISH: BriefWords = BriefWords {
    title: "Handover brief",
    tier: "Tier",
    annual_value: "annual value",
    score: "risk score",
    generated: "generated",
    flags: "Flags",
    none: "None",
    team: "Account team",
    team_columns: ["Person", "Role", "Access", "Since"],
    contacts: "Contacts",
    contact_columns: ["Name", "Title", "Influence", "Known by", "Left"],
    nobody_yet: "nobody yet",
    open_complaints: "Open complaints",
    last_interactions: "Last interactions",
    interaction_columns: ["When", "Kind", "Summary"],
};

const DUTCH: BriefWords = BriefWords {
    title: "Overdrachtsdocument",
    tier: "Categorie",
    annual_value: "jaarwaarde",
    score: "risicoscore",
    generated: "opgesteld",
    flags: "Signalen",
    none: "Geen",
    team: "Accountteam",
    team_columns: ["Medewerker", "Rol", "Rechten", "Sinds"],
    contacts: "Contactpersonen",
    contact_columns: ["Naam", "Functie", "Invloed", "Bekend bij", "Vertrokken"],
    nobody_yet: "nog niemand",
    open_complaints: "Openstaande klachten",
    last_interactions: "Laatste contactmomenten",
    interaction_columns: ["Wanneer", "Soort", "Samenvatting"],
};

fn words(language: Language) -> &'static BriefWords {
    match language {
        Language::English => &ENGLISH,
        Language::Dutch => &DUTCH,
    }
}

/// A code of the domain's vocabulary as the brief's reader reads it.
fn role_name(role: AssignmentRole, language: Language) -> String {
    match (language, role) {
        (Language::English, role) => role.as_str().replace('_', " "),
        (Language::Dutch, AssignmentRole::Owner) => "relatiebeheerder".into(),
        (Language::Dutch, AssignmentRole::CoOwner) => "tweede relatiebeheerder".into(),
        (Language::Dutch, AssignmentRole::Specialist) => "specialist".into(),
        (Language::Dutch, AssignmentRole::ExecutiveSponsor) => "sponsor uit de directie".into(),
    }
}

fn access_name(access: continuity_domain::Access, language: Language) -> &'static str {
    match (language, access) {
        (Language::English, access) => access.as_str(),
        (Language::Dutch, continuity_domain::Access::Read) => "lezen",
        (Language::Dutch, continuity_domain::Access::Edit) => "bewerken",
    }
}

fn influence_name(influence: Influence, language: Language) -> String {
    match (language, influence) {
        (Language::English, influence) => influence.as_str().replace('_', " "),
        (Language::Dutch, Influence::DecisionMaker) => "beslisser".into(),
        (Language::Dutch, Influence::Champion) => "ambassadeur".into(),
        (Language::Dutch, Influence::Influencer) => "beïnvloeder".into(),
        (Language::Dutch, Influence::User) => "gebruiker".into(),
        (Language::Dutch, Influence::Other) => "overig".into(),
    }
}

fn kind_name(kind: InteractionKind, language: Language) -> &'static str {
    match (language, kind) {
        (Language::English, kind) => kind.as_str(),
        (Language::Dutch, InteractionKind::Meeting) => "afspraak",
        (Language::Dutch, InteractionKind::Call) => "telefoongesprek",
        (Language::Dutch, InteractionKind::Email) => "e-mail",
        (Language::Dutch, InteractionKind::Visit) => "bezoek",
        (Language::Dutch, InteractionKind::Event) => "evenement",
        (Language::Dutch, InteractionKind::Gift) => "attentie",
        (Language::Dutch, InteractionKind::Complaint) => "klacht",
        (Language::Dutch, InteractionKind::Note) => "notitie",
    }
}

/// A plain printable page (no scripts, print-friendly styles) in the brief's language.
fn render_html(brief: &HandoverBrief) -> String {
    let language = brief.language;
    let words = words(language);
    let mut page = String::new();
    page.push_str(&format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title><style>",
        language.as_str(),
        words.title,
        esc(&brief.name)
    ));
    page.push_str(BRIEF_STYLE);
    page.push_str("</style></head><body>");
    let generated =
        format!("{}, {} UTC", language.date(brief.generated_at.date_naive()), brief.generated_at.format("%H:%M"));
    page.push_str(&format!(
        "<h1>{}: {}</h1><p>{} {} · {} {} · {} {} · {} {}</p>",
        words.title,
        esc(&brief.name),
        words.tier,
        esc(&brief.tier),
        words.annual_value,
        esc(&language.money(brief.annual_value_minor, &brief.currency)),
        words.score,
        brief.score,
        words.generated,
        generated
    ));
    page.push_str(&format!("<h2>{}</h2><ul>", words.flags));
    for view in &brief.flags {
        page.push_str(&format!(
            "<li><strong>{}</strong>: {}</li>",
            esc(flag_name(view.flag.code(), language)),
            esc(&view.explanation)
        ));
    }
    if brief.flags.is_empty() {
        page.push_str(&format!("<li>{}</li>", words.none));
    }
    page.push_str(&format!("</ul><h2>{}</h2><table>{}", words.team, header_row(&words.team_columns)));
    for member in &brief.team {
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&member.display_name),
            esc(&role_name(member.role, language)),
            esc(access_name(member.access, language)),
            language.date(member.since.date_naive())
        ));
    }
    page.push_str(&format!("</table><h2>{}</h2><table>{}", words.contacts, header_row(&words.contact_columns)));
    for entry in &brief.contacts {
        let known: Vec<String> = entry
            .known_by
            .iter()
            .map(|k| format!("{} ({})", esc(&k.display_name), language.percent(k.share)))
            .collect();
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&entry.contact.name),
            esc(&entry.contact.job_title),
            esc(&influence_name(entry.contact.influence, language)),
            if known.is_empty() { words.nobody_yet.to_owned() } else { known.join(", ") },
            entry.contact.left_at.map(|day: NaiveDate| language.date(day)).unwrap_or_default()
        ));
    }
    for (title, list) in
        [(words.open_complaints, &brief.open_complaints), (words.last_interactions, &brief.recent_interactions)]
    {
        page.push_str(&format!("</table><h2>{title}</h2><table>{}", header_row(&words.interaction_columns)));
        for interaction in list.iter() {
            page.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                language.date(interaction.occurred_at.date_naive()),
                esc(kind_name(interaction.kind, language)),
                esc(interaction.summary.as_deref().unwrap_or("—"))
            ));
        }
    }
    page.push_str("</table></body></html>");
    page
}

fn header_row(columns: &[&str]) -> String {
    let cells: String = columns.iter().map(|column| format!("<th>{column}</th>")).collect();
    format!("<tr>{cells}</tr>")
}

/// The clause register (HR and admins): every employee with a non-solicitation or
/// non-compete date, a departure announced, or value held alone without a non-solicitation
/// clause in force (`unprotected`: those Tip 1 is about), next to what rests on them; largest
/// value held alone first. The same entries and figures as `GET /exposure/people`.
#[utoipa::path(tag = "departures", security(("bearer" = [])),
    responses((status = 200, body = crate::pagination::Page<PersonView>)))]
#[get("/clauses")]
pub async fn clause_register(
    state: web::Data<AppState>,
    caller: CurrentUser,
) -> ApiResult<web::Json<crate::pagination::Page<PersonView>>> {
    access::may_see_hr_figures(&caller)?;
    let today = Utc::now().date_naive();
    let people = state
        .run(move |conn| {
            let everyone = PeopleFilter::default();
            Ok(figures::people::people_page(conn, None, &everyone, PeopleSort::DEFAULT, None, i64::MAX, today)?)
        })
        .await?;
    let items = people
        .into_iter()
        .filter(|person| {
            let employee = &person.employee;
            employee.non_solicitation_until.is_some()
                || employee.non_compete_until.is_some()
                || employee.is_departing()
                || person.unprotected
        })
        .map(PersonView::from)
        .collect();
    Ok(web::Json(crate::pagination::Page { items, next_cursor: None }))
}
