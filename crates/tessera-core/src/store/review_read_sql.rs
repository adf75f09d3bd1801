//! Reading reviews: an asset's latest review with its stages, reviewers and decisions; the queue of reviews waiting
//! for a person (by the reviewer index, sorted by due time); comments; notifications. Comments are written here too
//! (one row and its audit event per comment).

use super::assets_write::db_fail;
use super::audit_sql::{append, NewEvent};
use super::Store;
use crate::domain::review::{Decision, Outcome};
use crate::domain::review_view::{mentions, Comment, DecisionView, Pin, Queue, QueueItem, ReviewView, StageView};
use crate::domain::{AssetId, Role};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension};

/// The reviews a person may decide now: active stages naming them or their role, without their decision yet.
const WAITING: &str = "FROM review_stages s
     JOIN reviews v ON v.id = s.review_id AND v.state = 'open'
     WHERE s.state = 'active'
       AND EXISTS (SELECT 1 FROM review_reviewers r WHERE r.review_id = s.review_id AND r.idx = s.idx
                     AND ((r.kind = 'person' AND r.name = ?1) OR (r.kind = 'role' AND r.name = ?2)))
       AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.review_id = s.review_id AND d.idx = s.idx
                         AND d.reviewer = ?1)";

/// When a waiting review is due: the stage's time, else the end of the review's due day (UTC).
const DUE: &str = "coalesce(s.due_at, CAST(strftime('%s', v.due, '+1 day') AS INTEGER))";

impl Store {
    /// The asset's latest review (open or closed), if it ever had one.
    pub fn review_of(&self, asset: AssetId) -> Result<Option<ReviewView>> {
        let conn = self.reader()?;
        let fail = self.fail();
        let head = conn
            .prepare_cached(
                "SELECT v.id, v.round, t.name, v.state, v.outcome, v.submitted_by, v.submitted_at, v.message, v.due
                 FROM reviews v JOIN review_templates t ON t.id = v.template_id
                 WHERE v.asset_id = ?1 ORDER BY v.id DESC LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(params![asset.0], |r| {
                    Ok(ReviewView {
                        id: r.get(0)?,
                        asset,
                        round: r.get(1)?,
                        template: r.get(2)?,
                        state: r.get(3)?,
                        outcome: r.get::<_, Option<String>>(4)?.as_deref().and_then(Outcome::parse),
                        submitted_by: r.get(5)?,
                        submitted_at: r.get(6)?,
                        message: r.get(7)?,
                        due: r.get(8)?,
                        stages: Vec::new(),
                    })
                })
                .optional()
            })
            .map_err(&fail)?;
        let Some(mut review) = head else { return Ok(None) };
        review.stages = stages_of(&conn, review.id).map_err(&fail)?;
        Ok(Some(review))
    }

    /// The reviews waiting for `actor` (or their role), soonest due first, at most `limit`.
    pub fn review_queue(&self, actor: &str, role: Role, now: i64, limit: u32) -> Result<Queue> {
        let conn = self.reader()?;
        let fail = self.fail();
        let (total, overdue): (u64, u64) = conn
            .prepare_cached(&format!("SELECT count(*), ifnull(sum({DUE} < ?3), 0) {WAITING}"))
            .and_then(|mut st| st.query_row(params![actor, role.key(), now], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(&fail)?;
        let sql = format!(
            "SELECT v.id, v.asset_id, a.name, (SELECT hash FROM files WHERE id = a.current_file_id), s.name,
                    v.submitted_by, v.submitted_at, v.message, {DUE}
             {}
             ORDER BY {DUE} IS NULL, {DUE}, v.id LIMIT ?3",
            WAITING.replacen("WHERE", "JOIN assets a ON a.id = v.asset_id WHERE", 1)
        );
        let items = conn
            .prepare_cached(&sql)
            .and_then(|mut st| {
                st.query_map(params![actor, role.key(), limit], |r| {
                    Ok(QueueItem {
                        review: r.get(0)?,
                        asset: AssetId(r.get(1)?),
                        name: r.get(2)?,
                        hash: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                        stage: r.get(4)?,
                        submitted_by: r.get(5)?,
                        submitted_at: r.get(6)?,
                        message: r.get(7)?,
                        due_at: r.get(8)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(&fail)?;
        Ok(Queue { total, overdue, items })
    }

    /// Decisions made in the last `days` days on reviews `submitter` submitted, newest first.
    pub fn decisions_on_submissions(&self, submitter: &str, since: i64) -> Result<Vec<(i64, AssetId, DecisionView)>> {
        let conn = self.reader()?;
        conn.prepare_cached(
            "SELECT v.id, v.asset_id, d.reviewer, d.decision, d.comment, d.at FROM review_decisions d
             JOIN reviews v ON v.id = d.review_id
             WHERE v.submitted_by = ?1 AND d.at >= ?2 AND d.reviewer != ?1 ORDER BY d.at DESC LIMIT 200",
        )
        .and_then(|mut st| {
            st.query_map(params![submitter, since], |r| {
                let decision = Decision::parse(&r.get::<_, String>(3)?).unwrap_or(Decision::Approve);
                Ok((
                    r.get(0)?,
                    AssetId(r.get(1)?),
                    DecisionView { reviewer: r.get(2)?, decision, comment: r.get(4)?, at: r.get(5)? },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(self.fail())
    }

    /// Adds a comment to `asset` (on its open review and current version), optionally pinned and as a reply.
    pub fn add_comment(
        &self,
        asset: AssetId,
        body: &str,
        pin: Option<Pin>,
        parent: Option<i64>,
        author: &str,
        at: i64,
    ) -> Result<Comment> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let file: Option<Option<i64>> = tx
                .query_row("SELECT current_file_id FROM assets WHERE id = ?1", params![asset.0], |r| r.get(0))
                .optional()
                .map_err(&fail)?;
            let file = file.ok_or(Error::AssetNotFound(asset.0))?;
            if let Some(p) = parent {
                let on: Option<i64> = tx
                    .query_row("SELECT asset_id FROM comments WHERE id = ?1", params![p], |r| r.get(0))
                    .optional()
                    .map_err(&fail)?;
                if on != Some(asset.0) {
                    return Err(Error::InvalidComment(format!("comment {p} is not a comment on asset {}", asset.0)));
                }
            }
            let review: Option<i64> = tx
                .query_row("SELECT id FROM reviews WHERE asset_id = ?1 AND state = 'open'", params![asset.0], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(&fail)?;
            let (x, y, w, h) = match pin {
                None => (None, None, None, None),
                Some(Pin::Point { x, y }) => (Some(x), Some(y), None, None),
                Some(Pin::Rect { x, y, w, h }) => (Some(x), Some(y), Some(w), Some(h)),
            };
            tx.prepare_cached(
                "INSERT INTO comments (asset_id, review_id, file_id, parent_id, author, body, x, y, w, h, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .and_then(|mut st| st.execute(params![asset.0, review, file, parent, author, body, x, y, w, h, at]))
            .map_err(&fail)?;
            let id = tx.last_insert_rowid();
            let detail = serde_json::json!({ "comment": id, "review": review, "body": body, "parent": parent,
                                             "pin": [x, y, w, h] });
            append(tx, &NewEvent { at, actor: author, action: "comment", assets: &[asset.0], detail: &detail })?;
            comment_by_id(tx, id).map_err(&fail)
        })
    }

    /// Marks a comment resolved; returns it.
    pub fn resolve_comment(&self, id: i64, by: &str, at: i64) -> Result<Comment> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let asset: Option<i64> = tx
                .query_row("SELECT asset_id FROM comments WHERE id = ?1", params![id], |r| r.get(0))
                .optional()
                .map_err(&fail)?;
            let asset = asset.ok_or_else(|| Error::InvalidComment(format!("there is no comment {id}")))?;
            tx.execute(
                "UPDATE comments SET resolved_at = ?2, resolved_by = ?3 WHERE id = ?1 AND resolved_at IS NULL",
                params![id, at, by],
            )
            .map_err(&fail)?;
            let detail = serde_json::json!({ "comment": id });
            append(tx, &NewEvent { at, actor: by, action: "resolve", assets: &[asset], detail: &detail })?;
            comment_by_id(tx, id).map_err(&fail)
        })
    }

    /// Every comment on `asset`, oldest first (replies after the comments they answer, by id).
    pub fn comments(&self, asset: AssetId) -> Result<Vec<Comment>> {
        let conn = self.reader()?;
        conn.prepare_cached(&format!("{COMMENT_COLUMNS} WHERE c.asset_id = ?1 ORDER BY c.id"))
            .and_then(|mut st| st.query_map(params![asset.0], comment_row)?.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())
    }

    /// Unresolved comments mentioning `name`, newest first.
    pub fn mentions_of(&self, name: &str) -> Result<Vec<Comment>> {
        let conn = self.reader()?;
        let like = format!("%@{name}%");
        let found = conn
            .prepare_cached(&format!(
                "{COMMENT_COLUMNS} WHERE c.body LIKE ?1 AND c.resolved_at IS NULL ORDER BY c.id DESC LIMIT 200"
            ))
            .and_then(|mut st| st.query_map(params![like], comment_row)?.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(found.into_iter().filter(|c| c.mentions.iter().any(|m| m.eq_ignore_ascii_case(name))).collect())
    }
}

const COMMENT_COLUMNS: &str = "SELECT c.id, c.asset_id, c.review_id,
        (SELECT count(*) FROM files f WHERE f.asset_id = c.asset_id AND f.id <= c.file_id), c.parent_id, c.author,
        c.body, c.x, c.y, c.w, c.h, c.created_at, c.resolved_at, c.resolved_by FROM comments c";

fn comment_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Comment> {
    let body: String = r.get(6)?;
    Ok(Comment {
        id: r.get(0)?,
        asset: AssetId(r.get(1)?),
        review: r.get(2)?,
        version: r.get::<_, Option<u32>>(3)?.filter(|v| *v > 0),
        parent: r.get(4)?,
        author: r.get(5)?,
        mentions: mentions(&body),
        body,
        x: r.get(7)?,
        y: r.get(8)?,
        w: r.get(9)?,
        h: r.get(10)?,
        created_at: r.get(11)?,
        resolved_at: r.get(12)?,
        resolved_by: r.get(13)?,
    })
}

fn comment_by_id(conn: &Connection, id: i64) -> rusqlite::Result<Comment> {
    conn.query_row(&format!("{COMMENT_COLUMNS} WHERE c.id = ?1"), params![id], comment_row)
}

fn stages_of(conn: &Connection, review: i64) -> rusqlite::Result<Vec<StageView>> {
    let mut stages: Vec<StageView> = conn
        .prepare_cached(
            "SELECT idx, name, state, outcome, due_at FROM review_stages WHERE review_id = ?1 ORDER BY idx",
        )?
        .query_map(params![review], |r| {
            Ok(StageView {
                index: r.get(0)?,
                name: r.get(1)?,
                state: r.get(2)?,
                outcome: r.get::<_, Option<String>>(3)?.as_deref().and_then(Outcome::parse),
                reviewers: Vec::new(),
                decisions: Vec::new(),
                due_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for stage in &mut stages {
        stage.reviewers = conn
            .prepare_cached(
                "SELECT CASE kind WHEN 'role' THEN 'role:' || name ELSE name END FROM review_reviewers
                 WHERE review_id = ?1 AND idx = ?2 ORDER BY kind DESC, name",
            )?
            .query_map(params![review, stage.index], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        stage.decisions = conn
            .prepare_cached(
                "SELECT reviewer, decision, comment, at FROM review_decisions WHERE review_id = ?1 AND idx = ?2 ORDER BY at",
            )?
            .query_map(params![review, stage.index], |r| {
                Ok(DecisionView {
                    reviewer: r.get(0)?,
                    decision: Decision::parse(&r.get::<_, String>(1)?).unwrap_or(Decision::Approve),
                    comment: r.get(2)?,
                    at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(stages)
}
