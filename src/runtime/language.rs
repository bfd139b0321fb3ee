//! Which language a request's pages are in: the one the signed-in person
//! chose, else the `rs_lang` cookie (a visitor's choice, or one made before
//! signing in), else the browser's `Accept-Language`, else English.
//! `server::guard` decides it once per request and puts it in the request.

use axum::http::{header, HeaderMap};

use super::session::cookie;
use crate::i18n::Lang;

pub const LANGUAGE_COOKIE: &str = "rs_lang";
/// A year: the choice outlives sessions.
const LANGUAGE_COOKIE_AGE: u64 = 365 * 24 * 60 * 60;

pub fn request_language(headers: &HeaderMap, chosen: Option<Lang>) -> Lang {
    chosen
        .or_else(|| cookie(headers, LANGUAGE_COOKIE).and_then(|code| Lang::parse(&code)))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// The `Set-Cookie` value that keeps a visitor's choice.
pub fn language_cookie(lang: Lang, https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!(
        "{LANGUAGE_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={LANGUAGE_COOKIE_AGE}{secure}",
        lang.code()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_account_then_the_cookie_then_the_browser_decide() {
        let mut headers = HeaderMap::new();
        assert_eq!(request_language(&headers, None), Lang::En);
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("fr-FR,fr;q=0.9"),
        );
        assert_eq!(request_language(&headers, None), Lang::Fr);
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("rs_lang=en; other=1"),
        );
        assert_eq!(request_language(&headers, None), Lang::En);
        assert_eq!(request_language(&headers, Some(Lang::Fr)), Lang::Fr);
        headers.insert(header::COOKIE, HeaderValue::from_static("rs_lang=xx"));
        assert_eq!(
            request_language(&headers, None),
            Lang::Fr,
            "an unknown cookie is ignored"
        );
        assert!(language_cookie(Lang::Fr, true).starts_with("rs_lang=fr; Path=/;"));
    }
}
