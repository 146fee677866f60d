//! Logs written to a pipe or a file carry no terminal colour codes, and
//! `CONTINUITY_LOG_FORMAT=json` writes one JSON object per line. (A value other than `text` or
//! `json` is refused at start: see `start_up.rs`.)

mod common;

use std::path::Path;

use common::{empty_folder, Server};

/// The output of a server that started, answered a few requests and was stopped.
fn log_of_a_short_run(name: &str, env: &[(&str, &str)]) -> String {
    let folder = empty_folder(name);
    let server = Server::start(Path::new(env!("CARGO_BIN_EXE_continuity")), &folder, env);
    for path in ["/healthz", "/api/v1/me", "/api/v1/nowhere"] {
        server.get(path);
    }
    let output = server.stop();
    assert!(!output.contains(&0x1b), "colour codes in piped output:\n{}", String::from_utf8_lossy(&output));
    String::from_utf8(output).expect("the log is UTF-8")
}

#[test]
fn piped_text_logs_have_no_colour_codes() {
    let log = log_of_a_short_run("logs-text", &[]);
    assert!(log.contains("INFO") && log.contains("serving"), "{log}");
    assert!(log.contains("/api/v1/me"), "the refused request is logged: {log}");
}

#[test]
fn json_logs_are_one_object_per_line() {
    let log = log_of_a_short_run("logs-json", &[("CONTINUITY_LOG_FORMAT", "json")]);
    let lines: Vec<&str> = log.lines().filter(|line| !line.trim().is_empty()).collect();
    assert!(lines.len() >= 2, "{log}");
    for line in &lines {
        let object: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|error| panic!("not JSON ({error}): {line}"));
        assert!(object.is_object() && object["level"].is_string(), "{line}");
    }
    assert!(lines.iter().any(|line| line.contains("\"serving\"")), "{log}");
    assert!(lines.iter().any(|line| line.contains("/api/v1/me")), "the refused request is logged: {log}");
}
