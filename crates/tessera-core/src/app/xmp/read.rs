//! `tessera xmp read ID FILE`: a sidecar edited by another tool (Lightroom, Bridge, digiKam, ExifTool), merged three
//! ways: `base` is what `tessera xmp write` last put there (the `xmp_sidecars` record), `theirs` what the file says
//! now, `ours` what the library says now. A keyword removed there is removed here, one added is added; a field
//! changed there is changed here, unless it also changed here since (then ours is kept and the conflict reported).
//! Everything applied is one edit (one undo step). Without a record (a sidecar we never wrote) there is no base:
//! keywords are only added and only our empty fields are filled.

use super::write::{read_existing, record_key, sidecar_props};
use crate::app::assets::edit::{apply, EditOutcome, Selection};
use crate::app::assets::set_fields::check;
use crate::app::Ctx;
use crate::domain::{AssetId, EditId, FieldAssignment, LabelSets};
use crate::error::{Error, Result};
use crate::metadata::xmp::read_xmp;
use crate::metadata::xmp_sidecar::SidecarProps;
use crate::runtime::NoProgress;
use crate::store::Changes;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;

/// A field both sides changed differently since the last write: ours was kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub field: String,
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

/// What reading a sidecar did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SidecarRead {
    pub id: AssetId,
    /// The fields taken from the sidecar, by name.
    pub fields: Vec<String>,
    pub added_tags: Vec<String>,
    pub removed_tags: Vec<String>,
    pub conflicts: Vec<Conflict>,
    /// Values from the sidecar the library refused (a label outside the library's set…), with why.
    pub refused: Vec<Conflict>,
    /// The edit-log entry (what `undo` takes back); `None` when nothing changed.
    pub edit: Option<EditId>,
}

/// The sidecar's values in our terms. Tags: `lr:hierarchicalSubject`, else `digiKam:TagsList`, else the flat
/// keywords (each a tag at the top).
pub(crate) fn theirs_from(xml: &str) -> SidecarProps {
    let x = read_xmp(xml.as_bytes());
    let tags = if !x.lr_hierarchical.is_empty() {
        x.lr_hierarchical
    } else if !x.digikam_tags.is_empty() {
        x.digikam_tags
    } else {
        x.keywords
    };
    SidecarProps {
        title: x.title,
        description: x.description,
        alt_text: x.alt_text,
        creator: x.creator,
        credit: x.credit,
        rights: x.rights,
        usage_terms: x.usage_terms,
        licence: x.licence,
        label: x.label,
        rating: x.rating,
        tags,
        headline: x.headline,
        instructions: x.instructions,
        contact_email: x.contact_email,
        contact_url: x.contact_url,
        contact_phone: x.contact_phone,
        web_statement: x.web_statement,
        marked: x.marked.map(|m| if m { "True" } else { "False" }.to_string()),
        licensor: x.licensor,
    }
}

/// Every path with all its ancestors (`a/b/c` → `a`, `a/b`, `a/b/c`): tools differ on whether they list parents.
fn closure(tags: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for tag in tags {
        let parts: Vec<&str> = tag.split('/').map(str::trim).filter(|p| !p.is_empty()).collect();
        for n in 1..=parts.len() {
            out.insert(parts[..n].join("/"));
        }
    }
    out
}

fn same(a: &Option<String>, b: &Option<String>, ignore_case: bool) -> bool {
    let norm = |v: &Option<String>| {
        let v = v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        if ignore_case {
            v.map(|s| s.to_lowercase())
        } else {
            v
        }
    };
    norm(a) == norm(b)
}

/// How to reach one text property of [`SidecarProps`].
type TextOf = fn(&SidecarProps) -> &Option<String>;

pub fn read_sidecar(ctx: &Ctx, id: AssetId, file: &Path) -> Result<SidecarRead> {
    ctx.require(crate::domain::Action::EditMetadata)?;
    let detail = ctx.store().asset_detail(id)?;
    let key = record_key(file);
    let xml = read_existing(file)?
        .ok_or_else(|| Error::io("read", file, std::io::Error::new(std::io::ErrorKind::NotFound, "no such sidecar")))?;
    let theirs = theirs_from(&xml);
    let labels = LabelSets::new(ctx.store().label_names()?);
    let ours = sidecar_props(&detail, &labels);
    let recorded = ctx.store().xmp_sidecar_written(id, &key)?;
    let base: SidecarProps = match recorded.as_deref().map(serde_json::from_str) {
        Some(Ok(base)) => base,
        // No record (or one this build cannot read): keywords only added, only our empty fields filled.
        _ => {
            let keep = |o: &Option<String>, t: &Option<String>| if o.is_some() { t.clone() } else { None };
            SidecarProps {
                title: keep(&ours.title, &theirs.title),
                description: keep(&ours.description, &theirs.description),
                alt_text: keep(&ours.alt_text, &theirs.alt_text),
                creator: keep(&ours.creator, &theirs.creator),
                credit: keep(&ours.credit, &theirs.credit),
                rights: keep(&ours.rights, &theirs.rights),
                usage_terms: keep(&ours.usage_terms, &theirs.usage_terms),
                licence: keep(&ours.licence, &theirs.licence),
                label: keep(&ours.label, &theirs.label),
                rating: if ours.rating.is_some() { theirs.rating } else { None },
                tags: closure(&theirs.tags).intersection(&closure(&ours.tags)).cloned().collect(),
                headline: keep(&ours.headline, &theirs.headline),
                instructions: keep(&ours.instructions, &theirs.instructions),
                contact_email: keep(&ours.contact_email, &theirs.contact_email),
                contact_url: keep(&ours.contact_url, &theirs.contact_url),
                contact_phone: keep(&ours.contact_phone, &theirs.contact_phone),
                web_statement: keep(&ours.web_statement, &theirs.web_statement),
                marked: keep(&ours.marked, &theirs.marked),
                licensor: keep(&ours.licensor, &theirs.licensor),
            }
        }
    };

    let mut out = SidecarRead {
        id,
        fields: Vec::new(),
        added_tags: Vec::new(),
        removed_tags: Vec::new(),
        conflicts: Vec::new(),
        refused: Vec::new(),
        edit: None,
    };
    let mut assignments: Vec<FieldAssignment> = Vec::new();
    let texts: [(&str, TextOf, bool); 17] = [
        ("title", |p| &p.title, false),
        ("description", |p| &p.description, false),
        ("alt_text", |p| &p.alt_text, false),
        ("creator", |p| &p.creator, false),
        ("credit", |p| &p.credit, false),
        ("copyright", |p| &p.rights, false),
        ("usage_terms", |p| &p.usage_terms, false),
        ("licence", |p| &p.licence, false),
        ("label", |p| &p.label, true),
        ("headline", |p| &p.headline, false),
        ("instructions", |p| &p.instructions, false),
        ("contact_email", |p| &p.contact_email, false),
        ("contact_url", |p| &p.contact_url, false),
        ("contact_phone", |p| &p.contact_phone, false),
        ("web_statement", |p| &p.web_statement, false),
        ("rights_marked", |p| &p.marked, true),
        ("licensor", |p| &p.licensor, false),
    ];
    for (name, get, ignore_case) in texts {
        let (b, t, o) = (get(&base), get(&theirs), get(&ours));
        if same(t, b, ignore_case) || same(t, o, ignore_case) {
            continue;
        }
        if !same(o, b, ignore_case) {
            out.conflicts.push(Conflict { field: name.into(), ours: o.clone(), theirs: t.clone() });
            continue;
        }
        let value = t.clone().unwrap_or_default();
        // A label text maps to its colour through the library's label sets (an unknown text is refused by check).
        let value = if name == "label" {
            labels.colour_of(&value).map(str::to_string).unwrap_or_else(|| value.to_lowercase())
        } else {
            value
        };
        let assignment = FieldAssignment { name: name.into(), value };
        match check(ctx, std::slice::from_ref(&assignment)) {
            Ok(_) => {
                out.fields.push(name.into());
                assignments.push(assignment);
            }
            Err(e) => out.refused.push(Conflict { field: name.into(), ours: Some(e.to_string()), theirs: t.clone() }),
        }
    }
    // Rating, with -1 as the reject flag (as `write` puts it).
    let (b, t, o) = (base.rating, theirs.rating, ours.rating);
    if t != b && t != o {
        if o != b {
            let show = |r: Option<i8>| r.map(|r| r.to_string());
            out.conflicts.push(Conflict { field: "rating".into(), ours: show(o), theirs: show(t) });
        } else {
            let set = |assignments: &mut Vec<FieldAssignment>, name: &str, value: String| {
                assignments.push(FieldAssignment { name: name.into(), value });
            };
            match t {
                Some(-1) => set(&mut assignments, "flag", "reject".into()),
                other => {
                    if o == Some(-1) {
                        set(&mut assignments, "flag", String::new());
                    }
                    set(&mut assignments, "rating", other.map(|r| r.to_string()).unwrap_or_default());
                }
            }
            out.fields.push("rating".into());
        }
    }

    let (b, t, o) = (closure(&base.tags), closure(&theirs.tags), closure(&ours.tags));
    out.added_tags = t.difference(&b).filter(|tag| !o.contains(*tag)).cloned().collect();
    // Deepest first, so a parent goes after its children.
    out.removed_tags = b.difference(&t).filter(|tag| detail.tags.contains(tag)).cloned().collect();
    out.removed_tags.reverse();

    let checked = check(ctx, &assignments)?;
    let changes = Changes {
        columns: &checked.columns,
        custom: &checked.custom,
        add_tags: &out.added_tags,
        remove_tags: &out.removed_tags,
        ..Changes::default()
    };
    let changed = !checked.columns.is_empty() || !out.added_tags.is_empty() || !out.removed_tags.is_empty();
    if changed {
        let outcome: EditOutcome = apply(ctx, &Selection::Ids { ids: vec![id] }, &changes, &NoProgress)?;
        out.edit = outcome.edit;
    }
    // The file as it is now is the base of the next read.
    let json = serde_json::to_string(&theirs).unwrap_or_default();
    ctx.store().record_xmp_sidecar(id, &key, &json, ctx.now())?;
    Ok(out)
}
