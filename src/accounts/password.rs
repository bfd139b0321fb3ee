//! Passwords: the policy a new password must meet, and Argon2id hashing
//! (the `argon2` crate, RustCrypto). Passwords are never logged or stored;
//! only the PHC string of their hash is.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use zxcvbn::feedback::Warning;

use crate::i18n::{msg, Message};

pub const MIN_CHARS: usize = 12;
/// Long enough for any passphrase; bounds the work a request can cause.
pub const MAX_CHARS: usize = 256;

/// Argon2id with OWASP's minimum (2025 cheat sheet: 19 MiB of memory, two
/// passes, one lane), which is also the crate's default; spelt out so a
/// change of default cannot weaken it.
fn hasher() -> Argon2<'static> {
    // These parameters are within Argon2's limits, so `new` cannot fail.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Why `password` may not be used, if it may not. `context` holds words
/// the password must not be built from (the email, the organisation).
pub fn weakness(password: &str, context: &[&str]) -> Option<Message> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Some(msg!("password-too-short", min = MIN_CHARS));
    }
    if chars > MAX_CHARS {
        return Some(msg!("password-too-long", max = MAX_CHARS));
    }
    // zxcvbn matches against lists of common passwords, names and words,
    // keyboard patterns, dates and repeats; score 3 is "safely
    // unguessable" against an online attack slowed as ours is.
    let estimate = zxcvbn::zxcvbn(password, context);
    if (estimate.score() as u8) < 3 {
        let why = estimate.feedback().and_then(|f| f.warning()).map(why_weak);
        return Some(msg!("password-too-weak", why = why.unwrap_or("guessable")));
    }
    None
}

/// zxcvbn's warning as the selector of `password-too-weak`: the crate
/// words its warnings in English only, so the catalogues word each kind.
fn why_weak(warning: Warning) -> &'static str {
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess => "key-rows",
        Warning::ShortKeyboardPatternsAreEasyToGuess => "keyboard-pattern",
        Warning::RepeatsLikeAaaAreEasyToGuess => "repeated-character",
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "repeated-group",
        Warning::ThisIsATop10Password
        | Warning::ThisIsATop100Password
        | Warning::ThisIsACommonPassword => "common",
        Warning::ThisIsSimilarToACommonlyUsedPassword => "like-common",
        Warning::SequencesLikeAbcAreEasyToGuess => "sequence",
        Warning::RecentYearsAreEasyToGuess => "recent-year",
        Warning::AWordByItselfIsEasyToGuess => "one-word",
        Warning::DatesAreOftenEasyToGuess => "date",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
        | Warning::CommonNamesAndSurnamesAreEasyToGuess => "name",
    }
}

/// The PHC string of `password`'s Argon2id hash with a fresh random salt.
pub fn hash(password: &str) -> Result<String, String> {
    let salt_bytes = super::token::random_bytes::<16>()?;
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| e.to_string())?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("the password could not be hashed: {e}"))
}

/// Whether `password` matches `stored` (a PHC string). A damaged hash
/// matches nothing.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the email is unknown, so that an unknown
/// account takes as long to refuse as a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash("decoy password that matches nothing").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused_with_the_reason() {
        let english = |password| weakness(password, &[]).unwrap().to_string();
        assert!(english("short").contains("too short: use at least 12 characters"));
        let common = english("password1234");
        assert_eq!(
            common,
            "the password is too weak: it is a very common password"
        );
        let repeated = english("aaaaaaaaaaaaaaaa");
        assert!(repeated.contains("too weak: repeats"), "{repeated}");
        assert_eq!(
            weakness("password1234", &[])
                .unwrap()
                .words(crate::i18n::Lang::Fr),
            "le mot de passe est trop facile à deviner\u{202f}: c’est un mot de passe très courant"
        );
        let own = weakness("northwind2026", &["northwind"]);
        assert!(own.is_some());
        assert_eq!(weakness("lantern orchard velvet 42", &[]), None);
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let one = hash("lantern orchard velvet 42").unwrap();
        let two = hash("lantern orchard velvet 42").unwrap();
        assert!(one.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{one}");
        assert_ne!(one, two, "each hash has its own salt");
        assert!(verify("lantern orchard velvet 42", &one));
        assert!(!verify("lantern orchard velvet 43", &one));
        assert!(!verify("anything", "not a hash"));
    }
}
