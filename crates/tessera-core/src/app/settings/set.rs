//! `tessera config set KEY VALUE`.

use super::get::{known, Setting};
use crate::app::Ctx;
use crate::error::{Error, Result};

pub fn set_setting(ctx: &Ctx, key: &str, value: &str) -> Result<Setting> {
    let (key, allowed, _) = known(key)?;
    let value = value.trim();
    if !allowed.contains(&value) {
        return Err(Error::InvalidFieldValue {
            field: key.into(),
            value: value.into(),
            reason: format!("use one of: {}", allowed.join(", ")),
        });
    }
    ctx.store().set_setting(key, value)?;
    Ok(Setting { key: key.into(), value: value.into(), allowed: allowed.iter().map(|a| a.to_string()).collect() })
}
