//! The session cookie: its name, reading it from a request, and the
//! `Set-Cookie` values that set and clear it. The session itself is a row
//! in the store (`store::accounts`).

use axum::http::{header, HeaderMap};

pub const SESSION_COOKIE: &str = "rs_session";

/// The session token the request's cookie carries, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    cookie(headers, SESSION_COOKIE)
}

/// The value of cookie `wanted`, if the request has it and it is not empty.
pub fn cookie(headers: &HeaderMap, wanted: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

/// The `Set-Cookie` value that starts a session.
pub fn session_cookie(token: &str, https: bool) -> String {
    let max_age = crate::store::accounts::SESSION_LIFETIME.as_secs();
    let secure = if https { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn cleared_cookie(https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; rs_session=abc-123_x; other=1"),
        );
        assert_eq!(session_token(&headers).as_deref(), Some("abc-123_x"));
        headers.insert(header::COOKIE, HeaderValue::from_static("rs_session="));
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_over_https() {
        let cookie = session_cookie("t", true);
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(cookie.ends_with("; Secure"));
        assert!(!session_cookie("t", false).contains("Secure"));
        assert!(cleared_cookie(false).contains("Max-Age=0"));
    }
}
