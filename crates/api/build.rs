//! Chooses the web app the binary embeds (see `src/spa.rs`): the built SPA in `web/dist` when
//! it is there, else a page saying it was not built and how to build it. The workspace thus
//! compiles (clippy, the Rust tests) before the web app is built.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(web_app_built)");
    if Path::new("../../web/dist/index.html").is_file() {
        println!("cargo::rustc-cfg=web_app_built");
        // A new build has new asset names, which no `include_bytes!` of the old ones notices.
        println!("cargo::rerun-if-changed=../../web/dist");
    } else {
        // Cargo takes a missing path as changed on every build (a rebuild each time); `web`
        // exists and changes when the build creates `web/dist` in it.
        println!("cargo::rerun-if-changed=../../web");
    }
}
