//! What the template editor shows for the text being edited: the linter's
//! problems placed in the file, then, when there is no error, the document
//! rendered from the sample answers (missing answers as placeholders). The
//! types go to the browser; the check runs on the server.

use serde::{Deserialize, Serialize};

/// One problem of a template being edited, placed in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditorProblem {
    pub line: usize,
    pub column: usize,
    /// `error` or `warning`.
    pub level: String,
    pub message: String,
}

/// What the editor shows for the text being edited: its problems, and the
/// document rendered from the sample answers when there is no error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EditorCheck {
    pub problems: Vec<EditorProblem>,
    /// The preview, every text escaped (the same HTML as the wizard's).
    pub html: Option<String>,
    /// Why there is no preview, when it is not a problem in the template.
    pub note: Option<String>,
    /// The questions the front matter declares, for the question form;
    /// `None` while the front matter cannot be read.
    pub fields: Option<Vec<crate::compose::Field>>,
}

#[cfg(feature = "ssr")]
use crate::compose::lint::{lint, Level};
#[cfg(feature = "ssr")]
use crate::evidence::{CitationStyle, Library, DEFAULT_STYLE};
#[cfg(feature = "ssr")]
use crate::i18n::{tr, Lang};

/// Lints `source` and renders it with `answers` (JSON text), the problems
/// and notes worded in `lang`. CPU work: run it off the async workers.
#[cfg(feature = "ssr")]
pub fn check(source: &str, answers: &str, library: &Library, lang: Lang) -> EditorCheck {
    EditorCheck {
        fields: crate::compose::field_text::read(source).ok(),
        ..checked(source, answers, library, lang)
    }
}

#[cfg(feature = "ssr")]
fn checked(source: &str, answers: &str, library: &Library, lang: Lang) -> EditorCheck {
    let problems: Vec<EditorProblem> = lint(source, "template", library)
        .into_iter()
        .map(|p| EditorProblem {
            line: p.at.line,
            column: p.at.column,
            level: p.level.name().into(),
            message: p.at.message.words(lang),
        })
        .collect();
    if problems.iter().any(|p| p.level == Level::Error.name()) {
        return EditorCheck {
            problems,
            ..EditorCheck::default()
        };
    }
    let answers: serde_json::Value = match serde_json::from_str(answers) {
        Ok(value) => value,
        Err(e) => {
            return EditorCheck {
                problems,
                // The JSON reader's own words, in English.
                note: Some(tr!(
                    lang,
                    "templates-editor-bad-sample",
                    line = e.line(),
                    column = e.column(),
                    detail = e.to_string()
                )),
                ..EditorCheck::default()
            };
        }
    };
    let rendered = crate::compose::Template::parse(source, "template")
        .map_err(|e| e.message().words(lang))
        .and_then(|template| {
            let style = CitationStyle::by_name(DEFAULT_STYLE).map_err(|e| e.to_string())?;
            let today = time::OffsetDateTime::now_utc().date().to_string();
            crate::render::preview(&template, &answers, library, &style, &today)
                .map_err(|e| e.message().words(lang))
        });
    match rendered {
        Ok(preview) => EditorCheck {
            problems,
            html: Some(crate::export::html::fragment(&preview.document)),
            note: (!preview.problems.is_empty()).then(|| {
                tr!(
                    lang,
                    "templates-editor-placeholders",
                    count = preview.problems.len()
                )
            }),
            ..EditorCheck::default()
        },
        Err(message) => EditorCheck {
            problems,
            note: Some(message),
            ..EditorCheck::default()
        },
    }
}
