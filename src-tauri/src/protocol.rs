//! `thumb://localhost/{grid|preview|full}/{asset id}?v={hash}`: thumbnails and previews for the webview, made on
//! demand when missing, cached for a year (the hash in the URL changes when the content does); `full` is the original
//! when the webview can show it (`assets::full_view`), else the preview. Assets without pixels get their type's
//! placeholder card.

use crate::state::AppState;
use std::sync::{Arc, Mutex};
use tauri::http::{header, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};
use tessera_core::app::maintenance::thumbs;
use tessera_core::app::{assets, versions};
use tessera_core::blobs::cache::ThumbSize;
use tessera_core::media::placeholder;
use tessera_core::AssetId;

pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    // The UI builds URLs with convertFileSrc, which percent-encodes the slash of "grid/42".
    let path = percent_decode(request.uri().path().trim_start_matches('/'));
    let version =
        request.uri().query().and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("v="))).map(percent_decode);
    // Decoding can take tens of milliseconds: never on the webview's thread, and never a thread per request.
    // Shared with the job, so a request the full queue refuses is still answered.
    let slot = Arc::new(Mutex::new(Some(responder)));
    let job = {
        let (app, slot) = (app.clone(), slot.clone());
        move || {
            if let Some(responder) = slot.lock().unwrap_or_else(|p| p.into_inner()).take() {
                responder.respond(respond(&app.state::<AppState>(), &path, version.as_deref()));
            }
        }
    };
    if app.state::<AppState>().thumbnails.try_run(job).is_err() {
        log::warn!("thumbnail queue full; a request was answered 503");
        if let Some(responder) = slot.lock().unwrap_or_else(|p| p.into_inner()).take() {
            responder.respond(status(StatusCode::SERVICE_UNAVAILABLE, "busy; ask again"));
        }
    }
}

fn respond(state: &AppState, path: &str, version: Option<&str>) -> Response<Vec<u8>> {
    let Some((size, full, id)) = parse(path) else {
        return status(StatusCode::BAD_REQUEST, "expected /grid/ID, /preview/ID or /full/ID");
    };
    let state = state.for_call();
    let Ok(ctx) = state.ctx() else {
        return status(StatusCode::FORBIDDEN, "nobody may act in this library from this window; pick a profile");
    };
    // The hash names which of the asset's versions (the current one, or another in its stack). Ids are per library:
    // a request made just before a switch to another library names the hash it expects, and must not get (and have
    // the webview cache for a year, under that URL) another library's asset of the same id; a hash is the same
    // picture in any library, so an asset's file with a matching one is always right.
    let file = match version {
        Some(hash) => versions::version_file(&ctx, id, hash),
        None => assets::current_file(&ctx, id),
    };
    let Ok(file) = file else {
        return status(StatusCode::NOT_FOUND, "that asset's content is not in the open library");
    };
    if full {
        if let Ok(Some((path, mime))) = assets::full_view(&ctx, &file) {
            return match std::fs::read(&path) {
                Ok(bytes) => ok(&mime, bytes),
                Err(_) => status(StatusCode::INTERNAL_SERVER_ERROR, "original unreadable"),
            };
        }
    }
    match thumbs::thumbnail_of(&ctx, &file, size) {
        Ok(Some(image)) => match std::fs::read(&image) {
            Ok(bytes) => {
                let mime = if image.extension().is_some_and(|e| e == "png") { "image/png" } else { "image/jpeg" };
                ok(mime, bytes)
            }
            Err(_) => status(StatusCode::INTERNAL_SERVER_ERROR, "thumbnail unreadable"),
        },
        // Only assets without pixels need their detail: the placeholder names the type.
        Ok(None) | Err(_) => match assets::detail(&ctx, id) {
            Ok(detail) => ok("image/svg+xml", placeholder::svg(detail.kind, &detail.ext).into_bytes()),
            Err(_) => status(StatusCode::NOT_FOUND, "no such asset"),
        },
    }
}

/// The size asked for, whether the full picture was (the preview stands in when it cannot be had), and the asset.
fn parse(path: &str) -> Option<(ThumbSize, bool, AssetId)> {
    let (size, id) = path.split_once('/')?;
    let (size, full) = match size {
        "grid" => (ThumbSize::Grid, false),
        "preview" => (ThumbSize::Preview, false),
        "full" => (ThumbSize::Preview, true),
        _ => return None,
    };
    Some((size, full, AssetId(id.parse().ok()?)))
}

fn ok(mime: &str, body: Vec<u8>) -> Response<Vec<u8>> {
    Response::builder()
        .header(header::CONTENT_TYPE, mime)
        .header(header::CACHE_CONTROL, "public, max-age=31536000, immutable")
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .body(body)
        .unwrap_or_else(|_| Response::new(Vec::new()))
}

fn status(code: StatusCode, message: &str) -> Response<Vec<u8>> {
    let mut response = Response::new(message.as_bytes().to_vec());
    *response.status_mut() = code;
    response
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
