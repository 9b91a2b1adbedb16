//! Published files built once: a pool's `.pb` is made from every counted ballot, so it
//! is built the first time it is asked for after a result is stored, kept in the
//! database under that result (so every web node serves the same bytes), and held in a
//! small memory cache from which each download is streamed without a copy.

use super::results::{ballot_proposals, pool_instance, publishes_ballots};
use crate::{App, AppError};
use bytes::Bytes;
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use wspolnota_store::budget::{self as store, Pool, Round};
use wspolnota_store::StoreError;

/// A file ready to be served: its bytes and the tag that names exactly them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// A strong entity tag, quoted as `ETag` wants it.
    pub etag: String,
    pub body: Bytes,
}

impl Export {
    fn new(body: Vec<u8>) -> Export {
        let digest = Sha256::digest(&body);
        Export {
            etag: format!("\"{}\"", hex::encode(&digest[..16])),
            body: Bytes::from(body),
        }
    }
}

const KIND_PB: &str = "pb";
/// The memory cache holds at most this many files and this many bytes; the database
/// keeps them all.
const CACHED_FILES: usize = 16;
const CACHED_BYTES: usize = 128 * 1024 * 1024;

/// A pool and the result its file follows.
type ExportKey = (i64, i64);

/// Files recently served by this node, oldest first.
#[derive(Default)]
pub(crate) struct ExportCache {
    entries: Mutex<VecDeque<(ExportKey, Arc<Export>)>>,
    /// One build at a time, so a burst of first downloads builds a file once.
    building: tokio::sync::Mutex<()>,
}

impl ExportCache {
    fn get(&self, key: ExportKey) -> Option<Arc<Export>> {
        let entries = self.entries.lock().ok()?;
        entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, e)| e.clone())
    }

    fn put(&self, key: ExportKey, export: Arc<Export>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        entries.retain(|(k, _)| *k != key);
        entries.push_back((key, export));
        let mut total: usize = entries.iter().map(|(_, e)| e.body.len()).sum();
        while entries.len() > CACHED_FILES || (total > CACHED_BYTES && entries.len() > 1) {
            if let Some((_, old)) = entries.pop_front() {
                total -= old.body.len();
            }
        }
    }
}

impl App {
    /// The pool's counted ballots as a pabulib file, built once per stored result (see
    /// [`App::pool_pabulib`] for what it holds). A pool with too few voters to hide
    /// among publishes no file: `NotFound`.
    pub async fn pool_pabulib_file(
        &self,
        round: &Round,
        pool: &Pool,
    ) -> Result<Arc<Export>, AppError> {
        let result = {
            let mut c = self.store.read().await?;
            store::latest_result_id(&mut c, pool.id).await?
        };
        let Some(result) = result else {
            // Not counted yet: nothing to keep a file under.
            let text = self.pool_pabulib(round, pool).await?;
            return Ok(Arc::new(Export::new(text.into_bytes())));
        };
        let key = (pool.id, result);
        if let Some(hit) = self.exports.get(key) {
            return Ok(hit);
        }
        let _turn = self.exports.building.lock().await;
        if let Some(hit) = self.exports.get(key) {
            return Ok(hit);
        }
        let export = match self.stored_export(key).await? {
            Some(stored) => stored,
            None => {
                let built = Export::new(self.build_pabulib(round, pool).await?.into_bytes());
                let mut tx = self.store.begin().await?;
                store::insert_export(&mut tx, key.0, key.1, KIND_PB, &built.etag, &built.body)
                    .await?;
                tx.commit().await.map_err(StoreError::from)?;
                // Another node may have stored its file first; serve that one.
                self.stored_export(key).await?.unwrap_or(built)
            }
        };
        let export = Arc::new(export);
        self.exports.put(key, export.clone());
        Ok(export)
    }

    async fn stored_export(&self, (pool, result): ExportKey) -> Result<Option<Export>, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::export(&mut c, pool, result, KIND_PB)
            .await?
            .map(|(etag, body)| Export {
                etag,
                body: Bytes::from(body),
            }))
    }

    /// Builds the file from the stored ballots; `NotFound` for a pool too small to
    /// publish single ballots.
    pub(super) async fn build_pabulib(
        &self,
        round: &Round,
        pool: &Pool,
    ) -> Result<String, AppError> {
        let mut c = self.store.read().await?;
        if !publishes_ballots(round, store::count_voters(&mut c, pool.id).await?) {
            return Err(AppError::NotFound);
        }
        let proposals = ballot_proposals(&mut c, round, pool).await?;
        let ballots = store::ballots(&mut c, pool.id).await?;
        let space = wspolnota_store::spaces::by_id(&mut c, round.space_id).await?;
        pool_instance(&space.name, round, pool, &proposals, &ballots)
    }
}
