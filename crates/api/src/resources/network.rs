//! `/accounts/{id}/network`: an account's place in the client network — its links (both
//! directions), the accounts it met at client events, the events it attended, and its
//! institutional score with the trend of the last nine months and whether it has an
//! institutional tie at all.

use actix_web::web;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use continuity_domain::continuity::{institutional_trend, TREND_OFFSETS_DAYS};
use continuity_domain::EventKind;
use continuity_store::{accounts, events, figures};
use serde::Serialize;
use utoipa::ToSchema;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::ids::path_id;
use crate::links::{link_views, LinkView};
use crate::state::AppState;
use actix_web::get;

#[derive(Debug, Serialize, ToSchema)]
pub struct MetAtEventsView {
    pub account_id: String,
    /// `null` when the caller cannot see that account.
    pub account_name: Option<String>,
    /// The events both accounts attended, newest first.
    pub event_ids: Vec<String>,
    pub last_met_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventHeadlineView {
    pub id: String,
    pub name: String,
    #[schema(value_type = String)]
    pub kind: EventKind,
    pub occurred_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InstitutionalTrendPoint {
    pub as_of: NaiveDate,
    pub score: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Network {
    pub account_id: String,
    /// The same items as `/accounts/{id}/links`.
    pub links: Vec<LinkView>,
    pub met_at_events: Vec<MetAtEventsView>,
    /// The events the account attended, newest first.
    pub events: Vec<EventHeadlineView>,
    pub institutional_score: f64,
    /// The institutional score 270, 180 and 90 days ago and today, oldest first.
    pub institutional_trend: Vec<InstitutionalTrendPoint>,
    /// An organisation-attributed touchpoint in the last 365 days, or any account link.
    pub institutional_tie: bool,
}

/// The account's network: links, accounts met at events, events attended, institutional
/// score, its trend and tie.
#[utoipa::path(tag = "client network", params(("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = Network), (status = 404, body = crate::error::Problem)))]
#[get("/accounts/{id}/network")]
pub async fn network(
    state: web::Data<AppState>,
    caller: CurrentUser,
    id: web::Path<String>,
) -> ApiResult<web::Json<Network>> {
    let account_id = path_id(&id)?;
    let network = state
        .run(move |conn| {
            access::account(conn, &caller, account_id, Intent::Read)?;
            let now = Utc::now();
            let settings = figures::settings(conn)?;
            let figures = figures::get(conn, account_id)?.ok_or(ApiError::NotFound)?;
            let links = link_views(conn, &caller, account_id)?;
            let met = events::met_at_events(conn, account_id)?;
            let others: Vec<i64> = met.iter().map(|entry| entry.account_id).collect();
            let scope = access::scope_of(&caller);
            let visible = accounts::visible_among(conn, &scope, &others)?;
            let mut met_at_events = Vec::with_capacity(met.len());
            for entry in met {
                let account_name = if visible.contains(&entry.account_id) {
                    accounts::get(conn, &scope, entry.account_id)?.map(|account| account.fields.name)
                } else {
                    None
                };
                met_at_events.push(MetAtEventsView {
                    account_id: entry.account_id.to_string(),
                    account_name,
                    event_ids: entry.event_ids.iter().map(i64::to_string).collect(),
                    last_met_at: entry.last_met_at,
                });
            }
            let events = events::of_account(conn, account_id)?
                .into_iter()
                .map(|event| EventHeadlineView {
                    id: event.id.to_string(),
                    name: event.name,
                    kind: event.kind,
                    occurred_at: event.occurred_at,
                })
                .collect();
            let oldest = TREND_OFFSETS_DAYS.iter().copied().max().unwrap_or(0);
            let since = now - Duration::days(settings.window_days + oldest);
            let touchpoints = figures::organisation_touchpoints(conn, account_id, since)?;
            let institutional_trend = institutional_trend(&touchpoints, &settings, now)
                .into_iter()
                .map(|point| InstitutionalTrendPoint { as_of: point.as_of, score: point.score })
                .collect();
            Ok(Network {
                account_id: account_id.to_string(),
                links,
                met_at_events,
                events,
                institutional_score: figures.institutional_score,
                institutional_trend,
                institutional_tie: figures.institutional_tie,
            })
        })
        .await?;
    Ok(web::Json(network))
}
