//! API tokens on the account page, for admins: create one with a name and
//! a scope (the token is shown once), see when each was last used, revoke.

use leptos::prelude::*;

use crate::accounts::{ApiScope, ApiToken};
use crate::app::error::AppError;
use crate::app::i18n::stored_day;
use crate::app::i18n::use_lang;
use crate::i18n::tr;
use crate::i18n::Lang;

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, caller, user_error};
use crate::app::loaded::load;

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

/// A scope as the interface names it (forms send its stored name).
fn scope_name(lang: Lang, scope: ApiScope) -> String {
    match scope {
        ApiScope::Read => tr!(lang, "account-scope-read"),
        ApiScope::Draft => tr!(lang, "account-scope-draft"),
        ApiScope::Render => tr!(lang, "account-scope-render"),
    }
}

/// What a scope allows.
fn scope_allows(lang: Lang, scope: ApiScope) -> String {
    match scope {
        ApiScope::Read => tr!(lang, "account-scope-read-allows"),
        ApiScope::Draft => tr!(lang, "account-scope-draft-allows"),
        ApiScope::Render => tr!(lang, "account-scope-render-allows"),
    }
}

/// When a token was last used: its day and time (UTC), or never.
fn last_used(lang: Lang, at: Option<&str>) -> String {
    match at.and_then(|at| Some((at.get(..10)?, at.get(11..16)?))) {
        Some((date, time)) => tr!(
            lang,
            "account-token-used-at",
            date = stored_day(lang, date),
            time = time
        ),
        None => tr!(lang, "account-token-never-used"),
    }
}

#[component]
pub fn ApiTokens() -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let tokens = load(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_tokens(),
    );
    view! {
        <h2>{tr!(lang, "account-api-tokens")}</h2>
        // Three pieces around the address and the header, which stay as they are.
        <p class="help">
            {tr!(lang, "account-api-help-address")}" "
            <a href="/api/v1/openapi.json">"/api/v1"</a>
            " "{tr!(lang, "account-api-help-header")}" "<code>"Authorization: Bearer TOKEN"</code>
            {tr!(lang, "account-api-help-scope")}
        </p>
        <ActionForm action=create attr:class="api-token-form">
            <label>
                <span>{tr!(lang, "account-token-user")}</span>
                <input type="text" name="name" required=true maxlength="100" placeholder=tr!(lang, "account-token-user-example")/>
            </label>
            <label>
                <span>{tr!(lang, "account-token-scope")}</span>
                <select name="scope">
                    {ApiScope::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str()>{format!("{} — {}", scope_name(lang, s), scope_allows(lang, s))}</option> })
                        .collect_view()}
                </select>
            </label>
            <button type="submit">{tr!(lang, "account-create-token")}</button>
        </ActionForm>
        {move || match create.value().get() {
            Some(Ok(token)) => view! {
                <p class="new-token" role="status">
                    {tr!(lang, "account-token-shown-once")}" " <code class="token">{token}</code>
                </p>
            }
            .into_any(),
            Some(Err(e)) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
            None => ().into_any(),
        }}
        {move || revoke.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.words(lang)}</p> })}
        <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "account-loading-tokens")}</p> }>
            {move || Suspend::new(async move {
                tokens.await.map(|list| view! {
                    <table class="api-tokens">
                        <thead><tr>
                            <th scope="col">{tr!(lang, "account-token-name")}</th>
                            <th scope="col">{tr!(lang, "account-token-scope")}</th>
                            <th scope="col">{tr!(lang, "account-token-created")}</th>
                            <th scope="col">{tr!(lang, "account-token-last-used")}</th>
                            <th scope="col">{tr!(lang, "account-token-state")}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|t| {
                                let id = t.id;
                                let live = t.revoked_at.is_none();
                                view! {
                                    <tr data-token=id>
                                        <td>{t.name.clone()}</td>
                                        <td>{scope_name(lang, t.scope)}</td>
                                        <td>{tr!(lang, "account-token-created-by", date = stored_day(lang, &t.created_at), who = t.created_by.clone())}</td>
                                        <td>{last_used(lang, t.last_used_at.as_deref())}</td>
                                        <td>
                                            {if live {
                                                view! {
                                                    <button type="button" on:click=move |_| { revoke.dispatch(RevokeApiToken { id }); }>{tr!(lang, "account-token-revoke")}</button>
                                                }.into_any()
                                            } else {
                                                view! { <span>{tr!(lang, "account-token-revoked")}</span> }.into_any()
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
