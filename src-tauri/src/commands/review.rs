//! Review and approval: templates, submitting, the queue, an asset's review, deciding, comments pinned on the
//! picture, and notifications.

use super::Call;
use crate::error::IpcResult;
use tessera_core::app::review::{self, ReviewTemplate, SubmitRequest};
use tessera_core::domain::review::Decision;
use tessera_core::domain::review_view::{Comment, Decided, Notification, Pin, Queue, ReviewView};
use tessera_core::AssetId;

pub async fn review_templates(call: Call<'_>) -> IpcResult<Vec<ReviewTemplate>> {
    Ok(review::templates(&call.state.ctx()?)?)
}

pub async fn submit_review(call: Call<'_>, request: SubmitRequest) -> IpcResult<Vec<i64>> {
    Ok(review::submit(&call.state.ctx()?, &request)?)
}

pub async fn review_queue(call: Call<'_>, limit: u32) -> IpcResult<Queue> {
    Ok(review::queue(&call.state.ctx()?, limit)?)
}

pub async fn review_of(call: Call<'_>, id: AssetId) -> IpcResult<Option<ReviewView>> {
    Ok(review::review_of(&call.state.ctx()?, id)?)
}

pub async fn decide_review(
    call: Call<'_>,
    id: AssetId,
    decision: Decision,
    comment: Option<String>,
) -> IpcResult<Decided> {
    Ok(review::decide(&call.state.ctx()?, id, decision, comment.as_deref())?)
}

pub async fn add_comment(
    call: Call<'_>,
    id: AssetId,
    body: String,
    pin: Option<Pin>,
    reply_to: Option<i64>,
) -> IpcResult<Comment> {
    Ok(review::add_comment(&call.state.ctx()?, id, &body, pin, reply_to)?)
}

pub async fn resolve_comment(call: Call<'_>, comment: i64) -> IpcResult<Comment> {
    Ok(review::resolve_comment(&call.state.ctx()?, comment)?)
}

pub async fn comments(call: Call<'_>, id: AssetId) -> IpcResult<Vec<Comment>> {
    Ok(review::comments(&call.state.ctx()?, id)?)
}

pub async fn notifications(call: Call<'_>) -> IpcResult<Vec<Notification>> {
    Ok(review::notifications(&call.state.ctx()?)?)
}
