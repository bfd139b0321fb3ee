//! Every page names the browser-bundle pieces it needs in its head, on
//! every load.
//!
//! Leptos's integration (`leptos_integration_utils` 0.8, `from_app`) adds a
//! page's piece preloads once the page has rendered. It looks up the split
//! manifest, the script nonce and the head's tags with `use_context` outside
//! the page's reactive owner, so it finds them only when tokio resumes the
//! request on the thread where that owner is still the current one. For
//! pages rendered whole before answering (the wizard, among others), about
//! half the loads on a server with two worker threads came without
//! preloads, and the browser fetched the page's pieces a round trip late.
//!
//! So the page's owner is kept ([`keep_page_owner`], called as the page
//! starts rendering) and made the current one each time the request is
//! resumed ([`request_owner`]), on whichever thread.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use leptos::reactive::owner::Owner;

/// The owner of the page a request renders, once it has one.
#[derive(Clone, Default)]
pub struct PageOwner(Arc<Mutex<Option<Owner>>>);

/// Runs a request with its page's owner current on every resumption (see
/// the module comment).
pub async fn request_owner(mut request: Request, next: Next) -> Response {
    let page_owner = PageOwner::default();
    request.extensions_mut().insert(page_owner.clone());
    WithPageOwner {
        page_owner,
        request: Box::pin(next.run(request)),
    }
    .await
}

/// Called by the page's first code, inside its owner: keeps that owner.
pub fn keep_page_owner(page_owner: &PageOwner) {
    *page_owner
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Owner::current();
}

struct WithPageOwner<F> {
    page_owner: PageOwner,
    request: Pin<Box<F>>,
}

/// The page's owner holds the request's parts among its contexts, and so
/// this slot: kept past the request, the two would keep each other alive.
impl<F> Drop for WithPageOwner<F> {
    fn drop(&mut self) {
        self.page_owner
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
    }
}

impl<F: Future> Future for WithPageOwner<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let owner = self
            .page_owner
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        match owner {
            Some(owner) => owner.with(|| self.request.as_mut().poll(cx)),
            None => self.request.as_mut().poll(cx),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::{provide_context, use_context};

    #[derive(Clone, Debug, PartialEq)]
    struct Mark(&'static str);

    #[test]
    fn the_page_owner_is_current_while_the_request_runs_and_let_go_after() {
        let page_owner = PageOwner::default();
        let page = Owner::new_root(None);
        page.with(|| {
            provide_context(Mark("the page's"));
            keep_page_owner(&page_owner);
        });
        // Another owner is current when the request is resumed.
        let other = Owner::new_root(None);
        other.with(|| provide_context(Mark("another page's")));
        let mut request = Box::pin(WithPageOwner {
            page_owner: page_owner.clone(),
            request: Box::pin(async { use_context::<Mark>() }),
        });
        let polled = other.with(|| {
            request
                .as_mut()
                .poll(&mut Context::from_waker(std::task::Waker::noop()))
        });
        assert_eq!(polled, Poll::Ready(Some(Mark("the page's"))));
        drop(request);
        assert!(
            page_owner.0.lock().unwrap().is_none(),
            "the request lets go of the page's owner"
        );
    }
}
