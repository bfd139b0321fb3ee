//! `POST /language`: the language switch in every page's header. A plain
//! form, so it works before the page hydrates; the choice is kept in a
//! cookie and, for a signed-in person, with their account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::sign_in::{ours, safe_next, see_other, Frame};
use super::AppState;
use crate::accounts::Caller;
use crate::i18n::Lang;
use crate::runtime::language::language_cookie;

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    lang: String,
    /// The page to go back to.
    #[serde(default)]
    back: String,
}

pub async fn choose(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    Form(form): Form<LanguageForm>,
) -> Response {
    let back = safe_next(&form.back);
    let Some(lang) = Lang::parse(&form.lang) else {
        return (
            StatusCode::BAD_REQUEST,
            format!("`lang`: no interface in `{}`; choose en or fr", form.lang),
        )
            .into_response();
    };
    if let Some(Extension(caller)) = caller {
        if let Err(error) = state.store.set_language(&caller, lang).await {
            return ours(&state, Frame { lang, back: &back }, error);
        }
    }
    see_other(&back, Some(language_cookie(lang, state.site.web.https)))
}
