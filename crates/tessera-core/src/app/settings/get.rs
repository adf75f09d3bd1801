//! `tessera config get KEY` / `tessera config ls`.

use super::{XmpNaming, KNOWN};
use crate::app::Ctx;
use crate::error::{Error, Result};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
    /// The values it may take.
    pub allowed: Vec<String>,
}

pub fn get_setting(ctx: &Ctx, key: &str) -> Result<Setting> {
    let (key, allowed, default) = known(key)?;
    let value = ctx.store().setting(key)?.unwrap_or_else(|| default.to_string());
    Ok(Setting { key: key.into(), value, allowed: allowed.iter().map(|a| a.to_string()).collect() })
}

pub fn list_settings(ctx: &Ctx) -> Result<Vec<Setting>> {
    KNOWN.iter().map(|(key, _, _)| get_setting(ctx, key)).collect()
}

pub fn xmp_naming(ctx: &Ctx) -> Result<XmpNaming> {
    Ok(XmpNaming::parse(&get_setting(ctx, "xmp.naming")?.value))
}

pub(super) fn known(key: &str) -> Result<(&'static str, &'static [&'static str], &'static str)> {
    KNOWN.iter().copied().find(|(k, _, _)| *k == key.trim()).ok_or_else(|| Error::InvalidFieldValue {
        field: "key".into(),
        value: key.into(),
        reason: format!("known settings: {}", KNOWN.iter().map(|k| k.0).collect::<Vec<_>>().join(", ")),
    })
}
