//! The interface's language over HTTP, as browsers reach it: the pages
//! follow `Accept-Language`, the header's switch keeps a choice in a cookie
//! and with the account, other sites cannot change it, and server
//! functions word their refusals in the caller's language.

use resolution_studio::i18n::Lang;
use resolution_studio::tr;

use crate::common::{request, spawn_app, Answer, TestApp};
use crate::drafts::call_form_as;

fn page(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (Answer, String) {
    let answer = request("GET", &format!("{}{path}", app.address), headers, None);
    let body = String::from_utf8_lossy(&answer.body).into_owned();
    (answer, body)
}

/// The `lang` of the page's `<html>`.
fn html_lang(body: &str) -> String {
    let document = scraper::Html::parse_document(body);
    let html = scraper::Selector::parse("html").expect("a selector");
    document
        .select(&html)
        .next()
        .and_then(|e| e.value().attr("lang"))
        .unwrap_or_default()
        .to_owned()
}

/// The navigation's link texts.
fn navigation(body: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(body);
    let links = scraper::Selector::parse("header nav a").expect("a selector");
    document
        .select(&links)
        .map(|a| a.text().collect::<String>())
        .collect()
}

fn choose(app: &TestApp, lang: &str, back: &str, cookie: &str, origin: &str) -> Answer {
    let mut headers = vec![
        ("content-type", "application/x-www-form-urlencoded"),
        ("origin", origin),
    ];
    if !cookie.is_empty() {
        headers.push(("cookie", cookie));
    }
    request(
        "POST",
        &format!("{}/language", app.address),
        &headers,
        Some(&format!("lang={lang}&back={}", crate::common::encode(back))),
    )
}

#[test]
fn pages_follow_the_browser_then_the_choice_kept_with_the_account() {
    let app = spawn_app();
    let (_, english) = page(&app, "/drafts", &[("cookie", &app.cookie)]);
    assert_eq!(html_lang(&english), "en");
    assert_eq!(
        navigation(&english),
        [
            "Templates",
            "Drafts",
            "Campaigns",
            "Evidence",
            "Template library",
            "Account"
        ]
    );

    let french_browser = [
        ("cookie", app.cookie.as_str()),
        ("accept-language", "fr-FR,fr;q=0.9,en;q=0.5"),
    ];
    let (answer, french) = page(&app, "/drafts", &french_browser);
    assert_eq!(html_lang(&french), "fr");
    let vary = answer.header("vary").unwrap_or_default();
    assert!(
        vary.contains("accept-language") && vary.contains("cookie"),
        "a shared cache must keep each language apart: vary `{vary}`"
    );
    assert_eq!(
        navigation(&french),
        [
            "Modèles",
            "Brouillons",
            "Campagnes",
            "Preuves",
            "Bibliothèque de modèles",
            "Compte"
        ]
    );

    // Choosing English in a French browser: a cookie, and the account keeps it.
    let chosen = choose(&app, "en", "/drafts?status=any", &app.cookie, &app.address);
    assert_eq!(chosen.status, 303);
    assert_eq!(chosen.header("location"), Some("/drafts?status=any"));
    let cookie = chosen.header("set-cookie").unwrap_or_default();
    assert!(cookie.starts_with("rs_lang=en;"), "{cookie}");
    let (_, kept) = page(&app, "/drafts", &french_browser);
    assert_eq!(
        html_lang(&kept),
        "en",
        "the account's choice outranks the browser's"
    );

    // And French again, from an English browser with no cookie.
    assert_eq!(
        choose(&app, "fr", "/", &app.cookie, &app.address).status,
        303
    );
    let (_, again) = page(
        &app,
        "/",
        &[("cookie", &app.cookie), ("accept-language", "en")],
    );
    assert_eq!(html_lang(&again), "fr");
    assert!(navigation(&again).contains(&"Brouillons".to_owned()));
}

#[test]
fn a_visitor_chooses_with_a_cookie_and_other_sites_cannot_choose() {
    let app = spawn_app();
    let (_, before) = page(&app, "/login", &[("accept-language", "fr")]);
    assert_eq!(
        html_lang(&before),
        "fr",
        "the sign-in page follows the browser"
    );
    let chosen = choose(&app, "en", "//evil.example/x", "", &app.address);
    assert_eq!(chosen.status, 303);
    assert_eq!(
        chosen.header("location"),
        Some("/"),
        "never back to another site"
    );
    let (_, after) = page(
        &app,
        "/login",
        &[("accept-language", "fr"), ("cookie", "rs_lang=en")],
    );
    assert_eq!(html_lang(&after), "en");

    let forged = choose(&app, "fr", "/", &app.cookie, "https://evil.example");
    assert_eq!(forged.status, 403, "another site's form is refused");
    assert!(forged.header("set-cookie").is_none());

    let unknown = choose(&app, "de", "/", &app.cookie, &app.address);
    assert_eq!(unknown.status, 400);
    let body = String::from_utf8_lossy(&unknown.body);
    assert!(body.contains("`lang`") && body.contains("`de`"), "{body}");
}

#[test]
fn server_functions_refuse_in_the_callers_language() {
    let app = spawn_app();
    app.add_user(&app.org, "reader@northwind.example", "viewer");
    let cookie = app.sign_in("reader@northwind.example");
    let french = format!("{cookie}; rs_lang=fr");
    let (status, body) = call_form_as(
        &app,
        &french,
        "create_draft",
        &[("template_id", "us-14a8-hrdd-proposal"), ("title", "x")],
    );
    assert_eq!(status, 403, "{body}");
    let expected = tr!(
        Lang::Fr,
        "error-role-too-low",
        role = tr!(Lang::Fr, "role-viewer"),
        needed = tr!(Lang::Fr, "role-drafter"),
    );
    assert!(expected.starts_with("votre rôle (lecteur)"), "{expected}");
    assert!(body.contains(&expected), "{body}");
    let (_, english) = call_form_as(
        &app,
        &cookie,
        "create_draft",
        &[("template_id", "us-14a8-hrdd-proposal"), ("title", "x")],
    );
    assert!(
        english.contains("your role (viewer) may not do this: it needs drafter or above"),
        "{english}"
    );
}

#[test]
fn store_refusals_are_worded_in_the_callers_language() {
    let app = spawn_app();
    let missing = [("id", "999999")];
    let french = format!("{}; rs_lang=fr", app.cookie);
    let (status, body) = call_form_as(&app, &french, "load_draft", &missing);
    assert_eq!(status, 404, "{body}");
    let expected = resolution_studio::i18n::msg!("store-no-draft", id = 999_999).words(Lang::Fr);
    assert_eq!(expected, "le brouillon 999999 n’existe pas");
    assert!(body.contains(&expected), "{body}");

    let (status, english) = call_form_as(&app, &app.cookie, "load_draft", &missing);
    assert_eq!(status, 404, "{english}");
    assert!(english.contains("there is no draft 999999"), "{english}");
}

/// What was still worded in English only: a template's problems in the
/// editor, the campaign form's answers, a weak password and a character
/// that cannot be stored, each refused in French over HTTP.
#[test]
fn template_campaign_and_password_refusals_are_worded_in_french() {
    let app = spawn_app();
    let french = format!("{}; rs_lang=fr", app.cookie);

    // The editor: the linter's problem beside its line, and the preview's note.
    let source = "---\nid: t\ntitle: T\nkind: engagement-letter\nlanguage: en\nfields:\n  - id: name\n    label: Name\n    type: text\n---\nDear {{ nmae }},\n";
    let (status, body) = call_form_as(
        &app,
        &french,
        "check_template",
        &[("source", source), ("answers", "{}")],
    );
    assert_eq!(status, 200, "{body}");
    let checked: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let problems = checked["problems"].as_array().expect("problems");
    let undeclared = problems
        .iter()
        .find(|p| p["line"] == 11)
        .unwrap_or_else(|| panic!("no problem on line 11: {body}"));
    assert_eq!(
        undeclared["message"],
        "«\u{202f}nmae\u{202f}» est utilisé mais n’est pas un champ déclaré\u{202f}; déclarez-le sous `fields` ou corrigez son orthographe"
    );
    let (_, body) = call_form_as(
        &app,
        &french,
        "check_template",
        &[
            ("source", &source.replace("nmae", "name")),
            ("answers", "{\"name\": 3"),
        ],
    );
    assert!(
        body.contains("réponses d’exemple, ligne 1, colonne "),
        "{body}"
    );

    // Saving a template with an error lists it, placed, in French.
    let (status, body) = call_form_as(&app, &french, "save_template", &[("source", source)]);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("le modèle comporte 1 erreur"), "{body}");
    assert!(
        body.contains("template:11:")
            && body.contains("\u{202f}: erreur\u{202f}: «\u{202f}nmae\u{202f}»"),
        "{body}"
    );

    // The campaign form names the answer as the form labels it.
    let (status, body) = crate::drafts::call_json_as(
        &app,
        &french,
        "create_campaign",
        serde_json::json!({"name": "  ", "jurisdiction": "us-sec-14a8", "shared": crate::campaigns::shared()}),
    );
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("Nom\u{202f}: donnez un nom à la campagne"),
        "{body}"
    );
    let mut shared = crate::campaigns::shared();
    shared["lead_filer"] = "Lead\u{1}Fund".into();
    let (status, body) = crate::drafts::call_json_as(
        &app,
        &french,
        "create_campaign",
        serde_json::json!({"name": "Contrats", "jurisdiction": "us-sec-14a8", "shared": shared}),
    );
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("Déposant principal\u{202f}: le caractère U+0001 (un caractère de contrôle) à la position 5 ne peut être ni enregistré ni imprimé"),
        "{body}"
    );

    // A weak password: zxcvbn's finding, worded by our catalogue.
    let (status, body) = call_form_as(
        &app,
        &french,
        "change_password",
        &[
            ("current", crate::common::PASSWORD),
            ("new", "password123456"),
        ],
    );
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("le mot de passe est trop facile à deviner\u{202f}: "),
        "{body}"
    );
}
