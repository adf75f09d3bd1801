//! Collection variables: key → text that renditions use (a campaign's legal line lives once, on its collection).

use crate::app::Ctx;
use crate::domain::{collection_path, variable_key};
use crate::error::Result;
use std::collections::BTreeMap;

/// Sets each `key` to its value (`None` or an empty text removes it); returns the variables afterwards.
pub fn set_variables(ctx: &Ctx, path: &str, values: &[(String, Option<String>)]) -> Result<BTreeMap<String, String>> {
    ctx.require(crate::domain::Action::Collections)?;
    let path = collection_path(path)?.join("/");
    let values = values
        .iter()
        .map(|(k, v)| Ok((variable_key(k)?, v.clone().filter(|v| !v.is_empty()))))
        .collect::<Result<Vec<_>>>()?;
    ctx.store().collection_set_variables(&path, &values)
}
