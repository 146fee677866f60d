//! Continuity's HTTP API (actix-web 4): thin handlers (parse → authorise → store/domain →
//! answer), JWT auth, problem documents for every error, OpenAPI.

pub mod auth;
pub mod error;
pub mod etag;
pub mod health;
pub mod ids;
pub mod json;
pub mod openapi;
pub mod pagination;
mod problems;
mod spa;
pub mod state;
pub mod teams;
pub mod users;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{web, App};

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
    let web_dir = state.web_dir.clone().filter(|dir| dir.join("index.html").is_file());
    let mut app = App::new()
        .app_data(state)
        .app_data(problems::query_config())
        .app_data(problems::path_config())
        .route("/healthz", web::get().to(health::healthz))
        .route("/readyz", web::get().to(health::readyz))
        .service(
            web::scope("/api/v1")
                .route("/openapi.json", web::get().to(openapi::document))
                .route("/auth/login", web::post().to(auth::handlers::login))
                .route("/auth/refresh", web::post().to(auth::handlers::refresh))
                .route("/auth/logout", web::post().to(auth::handlers::logout))
                .route("/me", web::get().to(auth::handlers::me))
                .service(web::resource("/users").get(users::list).post(users::create))
                .service(web::resource("/users/{id}").get(users::get))
                .service(web::resource("/teams").get(teams::list).post(teams::create))
                .default_service(web::to(problems::no_such_route)),
        );
    app = match web_dir {
        Some(dir) => app.service(spa::service(dir)),
        None => app.default_service(web::to(problems::no_such_route)),
    };
    app.wrap(problems::error_handlers())
        .wrap(problems::RequestIdHeader)
        .wrap(tracing_actix_web::TracingLogger::default())
}
