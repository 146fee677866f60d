//! Continuity's HTTP API (actix-web 4): thin handlers (parse → authorise → call → answer),
//! JWT auth, problem documents for every error, OpenAPI.
//!
//! The folders show the parts: `resources/` (one module per resource: its handlers and their
//! request and answer types), `http/` (the plumbing they share: auth, errors, JSON, query and
//! path parsing, ETags, pagination, CORS, headers, the SPA), and beside them the access policy
//! (`access.rs`, every role decision), the OpenAPI document, the shared state and the
//! background refresh (`refresh.rs`).

pub mod access;
pub mod http;
pub mod resources;

// Each module is also reachable by its own name (`crate::error`, `crate::accounts`), so a
// path says what it uses, not which folder holds it.
pub use http::{auth, cors, error, etag, ids, json, language, pagination, query, response_headers, spa};
pub(crate) use http::{control_characters, problem_text, problems};
pub use resources::{
    accounts, audit, briefs, campaigns, complaints, contacts, coverage_policies, departures, events, health,
    import_export, interactions, links, network, people, privacy, risk, settings, team, teams, users,
};
pub mod openapi;
pub mod refresh;
pub mod state;

use actix_web::body::MessageBody;
use actix_web::dev::{HttpServiceFactory, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{web, App};
use utoipa_actix_web::{AppExt, OpenApiFactory};

pub use spa::WebApp;
pub use state::{ApiConfig, AppState};

/// The whole application: API under `/api/v1`, health at the root, the SPA at `/`.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let web_app = state.web_app.clone();
    let cors = cors::middleware(&state.cors_origins);
    let (app, document) = App::new().into_utoipa_app().openapi(openapi::base()).service(api_v1()).split_for_parts();
    // The probes are for the orchestrator, not part of the API the document describes; they
    // were never in it, so they stay plain actix routes.
    let mut app = app
        .app_data(state)
        .app_data(web::Data::new(openapi::Document::new(document)))
        .app_data(problems::query_config())
        .app_data(problems::path_config())
        .route("/healthz", web::get().to(health::healthz))
        .route("/readyz", web::get().to(health::readyz));
    app = match web_app {
        WebApp::Embedded => app.default_service(web::to(spa::embedded)),
        WebApp::Directory(dir) if dir.join("index.html").is_file() => app.service(spa::directory_service(dir)),
        WebApp::Directory(_) | WebApp::ApiOnly => app.default_service(web::to(problems::no_such_route)),
    };
    // Outermost last: the request id is set before the headers are stamped, and the stamp
    // covers the problem documents, CORS answers and the SPA's files; the language is read
    // outside the problem-document handlers, so that it words every problem.
    app.wrap(problems::error_handlers())
        .wrap(actix_web::middleware::from_fn(language::middleware))
        .wrap(cors)
        .wrap(actix_web::middleware::from_fn(response_headers::stamp))
        .wrap(tracing_actix_web::TracingLogger::default())
}

/// The API: the one declaration of its contract. Each handler's route macro names its path and
/// method, its `#[utoipa::path]` the rest, and registering it here also documents it, so the
/// routes and the OpenAPI document (`openapi::generate`) cannot drift apart.
pub(crate) fn api_v1() -> impl HttpServiceFactory + OpenApiFactory + 'static {
    utoipa_actix_web::scope("/api/v1")
        .wrap(actix_web::middleware::from_fn(control_characters::check_query))
        // The document itself is not an operation it lists (it never was); `tests/openapi.rs`
        // checks that every other route here is documented.
        .route("/openapi.json", web::get().to(openapi::serve))
        .service(auth::handlers::login)
        .service(auth::handlers::refresh)
        .service(auth::handlers::logout)
        .service(auth::handlers::me)
        .service(auth::handlers::patch_me)
        .service(users::list)
        .service(users::create)
        .service(users::get)
        .service(users::patch)
        .service(users::get_default_team)
        .service(users::put_default_team)
        .service(teams::list)
        .service(teams::create)
        .service(teams::add_lead)
        .service(teams::remove_lead)
        .service(accounts::list)
        .service(accounts::create)
        .service(accounts::get)
        .service(accounts::patch)
        .service(contacts::list)
        .service(contacts::create)
        .service(team::list)
        .service(team::put)
        .service(team::delete)
        .service(interactions::list)
        .service(interactions::create)
        .service(risk::account)
        .service(briefs::handover_brief)
        .service(briefs::clause_register)
        .service(links::list)
        .service(links::create)
        .service(links::delete)
        .service(network::network)
        .service(events::list)
        .service(events::create)
        .service(events::get)
        .service(events::patch)
        .service(events::delete)
        .service(events::close)
        .service(contacts::get)
        .service(contacts::patch)
        .service(contacts::move_to_account)
        .service(privacy::export)
        .service(privacy::erase)
        .service(interactions::get)
        .service(interactions::patch)
        .service(interactions::add_follow_up)
        .service(complaints::list)
        .service(campaigns::list)
        .service(campaigns::create)
        .service(campaigns::preview)
        .service(campaigns::get)
        .service(campaigns::patch)
        .service(campaigns::delete)
        .service(campaigns::equal_treatment_report)
        .service(campaigns::send)
        .service(audit::list)
        .service(import_export::import)
        .service(import_export::export)
        .service(departures::list)
        .service(departures::create)
        .service(departures::get)
        .service(departures::patch_handover)
        .service(departures::apply)
        .service(departures::cancel)
        .service(coverage_policies::list)
        .service(coverage_policies::create)
        .service(coverage_policies::patch)
        .service(coverage_policies::delete)
        .service(settings::get)
        .service(settings::put)
        .service(risk::summary)
        .service(risk::accounts)
        .service(risk::exposure)
        .service(people::ranking)
        .service(risk::simulate_departure)
        .default_service(web::to(problems::no_such_route_or_method))
}
