//! Password hashing: argon2id with OWASP's parameters (19 MiB, 2 iterations, 1 lane).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;

fn hasher() -> Argon2<'static> {
    // Params::new only fails on out-of-range values; these are the documented OWASP ones.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string (salt and parameters included).
pub fn hash_password(password: &str) -> Result<String, String> {
    let mut salt_bytes = [0u8; 16];
    rand::fill(&mut salt_bytes);
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| e.to_string())?;
    hasher().hash_password(password.as_bytes(), &salt).map(|hash| hash.to_string()).map_err(|e| e.to_string())
}

/// Whether `password` matches `phc_hash`. A malformed hash never matches.
pub fn verify_password(password: &str, phc_hash: &str) -> bool {
    match PasswordHash::new(phc_hash) {
        Ok(parsed) => hasher().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A password check waiting for a worker: the password, the stored hash, where to answer.
type Check = (String, String, tokio::sync::oneshot::Sender<bool>);

/// The login path's password checks, run on a few long-lived threads of their own (one per
/// core). Each check takes ~19 MiB and tens of milliseconds of CPU: bounding them keeps a
/// burst of logins from starving reads of CPU and connections, and keeping them on the same
/// threads keeps that memory in those threads' allocator arenas instead of spreading a copy
/// over every thread of the blocking pool.
pub struct PasswordChecks {
    queue: std::sync::mpsc::SyncSender<Check>,
    /// Checks finished so far: the proof that a login for an unknown e-mail does the same
    /// argon2 work as one with a wrong password.
    completed: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl PasswordChecks {
    /// At most this many checks wait; beyond it a login is answered "unavailable".
    const QUEUE: usize = 4_096;

    pub fn new(workers: usize) -> Result<PasswordChecks, String> {
        let (queue, receiver) = std::sync::mpsc::sync_channel::<Check>(Self::QUEUE);
        let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
        let completed = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        for index in 0..workers.max(1) {
            let receiver = receiver.clone();
            let completed = completed.clone();
            std::thread::Builder::new()
                .name(format!("password-check-{index}"))
                .spawn(move || loop {
                    let next = receiver.lock().unwrap_or_else(std::sync::PoisonError::into_inner).recv();
                    let Ok((password, hash, answer)) = next else { return };
                    let matches = verify_password(&password, &hash);
                    completed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    // The login may have given up waiting; nothing to do then.
                    let _ = answer.send(matches);
                })
                .map_err(|e| e.to_string())?;
        }
        Ok(PasswordChecks { queue, completed })
    }

    /// How many password checks have finished since start-up.
    pub fn completed(&self) -> u64 {
        self.completed.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether `password` matches `hash`; `None` when the queue is full or the workers are gone.
    pub async fn verify(&self, password: String, hash: String) -> Option<bool> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.queue.try_send((password, hash, answer)).ok()?;
        answered.await.ok()
    }
}

/// Checks a new password's length; answers the reason it is refused.
pub fn check_new_password(password: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(format!("must be at least {MIN_PASSWORD_CHARS} characters"));
    }
    if chars > 256 {
        return Err("must be at most 256 characters".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hash = hash_password("correct horse battery").expect("hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse battery!", &hash));
        assert!(!verify_password("x", "not a hash"));
    }
}
