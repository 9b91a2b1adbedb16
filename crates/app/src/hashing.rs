//! Where passwords are hashed: a fixed set of threads, one per hashing slot.
//!
//! argon2id takes 19 MiB per hash. Run on tokio's blocking pool, each hash may land on
//! another thread, and the allocator keeps a 19 MiB block in every thread's arena
//! afterwards: a flood of logins, though hashed one at a time, left the server at
//! 470 MiB. On a few threads of their own the blocks are reused, so memory stays at
//! one block per slot.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce() + Send>;

pub(crate) struct HashPool {
    jobs: Mutex<mpsc::Sender<Job>>,
}

impl HashPool {
    pub(crate) fn new(threads: usize) -> HashPool {
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads.max(1) {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("wsp-hash-{i}"))
                .spawn(move || loop {
                    let job = match rx.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        // The app is gone.
                        Err(_) => return,
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a hashing thread");
            }
        }
        HashPool {
            jobs: Mutex::new(tx),
        }
    }

    /// Runs `work` on a hashing thread. Callers hold a hashing slot, so no more jobs
    /// wait here than there are threads.
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        let (tell, told) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = tell.send(work());
        });
        self.jobs.lock().ok()?.send(job).ok()?;
        told.await.ok()
    }
}
