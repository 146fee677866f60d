//! Serves the built SPA from a directory, falling back to `index.html` for client-side routes.

use std::path::PathBuf;

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};

/// The static-file service for `dir`; unknown paths get `index.html`.
pub fn service(dir: PathBuf) -> Files {
    let index = dir.join("index.html");
    Files::new("/", dir).index_file("index.html").default_handler(fn_service(move |request: ServiceRequest| {
        let index = index.clone();
        async move {
            let (request, _) = request.into_parts();
            let file = NamedFile::open_async(&index).await?;
            let response = file.into_response(&request);
            Ok(ServiceResponse::new(request, response))
        }
    }))
}
