//! Accounts over HTTP and on the command line: first start, sign-in and
//! its slow-down, sessions (expiry, sign-out, a new id at sign-in),
//! invitations, roles, security headers, sharing between organisations,
//! readers' pages, the audit log and deleting evidence.

use serde_json::json;

use crate::common::{encode, request, spawn_app, spawn_app_anonymous, TestApp, PASSWORD};
use crate::drafts::{call_form, call_form_as, call_json, call_json_as, create, ok_json};

fn login(
    app: &TestApp,
    email: &str,
    password: &str,
    cookie: Option<&str>,
) -> (u16, Vec<(String, String)>, String) {
    app.post_form(
        "/login",
        &format!(
            "email={}&password={}&next=%2Fdrafts",
            encode(email),
            encode(password)
        ),
        cookie,
    )
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn whoami(app: &TestApp, cookie: &str) -> u16 {
    call_form_as(app, cookie, "whoami", &[]).0
}

fn sql(app: &TestApp, statement: &'static str) {
    app.with_database(async |store| {
        sqlx::query(statement)
            .execute(store.pool())
            .await
            .expect("the statement runs");
    });
}

#[test]
fn first_start_prints_a_one_time_setup_address() {
    let app = spawn_app_anonymous();
    let log =
        std::fs::read_to_string(app.data.path().join("server.log")).expect("the server's log");
    let url = log
        .split_whitespace()
        .find(|w| w.contains("/setup?token="))
        .unwrap_or_else(|| panic!("no setup address printed:\n{log}"));
    let token = url.split("token=").nth(1).expect("a token");
    assert!(token.len() >= 40, "{token}");
    // Anyone without the token gets nothing.
    assert_eq!(
        request(
            "GET",
            &format!("{}/setup?token=guess", app.address),
            &[],
            None
        )
        .status,
        404
    );
    let page = request("GET", url, &[], None);
    assert_eq!(page.status, 200);
    assert!(String::from_utf8_lossy(&page.body).contains("name=\"org_name\""));

    let form = |password: &str| {
        format!(
            "token={token}&org_name=Harbour+Light+Pension+Fund&org_kind=investor&email=chief%40harbour.example&password={}",
            encode(password)
        )
    };
    let (status, _, body) = app.post_form("/setup", &form("harbour2026"), None);
    assert_eq!(status, 400);
    assert!(body.contains("too short"), "{body}");
    let (status, headers, _) = app.post_form("/setup", &form(PASSWORD), None);
    assert_eq!(status, 303);
    let cookie = header(&headers, "set-cookie")
        .expect("signed in")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(whoami(&app, &cookie), 200);
    // Once used, the address is dead, and the next start prints none.
    let (status, _, _) = app.post_form("/setup", &form(PASSWORD), None);
    assert!(status == 400 || status == 404, "{status}");
    let users = app.cli(&["user", "list"], "");
    assert!(
        users.contains("harbour-light-pension-fund\tchief@harbour.example\tadmin"),
        "{users}"
    );
}

#[test]
fn operators_manage_organisations_and_people_on_the_command_line() {
    let app = spawn_app_anonymous();
    let slug = app.add_org("Coalition for Accountable Tech", "advocacy");
    assert_eq!(slug, "coalition-for-accountable-tech");
    assert_eq!(
        app.add_org("Coalition for Accountable Tech", "advocacy"),
        "coalition-for-accountable-tech-2"
    );
    // A weak password is refused with the reason.
    let weak = std::process::Command::new(crate::common::binary())
        .args([
            "user",
            "add",
            "--org",
            &slug,
            "--email",
            "a@cat.example",
            "--role",
            "admin",
        ])
        .env("DATABASE_URL", app.database_url())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(b"password1234\n")?;
            child.wait_with_output()
        })
        .expect("the command runs");
    assert!(!weak.status.success());
    let message = String::from_utf8_lossy(&weak.stderr);
    assert!(message.contains("too weak"), "{message}");
    app.add_user(&slug, "a@cat.example", "admin");
    app.add_user(&slug, "b@cat.example", "drafter");
    let list = app.cli(&["user", "list", "--org", &slug], "");
    assert!(
        list.contains("a@cat.example\tadmin") && list.contains("b@cat.example\tdrafter"),
        "{list}"
    );
    app.cli(
        &[
            "user",
            "set-role",
            "--email",
            "b@cat.example",
            "--role",
            "editor",
        ],
        "",
    );
    assert!(app
        .cli(&["user", "list"], "")
        .contains("b@cat.example\teditor"));
    app.cli(&["user", "remove", "--email", "b@cat.example"], "");
    assert!(!app.cli(&["user", "list"], "").contains("b@cat.example"));
    // The last admin stays.
    let last = std::process::Command::new(crate::common::binary())
        .args(["user", "remove", "--email", "a@cat.example"])
        .env("DATABASE_URL", app.database_url())
        .output()
        .expect("the command runs");
    assert!(!last.status.success());
    assert!(String::from_utf8_lossy(&last.stderr).contains("last admin"));
}

#[test]
fn sign_in_sessions_expire_end_and_are_renewed() {
    let app = spawn_app();
    let email = "admin@northwind.example";
    // The same answer for a wrong password and an unknown account.
    let (wrong, _, wrong_body) = login(&app, email, "not the password at all", None);
    let (unknown, _, unknown_body) = login(&app, "nobody@northwind.example", PASSWORD, None);
    assert_eq!((wrong, unknown), (401, 401));
    assert!(wrong_body.contains("email or password is wrong"));
    assert!(unknown_body.contains("email or password is wrong"));

    // Success: a redirect, an HttpOnly Lax cookie, and a new id every time,
    // whatever cookie the browser had before.
    let (status, headers, _) = login(&app, email, PASSWORD, Some("rs_session=planted-by-someone"));
    assert_eq!(status, 303);
    assert_eq!(header(&headers, "location"), Some("/drafts"));
    let set = header(&headers, "set-cookie").expect("a cookie");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"),
        "{set}"
    );
    assert!(!set.contains("Secure"), "plain HTTP here: {set}");
    let first = set.split(';').next().unwrap().to_owned();
    assert_ne!(first, "rs_session=planted-by-someone");
    assert_eq!(whoami(&app, "rs_session=planted-by-someone"), 401);
    let second = app.sign_in(email);
    assert_ne!(first, second);
    assert_eq!(whoami(&app, &first), 200);

    // Sign-out ends the session on the server: the old cookie is worthless.
    let (status, headers, _) = app.post_form("/logout", "", Some(&first));
    assert_eq!(status, 303);
    assert!(header(&headers, "set-cookie").is_some_and(|c| c.contains("Max-Age=0")));
    assert_eq!(whoami(&app, &first), 401);
    assert_eq!(whoami(&app, &second), 200);

    // Idle expiry (12 hours without a request) and absolute expiry.
    sql(
        &app,
        "UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000000Z'",
    );
    assert_eq!(whoami(&app, &second), 401);
    let third = app.sign_in(email);
    assert_eq!(whoami(&app, &third), 200);
    sql(
        &app,
        "UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000000Z'",
    );
    assert_eq!(whoami(&app, &third), 401);
    // Written as server functions write errors, so an open wizard shows it.
    let (_, body) = call_form_as(&app, &third, "whoami", &[]);
    let error: serde_json::Value = serde_json::from_str(&body).expect("a JSON error");
    assert_eq!(error["Refused"]["status"], 401, "{body}");
    assert!(error["Refused"]["message"]
        .as_str()
        .unwrap()
        .starts_with("sign in first"));
    let page = request(
        "GET",
        &format!("{}/drafts", app.address),
        &[("cookie", &third)],
        None,
    );
    assert_eq!(page.status, 303);
}

/// Thirty guesses sent at once used to all pass the failure count, taken
/// before any of them was recorded: each was checked against the password.
/// Now at most five are; the rest are told to wait. A right password
/// signed in before the guesses still works, and its own attempt does not
/// count against the address.
#[test]
fn guesses_sent_at_once_are_counted_as_they_arrive() {
    let app = spawn_app();
    let email = "admin@northwind.example";
    // Two successful sign-ins leave no failure behind.
    for _ in 0..2 {
        assert_eq!(login(&app, email, PASSWORD, None).0, 303);
    }
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let guesses: Vec<_> = (0..30)
            .map(|i| {
                let app = &app;
                scope.spawn(move || login(app, email, &format!("wrong guess number {i}"), None).0)
            })
            .collect();
        guesses.into_iter().map(|g| g.join().unwrap()).collect()
    });
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let slowed = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, slowed), (5, 25), "{statuses:?}");
}

#[test]
fn repeated_failed_sign_ins_are_slowed_down_and_say_when_to_retry() {
    let app = spawn_app();
    let email = "admin@northwind.example";
    for _ in 0..5 {
        assert_eq!(login(&app, email, "a wrong guess again", None).0, 401);
    }
    // Even the right password waits now.
    let (status, headers, body) = login(&app, email, PASSWORD, None);
    assert_eq!(status, 429, "{body}");
    assert!(body.contains("try again in 15 minutes"), "{body}");
    let retry: u64 = header(&headers, "retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((800..=900).contains(&retry), "{retry}");
    // The same address is slowed for other accounts too.
    let (status, _, _) = login(&app, "other@northwind.example", PASSWORD, None);
    assert_eq!(status, 429);
    let log = ok_json(call_form(&app, "audit_log", &[]));
    let failures = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "sign-in failed")
        .count();
    assert_eq!(failures, 5, "{log}");
}

#[test]
fn pages_carry_security_headers_and_a_nonce_for_the_hydration_script() {
    let app = spawn_app();
    let answer = request(
        "GET",
        &format!("{}/drafts", app.address),
        &[("cookie", &app.cookie)],
        None,
    );
    assert_eq!(answer.status, 200);
    let csp = answer
        .header("content-security-policy")
        .expect("a CSP")
        .to_owned();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"),
        "{csp}"
    );
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the CSP");
    let html = String::from_utf8_lossy(&answer.body);
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the nonce"
    );
    // No inline script without it.
    for script in html.split("<script").skip(1) {
        let tag = script.split('>').next().unwrap_or_default();
        assert!(
            tag.contains("nonce=") || tag.contains("src="),
            "an inline script without the nonce: <script{tag}>"
        );
    }
    assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
    assert!(answer.header("referrer-policy").is_some());
    // The login page too, and an unknown host is refused.
    let login = request("GET", &format!("{}/login", app.address), &[], None);
    assert!(login.header("content-security-policy").is_some());
    let wrong_host = request(
        "GET",
        &format!("{}/login", app.address),
        &[("host", "evil.example")],
        None,
    );
    assert_eq!(wrong_host.status, 400);
    // The HTML download runs nothing.
    let id = create(&app, "engagement-letter-en", "Headers");
    let sample: serde_json::Value = crate::drafts::sample("engagement-letter-en");
    ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 1, "answers": sample, "dismissals": {}}}),
    ));
    let html = request(
        "GET",
        &format!("{}/drafts/{id}/download/html", app.address),
        &[("cookie", &app.cookie)],
        None,
    );
    assert_eq!(html.status, 200);
    assert_eq!(html.header("content-security-policy"), Some("sandbox"));
}

#[test]
fn invitations_make_people_with_the_role_they_were_given() {
    let app = spawn_app();
    let link = ok_json(call_form(
        &app,
        "invite_member",
        &[
            ("email", "new.drafter@northwind.example"),
            ("role", "drafter"),
        ],
    ));
    let path = link.as_str().expect("the invitation's address").to_owned();
    assert!(path.starts_with("/invite/"));
    let page = request("GET", &format!("{}{path}", app.address), &[], None);
    assert!(String::from_utf8_lossy(&page.body).contains("new.drafter@northwind.example"));
    let (status, _, body) = app.post_form(&path, "password=short", None);
    assert_eq!(status, 400);
    assert!(body.contains("too short"));
    let (status, headers, _) =
        app.post_form(&path, &format!("password={}", encode(PASSWORD)), None);
    assert_eq!(status, 303);
    let cookie = header(&headers, "set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let me = ok_json(call_form_as(&app, &cookie, "whoami", &[]));
    assert_eq!(me["role"], "drafter");
    assert_eq!(me["org_slug"], app.org.as_str());
    // Used once only.
    let (status, _, _) = app.post_form(&path, &format!("password={}", encode(PASSWORD)), None);
    assert_eq!(status, 404);
    // A drafter cannot invite or change roles; the admin can.
    assert_eq!(
        call_form_as(
            &app,
            &cookie,
            "invite_member",
            &[("email", "x@northwind.example"), ("role", "admin")]
        )
        .0,
        403
    );
    ok_json(call_form(
        &app,
        "set_member_role",
        &[
            ("email", "new.drafter@northwind.example"),
            ("role", "viewer"),
        ],
    ));
    assert_eq!(
        ok_json(call_form_as(&app, &cookie, "whoami", &[]))["role"],
        "viewer"
    );
    let log = ok_json(call_form(&app, "audit_log", &[])).to_string();
    for action in ["invite", "join", "change role", "sign in"] {
        assert!(
            log.contains(&format!("\"action\":\"{action}\"")),
            "{action} in {log}"
        );
    }
}

#[test]
fn an_advocacy_group_shares_a_template_that_investors_draft_from_but_cannot_change() {
    let app = spawn_app();
    let group = app.add_org("Tech Accountability Coalition", "advocacy");
    let editor = app.user(&group, "editor@coalition.example", "editor");
    let cloned = call_form_as(
        &app,
        &editor,
        "clone_template",
        &[
            ("id", "engagement-letter-en"),
            ("version", "1"),
            ("new_id", "coalition-letter"),
        ],
    );
    assert_eq!(cloned.0, 200, "{}", cloned.1);
    // Not visible to the investor until published to everyone.
    let visible = |cookie: &str| call_form_as(&app, cookie, "list_templates", &[]).1;
    assert!(!visible(&app.cookie).contains("coalition-letter"));
    assert_eq!(
        call_form_as(
            &app,
            &editor,
            "publish_template",
            &[
                ("id", "coalition-letter"),
                ("version", "1"),
                ("notes", "First release")
            ]
        )
        .0,
        200
    );
    assert!(!visible(&app.cookie).contains("coalition-letter"));
    assert_eq!(
        call_form_as(
            &app,
            &editor,
            "share_template",
            &[("id", "coalition-letter"), ("version", "1")]
        )
        .0,
        200
    );
    let listed = ok_json(call_form(&app, "list_templates", &[]));
    let shared = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "coalition-letter")
        .expect("shared template listed");
    assert_eq!(shared["publisher"], "Tech Accountability Coalition");
    // The investor drafts from it, cannot change it, can clone it.
    let draft = create(&app, "coalition-letter", "From the coalition");
    assert!(draft > 0);
    let (status, body) = call_form(
        &app,
        "publish_template",
        &[
            ("id", "coalition-letter"),
            ("version", "1"),
            ("notes", "mine now"),
        ],
    );
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("clone it"), "{body}");
    assert_eq!(
        call_form(
            &app,
            "clone_template",
            &[
                ("id", "coalition-letter"),
                ("version", "1"),
                ("new_id", "northwind-letter")
            ]
        )
        .0,
        200
    );
    // An investor organisation does not publish to everyone.
    let (status, body) = call_form(
        &app,
        "share_template",
        &[("id", "northwind-letter"), ("version", "1")],
    );
    assert_eq!(status, 403, "{body}");
}

#[test]
fn a_final_draft_is_published_for_readers_and_withdrawn() {
    let app = spawn_app();
    let id = create(&app, "engagement-letter-en", "Public letter");
    let sample: serde_json::Value = crate::drafts::sample("engagement-letter-en");
    ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 1, "answers": sample, "dismissals": {}}}),
    ));
    let (status, body) = call_form(
        &app,
        "publish_draft",
        &[("id", &id.to_string()), ("indexable", "false")],
    );
    assert_eq!(status, 400);
    assert!(body.contains("mark it final"), "{body}");
    ok_json(call_form(
        &app,
        "set_draft_status",
        &[("id", &id.to_string()), ("status", "final")],
    ));
    let publication = ok_json(call_form(
        &app,
        "publish_draft",
        &[("id", &id.to_string()), ("indexable", "false")],
    ));
    let token = publication["token"].as_str().unwrap().to_owned();
    assert!(token.len() >= 40);
    let page = request("GET", &format!("{}/p/{token}", app.address), &[], None);
    assert_eq!(page.status, 200);
    let html = String::from_utf8_lossy(&page.body);
    assert!(
        html.contains("Microsoft Corporation") && html.contains("noindex"),
        "{html}"
    );
    assert_eq!(page.header("x-robots-tag"), Some("noindex, nofollow"));
    assert!(
        !html.contains("Public letter"),
        "the page shows the document, not the organisation's draft list"
    );
    let pdf = request(
        "GET",
        &format!("{}/p/{token}/download/pdf", app.address),
        &[],
        None,
    );
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with(b"%PDF"));
    // A withdrawn publication must not live on in a shared cache.
    for answer in [&page, &pdf] {
        assert_eq!(answer.header("cache-control"), Some("private, no-cache"));
    }
    let docx = request(
        "GET",
        &format!("{}/p/{token}/download/docx", app.address),
        &[],
        None,
    );
    assert!(docx.body.starts_with(b"PK"));
    // Editing the draft afterwards does not change what readers see.
    ok_json(call_form(
        &app,
        "rename_draft",
        &[("id", &id.to_string()), ("title", "Renamed")],
    ));
    // Withdrawn: gone.
    ok_json(call_form(
        &app,
        "withdraw_draft",
        &[("id", &id.to_string())],
    ));
    assert_eq!(
        request("GET", &format!("{}/p/{token}", app.address), &[], None).status,
        410
    );
    assert_eq!(
        request(
            "GET",
            &format!("{}/p/{token}/download/pdf", app.address),
            &[],
            None
        )
        .status,
        410
    );
    assert_eq!(
        request("GET", &format!("{}/p/not-a-token", app.address), &[], None).status,
        404
    );
    let log = ok_json(call_form(&app, "audit_log", &[])).to_string();
    assert!(
        log.contains("\"action\":\"publish\"") && log.contains("\"action\":\"withdraw\""),
        "{log}"
    );
}

#[test]
fn a_source_cited_anywhere_is_retired_not_deleted() {
    let app = spawn_app();
    let source = json!({
        "id": "northwind-review", "type": "report", "title": "Northwind contract review", "publisher": "Northwind",
        "date": "2026-03-01", "authors": [], "tags": [], "claims": [{"id": "gap", "text": {"en": "No contract named a human rights review."}}]
    });
    ok_json(call_json(
        &app,
        "save_source",
        json!({"source": source, "replace": false}),
    ));
    let id = create(&app, "us-14a8-hrdd-proposal", "Citing proposal");
    ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 1,
        "answers": {"supporting_statement": "Reviews found gaps [@northwind-review]."}, "dismissals": {}}}),
    ));
    // The next version no longer cites it; version 2 still does.
    ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 2,
        "answers": {"supporting_statement": "Reviews found gaps."}, "dismissals": {}}}),
    ));
    let (status, body) = call_form(&app, "delete_source", &[("id", "northwind-review")]);
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains("Citing proposal") && body.contains("version 2") && body.contains("retire"),
        "{body}"
    );
    // A built-in sample source belongs to no one here.
    let (status, body) = call_form(
        &app,
        "delete_source",
        &[("id", "hrw-2025-10-10-joint-letter")],
    );
    assert_eq!(status, 403, "{body}");
    // Retired: hidden from the picker's list as retired, still rendering.
    ok_json(call_form(
        &app,
        "retire_source",
        &[("id", "northwind-review"), ("retired", "true")],
    ));
    let sources = ok_json(call_form(&app, "list_sources", &[]));
    let retired = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"]["id"] == "northwind-review")
        .unwrap();
    assert_eq!(retired["retired"], true);
    let preview = ok_json(call_json(
        &app,
        "preview_draft",
        json!({"id": id,
        "answers": {"supporting_statement": "Again [@northwind-review]."}, "dismissals": {}}),
    ));
    assert!(
        preview["html"]
            .as_str()
            .unwrap()
            .contains("Northwind Contract Review"),
        "{preview}"
    );
    // A source nothing cites goes.
    let loose = json!({"id": "loose-notes", "type": "report", "title": "Loose notes", "publisher": "Northwind",
        "date": "2026-03-02", "authors": [], "tags": [], "claims": []});
    ok_json(call_json(
        &app,
        "save_source",
        json!({"source": loose, "replace": false}),
    ));
    ok_json(call_form(&app, "delete_source", &[("id", "loose-notes")]));
}

#[test]
fn another_organisations_draft_cannot_keep_a_private_source_from_being_deleted() {
    let app = spawn_app();
    let source = |id: &str| {
        json!({"source": {"id": id, "type": "report", "title": "Northwind notes", "publisher": "Northwind",
            "date": "2026-03-01", "authors": [], "tags": [], "claims": []}, "replace": false})
    };
    ok_json(call_json(&app, "save_source", source("northwind-private")));
    ok_json(call_json(&app, "save_source", source("northwind-shared")));
    ok_json(call_form(
        &app,
        "share_source",
        &[("id", "northwind-shared")],
    ));
    let southwind = app.add_org("Southwind Pension", "investor");
    let outsider = app.user(&southwind, "drafter@southwind.example", "drafter");
    let (status, body) = call_form_as(
        &app,
        &outsider,
        "create_draft",
        &[
            ("template_id", "us-14a8-hrdd-proposal"),
            ("title", "Southwind citing"),
        ],
    );
    assert!(status == 200 || status == 302, "{status} {body}");
    let drafts = ok_json(call_form_as(
        &app,
        &outsider,
        "list_drafts",
        &[
            ("text", "Southwind citing"),
            ("status", "any"),
            ("include_archived", "false"),
        ],
    ));
    let id = drafts[0]["id"].as_i64().expect("a draft id");
    // The answers are the drafter's text: saved, whatever they name.
    let statement = "Gaps [@northwind-private] [@northwind-shared] [@not-yet-anyones].";
    ok_json(call_json_as(
        &app,
        &outsider,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 1,
            "answers": {"supporting_statement": statement}, "dismissals": {}}}),
    ));
    // A private source of Northwind's is not Southwind's to rely on.
    ok_json(call_form(
        &app,
        "delete_source",
        &[("id", "northwind-private")],
    ));
    // Nor is an id nobody had when Southwind's draft named it.
    ok_json(call_json(&app, "save_source", source("not-yet-anyones")));
    ok_json(call_form(
        &app,
        "delete_source",
        &[("id", "not-yet-anyones")],
    ));
    // A shared source Southwind cited is still kept from deletion.
    let (status, body) = call_form(&app, "delete_source", &[("id", "northwind-shared")]);
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains("1 document version(s) of the built-in templates or of other organisations"),
        "{body}"
    );
}

#[test]
fn people_change_their_own_password_and_other_sessions_end() {
    let app = spawn_app();
    let email = "admin@northwind.example";
    let other = app.sign_in(email);
    let new = "quiet harbour lanterns 77";
    let (status, body) = call_form(
        &app,
        "change_password",
        &[("current", "wrong one entirely"), ("new", new)],
    );
    assert_eq!(status, 400);
    assert!(body.contains("current password is wrong"), "{body}");
    let (status, body) = call_form(
        &app,
        "change_password",
        &[("current", PASSWORD), ("new", "password123456")],
    );
    assert_eq!(status, 400);
    assert!(body.contains("too weak"), "{body}");
    ok_json(call_form(
        &app,
        "change_password",
        &[("current", PASSWORD), ("new", new)],
    ));
    // This session goes on; the other one ended; the old password no longer works.
    assert_eq!(whoami(&app, &app.cookie), 200);
    assert_eq!(whoami(&app, &other), 401);
    assert_eq!(login(&app, email, PASSWORD, None).0, 401);
    assert_eq!(login(&app, email, new, None).0, 303);
}
