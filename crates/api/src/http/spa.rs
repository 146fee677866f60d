//! Serves the SPA — the build embedded in the binary, or a directory on disk for development —
//! falling back to `index.html` for client-side routes.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, EntityTag, HttpDate};
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse};
use rust_embed::RustEmbed;

/// Where the SPA comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebApp {
    /// The build embedded at compile time, so that the binary alone is the app.
    Embedded,
    /// A directory holding a build (`CONTINUITY_WEB_DIR`): a fresh `npm run build` is served
    /// without rebuilding the server.
    Directory(PathBuf),
    /// No SPA: unknown paths are problem documents.
    ApiOnly,
}

/// Whether the embedded SPA is the real build; `false` when `web/dist` did not exist at compile
/// time and the binary embeds a page that says how to build it (see `build.rs`).
pub const EMBEDDED_WEB_APP_BUILT: bool = cfg!(web_app_built);

#[derive(RustEmbed)]
#[cfg_attr(web_app_built, folder = "../../web/dist")]
#[cfg_attr(not(web_app_built), folder = "web-app-not-built")]
struct EmbeddedFiles;

const INDEX: &str = "index.html";

/// The static-file service for `dir`; unknown paths get `index.html`.
pub fn directory_service(dir: PathBuf) -> Files {
    let index = dir.join(INDEX);
    Files::new("/", dir).index_file(INDEX).default_handler(fn_service(move |request: ServiceRequest| {
        let index = index.clone();
        async move {
            let (request, _) = request.into_parts();
            let file = NamedFile::open_async(&index).await?;
            let response = file.into_response(&request);
            Ok(ServiceResponse::new(request, response))
        }
    }))
}

/// The embedded file at the request's path, `index.html` for any other path; with an ETag
/// (the content's hash) and `Last-Modified`, answering 304 to a matching `If-None-Match`, as
/// the directory service does.
pub async fn embedded(request: HttpRequest) -> HttpResponse {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return HttpResponse::MethodNotAllowed().insert_header((header::ALLOW, "GET, HEAD")).finish();
    }
    let path = request.path().trim_start_matches('/');
    let file = Some(path).filter(|path| !path.is_empty() && !path.ends_with('/')).and_then(EmbeddedFiles::get);
    let Some(file) = file.or_else(|| EmbeddedFiles::get(INDEX)) else {
        // Only a build without `index.html` gets here; `build.rs` embeds none such.
        return HttpResponse::NotFound().finish();
    };
    let etag = EntityTag::new_strong(hex::encode(file.metadata.sha256_hash()));
    let last_modified = file
        .metadata
        .last_modified()
        .map(|seconds| HttpDate::from(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)));
    let unchanged = not_modified(&request, &etag);
    let mut response = if unchanged { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    response.insert_header((header::CONTENT_TYPE, content_type(file.metadata.mimetype())));
    response.insert_header(header::ETag(etag));
    if let Some(date) = last_modified {
        response.insert_header(header::LastModified(date));
    }
    if unchanged {
        return response.finish();
    }
    response.body(file.data.into_owned())
}

fn not_modified(request: &HttpRequest, etag: &EntityTag) -> bool {
    match request.headers().get(header::IF_NONE_MATCH).and_then(|value| value.to_str().ok()) {
        Some(tags) => tags
            .split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || tag.parse::<EntityTag>().is_ok_and(|candidate| candidate.weak_eq(etag))),
        None => false,
    }
}

/// The guessed type, with the UTF-8 charset on text (Vite writes UTF-8), as the directory
/// service sends it.
fn content_type(mime: &str) -> String {
    let textual = mime.starts_with("text/") || mime == "application/javascript" || mime == "application/json";
    if textual && !mime.contains("charset") {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_types_name_their_charset_and_others_do_not() {
        assert_eq!(content_type("text/html"), "text/html; charset=utf-8");
        assert_eq!(content_type("application/javascript"), "application/javascript; charset=utf-8");
        assert_eq!(content_type("image/png"), "image/png");
    }

    #[test]
    fn the_embedded_web_app_has_an_index_page() {
        assert!(EmbeddedFiles::get(INDEX).is_some());
    }
}
