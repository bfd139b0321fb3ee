//! The signed-in person's account and, for admins, their organisation:
//! people and their roles, invitations, and the audit log.

use leptos::prelude::*;

use crate::app::error::AppError;

use crate::accounts::{AuditEntry, Caller, Member, OrgKind, PendingInvitation, Role};
use crate::app::i18n::{role_name, stored_day, use_lang};
use crate::i18n::tr;
use crate::i18n::Lang;

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, caller, user_error};
use crate::app::loaded::load;

/// Who is signed in (every page's header shows it).
#[server(endpoint = "whoami")]
pub async fn whoami() -> Result<Caller, AppError> {
    Ok(caller(Permission::Read)?.1)
}

/// Changes the signed-in person's password; their other sessions end.
#[server(endpoint = "change_password")]
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    use crate::runtime::session::session_token;
    let (store, caller) = caller(Permission::Read)?;
    let token = use_context::<axum::http::request::Parts>()
        .and_then(|parts| session_token(&parts.headers))
        .unwrap_or_default();
    store
        .change_password(&caller, &current, &new, &token)
        .await
        .map_err(user_error)
}

#[server(endpoint = "list_members")]
pub async fn list_members() -> Result<(Vec<Member>, Vec<PendingInvitation>), AppError> {
    let (store, caller) = caller(Permission::Administer)?;
    let members = store
        .list_users(Some(caller.org))
        .await
        .map_err(user_error)?;
    let pending = store
        .pending_invitations(caller.org)
        .await
        .map_err(user_error)?;
    Ok((members, pending))
}

/// Invites someone; returns the invitation's address (valid for a week),
/// to send them by whatever means the organisation uses.
#[server(endpoint = "invite_member")]
pub async fn invite_member(email: String, role: String) -> Result<String, AppError> {
    let role = Role::parse(&role).map_err(bad_input)?;
    let (store, caller) = caller(Permission::Administer)?;
    let token = store
        .invite(&caller, &email, role)
        .await
        .map_err(user_error)?;
    Ok(format!("/invite/{token}"))
}

#[server(endpoint = "set_member_role")]
pub async fn set_member_role(email: String, role: String) -> Result<(), AppError> {
    let role = Role::parse(&role).map_err(bad_input)?;
    let (store, caller) = caller(Permission::Administer)?;
    store
        .set_role(caller.org, &email, role, &caller.email)
        .await
        .map_err(user_error)
}

#[server(endpoint = "remove_member")]
pub async fn remove_member(email: String) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Administer)?;
    store
        .remove_user(caller.org, &email, &caller.email)
        .await
        .map_err(user_error)
}

/// The organisation's audit log, newest first (the last 500 entries).
#[server(endpoint = "audit_log")]
pub async fn audit_log() -> Result<Vec<AuditEntry>, AppError> {
    let (store, caller) = caller(Permission::Administer)?;
    store.audit_log(caller.org, 500).await.map_err(user_error)
}

/// An organisation's kind as the interface names it.
pub(crate) fn org_kind_name(lang: Lang, kind: OrgKind) -> String {
    match kind {
        OrgKind::Investor => tr!(lang, "account-org-kind-investor"),
        OrgKind::Advocacy => tr!(lang, "account-org-kind-advocacy"),
        OrgKind::BuiltIn => tr!(lang, "account-org-kind-built-in"),
    }
}

/// The navigation's right-hand side: who is signed in, and sign-out (a
/// plain form). Rendered by the server only, outside the page's island.
#[cfg(feature = "ssr")]
#[component]
pub fn AccountMenu() -> impl IntoView {
    let lang = use_lang();
    // The data an island reads back is numbered in the order the server
    // makes it, and the browser numbers only what the islands make: the
    // menu's own (never sent) must take no number before the island's.
    Owner::new().with(|| {
        Owner::with_no_hydration(move || {
            let me = load(|| (), |_| whoami());
            // Held by the view: nothing else keeps the new owner alive.
            leptos::tachys::reactive_graph::OwnedView::new(view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        me.await.ok().map(|caller| view! {
                            <div class="account-menu">
                                <a href="/account" class="who">
                                    {format!("{} · {} ({})", caller.email, caller.org_name, role_name(lang, caller.role))}
                                </a>
                                <form method="post" action="/logout" class="sign-out">
                                    <button type="submit">{tr!(lang, "sign-out")}</button>
                                </form>
                            </div>
                        })
                    })}
                </Suspense>
            })
        })
    })
}

#[cfg_attr(any(feature = "ssr", feature = "others-bundle"), island(lazy))]
#[cfg_attr(not(any(feature = "ssr", feature = "others-bundle")), component)]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    let me = load(|| (), |_| whoami());
    view! {
        <section class="account">
            <h1>{tr!(lang, "account-title")}</h1>
            <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "loading")}</p> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(caller) => {
                            let admin = caller.role == Role::Admin;
                            view! {
                                <p class="lead">
                                    {tr!(
                                        lang,
                                        "account-signed-in-as",
                                        email = caller.email.clone(),
                                        role = role_name(lang, caller.role),
                                        org = caller.org_name.clone(),
                                        kind = org_kind_name(lang, caller.org_kind),
                                    )}
                                </p>
                                <PasswordForm/>
                                {admin.then(|| view! { <People/> <crate::app::api_tokens::ApiTokens/> <AuditLog/> })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn People() -> impl IntoView {
    let lang = use_lang();
    let invite = ServerAction::<InviteMember>::new();
    let set_role = ServerAction::<SetMemberRole>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let members = load(
        move || {
            (
                invite.version().get(),
                set_role.version().get(),
                remove.version().get(),
            )
        },
        |_| list_members(),
    );
    let outcome = move || {
        let failed = [
            set_role.value().get().and_then(Result::err),
            remove.value().get().and_then(Result::err),
        ];
        let invited = invite.value().get().map(|result| match result {
            Ok(path) => view! {
                <p class="note" role="status">
                    {tr!(lang, "account-invitation-made")}" "
                    <code class="invitation-link">{path}</code>
                </p>
            }
            .into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
        });
        view! {
            {invited}
            {failed.into_iter().flatten().map(|e| view! { <p class="error" role="alert">{e.words(lang)}</p> }).collect_view()}
        }
    };
    // The form sends the role's stored name; the person reads its own.
    let role_options = move |current: Option<Role>| {
        Role::ALL
            .into_iter()
            .map(|r| view! { <option value=r.as_str() selected=current == Some(r)>{role_name(lang, r)}</option> })
            .collect_view()
    };
    view! {
        <h2>{tr!(lang, "account-people")}</h2>
        {outcome}
        <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "account-loading-people")}</p> }>
            {move || Suspend::new(async move {
                members.await.map(|(people, pending)| view! {
                    <table class="people">
                        <thead><tr>
                            <th scope="col">{tr!(lang, "account-email")}</th>
                            <th scope="col">{tr!(lang, "account-role")}</th>
                            <th scope="col">{tr!(lang, "account-since")}</th>
                            <th scope="col"></th>
                        </tr></thead>
                        <tbody>
                            {people.into_iter().map(|m| {
                                let (email, email_role, email_remove) =
                                    (m.email.clone(), m.email.clone(), m.email.clone());
                                let role_label = tr!(lang, "account-role-of", email = m.email.clone());
                                let since = stored_day(lang, &m.created_at);
                                let member_role = m.role;
                                view! {
                                    <tr data-member=m.email>
                                        <td>{email}</td>
                                        <td>
                                            <ActionForm action=set_role attr:class="inline">
                                                <input type="hidden" name="email" value=email_role/>
                                                <select name="role" aria-label=role_label>
                                                    {role_options(Some(member_role))}
                                                </select>
                                                <button type="submit">{tr!(lang, "account-change-role")}</button>
                                            </ActionForm>
                                        </td>
                                        <td>{since}</td>
                                        <td>
                                            <ActionForm action=remove attr:class="inline">
                                                <input type="hidden" name="email" value=email_remove/>
                                                <button type="submit" class="danger">{tr!(lang, "account-remove")}</button>
                                            </ActionForm>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(!pending.is_empty()).then(|| view! {
                        <h3>{tr!(lang, "account-pending")}</h3>
                        <ul class="pending">
                            {pending.into_iter().map(|i| view! {
                                <li>{tr!(
                                    lang,
                                    "account-pending-invitation",
                                    email = i.email,
                                    role = role_name(lang, i.role),
                                    invited_by = i.invited_by,
                                    until = stored_day(lang, &i.expires_at),
                                )}</li>
                            }).collect_view()}
                        </ul>
                    })}
                })
            })}
        </Suspense>
        <h3>{tr!(lang, "account-invite")}</h3>
        <ActionForm action=invite attr:class="invite">
            <label>{tr!(lang, "account-email")} <input type="email" name="email" required=true/></label>
            <label>{tr!(lang, "account-role")} <select name="role">{role_options(None)}</select></label>
            <button type="submit">{tr!(lang, "account-make-invitation")}</button>
        </ActionForm>
    }
}

#[component]
fn AuditLog() -> impl IntoView {
    let lang = use_lang();
    let log = load(|| (), |_| audit_log());
    view! {
        <h2>{tr!(lang, "account-audit-log")}</h2>
        <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "account-loading-log")}</p> }>
            {move || Suspend::new(async move {
                log.await.map(|entries| view! {
                    <table class="audit-log">
                        <thead><tr>
                            <th scope="col">{tr!(lang, "account-audit-when")}</th>
                            <th scope="col">{tr!(lang, "account-audit-who")}</th>
                            <th scope="col">{tr!(lang, "account-audit-what")}</th>
                            <th scope="col">{tr!(lang, "account-audit-on")}</th>
                            <th scope="col">{tr!(lang, "account-audit-details")}</th>
                        </tr></thead>
                        <tbody>
                            {entries.into_iter().map(|e| view! {
                                <tr>
                                    <td>{e.at.get(..19).unwrap_or_default().replace('T', " ")}</td>
                                    <td>{e.actor}</td>
                                    // The action as the log stored it: a record, not interface text.
                                    <td>{e.action}</td>
                                    <td>{e.target}</td>
                                    <td>{e.detail}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            })}
        </Suspense>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let lang = use_lang();
    let change = ServerAction::<ChangePassword>::new();
    let outcome = move || {
        change.value().get().map(|result| match result {
            Ok(()) => view! {
                <p class="note" role="status">{tr!(lang, "account-password-changed")}</p>
            }
            .into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
        })
    };
    view! {
        <h2>{tr!(lang, "account-password")}</h2>
        {outcome}
        <ActionForm action=change attr:class="change-password">
            <label>{tr!(lang, "account-current-password")}" " <input type="password" name="current" autocomplete="current-password" required=true/></label>
            <label>{tr!(lang, "account-new-password")}" " <input type="password" name="new" autocomplete="new-password" required=true/></label>
            <button type="submit">{tr!(lang, "account-change-password")}</button>
        </ActionForm>
    }
}
