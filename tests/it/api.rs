//! The HTTP API over HTTP, as another system calls it: tokens of each
//! scope, a revoked token, another organisation's token, the session
//! cookie refused, the rate limit, and every response checked against the
//! OpenAPI description the server publishes.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::{request, spawn_app, Answer, TestApp};
use crate::drafts::{call_form, call_form_as, ok_json, sample};

fn token(app: &TestApp, cookie: &str, scope: &str) -> String {
    let (status, body) = call_form_as(
        app,
        cookie,
        "create_api_token",
        &[("name", &format!("{scope} script")), ("scope", scope)],
    );
    assert_eq!(status, 200, "{body}");
    let token: String = serde_json::from_str(&body).unwrap();
    assert!(token.starts_with("rs_"), "{token}");
    token
}

fn api(app: &TestApp, method: &str, path: &str, token: &str, body: Option<Value>) -> Answer {
    let auth = format!("Bearer {token}");
    let body = body.map(|b| b.to_string());
    request(
        method,
        &format!("{}{path}", app.address),
        &[
            ("authorization", &auth),
            ("content-type", "application/json"),
        ],
        body.as_deref(),
    )
}

fn json_of(answer: &Answer) -> Value {
    serde_json::from_slice(&answer.body)
        .unwrap_or_else(|_| panic!("JSON: {}", String::from_utf8_lossy(&answer.body)))
}

/// Checks `value` against `schema` (the subset of JSON Schema the
/// description uses: `$ref`, `type` with `null`, `properties`, `required`,
/// `items`); where it differs, with the path.
fn conforms(value: &Value, schema: &Value, spec: &Value, at: &str) -> Result<(), String> {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        return conforms(value, &spec["components"]["schemas"][name], spec, at);
    }
    if let Some(options) = schema["oneOf"].as_array() {
        return options
            .iter()
            .find(|o| conforms(value, o, spec, at).is_ok())
            .map(|_| ())
            .ok_or_else(|| format!("{at}: {value} matches none of {schema}"));
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let allowed = types.is_empty()
        || types.contains(&kind)
        || (kind == "integer" && types.contains(&"number"));
    if !allowed {
        return Err(format!("{at}: {kind} where the description says {types:?}"));
    }
    if let (Value::Object(map), Some(properties)) = (value, schema["properties"].as_object()) {
        for required in schema["required"].as_array().into_iter().flatten() {
            let name = required.as_str().unwrap_or_default();
            if !map.contains_key(name) {
                return Err(format!("{at}: `{name}` is required and missing"));
            }
        }
        for (name, item) in map {
            let Some(property) = properties.get(name) else {
                return Err(format!("{at}: `{name}` is not in the description"));
            };
            conforms(item, property, spec, &format!("{at}.{name}"))?;
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            conforms(item, item_schema, spec, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// The description's schema of `method path`'s `status` answer.
fn response_schema(spec: &Value, method: &str, path: &str, status: u16) -> Value {
    let answer = &spec["paths"][path][method]["responses"][status.to_string()];
    assert!(
        !answer.is_null(),
        "{method} {path} {status} is not described"
    );
    answer["content"]["application/json"]["schema"].clone()
}

fn check(spec: &Value, method: &str, path: &str, answer: &Answer) -> Value {
    let value = json_of(answer);
    let schema = response_schema(spec, method, path, answer.status);
    conforms(&value, &schema, spec, "$").unwrap_or_else(|e| panic!("{method} {path}: {e}"));
    value
}

#[test]
fn other_systems_use_the_api_within_their_tokens_scope() {
    let app = spawn_app();
    let spec_answer = request(
        "GET",
        &format!("{}/api/v1/openapi.json", app.address),
        &[],
        None,
    );
    assert_eq!(spec_answer.status, 200);
    let spec = json_of(&spec_answer);
    assert_eq!(spec["openapi"], "3.1.0");
    // Every route the server lists under /api/v1 is described, and back.
    let routes = app.cli(&["routes"], "");
    let mut listed: Vec<String> = routes
        .lines()
        .filter(|l| l.contains(" /api/v1/") && !l.contains("openapi.json"))
        .map(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            format!("{} {}", parts[0].to_lowercase(), parts[1])
        })
        .collect();
    let mut described: Vec<String> = spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, methods)| {
            methods
                .as_object()
                .unwrap()
                .keys()
                .map(move |m| format!("{m} {path}"))
        })
        .collect();
    listed.sort();
    described.sort();
    assert_eq!(listed, described);

    let read = token(&app, &app.cookie, "read");
    let draft = token(&app, &app.cookie, "draft");
    let render = token(&app, &app.cookie, "render");

    // No token, a made-up token, a session cookie: 401 with a JSON error.
    let none = request(
        "GET",
        &format!("{}/api/v1/templates", app.address),
        &[("cookie", &app.cookie)],
        None,
    );
    assert_eq!(none.status, 401);
    assert_eq!(json_of(&none)["code"], "unauthorized");
    assert_eq!(
        api(&app, "GET", "/api/v1/templates", "rs_made_up", None).status,
        401
    );

    // Templates with their fields.
    let templates = api(&app, "GET", "/api/v1/templates", &read, None);
    assert_eq!(templates.status, 200);
    let templates = check(&spec, "get", "/api/v1/templates", &templates);
    let proposal = templates
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "us-14a8-hrdd-proposal")
        .expect("the proposal template");
    assert!(proposal["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == "company" && f["type"] == "company"));

    // Rendering needs a render token.
    let body = json!({"template": "us-14a8-hrdd-proposal", "answers": sample("us-14a8-hrdd-proposal"), "format": "docx"});
    let refused = api(&app, "POST", "/api/v1/render", &read, Some(body.clone()));
    assert_eq!(refused.status, 403);
    assert_eq!(
        check(&spec, "post", "/api/v1/render", &refused)["code"],
        "scope"
    );
    let docx = api(&app, "POST", "/api/v1/render", &render, Some(body));
    assert_eq!(docx.status, 200, "{}", String::from_utf8_lossy(&docx.body));
    assert!(docx.body.starts_with(b"PK"));
    let mut wrong = sample("us-14a8-hrdd-proposal");
    wrong["meeting_year"] = json!("next year");
    let invalid = api(
        &app,
        "POST",
        "/api/v1/render",
        &render,
        Some(json!({"template": "us-14a8-hrdd-proposal", "answers": wrong, "format": "pdf"})),
    );
    assert_eq!(invalid.status, 422);
    let error = check(&spec, "post", "/api/v1/render", &invalid);
    assert_eq!(error["field"], "meeting_year", "{error}");

    // Drafts: created, read, updated; a stale update is a conflict.
    let created = api(
        &app,
        "POST",
        "/api/v1/drafts",
        &draft,
        Some(
            json!({"template": "cofiler-authorisation", "title": "From the portfolio tool", "answers": sample("cofiler-authorisation")}),
        ),
    );
    assert_eq!(
        created.status,
        201,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    let created = check(&spec, "post", "/api/v1/drafts", &created);
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["version"], 1);
    assert_eq!(
        api(
            &app,
            "POST",
            "/api/v1/drafts",
            &render,
            Some(json!({"template": "cofiler-authorisation", "title": "x"}))
        )
        .status,
        403
    );
    let read_back = api(&app, "GET", &format!("/api/v1/drafts/{id}"), &read, None);
    let read_back = check(&spec, "get", "/api/v1/drafts/{id}", &read_back);
    assert_eq!(
        read_back["answers"]["cofiler"],
        "Fernhill Community Foundation"
    );
    let mut answers = sample("cofiler-authorisation");
    answers["shares"] = json!(150);
    let updated = api(
        &app,
        "PUT",
        &format!("/api/v1/drafts/{id}"),
        &draft,
        Some(json!({"base_version": 1, "answers": answers})),
    );
    assert_eq!(
        updated.status,
        200,
        "{}",
        String::from_utf8_lossy(&updated.body)
    );
    assert_eq!(
        check(&spec, "put", "/api/v1/drafts/{id}", &updated)["version"],
        2
    );
    let stale = api(
        &app,
        "PUT",
        &format!("/api/v1/drafts/{id}"),
        &draft,
        Some(json!({"base_version": 1, "answers": {"shares": 99}})),
    );
    assert_eq!(stale.status, 409);
    let conflict = check(&spec, "put", "/api/v1/drafts/{id}", &stale);
    assert_eq!(conflict["code"], "conflict");
    assert_eq!(conflict["field"], "base_version");
    // The web app sees the draft the API made, by the token's name.
    let editor = ok_json(call_form(&app, "load_draft", &[("id", &id.to_string())]));
    assert_eq!(editor["version"]["answers"]["shares"], 150);

    // A packet: started, polled, downloaded.
    let started = api(
        &app,
        "POST",
        "/api/v1/batches",
        &render,
        Some(json!({"title": "API packet", "drafts": [id], "formats": ["pdf"]})),
    );
    assert_eq!(
        started.status,
        202,
        "{}",
        String::from_utf8_lossy(&started.body)
    );
    let batch = check(&spec, "post", "/api/v1/batches", &started)["id"]
        .as_i64()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let done = loop {
        let polled = api(
            &app,
            "GET",
            &format!("/api/v1/batches/{batch}"),
            &read,
            None,
        );
        let value = check(&spec, "get", "/api/v1/batches/{id}", &polled);
        if value["state"] == "done" {
            break value;
        }
        assert!(Instant::now() < deadline, "{value}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(done["zip"], format!("/api/v1/batches/{batch}/zip"));
    let zip = api(
        &app,
        "GET",
        &format!("/api/v1/batches/{batch}/zip"),
        &read,
        None,
    );
    assert_eq!(zip.status, 200);
    assert!(zip.body.starts_with(b"PK"));

    // Another organisation's token finds none of it.
    let other = app.add_org("Other Investors", "investor");
    let other_admin = app.user(&other, "admin@other.example", "admin");
    let theirs = token(&app, &other_admin, "render");
    for path in [
        format!("/api/v1/drafts/{id}"),
        format!("/api/v1/batches/{batch}"),
        format!("/api/v1/batches/{batch}/zip"),
    ] {
        let answer = api(&app, "GET", &path, &theirs, None);
        assert_eq!(answer.status, 404, "{path}");
    }
    let answer = api(
        &app,
        "POST",
        "/api/v1/batches",
        &theirs,
        Some(json!({"drafts": [id], "formats": ["pdf"]})),
    );
    assert_eq!(answer.status, 404);

    // A revoked token stops working at once.
    let tokens = ok_json(call_form(&app, "list_api_tokens", &[]));
    let read_id = tokens
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "read script")
        .and_then(|t| t["id"].as_i64())
        .unwrap();
    assert!(tokens.to_string().contains("last_used_at"));
    ok_json(call_form(
        &app,
        "revoke_api_token",
        &[("id", &read_id.to_string())],
    ));
    assert_eq!(
        api(&app, "GET", "/api/v1/templates", &read, None).status,
        401
    );
    let audit = ok_json(call_form(&app, "audit_log", &[]));
    assert!(audit.to_string().contains("token:draft script"), "{audit}");
}

#[test]
fn a_token_is_limited_to_its_requests_per_minute() {
    let app = spawn_app();
    let token = token(&app, &app.cookie, "read");
    let mut statuses = Vec::new();
    for _ in 0..121 {
        statuses.push(api(&app, "GET", "/api/v1/batches/1", &token, None));
    }
    assert!(
        statuses[..120].iter().all(|a| a.status == 404),
        "the first 120 are answered"
    );
    let last = statuses.last().unwrap();
    assert_eq!(last.status, 429);
    assert_eq!(json_of(last)["code"], "rate_limited");
    assert!(last.header("retry-after").is_some());
}
