//! Snapshots of what others read: the OpenAPI document and a sample of e-mails. A change
//! to either shows up as a reviewed difference (`cargo insta review`), never silently.

mod common;

use common::TestApp;
use praxis_domain::Role;
use serde_json::json;

/// An e-mail as the recipient reads it: encoded words and quoted-printable text decoded,
/// and the headers that vary per message (date, message id) taken out.
fn readable(eml: &str) -> String {
    let (head, body) = eml.split_once("\r\n\r\n").or_else(|| eml.split_once("\n\n")).unwrap_or((eml, ""));
    let head = head.replace("\r\n ", " ").replace("\n ", " ");
    let mut out: Vec<String> = head
        .lines()
        .filter(|l| !l.starts_with("Date:") && !l.starts_with("Message-ID:"))
        .map(decode_words)
        .collect();
    out.push(String::new());
    out.push(common::quoted_printable(&body.replace("\r\n", "\n")));
    out.join("\n")
}

/// RFC 2047 `=?utf-8?b?…?=` words, as lettre writes non-ASCII headers.
fn decode_words(line: &str) -> String {
    use base64::Engine as _;
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("=?utf-8?b?") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 10..];
        let Some(end) = after.find("?=") else { break };
        let bytes = base64::engine::general_purpose::STANDARD.decode(&after[..end]).unwrap_or_default();
        out.push_str(&String::from_utf8_lossy(&bytes));
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn the_openapi_document() {
    let app = TestApp::with_demo(&[]).await;
    let reply = app.get("/api/v1/openapi.json").await;
    assert_eq!(reply.status, 200);
    insta::assert_json_snapshot!("openapi", reply.json());
}

#[tokio::test]
async fn the_decision_e_mails_in_the_authors_language() {
    let app = TestApp::with_demo(&[]).await;
    let store = app.store();
    let member = store
        .upsert_user("joao@recife.pe.gov.br", "João", Role::Member, Some("Prefeitura do Recife"))
        .await
        .unwrap();
    store.set_language(member, "pt").await.unwrap();
    let member = store.create_api_token(member, "test").await.unwrap();
    let editor = store.upsert_user("ed@network.org", "Ed", Role::Editor, None).await.unwrap();
    let editor = store.create_api_token(editor, "test").await.unwrap();
    let record = json!({
        "id": "rec-1", "language": "pt",
        "title": {"pt": "Hortas comunitárias nos morros do Recife"},
        "summary": {"pt": "Moradores cultivam hortas em terrenos da Prefeitura nas encostas."},
        "city": "Recife", "country": "BR", "organisation": "Prefeitura do Recife",
        "themes": ["food"], "kind": "program"
    });
    let reply = app.api("POST", "/api/v1/initiatives", Some(&member), Some(&record)).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let submitted = app.outbox();
    assert_eq!(submitted.len(), 1, "the editor is told of the submission");
    insta::assert_snapshot!("mail-submitted-en", readable(&submitted[0]));

    let reply = app.api("POST", "/api/v1/initiatives/rec-1/publish", Some(&editor), None).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let all = app.outbox();
    let published: Vec<&String> = all.iter().filter(|m| m.contains("joao@recife.pe.gov.br")).collect();
    assert_eq!(published.len(), 1, "the author is told once");
    insta::assert_snapshot!("mail-published-pt", readable(published[0]));
}
