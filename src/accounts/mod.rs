//! Accounts: organisations, the people in them, their roles and what each
//! role may do. The types here are shared with the browser (the navigation
//! shows what the caller may open); passwords and tokens are server-only.
//!
//! | role    | reads drafts, downloads | writes drafts, adds evidence | writes and publishes templates | manages people, reads the audit log |
//! |---------|:-:|:-:|:-:|:-:|
//! | viewer  | ✓ |   |   |   |
//! | drafter | ✓ | ✓ |   |   |
//! | editor  | ✓ | ✓ | ✓ |   |
//! | admin   | ✓ | ✓ | ✓ | ✓ |

#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod token;

use serde::{Deserialize, Serialize};

use crate::i18n::{msg, Message};

/// An organisation's row id. Store functions that read or change an
/// organisation's data take one, so a query that forgets the organisation
/// does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgId(pub i64);

impl OrgId {
    /// The owner of the built-in templates and the sample evidence.
    pub const BUILT_IN: OrgId = OrgId(1);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgKind {
    Investor,
    Advocacy,
    BuiltIn,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Investor => "investor",
            OrgKind::Advocacy => "advocacy",
            OrgKind::BuiltIn => "built-in",
        }
    }

    /// The kinds an operator can create.
    pub fn parse(text: &str) -> Result<OrgKind, String> {
        match text {
            "investor" => Ok(OrgKind::Investor),
            "advocacy" => Ok(OrgKind::Advocacy),
            other => Err(format!(
                "`{other}` is not a kind of organisation: use investor or advocacy"
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Viewer,
    Drafter,
    Editor,
    Admin,
}

/// What a request wants to do, checked against the caller's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read the organisation's drafts, templates and evidence; download.
    Read,
    /// Create and edit drafts; add evidence; publish a final draft.
    Draft,
    /// Write, version, publish and share templates.
    EditTemplates,
    /// Invite and remove people, change roles, read the audit log.
    Administer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Viewer, Role::Drafter, Role::Editor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Drafter => "drafter",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == text)
            .ok_or_else(|| format!("`{text}` is not a role: use admin, editor, drafter or viewer"))
    }

    /// The least role that may do `permission`; roles are ordered, each
    /// may do everything the one below it may.
    pub fn least_for(permission: Permission) -> Role {
        match permission {
            Permission::Read => Role::Viewer,
            Permission::Draft => Role::Drafter,
            Permission::EditTemplates => Role::Editor,
            Permission::Administer => Role::Admin,
        }
    }

    pub fn allows(self, permission: Permission) -> bool {
        self >= Role::least_for(permission)
    }
}

/// Who is asking: a signed-in person of one organisation. Resolved once
/// per request from the session cookie (`server::guard`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caller {
    pub user_id: i64,
    pub email: String,
    pub role: Role,
    pub org: OrgId,
    pub org_slug: String,
    pub org_name: String,
    pub org_kind: OrgKind,
    /// The interface language they chose, if they did.
    pub language: Option<crate::i18n::Lang>,
}

impl Caller {
    pub fn may(&self, permission: Permission) -> bool {
        self.role.allows(permission)
    }
}

/// What an API token may do. Every token reads its organisation's
/// templates, drafts and packets; `draft` also creates and updates drafts;
/// `render` also renders documents and starts packets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApiScope {
    Read,
    Draft,
    Render,
}

impl ApiScope {
    pub const ALL: [ApiScope; 3] = [ApiScope::Read, ApiScope::Draft, ApiScope::Render];

    pub fn as_str(self) -> &'static str {
        match self {
            ApiScope::Read => "read",
            ApiScope::Draft => "draft",
            ApiScope::Render => "render",
        }
    }

    pub fn parse(text: &str) -> Result<ApiScope, String> {
        match text {
            "read" => Ok(ApiScope::Read),
            "draft" => Ok(ApiScope::Draft),
            "render" => Ok(ApiScope::Render),
            other => Err(format!("no scope `{other}`: use read, draft or render")),
        }
    }

    /// Whether a token of this scope may do what `needed` allows.
    pub fn allows(self, needed: ApiScope) -> bool {
        needed == ApiScope::Read || self == needed
    }

    /// What the scope lets a token do, as the account page explains it.
    pub fn description(self) -> &'static str {
        match self {
            ApiScope::Read => "read templates, drafts and packets",
            ApiScope::Draft => "read, and create and update drafts",
            ApiScope::Render => "read, render documents and start packets",
        }
    }
}

/// An API token as the account page lists it (never the token itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub scope: ApiScope,
    pub created_by: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// A person as the people page lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub org_slug: String,
    pub created_at: String,
}

/// An invitation not yet accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub email: String,
    pub role: Role,
    pub invited_by: String,
    pub expires_at: String,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: String,
}

/// A normalised email address: trimmed, one `@` with text on both sides,
/// no spaces or control characters. Case is kept; the database compares
/// without case.
pub fn parse_email(text: &str) -> Result<String, Message> {
    let email = text.trim();
    let valid = email.len() <= 254
        && email.split('@').count() == 2
        && email.split('@').all(|part| !part.is_empty())
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email.to_owned())
    } else {
        Err(msg!("store-not-an-email", email = email))
    }
}

/// An organisation's short id from its name: lower-case letters and
/// digits joined by `-`.
pub fn slug_of(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect();
    let slug = words.join("-");
    if slug.is_empty() {
        "org".to_owned()
    } else {
        slug.chars().take(48).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_what_they_may_do() {
        assert!(Role::Viewer.allows(Permission::Read));
        assert!(!Role::Viewer.allows(Permission::Draft));
        assert!(Role::Drafter.allows(Permission::Draft));
        assert!(!Role::Drafter.allows(Permission::EditTemplates));
        assert!(Role::Editor.allows(Permission::EditTemplates));
        assert!(!Role::Editor.allows(Permission::Administer));
        assert!(Role::Admin.allows(Permission::Administer));
        assert_eq!(Role::parse("editor"), Ok(Role::Editor));
        assert!(Role::parse("owner").unwrap_err().contains("not a role"));
    }

    #[test]
    fn slugs_and_emails() {
        assert_eq!(slug_of("Northwind Pension Fund"), "northwind-pension-fund");
        assert_eq!(slug_of("  Ünal & Co. "), "nal-co");
        assert_eq!(slug_of("!!!"), "org");
        assert_eq!(parse_email(" a@b.example "), Ok("a@b.example".into()));
        assert!(parse_email("a b@c").is_err());
        assert!(parse_email("ab.example").is_err());
        assert!(parse_email("a@b@c").is_err());
    }
}
