//! Profiles in SQL: who may act in the library, with their role. Every change is one IMMEDIATE transaction that
//! writes its audit event (role changes with before and after) beside it.

use super::assets_write::db_fail;
use super::audit_sql::{append, NewEvent};
use super::Store;
use crate::domain::permission::{allows, Action};
use crate::domain::{Profile, Role};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension, Row};

const COLUMNS: &str = "name, role, email, active, created_at, last_acted_at";

fn profile_row(r: &Row<'_>) -> rusqlite::Result<Profile> {
    let role: String = r.get(1)?;
    Ok(Profile {
        name: r.get(0)?,
        // The CHECK constraint keeps roles valid; should one not be, the profile gets the least it could.
        role: Role::parse(&role).unwrap_or(Role::Viewer),
        email: r.get(2)?,
        active: r.get(3)?,
        created_at: r.get(4)?,
        last_acted_at: r.get(5)?,
    })
}

/// A profile to add.
pub struct NewProfile<'a> {
    pub name: &'a str,
    pub role: Role,
    pub email: Option<&'a str>,
}

/// What deactivating a profile did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deactivated {
    /// Review stages handed over.
    pub stages: u64,
}

fn find(conn: &Connection, name: &str) -> Result<Option<Profile>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM profiles WHERE name = ?1"))
        .and_then(|mut st| st.query_row(params![name], profile_row).optional())
        .map_err(db_fail(conn))
}

fn all(conn: &Connection) -> Result<Vec<Profile>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM profiles ORDER BY id"))
        .and_then(|mut st| st.query_map([], profile_row)?.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(db_fail(conn))
}

/// The names of the library's active profiles, for messages ("ana, bob").
pub(crate) fn profiles_names(profiles: &[Profile]) -> String {
    let names: Vec<&str> = profiles.iter().filter(|p| p.active).map(|p| p.name.as_str()).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

fn must_find(conn: &Connection, name: &str) -> Result<Profile> {
    match find(conn, name)? {
        Some(p) => Ok(p),
        None => Err(Error::ProfileNotFound { name: name.to_string(), known: profiles_names(&all(conn)?) }),
    }
}

fn other_active_admins(conn: &Connection, name: &str) -> Result<i64> {
    conn.query_row(
        "SELECT COUNT(*) FROM profiles WHERE role = 'admin' AND active = 1 AND name != ?1",
        params![name],
        |r| r.get(0),
    )
    .map_err(db_fail(conn))
}

/// Open reviews in which `name` is a named reviewer of a stage not closed yet.
fn open_reviews_of(conn: &Connection, name: &str) -> Result<i64> {
    conn.query_row(
        "SELECT COUNT(DISTINCT r.review_id) FROM review_reviewers r
         JOIN review_stages s ON s.review_id = r.review_id AND s.idx = r.idx AND s.state != 'closed'
         JOIN reviews v ON v.id = r.review_id AND v.state = 'open'
         WHERE r.kind = 'person' AND r.name = ?1",
        params![name],
        |r| r.get(0),
    )
    .map_err(db_fail(conn))
}

impl Store {
    /// Every profile, in the order they were added.
    pub fn profiles(&self) -> Result<Vec<Profile>> {
        all(&*self.reader()?)
    }

    /// The profile named `name` (any case).
    pub fn profile(&self, name: &str) -> Result<Option<Profile>> {
        find(&*self.reader()?, name)
    }

    /// Makes `name` the library's first profile, an admin, when it has none (two processes racing make one).
    pub fn profile_bootstrap(&self, name: &str, at: i64) -> Result<()> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let any: i64 = tx.query_row("SELECT COUNT(*) FROM profiles", [], |r| r.get(0)).map_err(&fail)?;
            if any > 0 {
                return Ok(());
            }
            tx.execute("INSERT INTO profiles (name, role, created_at) VALUES (?1, 'admin', ?2)", params![name, at])
                .map_err(&fail)?;
            let detail = serde_json::json!({ "name": name, "role": Role::Admin.key(), "first": true });
            append(tx, &NewEvent { at, actor: name, action: "user_add", assets: &[], detail: &detail })?;
            Ok(())
        })
    }

    /// Adds a profile; `ProfileExists` when the name is taken in any case.
    pub fn profile_add(&self, new: &NewProfile<'_>, actor: &str, at: i64) -> Result<Profile> {
        self.write(|tx| {
            let fail = db_fail(tx);
            if find(tx, new.name)?.is_some() {
                return Err(Error::ProfileExists(new.name.to_string()));
            }
            tx.execute(
                "INSERT INTO profiles (name, role, email, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![new.name, new.role.key(), new.email, at],
            )
            .map_err(&fail)?;
            let detail = serde_json::json!({ "name": new.name, "role": new.role.key(), "email": new.email });
            append(tx, &NewEvent { at, actor, action: "user_add", assets: &[], detail: &detail })?;
            must_find(tx, new.name)
        })
    }

    /// Gives `name` the role `role`; returns the role before and the profile after. Refuses to take admin from the
    /// last active admin.
    pub fn profile_set_role(&self, name: &str, role: Role, actor: &str, at: i64) -> Result<(Role, Profile)> {
        self.write(|tx| {
            let before = must_find(tx, name)?;
            if before.role == role {
                return Ok((role, before));
            }
            if before.role == Role::Admin && before.active && other_active_admins(tx, &before.name)? == 0 {
                return Err(Error::PeopleRefused(format!(
                    "{} is the last active admin; make another profile admin first (`tessera user role NAME admin`)",
                    before.name
                )));
            }
            tx.execute("UPDATE profiles SET role = ?2 WHERE name = ?1", params![before.name, role.key()])
                .map_err(db_fail(tx))?;
            let detail = serde_json::json!({ "name": before.name, "before": before.role.key(), "after": role.key() });
            append(tx, &NewEvent { at, actor, action: "user_role", assets: &[], detail: &detail })?;
            Ok((before.role, must_find(tx, name)?))
        })
    }

    /// Deactivates `name`: it can no longer act; its open reviews go to `handover` (required when it has some); its
    /// history stays. Refuses the last active admin.
    pub fn profile_deactivate(&self, name: &str, handover: Option<&str>, actor: &str, at: i64) -> Result<Deactivated> {
        self.write(|tx| {
            let leaving = must_find(tx, name)?;
            if !leaving.active {
                return Err(Error::PeopleRefused(format!("{} is deactivated already", leaving.name)));
            }
            if leaving.role == Role::Admin && other_active_admins(tx, &leaving.name)? == 0 {
                return Err(Error::PeopleRefused(format!(
                    "{} is the last active admin and cannot be deactivated; make another profile admin first",
                    leaving.name
                )));
            }
            let open = open_reviews_of(tx, &leaving.name)?;
            let to = match handover {
                Some(to) => Some(heir(tx, &leaving, to)?),
                None if open > 0 => {
                    return Err(Error::PeopleRefused(format!(
                        "{} is a reviewer in {open} open review(s); pass --handover NAME to give them to someone who \
                         stays",
                        leaving.name
                    )))
                }
                None => None,
            };
            let stages = match &to {
                Some(to) if open > 0 => super::reviews_sql::hand_over_in(tx, &leaving.name, &to.name, actor, at)?,
                _ => 0,
            };
            tx.execute(
                "UPDATE profiles SET active = 0, deactivated_at = ?2 WHERE name = ?1",
                params![leaving.name, at],
            )
            .map_err(db_fail(tx))?;
            let detail = serde_json::json!({
                "name": leaving.name, "role": leaving.role.key(), "before": "active", "after": "deactivated",
                "handover": to.as_ref().map(|p| &p.name), "stages": stages,
            });
            append(tx, &NewEvent { at, actor, action: "user_deactivate", assets: &[], detail: &detail })?;
            Ok(Deactivated { stages })
        })
    }

    /// Notes that `name` changed something at `at` (no-op for a name without a profile).
    pub fn profile_touch(&self, name: &str, at: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE profiles SET last_acted_at = ?2 WHERE name = ?1", params![name, at])
                .map_err(db_fail(tx))?;
            Ok(())
        })
    }
}

/// The profile that takes over `leaving`'s reviews: another active one whose role may decide.
fn heir(tx: &Connection, leaving: &Profile, to: &str) -> Result<Profile> {
    let heir = must_find(tx, to)?;
    if heir.name.eq_ignore_ascii_case(&leaving.name) {
        return Err(Error::PeopleRefused(format!("{} cannot hand their reviews over to themselves", leaving.name)));
    }
    if !heir.active {
        return Err(Error::PeopleRefused(format!("{} is deactivated and cannot take over reviews", heir.name)));
    }
    if !allows(heir.role, Action::Decide) {
        return Err(Error::PeopleRefused(format!(
            "{} ({}) may not decide reviews; hand over to an admin, brand manager or reviewer",
            heir.name, heir.role
        )));
    }
    Ok(heir)
}
