//! Review workflows as data: a template's ordered stages (who reviews, the rule that closes a stage, an optional veto
//! and due time, the stages each waits for), the four decisions, and the one rule that turns a stage's decisions into
//! its outcome: the worst decision wins (reject > request changes > approve with changes > approve), as proofing tools
//! do it.

use super::permission::Role;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// What closes a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "n")]
pub enum Rule {
    /// The first decision closes it.
    Any,
    /// Every named reviewer must decide.
    All,
    /// N decisions close it.
    AtLeast(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    ApproveWithChanges,
    RequestChanges,
    Reject,
}

/// A closed stage's or review's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approved,
    ApprovedWithChanges,
    ChangesRequested,
    Rejected,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::ApproveWithChanges => "approve_with_changes",
            Decision::RequestChanges => "request_changes",
            Decision::Reject => "reject",
        }
    }

    /// `approve`, `approve-with-changes`, `request changes`, `reject`.
    pub fn parse(text: &str) -> Option<Decision> {
        let key = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        [Decision::Approve, Decision::ApproveWithChanges, Decision::RequestChanges, Decision::Reject]
            .into_iter()
            .find(|d| d.as_str() == key)
    }

    /// Request changes and reject need a comment saying what and why.
    pub fn needs_comment(self) -> bool {
        matches!(self, Decision::RequestChanges | Decision::Reject)
    }

    pub fn outcome(self) -> Outcome {
        match self {
            Decision::Approve => Outcome::Approved,
            Decision::ApproveWithChanges => Outcome::ApprovedWithChanges,
            Decision::RequestChanges => Outcome::ChangesRequested,
            Decision::Reject => Outcome::Rejected,
        }
    }
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::ApprovedWithChanges => "approved_with_changes",
            Outcome::ChangesRequested => "changes_requested",
            Outcome::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        [Outcome::Approved, Outcome::ApprovedWithChanges, Outcome::ChangesRequested, Outcome::Rejected]
            .into_iter()
            .find(|o| o.as_str() == text)
    }

    /// Whether the review goes on past this stage.
    pub fn passes(self) -> bool {
        matches!(self, Outcome::Approved | Outcome::ApprovedWithChanges)
    }
}

/// One stage of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Stage {
    pub name: String,
    pub people: Vec<String>,
    pub roles: Vec<Role>,
    pub rule: Rule,
    /// This many rejections end the stage rejected at once.
    pub veto: Option<u32>,
    pub due_hours: Option<u32>,
    /// The stages (by index) that must pass before this one starts; empty: it starts with the review.
    pub after: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
// The metadata templates are `Template` in the UI's bindings already.
#[ts(rename = "WorkflowTemplate")]
pub struct Template {
    pub name: String,
    pub stages: Vec<Stage>,
    /// A new version of an approved or in-review asset sends it back to review (the default).
    pub new_version_resets: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    #[serde(default = "yes")]
    new_version_resets: bool,
    #[serde(default, rename = "stage")]
    stages: Vec<RawStage>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    name: String,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    rule: Option<toml::Value>,
    veto: Option<u32>,
    due_hours: Option<u32>,
    after: Option<Vec<String>>,
}

/// Reads a template file (TOML: `[[stage]]` tables with `name`, `people`, `roles`, `rule` = "any" | "all" | N,
/// `veto`, `due_hours`, `after`), refusing with the reason what cannot work: no stages, a stage without reviewers,
/// an unknown role or `after`, N greater than the named reviewers, duplicate names, a cycle.
pub fn parse_template(name: &str, text: &str) -> Result<Template> {
    let bad = |reason: String| Error::InvalidTemplate { name: name.to_string(), reason };
    let name = name.trim();
    if name.is_empty() {
        return Err(bad("a template needs a name".into()));
    }
    let raw: RawTemplate = toml::from_str(text).map_err(|e| bad(e.message().to_string()))?;
    if raw.stages.is_empty() {
        return Err(bad("it has no stages: add at least one [[stage]] with a name and reviewers".into()));
    }
    let names: Vec<String> = raw.stages.iter().map(|s| s.name.trim().to_string()).collect();
    let mut stages = Vec::with_capacity(raw.stages.len());
    for (i, s) in raw.stages.into_iter().enumerate() {
        let stage = &names[i];
        if stage.is_empty() {
            return Err(bad(format!("stage {} has no name", i + 1)));
        }
        if names[..i].iter().any(|n| n.eq_ignore_ascii_case(stage)) {
            return Err(bad(format!("two stages are named {stage:?}")));
        }
        let people: Vec<String> = s.people.iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
        let mut roles = Vec::new();
        for r in &s.roles {
            roles.push(Role::parse(r).ok_or_else(|| bad(format!("stage {stage:?}: no role named {r:?}")))?);
        }
        if people.is_empty() && roles.is_empty() {
            return Err(bad(format!("stage {stage:?} has no reviewers: name people or roles")));
        }
        let rule = match &s.rule {
            None => Rule::Any,
            Some(toml::Value::String(t)) if t.eq_ignore_ascii_case("any") => Rule::Any,
            Some(toml::Value::String(t)) if t.eq_ignore_ascii_case("all") => Rule::All,
            Some(toml::Value::Integer(n)) if *n >= 1 => Rule::AtLeast(*n as u32),
            Some(other) => {
                return Err(bad(format!("stage {stage:?}: rule {other:?} is not \"any\", \"all\" or a number")))
            }
        };
        if rule == Rule::All && people.is_empty() {
            return Err(bad(format!("stage {stage:?}: rule \"all\" needs named people (a role has no fixed members)")));
        }
        if let Rule::AtLeast(n) = rule {
            if roles.is_empty() && n as usize > people.len() {
                return Err(bad(format!(
                    "stage {stage:?}: {n} decisions needed but only {} reviewers named",
                    people.len()
                )));
            }
        }
        if s.veto == Some(0) {
            return Err(bad(format!("stage {stage:?}: a veto needs at least 1 rejection")));
        }
        let after = match &s.after {
            None if i == 0 => Vec::new(),
            None => vec![i - 1],
            Some(list) => {
                let mut idx = Vec::new();
                for a in list {
                    let j = names
                        .iter()
                        .position(|n| n.eq_ignore_ascii_case(a.trim()))
                        .ok_or_else(|| bad(format!("stage {stage:?} waits for {a:?}, which is not a stage")))?;
                    if j == i {
                        return Err(bad(format!("stage {stage:?} waits for itself")));
                    }
                    idx.push(j);
                }
                idx
            }
        };
        stages.push(Stage { name: stage.clone(), people, roles, rule, veto: s.veto, due_hours: s.due_hours, after });
    }
    if let Some(cycle) = find_cycle(&stages) {
        let path: Vec<&str> = cycle.iter().map(|&i| stages[i].name.as_str()).collect();
        return Err(bad(format!("its stages wait for each other in a cycle: {}", path.join(" → "))));
    }
    Ok(Template { name: name.to_string(), stages, new_version_resets: raw.new_version_resets })
}

/// A cycle in the `after` graph, as the stages on it (the first repeated at the end), if there is one.
fn find_cycle(stages: &[Stage]) -> Option<Vec<usize>> {
    fn visit(i: usize, stages: &[Stage], state: &mut [u8], path: &mut Vec<usize>) -> Option<Vec<usize>> {
        state[i] = 1;
        path.push(i);
        for &j in &stages[i].after {
            if state[j] == 1 {
                let from = path.iter().position(|&p| p == j).unwrap_or(0);
                let mut cycle = path[from..].to_vec();
                cycle.push(j);
                return Some(cycle);
            }
            if state[j] == 0 {
                if let Some(c) = visit(j, stages, state, path) {
                    return Some(c);
                }
            }
        }
        path.pop();
        state[i] = 2;
        None
    }
    let mut state = vec![0u8; stages.len()];
    (0..stages.len()).find_map(|i| if state[i] == 0 { visit(i, stages, &mut state, &mut Vec::new()) } else { None })
}

/// The outcome of a stage with `rule`, `veto` and `named` reviewers named, given its decisions so far; `None`
/// while it stays open. The worst decision wins.
pub fn stage_outcome(rule: Rule, veto: Option<u32>, named: u32, decisions: &[Decision]) -> Option<Outcome> {
    let rejections = decisions.iter().filter(|d| **d == Decision::Reject).count() as u32;
    if veto.is_some_and(|k| rejections >= k) {
        return Some(Outcome::Rejected);
    }
    let enough = match rule {
        Rule::Any => !decisions.is_empty(),
        Rule::All => decisions.len() as u32 >= named.max(1),
        Rule::AtLeast(n) => decisions.len() as u32 >= n,
    };
    enough.then(|| decisions.iter().map(|d| d.outcome()).max()).flatten()
}

/// The default template every library has: one stage that any brand manager or admin closes.
pub const DEFAULT_TEMPLATE: &str = "Default";

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that unwraps fails loudly")]
mod tests {
    use super::*;
    use Decision::*;

    #[test]
    fn outcomes_follow_the_rule_and_the_worst_decision_wins() {
        type Case<'a> = (Rule, Option<u32>, u32, &'a [Decision], Option<Outcome>);
        let cases: &[Case] = &[
            (Rule::Any, None, 0, &[], None),
            (Rule::Any, None, 0, &[Approve], Some(Outcome::Approved)),
            (Rule::Any, None, 0, &[RequestChanges], Some(Outcome::ChangesRequested)),
            (Rule::All, None, 3, &[Approve, Approve], None),
            (Rule::All, None, 3, &[Approve, ApproveWithChanges, Approve], Some(Outcome::ApprovedWithChanges)),
            (Rule::All, None, 3, &[Approve, RequestChanges, ApproveWithChanges], Some(Outcome::ChangesRequested)),
            (Rule::All, None, 2, &[Approve, Reject], Some(Outcome::Rejected)),
            (Rule::AtLeast(2), None, 3, &[Approve], None),
            (Rule::AtLeast(2), None, 3, &[Approve, Approve], Some(Outcome::Approved)),
            (Rule::AtLeast(2), Some(1), 3, &[Reject], Some(Outcome::Rejected)),
            (Rule::All, Some(2), 4, &[Reject, Approve], None),
            (Rule::All, Some(2), 4, &[Reject, Approve, Reject], Some(Outcome::Rejected)),
        ];
        for (rule, veto, named, decisions, want) in cases {
            assert_eq!(stage_outcome(*rule, *veto, *named, decisions), *want, "{rule:?} veto {veto:?} {decisions:?}");
        }
    }

    #[test]
    fn templates_parse_sequential_and_parallel_stages_and_refuse_what_cannot_work() {
        let t = parse_template(
            "Campaign",
            r#"
            [[stage]]
            name = "Creative pick"
            people = ["ann"]
            [[stage]]
            name = "Brand"
            roles = ["brand manager"]
            rule = 2
            [[stage]]
            name = "Legal"
            people = ["lee", "lou"]
            rule = "all"
            after = ["Creative pick"]
            [[stage]]
            name = "Final"
            people = ["ann"]
            after = ["Brand", "Legal"]
            "#,
        )
        .unwrap();
        let after: Vec<Vec<usize>> = t.stages.iter().map(|s| s.after.clone()).collect();
        assert_eq!(after, [vec![], vec![0], vec![0], vec![1, 2]]);
        assert_eq!(t.stages[1].rule, Rule::AtLeast(2));
        assert!(t.new_version_resets);
        let bad = [
            ("", "no stages"),
            ("[[stage]]\nname = \"A\"", "has no reviewers"),
            ("[[stage]]\nname = \"A\"\nroles = [\"owner\"]", "no role named \"owner\""),
            ("[[stage]]\nname = \"A\"\npeople = [\"a\"]\nrule = 3", "3 decisions needed but only 1"),
            ("[[stage]]\nname = \"A\"\nroles = [\"admin\"]\nrule = \"all\"", "needs named people"),
            ("[[stage]]\nname = \"A\"\npeople = [\"a\"]\nafter = [\"Nope\"]", "\"Nope\", which is not a stage"),
            (
                "[[stage]]\nname = \"A\"\npeople = [\"a\"]\nafter = [\"B\"]\n[[stage]]\nname = \"B\"\npeople = [\"b\"]\nafter = [\"A\"]",
                "cycle: A → B → A",
            ),
            ("[[stage]]\nname = \"A\"\npeople = [\"a\"]\n[[stage]]\nname = \"a\"\npeople = [\"b\"]", "two stages"),
            ("[[stage]]\nname = \"A\"\npeople = [\"a\"]\ncolour = 1", "unknown field"),
        ];
        for (text, says) in bad {
            let err = parse_template("T", text).unwrap_err().to_string();
            assert!(err.contains(says), "{text:?}: {err}");
        }
    }

    #[test]
    fn decisions_read_as_people_type_them() {
        assert_eq!(Decision::parse("approve-with-changes"), Some(ApproveWithChanges));
        assert_eq!(Decision::parse("Request changes"), Some(RequestChanges));
        assert_eq!(Decision::parse("maybe"), None);
    }
}
