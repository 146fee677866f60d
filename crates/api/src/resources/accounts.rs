//! `/accounts`: the client accounts a caller may see, with filters, sorting and pagination.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use continuity_domain::continuity::FlagCode;
use continuity_domain::{AccountStatus, Tier};
use continuity_store::accounts::{self, Account, AccountFields, AccountFilter, AccountPosition, AccountSort};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::{self, Intent};
use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::etag::{etag, required_version};
use crate::ids::{field_id, path_id};
use crate::json::{patch_field, ValidJson};
use crate::pagination::{decode_cursor, limit, page_of, Page};
use crate::query::{optional_bool, optional_choice, optional_id, present};
use crate::state::AppState;
use actix_web::{get, patch, post};

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountView {
    pub id: String,
    pub external_id: Option<String>,
    pub name: String,
    #[schema(value_type = String)]
    pub tier: Tier,
    pub region: String,
    pub team_id: String,
    pub annual_value_minor: i64,
    pub currency: String,
    #[schema(value_type = String)]
    pub status: AccountStatus,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The stored risk score (0–100), current with every answered write.
    pub risk_score: i32,
    pub exposure_minor: i64,
    /// The codes of the raised flags.
    #[schema(value_type = Vec<String>)]
    pub flags: Vec<FlagCode>,
    /// The latest conversation with a client contact (an interaction, not a note, in which a
    /// client contact took part): what the `stale` flag reads.
    pub last_contact_at: Option<DateTime<Utc>>,
}

impl From<Account> for AccountView {
    fn from(account: Account) -> AccountView {
        AccountView {
            id: account.id.to_string(),
            external_id: account.fields.external_id,
            name: account.fields.name,
            tier: account.fields.tier,
            region: account.fields.region,
            team_id: account.fields.team_id.to_string(),
            annual_value_minor: account.fields.annual_value_minor,
            currency: account.fields.currency,
            status: account.fields.status,
            version: account.version,
            created_at: account.created_at,
            updated_at: account.updated_at,
            risk_score: account.risk_score,
            exposure_minor: account.exposure_minor,
            flags: account.flags,
            last_contact_at: account.last_contact_at,
        }
    }
}

fn answer(status: actix_web::http::StatusCode, account: Account) -> HttpResponse {
    HttpResponse::build(status).insert_header(("ETag", etag(account.version))).json(AccountView::from(account))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAccount {
    pub name: String,
    #[schema(value_type = String, example = "A")]
    pub tier: Tier,
    pub region: String,
    pub team_id: String,
    pub annual_value_minor: i64,
    pub currency: String,
    pub external_id: Option<String>,
    #[schema(value_type = Option<String>)]
    pub status: Option<AccountStatus>,
}

/// Creates an account. The creator's default team joins it; a member creating an account
/// becomes its owner.
#[utoipa::path(tag = "accounts", request_body = CreateAccount, security(("bearer" = [])),
    responses((status = 201, body = AccountView), (status = 422, body = crate::error::Problem),
        (status = 409, description = "The external id is already taken", body = crate::error::Problem)))]
#[post("/accounts")]
pub async fn create(
    state: web::Data<AppState>,
    caller: CurrentUser,
    body: ValidJson<CreateAccount>,
) -> ApiResult<HttpResponse> {
    let input = body.0;
    let team_id = field_id("team_id", &input.team_id)?;
    let fields = AccountFields {
        external_id: input.external_id.map(|id| id.trim().to_owned()),
        name: input.name,
        tier: input.tier,
        region: input.region,
        team_id,
        annual_value_minor: input.annual_value_minor,
        currency: input.currency,
        status: input.status.unwrap_or(AccountStatus::Active),
    };
    access::may_place_in_team(&caller, team_id)?;
    let account = state
        .run(move |conn| {
            let creator = Some((caller.id, access::creator_becomes_owner(&caller)));
            Ok(accounts::create(conn, &fields, creator, Utc::now())?)
        })
        .await?;
    Ok(answer(actix_web::http::StatusCode::CREATED, account))
}

/// One account.
#[utoipa::path(tag = "accounts", params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = AccountView), (status = 404, body = crate::error::Problem)))]
#[get("/accounts/{id}")]
pub async fn get(state: web::Data<AppState>, caller: CurrentUser, id: web::Path<String>) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let account =
        state.run(move |conn| accounts::get(conn, &access::scope_of(&caller), id)?.ok_or(ApiError::NotFound)).await?;
    Ok(answer(actix_web::http::StatusCode::OK, account))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatchAccount {
    pub name: Option<String>,
    #[schema(value_type = Option<String>)]
    pub tier: Option<Tier>,
    pub region: Option<String>,
    pub team_id: Option<String>,
    pub annual_value_minor: Option<i64>,
    pub currency: Option<String>,
    pub external_id: Option<String>,
    #[schema(value_type = Option<String>)]
    pub status: Option<AccountStatus>,
}

/// Changes an account (send `If-Match` with its `ETag`).
#[utoipa::path(tag = "accounts", params(("id" = String, Path)), request_body = PatchAccount,
    security(("bearer" = [])),
    responses((status = 200, body = AccountView), (status = 412, body = crate::error::Problem), (status = 428, body = crate::error::Problem)))]
#[patch("/accounts/{id}")]
pub async fn patch(
    state: web::Data<AppState>,
    caller: CurrentUser,
    request: HttpRequest,
    id: web::Path<String>,
    body: ValidJson<PatchAccount>,
) -> ApiResult<HttpResponse> {
    let id = path_id(&id)?;
    let patch = body.0;
    let new_team_id = patch.team_id.as_deref().map(|raw| field_id("team_id", raw)).transpose()?;
    let if_match = required_version(&request);
    let account = state
        .run(move |conn| {
            access::account(conn, &caller, id, Intent::Edit)?;
            let expected_version = if_match?;
            let current = accounts::get(conn, &continuity_store::scope::Scope::Firm, id)?.ok_or(ApiError::NotFound)?;
            let mut fields = current.fields.clone();
            patch_field(&mut fields.name, patch.name);
            patch_field(&mut fields.tier, patch.tier);
            patch_field(&mut fields.region, patch.region);
            patch_field(&mut fields.annual_value_minor, patch.annual_value_minor);
            patch_field(&mut fields.currency, patch.currency);
            patch_field(
                &mut fields.external_id,
                patch.external_id.map(|external_id| Some(external_id.trim().to_owned())),
            );
            patch_field(&mut fields.status, patch.status);
            if let Some(team_id) = new_team_id.filter(|team_id| *team_id != current.fields.team_id) {
                access::may_place_in_team(&caller, team_id)?;
                fields.team_id = team_id;
            }
            Ok(accounts::update(conn, id, expected_version, &fields, Some(caller.id), Utc::now())?)
        })
        .await?;
    Ok(answer(actix_web::http::StatusCode::OK, account))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    /// Free-text search in the account name.
    pub q: Option<String>,
    pub team_id: Option<String>,
    pub tier: Option<String>,
    pub region: Option<String>,
    /// Accounts this user owns (open assignment with role `owner`).
    pub owner_id: Option<String>,
    /// Accounts this user is on (any open assignment).
    pub member_id: Option<String>,
    pub status: Option<String>,
    /// A flag code, e.g. `key_person`.
    pub flag: Option<String>,
    /// `true`: accounts with an institutional tie (an organisation-attributed touchpoint in
    /// the last 365 days, or an account link); `false`: those with none.
    pub institutional_tie: Option<String>,
    /// `name` (default), `-name`, `exposure` (largest first), `+exposure`, `score`, `+score`,
    /// `annual_value`, `+annual_value`.
    pub sort: Option<String>,
}

/// Reads the account-list query into a filter and a sort order (shared with `/risk/accounts`).
pub fn filter_and_sort(query: &ListQuery, default_sort: AccountSort) -> Result<(AccountFilter, AccountSort), ApiError> {
    let filter = AccountFilter {
        team_id: optional_id("team_id", query.team_id.as_deref())?,
        tier: optional_choice("tier", query.tier.as_deref())?,
        region: present(query.region.as_deref()).map(str::to_owned),
        owner_id: optional_id("owner_id", query.owner_id.as_deref())?,
        member_id: optional_id("member_id", query.member_id.as_deref())?,
        status: optional_choice("status", query.status.as_deref())?,
        flag: optional_choice("flag", query.flag.as_deref())?,
        institutional_tie: optional_bool("institutional_tie", query.institutional_tie.as_deref())?,
        name_contains: query.q.clone(),
    };
    let sort = match present(query.sort.as_deref()) {
        None => default_sort,
        Some(text) => AccountSort::parse(text)
            .ok_or_else(|| ApiError::invalid("sort", format!("must be one of {}", AccountSort::ACCEPTED)))?,
    };
    Ok((filter, sort))
}

/// Lists the accounts the caller may see.
#[utoipa::path(tag = "accounts", params(ListQuery), security(("bearer" = [])),
    responses((status = 200, body = Page<AccountView>), (status = 422, body = crate::error::Problem)))]
#[get("/accounts")]
pub async fn list(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: web::Query<ListQuery>,
) -> ApiResult<web::Json<Page<AccountView>>> {
    list_sorted(state, caller, query.into_inner(), AccountSort::NameAsc).await.map(web::Json)
}

/// The account list in a default order.
pub async fn list_sorted(
    state: web::Data<AppState>,
    caller: CurrentUser,
    query: ListQuery,
    default_sort: AccountSort,
) -> ApiResult<Page<AccountView>> {
    let limit = limit(query.limit)?;
    let (filter, sort) = filter_and_sort(&query, default_sort)?;
    let after: Option<AccountPosition> = decode_cursor(query.cursor.as_deref())?;
    let scope = access::scope_of(&caller);
    let rows =
        state.run(move |conn| Ok(accounts::list(conn, &scope, &filter, sort, after.as_ref(), limit + 1)?)).await?;
    Ok(page_of(rows, limit, |account| account.position(sort), AccountView::from))
}
