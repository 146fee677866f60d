//! Runs the `continuity` binary as a user would — its own folder, database file and port —
//! and asks it over HTTP (reqwest's blocking client).

// Each test binary uses a part of these.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Server {
    child: Child,
    pub folder: PathBuf,
    port: u16,
    /// Everything the process wrote to stdout and stderr, as written.
    output: Arc<Mutex<Vec<u8>>>,
    readers: Vec<std::thread::JoinHandle<()>>,
}

pub struct Answer {
    pub status: u16,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A fresh, empty folder under the system's temporary one.
pub fn empty_folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("continuity-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    folder
}

fn free_port() -> u16 {
    let probe = TcpListener::bind("127.0.0.1:0").expect("a free port");
    probe.local_addr().expect("its address").port()
}

impl Server {
    /// Starts `binary serve` in `folder` with only `PATH` and `env` in its environment (plus a
    /// database file in the folder, a free port and a JWT secret), its output piped, and waits
    /// until `/readyz` answers 200.
    pub fn start(binary: &Path, folder: &Path, env: &[(&str, &str)]) -> Server {
        let port = free_port();
        let mut command = Command::new(binary);
        command
            .arg("serve")
            .current_dir(folder)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("CONTINUITY_DATABASE_URL", folder.join("continuity.sqlite"))
            .env("CONTINUITY_BIND", format!("127.0.0.1:{port}"))
            .env("CONTINUITY_JWT_SECRET", "a-test-secret-of-more-than-32-bytes-0123456789")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("the binary runs");
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut readers = Vec::new();
        let pipes: [Box<dyn Read + Send>; 2] = [
            Box::new(child.stdout.take().expect("piped stdout")),
            Box::new(child.stderr.take().expect("piped stderr")),
        ];
        for mut pipe in pipes {
            let output = Arc::clone(&output);
            readers.push(std::thread::spawn(move || {
                let mut chunk = [0u8; 4096];
                while let Ok(read @ 1..) = pipe.read(&mut chunk) {
                    output.lock().unwrap_or_else(std::sync::PoisonError::into_inner).extend_from_slice(&chunk[..read]);
                }
            }));
        }
        let mut server = Server { child, folder: folder.to_owned(), port, output, readers };
        server.wait_until_ready();
        server
    }

    fn wait_until_ready(&mut self) {
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server stopped ({status}):\n{}", self.output_text());
            }
            if self.try_get("/readyz").is_ok_and(|answer| answer.status == 200) {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "not ready within 60 s:\n{}", self.output_text());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn get(&self, path: &str) -> Answer {
        self.try_get(path).unwrap_or_else(|error| panic!("GET {path}: {error}\n{}", self.output_text()))
    }

    fn try_get(&self, path: &str) -> reqwest::Result<Answer> {
        let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(30)).build()?;
        let response = client.get(format!("http://127.0.0.1:{}{path}", self.port)).send()?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
            .collect();
        let body = response.bytes()?.to_vec();
        Ok(Answer { status, headers, body })
    }

    /// Stops the server (it has written what the test reads by then: log lines are written
    /// whole, as they happen) and hands back its output.
    pub fn stop(mut self) -> Vec<u8> {
        let _ = self.child.kill();
        let _ = self.child.wait();
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
        std::mem::take(&mut *self.output.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    fn output_text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap_or_else(std::sync::PoisonError::into_inner)).into_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
