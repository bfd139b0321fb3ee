//! The signed-in person's account and, for admins, their organisation:
//! people and their roles, invitations, and the audit log.

use leptos::prelude::*;

use crate::app::error::AppError;

use crate::accounts::{AuditEntry, Caller, Member, PendingInvitation, Role};
use crate::app::drafts::error_text;

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, caller, user_error};

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

/// The navigation's right-hand side: who is signed in, and sign-out (a
/// plain form, so it works before the page has hydrated).
#[component]
pub fn AccountMenu() -> impl IntoView {
    let me = Resource::new(|| (), |_| whoami());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                me.await.ok().map(|caller| view! {
                    <div class="account-menu">
                        <a href="/account" class="who">
                            {format!("{} · {} ({})", caller.email, caller.org_name, caller.role.as_str())}
                        </a>
                        <form method="post" action="/logout" class="sign-out">
                            <button type="submit">"Sign out"</button>
                        </form>
                    </div>
                })
            })}
        </Suspense>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let me = Resource::new(|| (), |_| whoami());
    view! {
        <section class="account">
            <h1>"Account"</h1>
            <Suspense fallback=|| view! { <p aria-busy="true">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(caller) => {
                            let admin = caller.role == Role::Admin;
                            view! {
                                <p class="lead">
                                    {format!(
                                        "Signed in as {} — {} of {} ({}).",
                                        caller.email,
                                        caller.role.as_str(),
                                        caller.org_name,
                                        caller.org_kind.as_str(),
                                    )}
                                </p>
                                <PasswordForm/>
                                {admin.then(|| view! { <People/> <crate::app::api_tokens::ApiTokens/> <AuditLog/> })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn People() -> impl IntoView {
    let invite = ServerAction::<InviteMember>::new();
    let set_role = ServerAction::<SetMemberRole>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let members = Resource::new(
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
                    "Invitation made. Send this address to the person (it works for 7 days, once): "
                    <code class="invitation-link">{path}</code>
                </p>
            }
            .into_any(),
            Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
        });
        view! {
            {invited}
            {failed.into_iter().flatten().map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> }).collect_view()}
        }
    };
    let role_options = || {
        Role::ALL
            .into_iter()
            .map(|r| view! { <option value=r.as_str()>{r.as_str()}</option> })
            .collect_view()
    };
    view! {
        <h2>"People"</h2>
        {outcome}
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading people…"</p> }>
            {move || Suspend::new(async move {
                members.await.map(|(people, pending)| view! {
                    <table class="people">
                        <thead><tr><th scope="col">"Email"</th><th scope="col">"Role"</th><th scope="col">"Since"</th><th scope="col"></th></tr></thead>
                        <tbody>
                            {people.into_iter().map(|m| {
                                let (email, email_role, email_remove) =
                                    (m.email.clone(), m.email.clone(), m.email.clone());
                                let role_label = format!("Role of {}", m.email);
                                let since = m.created_at.get(..10).unwrap_or_default().to_owned();
                                let member_role = m.role;
                                view! {
                                    <tr data-member=m.email>
                                        <td>{email}</td>
                                        <td>
                                            <ActionForm action=set_role attr:class="inline">
                                                <input type="hidden" name="email" value=email_role/>
                                                <select name="role" aria-label=role_label>
                                                    {Role::ALL.into_iter().map(|r| view! {
                                                        <option value=r.as_str() selected=r == member_role>{r.as_str()}</option>
                                                    }).collect_view()}
                                                </select>
                                                <button type="submit">"Change"</button>
                                            </ActionForm>
                                        </td>
                                        <td>{since}</td>
                                        <td>
                                            <ActionForm action=remove attr:class="inline">
                                                <input type="hidden" name="email" value=email_remove/>
                                                <button type="submit" class="danger">"Remove"</button>
                                            </ActionForm>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {(!pending.is_empty()).then(|| view! {
                        <h3>"Invitations not yet accepted"</h3>
                        <ul class="pending">
                            {pending.into_iter().map(|i| view! {
                                <li>{format!("{} as {}, invited by {}, until {}", i.email, i.role.as_str(), i.invited_by, i.expires_at.get(..10).unwrap_or_default())}</li>
                            }).collect_view()}
                        </ul>
                    })}
                })
            })}
        </Suspense>
        <h3>"Invite someone"</h3>
        <ActionForm action=invite attr:class="invite">
            <label>"Email" <input type="email" name="email" required=true/></label>
            <label>"Role" <select name="role">{role_options()}</select></label>
            <button type="submit">"Make an invitation"</button>
        </ActionForm>
    }
}

#[component]
fn AuditLog() -> impl IntoView {
    let log = Resource::new(|| (), |_| audit_log());
    view! {
        <h2>"Audit log"</h2>
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading the log…"</p> }>
            {move || Suspend::new(async move {
                log.await.map(|entries| view! {
                    <table class="audit-log">
                        <thead><tr><th scope="col">"When (UTC)"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"On"</th><th scope="col">"Details"</th></tr></thead>
                        <tbody>
                            {entries.into_iter().map(|e| view! {
                                <tr>
                                    <td>{e.at.get(..19).unwrap_or_default().replace('T', " ")}</td>
                                    <td>{e.actor}</td>
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
    let change = ServerAction::<ChangePassword>::new();
    let outcome = move || {
        change.value().get().map(|result| match result {
            Ok(()) => view! {
                <p class="note" role="status">"Password changed. Your other sessions have been signed out."</p>
            }
            .into_any(),
            Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
        })
    };
    view! {
        <h2>"Password"</h2>
        {outcome}
        <ActionForm action=change attr:class="change-password">
            <label>"Current password " <input type="password" name="current" autocomplete="current-password" required=true/></label>
            <label>"New password (at least 12 characters) " <input type="password" name="new" autocomplete="new-password" required=true/></label>
            <button type="submit">"Change password"</button>
        </ActionForm>
    }
}
