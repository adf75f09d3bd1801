//! Reviews in SQL: templates, submitting assets (a review per asset with its stages and reviewers copied from the
//! template, the asset moved to in review), deciding (one decision per reviewer per stage, changeable until the stage
//! closes; a closed stage starts the stages waiting for it, or ends the review; the asset moves with the outcome),
//! handing a person's pending reviews to another, and a new round when a new version arrives. Each change is one
//! IMMEDIATE transaction with its audit event and the lifecycle move it causes.

use super::assets_write::db_fail;
use super::audit_sql::{append, NewEvent};
use super::lifecycle_sql::move_in;
use super::Store;
use crate::domain::lifecycle::Status;
use crate::domain::review::{parse_template, stage_outcome, Decision, Outcome, Rule, Template};
use crate::domain::review_view::Decided;
use crate::domain::{AssetId, Role};
use crate::error::{Error, Result};
use rusqlite::{params, OptionalExtension, Transaction};

/// Who acts, when, and today's date (for expiry in lifecycle moves).
#[derive(Debug, Clone, Copy)]
pub struct ReviewNote<'a> {
    pub actor: &'a str,
    pub role: Role,
    pub at: i64,
    pub today: &'a str,
}

/// What a submission asks for.
#[derive(Debug, Clone)]
pub struct Submission<'a> {
    pub template: &'a str,
    pub message: Option<&'a str>,
    pub due: Option<&'a str>,
}

impl Store {
    pub fn add_review_template(&self, template: &Template, body: &str, actor: &str, at: i64) -> Result<()> {
        self.write(|tx| {
            let taken: bool = tx
                .prepare_cached("SELECT count(*) FROM review_templates WHERE name = ?1")
                .and_then(|mut st| st.query_row(params![template.name], |r| r.get::<_, i64>(0)))
                .map_err(db_fail(tx))?
                > 0;
            if taken {
                return Err(Error::ReviewTemplateExists(template.name.clone()));
            }
            tx.prepare_cached("INSERT INTO review_templates (name, body, created_at) VALUES (?1, ?2, ?3)")
                .and_then(|mut st| st.execute(params![template.name, body, at]))
                .map_err(db_fail(tx))?;
            let detail = serde_json::json!({ "template": template.name, "stages": template.stages.len() });
            append(tx, &NewEvent { at, actor, action: "template_add", assets: &[], detail: &detail })?;
            Ok(())
        })
    }

    /// Every review template, by name, with its TOML.
    pub fn review_templates(&self) -> Result<Vec<(String, String)>> {
        let conn = self.reader()?;
        let mut st =
            conn.prepare_cached("SELECT name, body FROM review_templates ORDER BY name").map_err(self.fail())?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// Opens a review of each asset (all or none) and moves them to in review.
    pub fn submit_reviews(
        &self,
        assets: &[AssetId],
        submission: &Submission<'_>,
        note: &ReviewNote<'_>,
    ) -> Result<Vec<i64>> {
        self.write(|tx| {
            let (template_id, name, template) = template_named(tx, submission.template)?;
            let mut reviews = Vec::with_capacity(assets.len());
            for &asset in assets {
                reviews.push(open_review(tx, asset, template_id, &template, submission, note)?);
            }
            let ids: Vec<i64> = assets.iter().map(|a| a.0).collect();
            move_in(tx, &ids, note.today, (note.actor, note.at), &|_| Ok(Status::InReview))?;
            let detail = serde_json::json!({
                "template": name, "reviews": reviews, "message": submission.message, "due": submission.due,
            });
            append(tx, &NewEvent { at: note.at, actor: note.actor, action: "submit", assets: &ids, detail: &detail })?;
            Ok(reviews)
        })
    }

    /// Records `decision` by the acting person on `asset`'s open review, in every active stage they review (an admin
    /// may decide the first active stage of any review), and moves the review and the asset on.
    pub fn decide(
        &self,
        asset: AssetId,
        decision: Decision,
        comment: Option<&str>,
        note: &ReviewNote<'_>,
    ) -> Result<Decided> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let review = open_review_of(tx, asset)?.ok_or(Error::NoOpenReview(asset.0))?;
            let active = stages_in(tx, review, "active")?;
            let mut mine: Vec<(i64, String)> = Vec::new();
            for (idx, name) in &active {
                if reviews_stage(tx, review, *idx, note.actor, note.role)? {
                    mine.push((*idx, name.clone()));
                }
            }
            if mine.is_empty() && note.role == Role::Admin {
                mine.extend(active.first().cloned());
            }
            if mine.is_empty() {
                let who = active_reviewers(tx, review)?;
                return Err(Error::ReviewRefused(format!(
                    "{} does not review asset {} at this stage: {}",
                    note.actor,
                    asset.0,
                    if who.is_empty() { "no stage is open".to_string() } else { format!("waiting for {}", who.join(", ")) }
                )));
            }
            for (idx, _) in &mine {
                tx.prepare_cached(
                    "INSERT INTO review_decisions (review_id, idx, reviewer, decision, comment, at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (review_id, idx, reviewer) DO UPDATE
                        SET decision = excluded.decision, comment = excluded.comment, at = excluded.at",
                )
                .and_then(|mut st| st.execute(params![review, idx, note.actor, decision.as_str(), comment, note.at]))
                .map_err(&fail)?;
            }
            if let Some(body) = comment {
                let file: Option<i64> = tx
                    .query_row("SELECT current_file_id FROM assets WHERE id = ?1", params![asset.0], |r| r.get(0))
                    .map_err(&fail)?;
                tx.prepare_cached(
                    "INSERT INTO comments (asset_id, review_id, file_id, author, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .and_then(|mut st| st.execute(params![asset.0, review, file, note.actor, body, note.at]))
                .map_err(&fail)?;
            }
            let mut closed = Vec::new();
            for (idx, name) in &mine {
                if let Some(outcome) = outcome_of(tx, review, *idx)? {
                    tx.execute(
                        "UPDATE review_stages SET state = 'closed', outcome = ?3 WHERE review_id = ?1 AND idx = ?2",
                        params![review, idx, outcome.as_str()],
                    )
                    .map_err(&fail)?;
                    closed.push((name.clone(), outcome));
                }
            }
            let review_outcome = advance(tx, review, note.at)?;
            let status = match review_outcome {
                Some(o) => {
                    let to = match o {
                        Outcome::Approved | Outcome::ApprovedWithChanges => Status::Approved,
                        Outcome::ChangesRequested => Status::ChangesRequested,
                        Outcome::Rejected => Status::Rejected,
                    };
                    move_in(tx, &[asset.0], note.today, (note.actor, note.at), &|_| Ok(to))?;
                    to
                }
                None => Status::InReview,
            };
            let stages: Vec<String> = mine.into_iter().map(|(_, n)| n).collect();
            let detail = serde_json::json!({
                "review": review, "stages": stages, "decision": decision.as_str(), "comment": comment,
                "closed": closed.iter().map(|(n, o)| serde_json::json!({"stage": n, "outcome": o.as_str()})).collect::<Vec<_>>(),
                "outcome": review_outcome.map(Outcome::as_str),
            });
            append(tx, &NewEvent { at: note.at, actor: note.actor, action: "decide", assets: &[asset.0], detail: &detail })?;
            Ok(Decided { review, asset, stages, closed, review_outcome, status })
        })
    }

    /// Gives `from`'s place as a named reviewer in every open review to `to`; returns how many stages changed.
    pub fn hand_over_reviews(&self, from: &str, to: &str, actor: &str, at: i64) -> Result<u64> {
        self.write(|tx| hand_over_in(tx, from, to, actor, at))
    }

    /// A new version arrived: when the asset's last review's template says so and the asset is approved or in review,
    /// the open round closes and a new one starts from the template, the asset back in review. Returns the new review.
    pub fn review_new_round(&self, asset: AssetId, note: &ReviewNote<'_>) -> Result<Option<i64>> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let last: Option<(i64, i64, String, bool)> = tx
                .prepare_cached(
                    "SELECT r.id, r.template_id, r.state, r.resets FROM reviews r WHERE r.asset_id = ?1
                     ORDER BY r.id DESC LIMIT 1",
                )
                .and_then(|mut st| {
                    st.query_row(params![asset.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).optional()
                })
                .map_err(&fail)?;
            let Some((review, template_id, state, resets)) = last else { return Ok(None) };
            let status: String = tx
                .query_row("SELECT status FROM assets WHERE id = ?1", params![asset.0], |r| r.get(0))
                .map_err(&fail)?;
            if !resets || !matches!(status.as_str(), "approved" | "in_review") {
                return Ok(None);
            }
            if state == "open" {
                tx.execute("UPDATE reviews SET state = 'closed' WHERE id = ?1", params![review]).map_err(&fail)?;
                tx.execute(
                    "UPDATE review_stages SET state = 'closed' WHERE review_id = ?1 AND state != 'closed'",
                    params![review],
                )
                .map_err(&fail)?;
            }
            let (name, body): (String, String) = tx
                .query_row("SELECT name, body FROM review_templates WHERE id = ?1", params![template_id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .map_err(&fail)?;
            let template = parse_template(&name, &body)?;
            let submission = Submission { template: &name, message: Some("new version"), due: None };
            let new = open_review(tx, asset, template_id, &template, &submission, note)?;
            if status == "approved" {
                move_in(tx, &[asset.0], note.today, (note.actor, note.at), &|_| Ok(Status::InReview))?;
            }
            let detail = serde_json::json!({ "review": new, "after": review, "reason": "new version" });
            append(
                tx,
                &NewEvent { at: note.at, actor: note.actor, action: "submit", assets: &[asset.0], detail: &detail },
            )?;
            Ok(Some(new))
        })
    }
}

fn template_named(tx: &Transaction<'_>, name: &str) -> Result<(i64, String, Template)> {
    let row: Option<(i64, String, String)> = tx
        .prepare_cached("SELECT id, name, body FROM review_templates WHERE name = ?1")
        .and_then(|mut st| st.query_row(params![name.trim()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional())
        .map_err(db_fail(tx))?;
    let (id, name, body) = row.ok_or_else(|| Error::ReviewTemplateNotFound(name.to_string()))?;
    let template = parse_template(&name, &body)?;
    Ok((id, name, template))
}

fn open_review(
    tx: &Transaction<'_>,
    asset: AssetId,
    template_id: i64,
    template: &Template,
    submission: &Submission<'_>,
    note: &ReviewNote<'_>,
) -> Result<i64> {
    let fail = db_fail(tx);
    if let Some(open) = open_review_of(tx, asset)? {
        return Err(Error::ReviewRefused(format!("asset {} is already in review (review {open})", asset.0)));
    }
    let round: i64 = tx
        .query_row("SELECT count(*) + 1 FROM reviews WHERE asset_id = ?1", params![asset.0], |r| r.get(0))
        .map_err(&fail)?;
    tx.prepare_cached(
        "INSERT INTO reviews (asset_id, template_id, round, submitted_by, submitted_at, message, due, resets)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .and_then(|mut st| {
        st.execute(params![
            asset.0,
            template_id,
            round,
            note.actor,
            note.at,
            submission.message,
            submission.due,
            template.new_version_resets
        ])
    })
    .map_err(&fail)?;
    let review = tx.last_insert_rowid();
    for (idx, stage) in template.stages.iter().enumerate() {
        let rule = match stage.rule {
            Rule::Any => "any".to_string(),
            Rule::All => "all".to_string(),
            Rule::AtLeast(n) => n.to_string(),
        };
        let after: Vec<String> = stage.after.iter().map(|a| a.to_string()).collect();
        let state = if stage.after.is_empty() { "active" } else { "waiting" };
        let due = stage.due_hours.map(|h| note.at + i64::from(h) * 3600);
        tx.prepare_cached(
            "INSERT INTO review_stages (review_id, idx, name, rule, veto, after, state, due_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .and_then(|mut st| st.execute(params![review, idx, stage.name, rule, stage.veto, after.join(","), state, due]))
        .map_err(&fail)?;
        let people = stage.people.iter().map(|p| ("person", p.clone()));
        let roles = stage.roles.iter().map(|r| ("role", r.key().to_string()));
        for (kind, name) in people.chain(roles) {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO review_reviewers (review_id, idx, kind, name) VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut st| st.execute(params![review, idx, kind, name]))
            .map_err(&fail)?;
        }
    }
    Ok(review)
}

fn open_review_of(tx: &Transaction<'_>, asset: AssetId) -> Result<Option<i64>> {
    tx.prepare_cached("SELECT id FROM reviews WHERE asset_id = ?1 AND state = 'open'")
        .and_then(|mut st| st.query_row(params![asset.0], |r| r.get(0)).optional())
        .map_err(db_fail(tx))
}

fn stages_in(tx: &Transaction<'_>, review: i64, state: &str) -> Result<Vec<(i64, String)>> {
    tx.prepare_cached("SELECT idx, name FROM review_stages WHERE review_id = ?1 AND state = ?2 ORDER BY idx")
        .and_then(|mut st| st.query_map(params![review, state], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .map_err(db_fail(tx))
}

fn reviews_stage(tx: &Transaction<'_>, review: i64, idx: i64, actor: &str, role: Role) -> Result<bool> {
    tx.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM review_reviewers WHERE review_id = ?1 AND idx = ?2
                          AND ((kind = 'person' AND name = ?3) OR (kind = 'role' AND name = ?4)))",
    )
    .and_then(|mut st| st.query_row(params![review, idx, actor, role.key()], |r| r.get(0)))
    .map_err(db_fail(tx))
}

fn active_reviewers(tx: &Transaction<'_>, review: i64) -> Result<Vec<String>> {
    tx.prepare_cached(
        "SELECT CASE r.kind WHEN 'role' THEN 'any ' || replace(r.name, '_', ' ') ELSE r.name END FROM review_reviewers r
         JOIN review_stages s ON s.review_id = r.review_id AND s.idx = r.idx
         WHERE r.review_id = ?1 AND s.state = 'active' ORDER BY r.kind, r.name",
    )
    .and_then(|mut st| st.query_map(params![review], |r| r.get(0))?.collect())
    .map_err(db_fail(tx))
}

/// The stage's outcome from its decisions so far, or `None` while it stays open.
fn outcome_of(tx: &Transaction<'_>, review: i64, idx: i64) -> Result<Option<Outcome>> {
    let fail = db_fail(tx);
    let (rule, veto): (String, Option<u32>) = tx
        .query_row(
            "SELECT rule, veto FROM review_stages WHERE review_id = ?1 AND idx = ?2",
            params![review, idx],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(&fail)?;
    let rule = match rule.as_str() {
        "any" => Rule::Any,
        "all" => Rule::All,
        n => Rule::AtLeast(n.parse().unwrap_or(1)),
    };
    let named: u32 = tx
        .query_row(
            "SELECT count(*) FROM review_reviewers WHERE review_id = ?1 AND idx = ?2 AND kind = 'person'",
            params![review, idx],
            |r| r.get(0),
        )
        .map_err(&fail)?;
    let decisions: Vec<Decision> = tx
        .prepare_cached("SELECT decision FROM review_decisions WHERE review_id = ?1 AND idx = ?2")
        .and_then(|mut st| {
            st.query_map(params![review, idx], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(&fail)?
        .iter()
        .filter_map(|d| Decision::parse(d))
        .collect();
    Ok(stage_outcome(rule, veto, named, &decisions))
}

/// After stages closed: a failed one ends the review with its outcome; passed ones start the stages waiting only for
/// passed stages; when every stage passed, the review ends with the worst of them. Returns the review's outcome once
/// it ended.
fn advance(tx: &Transaction<'_>, review: i64, now: i64) -> Result<Option<Outcome>> {
    let fail = db_fail(tx);
    let stages: Vec<(i64, String, String, Option<String>)> = tx
        .prepare_cached("SELECT idx, after, state, outcome FROM review_stages WHERE review_id = ?1 ORDER BY idx")
        .and_then(|mut st| {
            st.query_map(params![review], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect()
        })
        .map_err(&fail)?;
    let outcome_at = |i: i64| stages.iter().find(|s| s.0 == i).and_then(|s| s.3.as_deref()).and_then(Outcome::parse);
    let failed = stages.iter().filter_map(|s| s.3.as_deref().and_then(Outcome::parse)).filter(|o| !o.passes()).max();
    let end = |outcome: Outcome| -> Result<Option<Outcome>> {
        tx.execute(
            "UPDATE reviews SET state = 'closed', outcome = ?2 WHERE id = ?1",
            params![review, outcome.as_str()],
        )
        .map_err(&fail)?;
        tx.execute(
            "UPDATE review_stages SET state = 'closed' WHERE review_id = ?1 AND state != 'closed'",
            params![review],
        )
        .map_err(&fail)?;
        Ok(Some(outcome))
    };
    if let Some(outcome) = failed {
        return end(outcome);
    }
    for (idx, after, state, _) in &stages {
        if state != "waiting" {
            continue;
        }
        let ready = after
            .split(',')
            .filter(|a| !a.is_empty())
            .all(|a| a.parse::<i64>().ok().and_then(outcome_at).is_some_and(Outcome::passes));
        if ready {
            tx.execute(
                "UPDATE review_stages SET state = 'active',
                        due_at = CASE WHEN due_at IS NULL THEN NULL ELSE ?3 + (due_at - (SELECT submitted_at FROM reviews WHERE id = ?1)) END
                 WHERE review_id = ?1 AND idx = ?2",
                params![review, idx, now],
            )
            .map_err(&fail)?;
        }
    }
    let all: Vec<Option<Outcome>> = stages.iter().map(|s| s.3.as_deref().and_then(Outcome::parse)).collect();
    if all.iter().all(|o| o.is_some_and(Outcome::passes)) {
        let worst = all.into_iter().flatten().max().unwrap_or(Outcome::Approved);
        return end(worst);
    }
    Ok(None)
}

/// [`Store::hand_over_reviews`] inside the caller's transaction (deactivating a profile hands over in its own).
pub(super) fn hand_over_in(tx: &rusqlite::Connection, from: &str, to: &str, actor: &str, at: i64) -> Result<u64> {
    let fail = db_fail(tx);
    let open = "SELECT id FROM reviews WHERE state = 'open'";
    let moved = tx
        .execute(
            &format!(
                "INSERT OR IGNORE INTO review_reviewers (review_id, idx, kind, name)
                 SELECT r.review_id, r.idx, 'person', ?2 FROM review_reviewers r
                 JOIN review_stages s ON s.review_id = r.review_id AND s.idx = r.idx AND s.state != 'closed'
                 WHERE r.kind = 'person' AND r.name = ?1 AND r.review_id IN ({open})"
            ),
            params![from, to],
        )
        .map_err(&fail)?;
    tx.execute(
        &format!(
            "DELETE FROM review_reviewers WHERE kind = 'person' AND name = ?1 AND review_id IN ({open})
               AND (review_id, idx) IN (SELECT review_id, idx FROM review_stages WHERE state != 'closed')"
        ),
        params![from],
    )
    .map_err(&fail)?;
    if moved > 0 {
        let detail = serde_json::json!({ "from": from, "to": to, "stages": moved });
        append(tx, &NewEvent { at, actor, action: "handover", assets: &[], detail: &detail })?;
    }
    Ok(moved as u64)
}
