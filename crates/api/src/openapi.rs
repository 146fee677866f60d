//! The OpenAPI 3 document, generated from the handlers' annotations and served at
//! `/api/v1/openapi.json`.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{
    accounts, audit, auth, briefs, campaigns, complaints, contacts, coverage_policies, departures, error, events,
    import_export, interactions, links, network, privacy, risk, team, teams, users,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "Continuity API", version = "1", description = "Customer-relationship continuity: accounts, their people, and the risk that loyalty hangs on one person."),
    paths(
        auth::handlers::login,
        auth::handlers::refresh,
        auth::handlers::logout,
        auth::handlers::me,
        users::create,
        users::list,
        users::get,
        users::patch,
        users::get_default_team,
        users::put_default_team,
        coverage_policies::list,
        departures::create,
        briefs::handover_brief,
        briefs::clause_register,
        departures::list,
        departures::get,
        departures::patch_handover,
        departures::apply,
        coverage_policies::create,
        coverage_policies::patch,
        coverage_policies::delete,
        teams::create,
        teams::list,
        teams::add_lead,
        accounts::create,
        accounts::list,
        accounts::get,
        accounts::patch,
        contacts::list,
        contacts::create,
        contacts::get,
        contacts::patch,
        contacts::move_to_account,
        privacy::export,
        privacy::erase,
        team::list,
        team::put,
        team::delete,
        interactions::create,
        interactions::list,
        interactions::get,
        interactions::patch,
        interactions::add_follow_up,
        complaints::list,
        campaigns::create,
        campaigns::preview,
        campaigns::list,
        campaigns::get,
        campaigns::patch,
        campaigns::delete,
        campaigns::report,
        campaigns::send,
        risk::account,
        links::list,
        links::create,
        links::delete,
        network::network,
        events::create,
        events::list,
        events::get,
        events::patch,
        events::close,
        events::delete,
        risk::summary,
        risk::accounts,
        risk::exposure,
        risk::simulate_departure,
        audit::list,
        import_export::import,
        import_export::export,
    ),
    components(schemas(error::Problem)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

pub async fn document() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().json(ApiDoc::openapi())
}
