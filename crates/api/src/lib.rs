//! Continuity's HTTP API (actix-web 4): thin handlers (parse → authorise → store/domain →
//! answer), JWT auth, problem documents for every error, OpenAPI.

pub mod access;
pub mod accounts;
pub mod audit;
pub mod auth;
pub mod briefs;
pub mod campaigns;
pub mod complaints;
pub mod contacts;
mod control_characters;
pub mod cors;
pub mod coverage_policies;
pub mod departures;
pub mod error;
pub mod etag;
pub mod events;
pub mod health;
pub mod ids;
pub mod import_export;
pub mod interactions;
pub mod json;
pub mod links;
pub mod network;
pub mod openapi;
pub mod pagination;
pub mod privacy;
mod problems;
pub mod query;
pub mod response_headers;
pub mod risk;
pub mod spa;
pub mod state;
pub mod team;
pub mod teams;
pub mod users;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{web, App};

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
    let mut app = App::new()
        .app_data(state)
        .app_data(problems::query_config())
        .app_data(problems::path_config())
        .route("/healthz", web::get().to(health::healthz))
        .route("/readyz", web::get().to(health::readyz))
        .service(
            web::scope("/api/v1")
                .wrap(actix_web::middleware::from_fn(control_characters::check_query))
                .route("/openapi.json", web::get().to(openapi::document))
                .route("/auth/login", web::post().to(auth::handlers::login))
                .route("/auth/refresh", web::post().to(auth::handlers::refresh))
                .route("/auth/logout", web::post().to(auth::handlers::logout))
                .route("/me", web::get().to(auth::handlers::me))
                .service(web::resource("/users").get(users::list).post(users::create))
                .service(web::resource("/users/{id}").get(users::get).patch(users::patch))
                .service(
                    web::resource("/users/{id}/default-team").get(users::get_default_team).put(users::put_default_team),
                )
                .service(web::resource("/teams").get(teams::list).post(teams::create))
                .service(web::resource("/teams/{id}/leads/{user_id}").put(teams::add_lead))
                .service(web::resource("/accounts").get(accounts::list).post(accounts::create))
                .service(web::resource("/accounts/{id}").get(accounts::get).patch(accounts::patch))
                .service(web::resource("/accounts/{id}/contacts").get(contacts::list).post(contacts::create))
                .service(web::resource("/accounts/{id}/team").get(team::list))
                .service(web::resource("/accounts/{id}/team/{user_id}").put(team::put).delete(team::delete))
                .service(
                    web::resource("/accounts/{id}/interactions").get(interactions::list).post(interactions::create),
                )
                .service(web::resource("/accounts/{id}/risk").get(risk::account))
                .service(web::resource("/accounts/{id}/handover-brief").get(briefs::handover_brief))
                .service(web::resource("/clauses").get(briefs::clause_register))
                .service(web::resource("/accounts/{id}/links").get(links::list).post(links::create))
                .service(web::resource("/accounts/{id}/links/{link_id}").delete(links::delete))
                .service(web::resource("/accounts/{id}/network").get(network::network))
                .service(web::resource("/events").get(events::list).post(events::create))
                .service(web::resource("/events/{id}").get(events::get).patch(events::patch).delete(events::delete))
                .service(web::resource("/events/{id}/close").post(events::close))
                .service(web::resource("/contacts/{id}").get(contacts::get).patch(contacts::patch))
                .service(web::resource("/contacts/{id}/move").post(contacts::move_to_account))
                .service(web::resource("/contacts/{id}/export").get(privacy::export))
                .service(web::resource("/contacts/{id}/erase").post(privacy::erase))
                .service(web::resource("/interactions/{id}").get(interactions::get).patch(interactions::patch))
                .service(web::resource("/interactions/{id}/follow-ups").post(interactions::add_follow_up))
                .service(web::resource("/complaints").get(complaints::list))
                .service(web::resource("/campaigns").get(campaigns::list).post(campaigns::create))
                .service(web::resource("/campaigns/preview").post(campaigns::preview))
                .service(
                    web::resource("/campaigns/{id}")
                        .get(campaigns::get)
                        .patch(campaigns::patch)
                        .delete(campaigns::delete),
                )
                .service(web::resource("/campaigns/{id}/report").get(campaigns::report))
                .service(web::resource("/campaigns/{id}/send").post(campaigns::send))
                .service(web::resource("/audit").get(audit::list))
                .service(web::resource("/import/{kind}").post(import_export::import))
                .service(web::resource("/export/{kind}").get(import_export::export))
                .service(web::resource("/departures").get(departures::list).post(departures::create))
                .service(web::resource("/departures/{id}").get(departures::get))
                .service(web::resource("/departures/{id}/handovers/{account_id}").patch(departures::patch_handover))
                .service(web::resource("/departures/{id}/apply").post(departures::apply))
                .service(
                    web::resource("/coverage-policies").get(coverage_policies::list).post(coverage_policies::create),
                )
                .service(
                    web::resource("/coverage-policies/{id}")
                        .patch(coverage_policies::patch)
                        .delete(coverage_policies::delete),
                )
                .service(web::resource("/risk/summary").get(risk::summary))
                .service(web::resource("/risk/accounts").get(risk::accounts))
                .service(web::resource("/users/{id}/exposure").get(risk::exposure))
                .service(web::resource("/simulations/departure").post(risk::simulate_departure))
                .default_service(web::to(problems::no_such_route)),
        );
    app = match web_app {
        WebApp::Embedded => app.default_service(web::to(spa::embedded)),
        WebApp::Directory(dir) if dir.join("index.html").is_file() => app.service(spa::directory_service(dir)),
        WebApp::Directory(_) | WebApp::ApiOnly => app.default_service(web::to(problems::no_such_route)),
    };
    // Outermost last: the request id is set before the headers are stamped, and the stamp
    // covers the problem documents, CORS answers and the SPA's files.
    app.wrap(problems::error_handlers())
        .wrap(cors)
        .wrap(actix_web::middleware::from_fn(response_headers::stamp))
        .wrap(tracing_actix_web::TracingLogger::default())
}
