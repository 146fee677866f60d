//! Runs the `continuity` binary as a user would — its own folder, database file and port —
//! and speaks plain HTTP/1.1 to it (the few requests the tests need do not call for a client
//! library).

// Each test binary uses a part of these.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
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

    fn try_get(&self, path: &str) -> std::io::Result<Answer> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n", self.port)?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw)?;
        parse(&raw).ok_or_else(|| std::io::Error::other(format!("not HTTP: {}", String::from_utf8_lossy(&raw))))
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

fn parse(raw: &[u8]) -> Option<Answer> {
    let split = raw.windows(4).position(|window| window == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: HashMap<String, String> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.get("transfer-encoding").is_some_and(|coding| coding.contains("chunked")) {
        body = unchunk(&body)?;
    }
    Some(Answer { status, headers, body })
}

fn unchunk(mut chunked: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let end = chunked.windows(2).position(|window| window == b"\r\n")?;
        let size =
            usize::from_str_radix(std::str::from_utf8(&chunked[..end]).ok()?.split(';').next()?.trim(), 16).ok()?;
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(chunked.get(end + 2..end + 2 + size)?);
        chunked = chunked.get(end + 4 + size..)?;
    }
}
