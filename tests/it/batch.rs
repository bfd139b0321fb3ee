//! `resolution-studio batch`: one co-filer authorisation per row of a CSV,
//! DOCX and PDF, in one ZIP with a manifest whose hashes match its files;
//! bad rows reported with their row, line and field, the others written.

use std::io::Read;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::common::{binary, project_root, tool};

/// 50 co-filers; row 7 holds "many" shares, row 31 an impossible date.
fn rows_csv() -> String {
    let mut csv = String::from("cofiler,signatory_name,shares,holding_value.amount,held_since\n");
    for n in 1..=50 {
        let shares = if n == 7 {
            "many".to_owned()
        } else {
            format!("{}", 100 + n)
        };
        let since = if n == 31 { "2021-02-30" } else { "2021-09-15" };
        csv.push_str(&format!(
            "\"Co-filer {n}, Foundation\",Signatory {n},{shares},\"{},000\",{since}\n",
            40 + n
        ));
    }
    csv
}

fn run_batch(dir: &std::path::Path, out: &str) -> std::process::Output {
    Command::new(binary())
        .args([
            "batch",
            "cofiler-authorisation",
            "--data",
            "shared.json",
            "--rows",
            "rows.csv",
            "--format",
            "docx,pdf",
            "--out",
            out,
        ])
        .current_dir(dir)
        .env("RESOLUTION_STUDIO_ROOT", project_root())
        .env("SOURCE_DATE_EPOCH", "1780000000")
        .output()
        .expect("the binary runs")
}

#[test]
fn a_batch_writes_one_file_per_good_row_and_format_with_a_manifest_and_reports_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut shared: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            project_root().join("templates/cofiler-authorisation.sample.json"),
        )
        .unwrap(),
    )
    .unwrap();
    shared.as_object_mut().unwrap().remove("cofiler");
    std::fs::write(dir.path().join("shared.json"), shared.to_string()).unwrap();
    std::fs::write(dir.path().join("rows.csv"), rows_csv()).unwrap();

    let output = run_batch(dir.path(), "packet.zip");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "two rows failed: {stderr}");
    assert!(
        stderr.contains("row 7 (line 8), field `shares`: `many` is not a number"),
        "{stderr}"
    );
    assert!(stderr.contains("row 31 (line 32)"), "{stderr}");
    assert!(stderr.contains("held_since"), "{stderr}");
    assert!(stderr.contains("96 files from 48 of 50 rows"), "{stderr}");

    let bytes = std::fs::read(dir.path().join("packet.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    assert_eq!(zip.len(), 97, "48 rows × 2 formats and the manifest");
    let mut manifest = String::new();
    zip.by_name("manifest.csv")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let lines: Vec<&str> = manifest.lines().collect();
    assert!(
        lines[0].starts_with("file,sha256,format,origin,template_id,template_version"),
        "{manifest}"
    );
    assert_eq!(lines.len(), 97, "{manifest}");
    for line in &lines[1..] {
        let cells: Vec<&str> = line.split(',').collect();
        let (file, sha) = (cells[0], cells[1]);
        let mut content = Vec::new();
        zip.by_name(file)
            .unwrap()
            .read_to_end(&mut content)
            .unwrap();
        let digest: String = Sha256::digest(&content)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(digest, sha, "{file}");
        assert!(line.contains("cofiler-authorisation"), "{line}");
    }
    let names: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        names[0],
        "cofiler-letter/001-co-filer-1-foundation-microsoft-corporation.docx"
    );
    assert!(!names
        .iter()
        .any(|n| n.contains("/007-") || n.contains("/031-")));
    assert!(names.contains(&"cofiler-letter/050-co-filer-50-foundation-microsoft-corporation.pdf"));

    // Row 12's letter is its own: its co-filer and holdings, read by poppler.
    let mut pdf = Vec::new();
    zip.by_name("cofiler-letter/012-co-filer-12-foundation-microsoft-corporation.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    std::fs::write(dir.path().join("row12.pdf"), &pdf).unwrap();
    let text = tool("pdftotext", &["row12.pdf", "-"], dir.path());
    assert!(text.contains("Co-filer 12, Foundation"), "{text}");
    assert!(text.contains("112"), "{text}");
    assert!(text.contains("Signatory 12"), "{text}");

    // The same inputs give the same bytes, seconds later.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = run_batch(dir.path(), "again.zip");
    assert!(!again.status.success());
    assert_eq!(std::fs::read(dir.path().join("again.zip")).unwrap(), bytes);
}

#[test]
fn a_column_that_names_no_field_stops_the_batch_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("shared.json"),
        std::fs::read_to_string(project_root().join("templates/cofiler-authorisation.sample.json"))
            .unwrap(),
    )
    .unwrap();
    std::fs::write(dir.path().join("rows.csv"), "cofiler,sharez\nA,1\n").unwrap();
    let output = run_batch(dir.path(), "packet.zip");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "rows.csv:1:2: column `sharez` names no field of template `cofiler-authorisation`"
        ),
        "{stderr}"
    );
    assert!(!dir.path().join("packet.zip").exists());
}
