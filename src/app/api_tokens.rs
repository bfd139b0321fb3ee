//! API tokens on the account page, for admins: create one with a name and
//! a scope (the token is shown once), see when each was last used, revoke.

use leptos::prelude::*;

use crate::accounts::{ApiScope, ApiToken};
use crate::app::drafts::error_text;
use crate::app::error::AppError;

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, caller, user_error};

#[server(endpoint = "list_api_tokens")]
pub async fn list_api_tokens() -> Result<Vec<ApiToken>, AppError> {
    let (store, caller) = caller(Permission::Administer)?;
    store.api_tokens(caller.org).await.map_err(user_error)
}

/// A new token; the only time it is shown.
#[server(endpoint = "create_api_token")]
pub async fn create_api_token(name: String, scope: String) -> Result<String, AppError> {
    let scope = ApiScope::parse(&scope).map_err(bad_input)?;
    let (store, caller) = caller(Permission::Administer)?;
    let (_, token) = store
        .create_api_token(&caller, &name, scope)
        .await
        .map_err(user_error)?;
    Ok(token)
}

#[server(endpoint = "revoke_api_token")]
pub async fn revoke_api_token(id: i64) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Administer)?;
    store
        .revoke_api_token(&caller, id)
        .await
        .map_err(user_error)
}

#[component]
pub fn ApiTokens() -> impl IntoView {
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_tokens(),
    );
    view! {
        <h2>"API tokens"</h2>
        <p class="help">
            "Other systems (a portfolio tool, a mail merge, a script) use the API at "
            <a href="/api/v1/openapi.json">"/api/v1"</a>
            " with a token sent as "<code>"Authorization: Bearer TOKEN"</code>
            ". A token acts for the whole organisation within its scope; revoke it when it is no longer used."
        </p>
        <ActionForm action=create attr:class="api-token-form">
            <label>
                <span>"What will use it"</span>
                <input type="text" name="name" required=true maxlength="100" placeholder="e.g. Portfolio system"/>
            </label>
            <label>
                <span>"Scope"</span>
                <select name="scope">
                    {ApiScope::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str()>{format!("{} — {}", s.as_str(), s.description())}</option> })
                        .collect_view()}
                </select>
            </label>
            <button type="submit">"Create token"</button>
        </ActionForm>
        {move || match create.value().get() {
            Some(Ok(token)) => view! {
                <p class="new-token" role="status">
                    "Copy this token now; it is not shown again: " <code class="token">{token}</code>
                </p>
            }
            .into_any(),
            Some(Err(e)) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
            None => ().into_any(),
        }}
        {move || revoke.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })}
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading tokens…"</p> }>
            {move || Suspend::new(async move {
                tokens.await.map(|list| view! {
                    <table class="api-tokens">
                        <thead><tr>
                            <th scope="col">"Name"</th><th scope="col">"Scope"</th><th scope="col">"Created"</th>
                            <th scope="col">"Last used"</th><th scope="col">"State"</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|t| {
                                let id = t.id;
                                let live = t.revoked_at.is_none();
                                view! {
                                    <tr data-token=id>
                                        <td>{t.name.clone()}</td>
                                        <td>{t.scope.as_str()}</td>
                                        <td>{format!("{} by {}", t.created_at.get(..10).unwrap_or_default(), t.created_by)}</td>
                                        <td>{t.last_used_at.as_deref().and_then(|d| d.get(..16)).map(|d| d.replace('T', " ")).unwrap_or_else(|| "never".into())}</td>
                                        <td>
                                            {if live {
                                                view! {
                                                    <button type="button" on:click=move |_| { revoke.dispatch(RevokeApiToken { id }); }>"Revoke"</button>
                                                }.into_any()
                                            } else {
                                                view! { <span>"revoked"</span> }.into_any()
                                            }}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            })}
        </Suspense>
    }
}
