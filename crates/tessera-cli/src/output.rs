//! Printing: JSON for scripts, short readable text for people.

use serde::Serialize;

pub fn json<T: Serialize>(value: &T) {
    match serde_json::to_string(value) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("error: could not write JSON: {e}"),
    }
}

pub fn print_error(error: &anyhow::Error, as_json: bool) {
    let (code, field, message) = if let Some(q) = error.downcast_ref::<QueryFailure>() {
        (
            Some(tessera_core::api::ErrorCode::BadQuery),
            Some("query"),
            format!("{}\n{}", q.error, q.error.caret_line(&q.input)),
        )
    } else {
        let core = error.downcast_ref::<tessera_core::Error>();
        (core.map(|e| e.code()), core.and_then(|e| e.field()), format!("{error:#}"))
    };
    if as_json {
        let mut body = serde_json::json!({ "code": code, "message": message });
        if let Some(field) = field {
            body["field"] = field.into();
        }
        json(&serde_json::json!({ "error": body }));
    } else {
        eprintln!("error: {message}");
    }
}

/// A query that could not be read, with the text it came from (to draw a caret under the bad token).
#[derive(Debug)]
pub struct QueryFailure {
    pub error: tessera_core::domain::query::QueryError,
    pub input: String,
}

impl std::fmt::Display for QueryFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.error)
    }
}

impl std::error::Error for QueryFailure {}

/// Bytes in IEC units (1 KiB = 1024 B), written as the desktop app writes them (`formatBytes` in ui/src/lib/format.ts):
/// "980 B", "1.5 KiB", "12.3 MiB", "250 GiB".
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else if value >= 100.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
