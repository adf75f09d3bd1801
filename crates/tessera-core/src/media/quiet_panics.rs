//! Decoders can panic on malformed data. We catch those panics per file and report them as a reason; this hook keeps
//! the default "thread panicked at …" message off the user's terminal while a decoder runs, and only then.

use std::cell::Cell;
use std::sync::Once;

thread_local! {
    static DECODING: Cell<bool> = const { Cell::new(false) };
}

static INSTALL: Once = Once::new();

fn install() {
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !DECODING.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// The message of a caught panic.
#[derive(Debug, Clone)]
pub(crate) struct Panicked(pub String);

/// Runs `f`, turning a panic into `Err(Panicked(message))` without printing it.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Panicked> {
    install();
    DECODING.with(|d| d.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    DECODING.with(|d| d.set(false));
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Panicked(message)
    })
}
