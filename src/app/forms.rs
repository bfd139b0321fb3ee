//! Forms that call a server function typed. Leptos's `ActionForm` reads
//! its arguments back out of the form with serde_qs, whose reader was about
//! 40 KB of code in every piece of the bundle with such a form; these build
//! the arguments from what the page already holds. Without script the form
//! posts the same fields to the same endpoint, as `ActionForm`'s does.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// A `<form>` posting to `S`'s endpoint. On submit in the browser it
/// dispatches `action` with what `input` builds; `None` (a field not there
/// yet) sends nothing.
#[component]
pub fn CallForm<S, F>(
    action: ServerAction<S>,
    input: F,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
    F: Fn() -> Option<S> + 'static,
{
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(arguments) = input() {
            action.dispatch(arguments);
        }
    };
    view! {
        <form action=S::url() method="post" class=class on:submit=submit>
            {children()}
        </form>
    }
}
