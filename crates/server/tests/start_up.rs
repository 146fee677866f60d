//! The binary refuses to start on settings that would make it unsafe, with a message that says
//! what to fix: a JWT secret shorter than 32 bytes (in every mode), none outside demo mode, a
//! CORS origin that is not a plain origin, a log format it does not know. Each run points at a
//! database file that must not be created, so a refusal is known to come before anything is
//! opened.

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

struct Run {
    /// `None` when it was still running after 30 s (it started serving) and was killed.
    status: Option<ExitStatus>,
    stderr: String,
    created_database: bool,
}

fn start(name: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let database = std::env::temp_dir().join(format!("continuity-start-up-{}-{name}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&database);
    let mut command = Command::new(env!("CARGO_BIN_EXE_continuity"));
    command.args(args).env_clear().env("PATH", std::env::var("PATH").unwrap_or_default());
    command.env("CONTINUITY_DATABASE_URL", &database).env("CONTINUITY_BIND", "127.0.0.1:0");
    command.envs(env.iter().copied());
    let mut child = command.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("the binary runs");
    let started = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait") {
            Some(status) => break Some(status),
            None if started.elapsed() > Duration::from_secs(30) => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    let created_database = database.exists();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    Run { status, stderr, created_database }
}

fn assert_refused(name: &str, args: &[&str], env: &[(&str, &str)], message: &str) {
    let run = start(name, args, env);
    assert!(run.status.is_some_and(|status| !status.success()), "{args:?} {env:?} started: {}", run.stderr);
    assert!(run.stderr.contains(message), "{args:?} {env:?}: expected `{message}` in: {}", run.stderr);
    assert!(!run.created_database, "{args:?} {env:?} opened the database before refusing");
}

#[test]
fn a_jwt_secret_shorter_than_32_bytes_is_refused_in_every_mode() {
    let short = "0123456789abcdef0123456789abcde"; // 31 bytes
    for (name, args) in [("serve", &["serve"][..]), ("demo", &["serve", "--demo"][..])] {
        assert_refused(
            name,
            args,
            &[("CONTINUITY_JWT_SECRET", short)],
            "CONTINUITY_JWT_SECRET must be at least 32 bytes",
        );
    }
}

#[test]
fn no_jwt_secret_is_refused_outside_demo_mode() {
    assert_refused("unset", &["serve"], &[], "CONTINUITY_JWT_SECRET is not set");
}

#[test]
fn a_cors_origin_with_a_wildcard_or_path_is_refused() {
    let secret = ("CONTINUITY_JWT_SECRET", "0123456789abcdef0123456789abcdef");
    for origins in ["*", "https://crm.example.com/app", "https://ok.example.com, crm.example.com"] {
        assert_refused("cors", &["serve"], &[secret, ("CONTINUITY_CORS_ORIGINS", origins)], "CONTINUITY_CORS_ORIGINS");
    }
}

#[test]
fn a_log_format_other_than_text_or_json_is_refused() {
    let secret = ("CONTINUITY_JWT_SECRET", "0123456789abcdef0123456789abcdef");
    assert_refused(
        "log-format",
        &["serve"],
        &[secret, ("CONTINUITY_LOG_FORMAT", "xml")],
        "CONTINUITY_LOG_FORMAT must be `text` or `json`, got `xml`",
    );
}
