//! The web app over HTTP, against the real router and a running server.

use crate::common::{request, require_bundle, spawn_app};

#[test]
fn front_page_lists_templates_with_sample_downloads() {
    let app = spawn_app();
    let (status, content_type, body) = app.get(&format!("{}/", app.address));
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"));
    let html = String::from_utf8(body).unwrap();
    for entry in crate::common::catalog().entries() {
        let id = entry.template.id();
        assert!(
            html.contains(&format!("data-template=\"{id}\"")),
            "{id} is listed"
        );
        assert!(
            html.contains(&format!("/templates/{id}/sample/docx")),
            "{id} offers DOCX"
        );
        assert!(
            html.contains(&format!("/templates/{id}/sample/html")),
            "{id} offers HTML"
        );
    }
    assert!(
        html.contains("engagement-letter") && html.contains("us-sec-14a8") && html.contains(">fr<")
    );
    // Server-rendered, with the scripts that hydrate it.
    assert!(html.contains("data-hydrated=\"false\""));
    assert!(html.contains("/resolution-studio.js\"") && html.contains("/pkg/"));
}

#[test]
fn sample_downloads_are_real_documents() {
    let app = spawn_app();
    let (status, content_type, body) = app.get(&format!(
        "{}/templates/us-14a8-hrdd-proposal/sample/docx",
        app.address
    ));
    assert_eq!(status, 200);
    assert_eq!(
        content_type,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(&body[..2], b"PK");
    let (status, content_type, body) = app.get(&format!(
        "{}/templates/engagement-letter-fr/sample/html",
        app.address
    ));
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"));
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("<html lang=\"fr\">") && html.contains("role=\"doc-endnotes\""));

    let (status, _, body) = app.get(&format!(
        "{}/templates/no-such-template/sample/docx",
        app.address
    ));
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("no template `no-such-template`"));
    let (status, _, _) = app.get(&format!(
        "{}/templates/us-14a8-hrdd-proposal/sample/odt",
        app.address
    ));
    assert_eq!(status, 404);
}

/// The site folder and the bundle folder the build recorded in it (`pkg/<hash>`).
fn built_bundle() -> (std::path::PathBuf, String) {
    require_bundle();
    let site = std::path::PathBuf::from(std::env::var_os("LEPTOS_SITE_ROOT").unwrap());
    let bundle = std::fs::read_to_string(site.join("bundle.txt"))
        .expect("the build records its bundle folder")
        .trim()
        .to_owned();
    (site, bundle)
}

#[test]
fn browser_bundle_is_served_compressed_and_cached_under_its_hash() {
    let (site, bundle) = built_bundle();
    assert!(
        bundle.starts_with("pkg/") && bundle.len() == "pkg/".len() + 16,
        "{bundle}"
    );
    let app = spawn_app();
    let (_, _, page) = app.get(&format!("{}/", app.address));
    let page = String::from_utf8_lossy(&page);
    // The template list's own bundle (see `app::scripts`) and the CSS all share.
    for file in [
        "templates/resolution-studio.js",
        "templates/resolution-studio_bg.wasm",
        "resolution-studio.css",
    ] {
        assert!(
            page.contains(&format!("/{bundle}/{file}")),
            "the page links {file}"
        );
        let url = format!("{}/{bundle}/{file}", app.address);
        let on_disk = std::fs::read(site.join(&bundle).join(file)).unwrap();
        let plain = request("GET", &url, &[], None);
        assert_eq!(plain.status, 200, "{file}");
        assert_eq!(plain.body, on_disk, "{file} as built");
        assert_eq!(
            plain.header("cache-control"),
            Some("public, max-age=31536000, immutable"),
            "{file}"
        );
        let brotli = request("GET", &url, &[("accept-encoding", "gzip, br")], None);
        assert_eq!(brotli.header("content-encoding"), Some("br"), "{file}");
        assert!(
            brotli.body.len() < on_disk.len() / 2,
            "{file} is compressed"
        );
        let gzip = request("GET", &url, &[("accept-encoding", "gzip")], None);
        assert_eq!(gzip.header("content-encoding"), Some("gzip"), "{file}");
        assert_eq!(
            gunzip(&gzip.body),
            on_disk,
            "{file} unpacks to the file as built"
        );
        eprintln!(
            "served {file}: {} bytes, {} brotli, {} gzip",
            on_disk.len(),
            brotli.body.len(),
            gzip.body.len()
        );
    }
    let wasm = request(
        "GET",
        &format!(
            "{}/{bundle}/templates/resolution-studio_bg.wasm",
            app.address
        ),
        &[],
        None,
    );
    assert_eq!(&wasm.body[..4], b"\0asm");
    // An old address is gone, not served stale.
    let (status, _, _) = app.get(&format!(
        "{}/pkg/0000000000000000/templates/resolution-studio.js",
        app.address
    ));
    assert_eq!(status, 404);
}

/// Every piece a page may fetch leaves out the custom sections browsers do
/// not read (`producers`, `target_features`): about 290 bytes a piece, and
/// the wizard fetches a hundred pieces. Read with wasmparser, not our code.
#[test]
fn the_bundles_wasm_pieces_carry_no_section_browsers_ignore() {
    let (site, bundle) = built_bundle();
    let mut pieces = 0;
    for folder in BUNDLES {
        let folder = site.join(&bundle).join(folder);
        for entry in
            std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|ext| ext != "wasm") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
                let payload = payload.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                if let wasmparser::Payload::CustomSection(section) = payload {
                    panic!(
                        "{} keeps the custom section `{}`",
                        path.display(),
                        section.name()
                    );
                }
            }
            pieces += 1;
        }
    }
    // Four main modules, the words of two languages in each, the pages' pieces.
    assert!(pieces > 20, "only {pieces} wasm files in {bundle}");
}

/// The bundles' folders, as `app::scripts::Bundle` names them.
const BUNDLES: [&str; 4] = ["templates", "drafts", "wizard", "others"];

/// Decompressed by Debian's gzip, not by our code.
fn gunzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut child = std::process::Command::new("gzip")
        .arg("-dc")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip runs");
    // Written from another thread: gzip's output fills its pipe while it
    // is still reading.
    let mut input = child.stdin.take().unwrap();
    let bytes = bytes.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success());
    output.stdout
}

/// Every `href` of a page, in order.
fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// The page's module script, as the page names it: `/pkg/<hash>/<bundle>/resolution-studio.js`.
fn bundle_script<'a>(page: &str, hrefs: &[&'a str]) -> &'a str {
    let scripts: Vec<&&str> = hrefs
        .iter()
        .filter(|href| href.ends_with("/resolution-studio.js"))
        .collect();
    assert_eq!(scripts.len(), 1, "{page} names one bundle: {scripts:?}");
    scripts[0]
}

/// Each page a drafter opens first has a bundle of its own, the other pages
/// share one in which each island is its own piece; and the words are
/// split by language. Every page names its own bundle's script and main
/// wasm, asks the browser to fetch its language's words with them, and its
/// island's piece if it is lazy, and nothing of the other pages.
#[test]
fn each_page_preloads_its_own_bundle_and_piece_only() {
    require_bundle();
    let app = spawn_app();
    for (page, bundle, piece) in [
        ("/", "templates", None),
        ("/drafts", "drafts", None),
        ("/evidence", "others", Some("/split_evidence_page_loader_")),
        ("/library", "others", Some("/split_library_page_loader_")),
        ("/library/new", "others", Some("/split_editor_page_loader_")),
        ("/account", "others", Some("/split_account_page_loader_")),
        (
            "/campaigns",
            "others",
            Some("/split_campaigns_page_loader_"),
        ),
    ] {
        let (status, _, html) = app.get(&format!("{}{page}", app.address));
        assert_eq!(status, 200, "{page}");
        let html = String::from_utf8_lossy(&html);
        let hrefs = hrefs(&html);
        let script = bundle_script(page, &hrefs);
        let folder = script.trim_end_matches("resolution-studio.js");
        assert!(folder.ends_with(&format!("/{bundle}/")), "{page}: {script}");
        assert!(
            hrefs.contains(&format!("{folder}resolution-studio_bg.wasm").as_str()),
            "{page} preloads its bundle's main wasm"
        );
        let wasm: Vec<&str> = hrefs
            .iter()
            .copied()
            .filter(|href| href.ends_with(".wasm"))
            .collect();
        assert!(
            wasm.iter().all(|href| href.starts_with(folder)),
            "{page} preloads another bundle's files: {wasm:?}"
        );
        let preloaded: Vec<&str> = wasm
            .into_iter()
            .filter(|href| href.contains("/split_"))
            .collect();
        // Every page preloads its language's words (English here), and only those.
        let (words, pieces): (Vec<&str>, Vec<&str>) = preloaded
            .into_iter()
            .partition(|href| href.contains("_words_"));
        assert_eq!(words.len(), 1, "{page} preloads words {words:?}");
        assert!(
            words[0].contains("/split_english_words_"),
            "{page}: {words:?}"
        );
        let served = request("GET", &format!("{}{}", app.address, words[0]), &[], None);
        assert_eq!(served.status, 200, "{page}: {}", words[0]);
        assert_eq!(&served.body[..4], b"\0asm");
        match piece {
            None => assert!(pieces.is_empty(), "{page} preloads {pieces:?}"),
            Some(piece) => {
                assert_eq!(pieces.len(), 1, "{page} preloads {pieces:?}");
                assert!(pieces[0].contains(piece), "{page} preloads {pieces:?}");
                let served = request("GET", &format!("{}{}", app.address, pieces[0]), &[], None);
                assert_eq!(served.status, 200, "{page}: {}", pieces[0]);
                assert_eq!(served.header("content-type"), Some("application/wasm"));
                assert_eq!(&served.body[..4], b"\0asm");
            }
        }
        let served = request("GET", &format!("{}{script}", app.address), &[], None);
        assert_eq!(served.status, 200, "{page}: {script}");
    }
}

/// Pages rendered whole before answering (the wizard and the history) name
/// their bundle and every file of their piece among the page's preloads on
/// every load, whichever of the server's threads finishes the render.
/// Leptos alone left the pieces out of about half the loads (see
/// `server::preloads`). They name no other page's piece, nor the pieces of
/// what the wizard shows only later (its evidence picker).
#[test]
fn pages_rendered_before_answering_preload_their_piece_on_every_load() {
    require_bundle();
    let app = spawn_app();
    let draft = crate::drafts::create(&app, "us-14a8-hrdd-proposal", "Preloads");
    for (page, bundle, piece) in [
        (format!("/drafts/{draft}"), "wizard", None),
        (
            format!("/drafts/{draft}/history"),
            "others",
            Some("history_page_loader_"),
        ),
    ] {
        let mut manifest: Option<serde_json::Map<String, serde_json::Value>> = None;
        for load in 1..=20 {
            let (status, _, html) = app.get(&format!("{}{page}", app.address));
            assert_eq!(status, 200, "{page}");
            let html = String::from_utf8_lossy(&html);
            let hrefs = hrefs(&html);
            let script = bundle_script(&page, &hrefs);
            let folder = script.trim_end_matches("resolution-studio.js");
            assert!(folder.ends_with(&format!("/{bundle}/")), "{page}: {script}");
            let manifest = manifest.get_or_insert_with(|| {
                let served = request(
                    "GET",
                    &format!("{}{folder}__wasm_split_manifest.json", app.address),
                    &[],
                    None,
                );
                assert_eq!(served.status, 200);
                serde_json::from_slice(&served.body).unwrap()
            });
            let mut expected = vec!["english_words_"];
            expected.extend(piece);
            for key in expected {
                let (_, files) = manifest
                    .iter()
                    .find(|(name, _)| name.starts_with(key))
                    .unwrap_or_else(|| panic!("the {bundle} manifest has no {key}"));
                let files = files.as_array().unwrap();
                let missing: Vec<&str> = files
                    .iter()
                    .filter_map(|file| file.as_str())
                    .filter(|file| !hrefs.contains(&format!("{folder}{file}.wasm").as_str()))
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{page}, load {load}: {} of {} files of {key} not preloaded",
                    missing.len(),
                    files.len()
                );
            }
            // Parts the page shows only later (the wizard's evidence picker)
            // come when first shown, not with the page.
            let others: Vec<&&str> = hrefs
                .iter()
                .filter(|href| href.contains("/split_"))
                .filter(|href| piece.is_none_or(|piece| !href.contains(&format!("/split_{piece}"))))
                .filter(|href| !href.contains("/split_english_words_"))
                .collect();
            assert!(others.is_empty(), "{page} also preloads {others:?}");
        }
    }
}
