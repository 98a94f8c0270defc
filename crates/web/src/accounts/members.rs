//! Editors: membership requests.

use super::*;

pub struct RequestView {
    pub user_id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub requested: String,
}

#[derive(Template)]
#[template(path = "accounts/editor-members.html")]
pub(super) struct MembershipQueue {
    c: Chrome,
    requests: Vec<RequestView>,
}

pub(super) async fn membership_queue(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
) -> Result<Response, WebError> {
    let c = page.chrome_t("/editor/members", "members-title").with_nav("editor");
    let requests = praxis_app::accounts::pending_memberships(&state, &editor)
        .await?
        .into_iter()
        .map(|m| RequestView {
            user_id: m.user_id,
            organisation_id: m.organisation.id,
            name: m.user_name,
            email: m.user_email,
            organisation: m.organisation.name,
            requested: m.requested_at[..10].to_string(),
        })
        .collect();
    render(MembershipQueue { c, requests })
}

#[derive(Deserialize)]
pub(super) struct DecisionForm {
    #[serde(default)]
    decision: String,
}

pub(super) async fn decide_membership(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, user_id, organisation_id)): Path<(String, i64, i64)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let verified = form.decision == "verify";
    praxis_app::accounts::decide_membership(&state, &editor, user_id, organisation_id, verified).await?;
    Ok(Redirect::to(&format!("/{}/editor/members", lang.code())).into_response())
}
