//! Who may reach what, over HTTP, for every route the server answers. The
//! routes come from the server itself (`resolution-studio routes`, built
//! from the router's own list), so a new endpoint is walked without anyone
//! adding it here; a new server function must also get a line in
//! `server_functions()` (its role and arguments), or this test fails.

use serde_json::{json, Value};

use crate::common::{encode, request, spawn_app, Answer, TestApp};
use crate::drafts::{call_form, call_json, create, ok_json};

const EVIL: &str = "https://evil.example";

/// A's things that B must not see: a draft, a template of its own, a source.
struct Fixture {
    draft: i64,
    template: &'static str,
    template_source: String,
    source: Value,
    viewer_email: &'static str,
    campaign: i64,
    import: i64,
}

fn fixture(app: &TestApp) -> Fixture {
    let draft = create(app, "us-14a8-hrdd-proposal", "Org A secret proposal");
    // A template of A's own: a clone of a built-in, saved, not published.
    let cloned = call_form(
        app,
        "clone_template",
        &[
            ("id", "engagement-letter-en"),
            ("version", "1"),
            ("new_id", "org-a-letter"),
        ],
    );
    assert_eq!(cloned.0, 200, "{}", cloned.1);
    let template_source = String::from_utf8(
        app.get(&format!(
            "{}/templates/org-a-letter/versions/1/export",
            app.address
        ))
        .2,
    )
    .expect("UTF-8");
    let source = json!({
        "id": "org-a-notes", "type": "report", "title": "Org A field notes", "publisher": "Org A",
        "date": "2026-01-10", "authors": [], "tags": [], "claims": []
    });
    ok_json(call_json(
        app,
        "save_source",
        json!({"source": source, "replace": false}),
    ));
    let campaign = crate::campaigns::new_campaign(app, "Org A secret campaign");
    let uploaded = crate::campaigns::upload(
        app,
        &app.cookie,
        &app.address,
        campaign,
        "list.csv",
        b"Co-filer,Shares\nFirst Fund,100\n",
    );
    assert_eq!(uploaded.status, 303);
    let import = uploaded
        .header("location")
        .and_then(|l| l.rsplit('/').next())
        .and_then(|n| n.parse().ok())
        .expect("the import's page");
    Fixture {
        campaign,
        import,
        draft,
        template: "org-a-letter",
        template_source,
        source,
        viewer_email: "viewer@northwind.example",
    }
}

/// How a server function is called in these tests.
enum Args {
    Form(Vec<(&'static str, String)>),
    Json(Value),
}

struct ServerFn {
    name: &'static str,
    /// The least role allowed: a role below it gets 403.
    role: &'static str,
    /// What another organisation's admin gets when calling it on A's things
    /// (`None`: it touches none of A's things).
    other_org: Option<u16>,
    args: Args,
}

fn server_functions(f: &Fixture) -> Vec<ServerFn> {
    use Args::{Form, Json};
    let d = f.draft.to_string();
    let c = f.campaign.to_string();
    let i = f.import.to_string();
    let t = f.template;
    let s = "org-a-notes";
    let form = |pairs: &[(&'static str, &str)]| {
        Form(pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect())
    };
    let sf = |name, role, other_org, args| ServerFn {
        name,
        role,
        other_org,
        args,
    };
    vec![
        sf("whoami", "viewer", None, form(&[])),
        sf(
            "change_password",
            "viewer",
            None,
            form(&[
                ("current", "not the password"),
                ("new", "another long passphrase"),
            ]),
        ),
        sf("list_members", "admin", None, form(&[])),
        sf(
            "invite_member",
            "admin",
            None,
            form(&[("email", "new@northwind.example"), ("role", "viewer")]),
        ),
        sf(
            "set_member_role",
            "admin",
            Some(404),
            form(&[("email", f.viewer_email), ("role", "admin")]),
        ),
        sf(
            "remove_member",
            "admin",
            Some(404),
            form(&[("email", f.viewer_email)]),
        ),
        sf("audit_log", "admin", None, form(&[])),
        sf("list_templates", "viewer", None, form(&[])),
        sf("template_library", "viewer", None, form(&[])),
        // The id is A's: B is refused (the id is taken), and nothing is stored.
        sf(
            "save_template",
            "editor",
            Some(400),
            Form(vec![("source", f.template_source.clone())]),
        ),
        sf(
            "publish_template",
            "editor",
            Some(404),
            form(&[
                ("id", t),
                ("version", "1"),
                ("notes", "Published by someone else"),
            ]),
        ),
        sf(
            "retire_template",
            "editor",
            Some(404),
            form(&[("id", t), ("retired", "true")]),
        ),
        sf(
            "clone_template",
            "editor",
            Some(404),
            form(&[("id", t), ("version", "1"), ("new_id", "stolen-letter")]),
        ),
        sf(
            "import_template",
            "editor",
            Some(400),
            Form(vec![
                ("source", f.template_source.clone()),
                ("as_copy_id", String::new()),
            ]),
        ),
        sf(
            "check_template",
            "editor",
            None,
            Form(vec![
                ("source", f.template_source.clone()),
                ("answers", "{}".into()),
            ]),
        ),
        sf(
            "template_for_editing",
            "editor",
            Some(404),
            form(&[("id", t)]),
        ),
        sf(
            "compare_template_versions",
            "viewer",
            Some(404),
            form(&[("id", t), ("from", "1"), ("to", "1")]),
        ),
        sf(
            "set_template_fields",
            "editor",
            None,
            Json(json!({"source": f.template_source, "fields": []})),
        ),
        sf(
            "share_template",
            "editor",
            Some(404),
            form(&[("id", t), ("version", "1")]),
        ),
        sf(
            "list_drafts",
            "viewer",
            None,
            form(&[
                ("text", ""),
                ("status", "any"),
                ("include_archived", "true"),
            ]),
        ),
        sf(
            "create_draft",
            "drafter",
            None,
            form(&[("template_id", "engagement-letter-en"), ("title", "New")]),
        ),
        sf("duplicate_draft", "drafter", Some(404), form(&[("id", &d)])),
        sf(
            "archive_draft",
            "drafter",
            Some(404),
            form(&[("id", &d), ("archived", "true")]),
        ),
        sf(
            "set_draft_status",
            "drafter",
            Some(404),
            form(&[("id", &d), ("status", "final")]),
        ),
        sf(
            "rename_draft",
            "drafter",
            Some(404),
            form(&[("id", &d), ("title", "Renamed by B")]),
        ),
        sf("load_draft", "viewer", Some(404), form(&[("id", &d)])),
        sf(
            "preview_template_move",
            "viewer",
            Some(404),
            form(&[("id", &d)]),
        ),
        sf(
            "move_draft_template",
            "drafter",
            Some(404),
            form(&[("id", &d), ("base_version", "1"), ("to_version", "2")]),
        ),
        sf(
            "save_draft",
            "drafter",
            Some(404),
            Json(json!({"request": {"draft_id": f.draft, "base_version": 1,
                        "answers": {"proponent": "B"}, "dismissals": {}}})),
        ),
        sf(
            "preview_draft",
            "viewer",
            Some(404),
            Json(json!({"id": f.draft, "answers": {}, "dismissals": {}})),
        ),
        sf("draft_history", "viewer", Some(404), form(&[("id", &d)])),
        sf(
            "view_version",
            "viewer",
            Some(404),
            form(&[("id", &d), ("number", "1")]),
        ),
        sf(
            "compare_versions",
            "viewer",
            Some(404),
            form(&[("id", &d), ("before", "1"), ("after", "1")]),
        ),
        sf(
            "restore_version",
            "drafter",
            Some(404),
            form(&[("id", &d), ("number", "1"), ("base_version", "1")]),
        ),
        sf(
            "draft_publication",
            "viewer",
            Some(404),
            form(&[("id", &d)]),
        ),
        sf(
            "publish_draft",
            "drafter",
            Some(404),
            form(&[("id", &d), ("indexable", "false")]),
        ),
        sf("withdraw_draft", "drafter", Some(404), form(&[("id", &d)])),
        sf("list_packets", "viewer", None, form(&[])),
        sf("list_api_tokens", "admin", None, form(&[])),
        sf(
            "create_api_token",
            "admin",
            None,
            form(&[("name", "Script"), ("scope", "read")]),
        ),
        sf("revoke_api_token", "admin", Some(404), form(&[("id", "1")])),
        // A's draft does not exist for B: no packet is queued.
        sf(
            "start_packet",
            "viewer",
            Some(404),
            Json(json!({"title": "", "drafts": [f.draft], "formats": ["pdf"]})),
        ),
        sf("stop_packet", "viewer", Some(404), form(&[("id", &d)])),
        sf("list_sources", "viewer", None, form(&[])),
        sf(
            "save_source",
            "drafter",
            Some(404),
            Json(json!({"source": f.source, "replace": true})),
        ),
        sf("delete_source", "drafter", Some(404), form(&[("id", s)])),
        sf(
            "retire_source",
            "drafter",
            Some(404),
            form(&[("id", s), ("retired", "true")]),
        ),
        sf("share_source", "editor", Some(404), form(&[("id", s)])),
        sf("import_sources", "drafter", None, form(&[("text", "[]")])),
        sf("list_campaigns", "viewer", None, form(&[])),
        sf(
            "create_campaign",
            "drafter",
            None,
            Json(
                json!({"name": "B's", "jurisdiction": "us-sec-14a8", "shared": {"company": "X", "meeting_year": 2027}}),
            ),
        ),
        sf("load_campaign", "viewer", Some(404), form(&[("id", &c)])),
        sf(
            "update_campaign",
            "drafter",
            Some(404),
            Json(
                json!({"id": f.campaign, "revision": 1, "name": "Taken", "shared": {"company": "X", "meeting_year": 2027}}),
            ),
        ),
        sf(
            "add_campaign_document",
            "drafter",
            Some(404),
            form(&[
                ("campaign", &c),
                ("template_id", "us-14a8-hrdd-proposal"),
                ("title", ""),
            ]),
        ),
        sf(
            "set_draft_campaign",
            "drafter",
            Some(404),
            form(&[("draft", &d), ("campaign", &c)]),
        ),
        sf(
            "load_campaign_import",
            "viewer",
            Some(404),
            form(&[("campaign", &c), ("import", &i)]),
        ),
        sf(
            "check_campaign_import",
            "viewer",
            Some(404),
            Json(
                json!({"campaign": f.campaign, "import": f.import, "mapping": {"name_column": 0, "templates": ["cofiler-authorisation"], "sources": []}}),
            ),
        ),
        sf(
            "confirm_campaign_import",
            "drafter",
            Some(404),
            Json(
                json!({"campaign": f.campaign, "import": f.import, "mapping": {"name_column": 0, "templates": ["cofiler-authorisation"], "sources": []}}),
            ),
        ),
    ]
}

/// Calls a server function with the given headers besides the body's type.
fn call(app: &TestApp, f: &ServerFn, headers: &[(&str, &str)]) -> Answer {
    let (content_type, body) = match &f.args {
        Args::Form(pairs) => (
            "application/x-www-form-urlencoded",
            pairs
                .iter()
                .map(|(k, v)| format!("{k}={}", encode(v)))
                .collect::<Vec<_>>()
                .join("&"),
        ),
        Args::Json(value) => ("application/json", value.to_string()),
    };
    let mut all = vec![
        ("content-type", content_type),
        ("accept", "application/json"),
    ];
    all.extend_from_slice(headers);
    request(
        "POST",
        &format!("{}/api/{}", app.address, f.name),
        &all,
        Some(&body),
    )
}

/// Everything a test could change, in one string: if it is the same
/// before and after, nothing was changed.
fn fingerprint(app: &TestApp) -> String {
    app.with_database(async |store| {
        sqlx::query_scalar::<_, String>(
            "SELECT (SELECT COUNT(*) FROM drafts) || '/' || (SELECT COUNT(*) FROM draft_versions)
             || '/' || (SELECT string_agg(title || status || archived || head, ',' ORDER BY id) FROM drafts)
             || '/' || (SELECT COUNT(*) FROM templates)
             || '/' || (SELECT COUNT(*) FROM templates WHERE published_at IS NOT NULL)
             || '/' || (SELECT COUNT(*) FROM templates WHERE shared_at IS NOT NULL)
             || '/' || (SELECT COUNT(*) FROM template_retirements)
             || '/' || (SELECT string_agg(id || COALESCE(retired_at, '') || COALESCE(shared_at, ''), ',' ORDER BY id) FROM evidence_sources)
             || '/' || (SELECT string_agg(email || role, ',' ORDER BY email) FROM users)
             || '/' || (SELECT COUNT(*) FROM invitations)
             || '/' || (SELECT COUNT(*) FROM publications)
             || '/' || (SELECT COALESCE(string_agg(name || revision, ',' ORDER BY id), '') FROM campaigns)
             || '/' || (SELECT COUNT(*) FROM campaign_imports WHERE used_at IS NOT NULL)
             || '/' || (SELECT COUNT(*) FROM drafts WHERE campaign_id IS NOT NULL)",
        )
        .fetch_one(store.pool())
        .await
        .expect("the fingerprint query runs")
    })
}

fn routes(app: &TestApp) -> Vec<(String, String, String, String)> {
    app.cli(&["routes"], "")
        .lines()
        .map(|line| {
            let parts: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(parts.len(), 4, "a route line: {line}");
            (
                parts[0].to_owned(),
                parts[1].to_owned(),
                parts[2].to_owned(),
                parts[3].to_owned(),
            )
        })
        .collect()
}

/// A route's path with its parameters filled with A's things.
fn concrete(path: &str, f: &Fixture) -> String {
    let id = if path.starts_with("/templates/") || path.starts_with("/library/") {
        f.template.to_owned()
    } else if path.starts_with("/campaigns/") {
        f.campaign.to_string()
    } else {
        f.draft.to_string()
    };
    path.replace("{id}", &id)
        .replace(":id", &id)
        .replace("{format}", "pdf")
        .replace("{version}", "1")
        .replace("{token}", "no-such-token")
        .replace("{import}", &f.import.to_string())
        .replace(":import", &f.import.to_string())
}

#[test]
fn every_route_resolves_the_caller_and_refuses_other_sites_and_other_organisations() {
    let app = spawn_app();
    let f = fixture(&app);
    app.add_user(&app.org, f.viewer_email, "viewer");
    let viewer = app.sign_in(f.viewer_email);
    let drafter = app.user(&app.org, "drafter@northwind.example", "drafter");
    let editor = app.user(&app.org, "editor@northwind.example", "editor");
    let other_org = app.add_org("Southwind Advocates", "advocacy");
    let outsider = app.user(&other_org, "admin@southwind.example", "admin");
    let cookie_of = |role: &str| match role {
        "viewer" => viewer.clone(),
        "drafter" => drafter.clone(),
        "editor" => editor.clone(),
        _ => app.cookie.clone(),
    };
    let before = fingerprint(&app);

    let routes = routes(&app);
    let functions = server_functions(&f);
    let listed: Vec<&str> = routes
        .iter()
        .filter(|r| r.2 == "server-fn")
        .map(|r| r.1.trim_start_matches("/api/"))
        .collect();
    for name in &listed {
        assert!(
            functions.iter().any(|f| f.name == *name),
            "server function `{name}` has no line in server_functions(): say its role and arguments"
        );
    }
    assert_eq!(listed.len(), functions.len(), "{listed:?}");
    for must in [
        "/login",
        "/drafts/{id}",
        "/p/{token}",
        "/drafts/{id}/download/{format}",
    ] {
        assert!(routes.iter().any(|r| r.1 == must), "{must} is listed");
    }

    for (method, path, kind, access) in &routes {
        let url = format!("{}{}", app.address, concrete(path, &f));
        // The API takes a token, never the session: a page of another site
        // is refused by its Origin, and a session cookie alone is not enough.
        if kind == "api" {
            if method != "GET" {
                let answer = request(
                    method,
                    &url,
                    &[("origin", EVIL), ("cookie", app.cookie.as_str())],
                    Some("{}"),
                );
                assert_eq!(answer.status, 403, "{method} {path} from another site");
            }
            if access == "token" {
                let answer = request(method, &url, &[("cookie", app.cookie.as_str())], Some("{}"));
                assert_eq!(answer.status, 401, "{method} {path} with a session only");
            }
            continue;
        }
        // Another site, through a signed-in browser: refused before anything runs.
        if method != "GET" {
            for headers in [
                vec![("origin", EVIL), ("cookie", app.cookie.as_str())],
                vec![
                    ("sec-fetch-site", "cross-site"),
                    ("cookie", app.cookie.as_str()),
                ],
                vec![("cookie", app.cookie.as_str())],
            ] {
                let answer = request(method, &url, &headers, Some("id=1"));
                assert_eq!(answer.status, 403, "{method} {path} from {headers:?}");
            }
        }
        if access == "public" {
            if method == "GET" {
                let answer = request("GET", &url, &[], None);
                assert!(
                    answer.status < 500,
                    "{method} {path} anonymously: {}",
                    answer.status
                );
            }
            continue;
        }
        // Anonymous: pages send to the sign-in page, the rest is 401.
        let answer = request(method, &url, &[("origin", &app.address)], Some(""));
        if kind == "page" && method == "GET" {
            assert_eq!(answer.status, 303, "{method} {path} anonymously");
            let location = answer.header("location").unwrap_or_default();
            assert!(
                location.starts_with("/login?next=%2F") || location.starts_with("/login?next=/"),
                "{location}"
            );
        } else {
            assert_eq!(answer.status, 401, "{method} {path} anonymously");
        }
    }

    // Roles: one step below the least role is refused.
    let below = |role: &str| match role {
        "drafter" => Some("viewer"),
        "editor" => Some("drafter"),
        "admin" => Some("editor"),
        _ => None,
    };
    for function in &functions {
        let Some(low) = below(function.role) else {
            continue;
        };
        let cookie = cookie_of(low);
        let answer = call(
            &app,
            function,
            &[("origin", &app.address), ("cookie", &cookie)],
        );
        assert_eq!(
            answer.status,
            403,
            "{} as {low}: {}",
            function.name,
            String::from_utf8_lossy(&answer.body)
        );
    }

    // Another organisation's admin: A's things do not exist for them.
    for function in &functions {
        let Some(expected) = function.other_org else {
            continue;
        };
        let answer = call(
            &app,
            function,
            &[("origin", &app.address), ("cookie", &outsider)],
        );
        assert_eq!(
            answer.status,
            expected,
            "{} by another organisation: {}",
            function.name,
            String::from_utf8_lossy(&answer.body)
        );
    }
    let outsider_get = |path: &str| {
        request(
            "GET",
            &format!("{}{path}", app.address),
            &[("cookie", &outsider)],
            None,
        )
    };
    for path in [
        format!("/drafts/{}/download/pdf", f.draft),
        format!("/drafts/{}/download/html", f.draft),
        format!("/templates/{}/versions/1/export", f.template),
        format!("/templates/{}/sample/docx", f.template),
        format!("/drafts/{}", f.draft),
        format!("/drafts/{}/history", f.draft),
        format!("/library/{}/edit", f.template),
        format!("/campaigns/{}", f.campaign),
        format!("/campaigns/{}/import/{}", f.campaign, f.import),
    ] {
        let answer = outsider_get(&path);
        assert_eq!(answer.status, 404, "{path} by another organisation");
        assert!(
            !String::from_utf8_lossy(&answer.body).contains("Org A secret proposal"),
            "{path} shows A's draft"
        );
    }
    let listed = String::from_utf8_lossy(
        &call(
            &app,
            &ServerFn {
                name: "list_drafts",
                role: "viewer",
                other_org: None,
                args: Args::Form(vec![
                    ("text", String::new()),
                    ("status", "any".into()),
                    ("include_archived", "true".into()),
                ]),
            },
            &[("origin", &app.address), ("cookie", &outsider)],
        )
        .body,
    )
    .into_owned();
    assert_eq!(listed, "[]", "another organisation lists no draft of A's");
    let sources = String::from_utf8_lossy(
        &call(
            &app,
            functions
                .iter()
                .find(|f| f.name == "list_sources")
                .expect("listed"),
            &[("origin", &app.address), ("cookie", &outsider)],
        )
        .body,
    )
    .into_owned();
    assert!(!sources.contains("org-a-notes"), "B sees A's source");
    assert!(
        sources.contains("hrw-2025-10-10-joint-letter"),
        "B sees the sample library"
    );

    assert_eq!(
        fingerprint(&app),
        before,
        "a refused request changed something"
    );
    // And A itself still can.
    ok_json(call_form(
        &app,
        "load_draft",
        &[("id", &f.draft.to_string())],
    ));
}
