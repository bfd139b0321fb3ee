//! The wizard's autosave, retry and conflict machine: answers are saved
//! 0.7 s after typing stops, as a new version on top of the version this
//! page loaded; a failed save is retried with growing waits; a save whose
//! base is no longer the latest becomes a conflict the person resolves;
//! leaving with anything unsaved asks first. The views read the state
//! through [`Form`], which is in the wizard's context.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{Map, Value};

use super::api::{self, DraftEditor};
use super::short_time_in;
use crate::compose::fields::check_one;
use crate::compose::Field;
use crate::drafts::{DraftVersion, Preview, SaveOutcome, SaveRequest};
use crate::i18n::tr;
use crate::i18n::Lang;

/// How long typing must pause before a save, and before a preview.
const SAVE_DELAY: Duration = Duration::from_millis(700);
const PREVIEW_DELAY: Duration = Duration::from_millis(250);
/// Longest wait between retries of a failed save.
const MAX_RETRY_SECONDS: u64 = 30;

/// Where the draft stands against the server.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum SaveState {
    Saved {
        at: String,
    },
    /// Edited, waiting for the pause before saving.
    Pending,
    Saving,
    Failed {
        message: String,
        retry_in: u64,
    },
    /// Someone saved another version since this page's base version.
    Conflict {
        theirs: DraftVersion,
    },
}

/// The wizard's state, shared by its parts through context. Every member is
/// a signal or stored value, so the whole is `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Form {
    pub draft_id: i64,
    /// The page's language, for the words the machine itself sets.
    pub lang: Lang,
    pub fields: StoredValue<Vec<Field>>,
    pub answers: RwSignal<Map<String, Value>>,
    pub dismissals: RwSignal<BTreeMap<String, String>>,
    /// Fields the user has left at least once: their "required" errors show.
    pub touched: RwSignal<HashSet<String>>,
    /// On the review step every error shows.
    pub show_all: RwSignal<bool>,
    pub preview: RwSignal<Option<Preview>>,
    pub(super) base_version: RwSignal<i64>,
    pub(super) state: RwSignal<SaveState>,
    /// Bumped on every edit; a save or preview remembers the one it sent.
    edits: RwSignal<u64>,
    saving: StoredValue<bool>,
    failures: StoredValue<u32>,
    previewed: StoredValue<u64>,
}

impl Form {
    /// The state of a wizard opened on `editor`'s draft: everything saved.
    pub fn new(editor: &DraftEditor, lang: Lang) -> Form {
        Form {
            draft_id: editor.draft.id,
            lang,
            fields: StoredValue::new(editor.fields.clone()),
            answers: RwSignal::new(editor.version.answers.clone()),
            dismissals: RwSignal::new(editor.version.dismissals.clone()),
            touched: RwSignal::new(HashSet::new()),
            show_all: RwSignal::new(false),
            preview: RwSignal::new(None),
            base_version: RwSignal::new(editor.version.number),
            state: RwSignal::new(SaveState::Saved {
                at: short_time_in(lang, &editor.version.saved_at),
            }),
            edits: RwSignal::new(0),
            saving: StoredValue::new(false),
            failures: StoredValue::new(0),
            previewed: StoredValue::new(0),
        }
    }

    /// Whether something on screen is not in a saved version yet.
    fn unsaved(self) -> bool {
        self.state
            .try_get_untracked()
            .is_some_and(|state| !matches!(state, SaveState::Saved { .. }))
    }

    /// Leaving with unsaved answers asks first: following a link, with the
    /// page's own words, and closing or reloading the tab (`beforeunload`,
    /// the browser's). Both listeners go when the wizard does, so neither
    /// reads the state of a page that is gone.
    pub fn ask_before_leaving_unsaved(self) {
        // Said yes to a link's question: the page it loads must not ask again.
        let agreed = Arc::new(AtomicBool::new(false));
        let unload = window_event_listener(leptos::ev::beforeunload, {
            let agreed = Arc::clone(&agreed);
            move |event| {
                if self.unsaved() && !agreed.load(Ordering::Relaxed) {
                    event.prevent_default();
                }
            }
        });
        let question = tr!(self.lang, "wizard-leave-unsaved");
        let links = exit_guard::on_link_clicks(
            question,
            move || self.unsaved(),
            move || agreed.store(true, Ordering::Relaxed),
        );
        on_cleanup(move || {
            unload.remove();
            links.remove();
        });
    }
    /// The version on screen, when everything on screen is saved in it.
    pub fn saved_version(self) -> Option<i64> {
        matches!(self.state.get(), SaveState::Saved { .. }).then(|| self.base_version.get())
    }

    pub fn answer(self, id: &str) -> Option<Value> {
        self.answers.with(|a| a.get(id).cloned())
    }

    /// Records an answer (null removes it) and schedules a save and a preview.
    pub fn set(self, id: &str, value: Value) {
        self.answers.update(|a| {
            if value.is_null() {
                a.remove(id);
            } else {
                a.insert(id.to_owned(), value);
            }
        });
        self.edited();
    }

    pub fn touch(self, id: &str) {
        if !self.touched.with_untracked(|t| t.contains(id)) {
            self.touched.update(|t| {
                t.insert(id.to_owned());
            });
        }
    }

    /// The error to show beside a field: the browser's own check first,
    /// then what the server said (e.g. a source not in the library).
    pub fn error(self, field: &Field) -> Option<String> {
        let shown = self.show_all.get() || self.touched.with(|t| t.contains(&field.id));
        let value = self.answer(&field.id);
        let blank = value.as_ref().is_none_or(|v| v.is_null() || v == "");
        if blank && !shown {
            return None;
        }
        if let Some(problem) = check_one(field, value.as_ref()) {
            return Some(problem.words(self.lang));
        }
        self.preview.with(|p| {
            p.as_ref().and_then(|p| {
                p.problems
                    .iter()
                    .find(|problem| problem.field == field.id)
                    .map(|problem| problem.message.words(self.lang))
            })
        })
    }

    pub fn is_active(self, field: &Field) -> bool {
        field
            .condition
            .as_ref()
            .is_none_or(|c| self.answers.with(|a| c.holds(a)))
    }

    pub(super) fn edited(self) {
        self.edits.update(|n| *n += 1);
        if !matches!(self.state.get_untracked(), SaveState::Conflict { .. }) {
            self.state.set(SaveState::Pending);
        }
        let edit = self.edits.get_untracked();
        set_timeout(
            move || {
                if self.edits.try_get_untracked() == Some(edit) {
                    self.save();
                }
            },
            SAVE_DELAY,
        );
        set_timeout(
            move || {
                if self.edits.try_get_untracked() == Some(edit) {
                    self.refresh_preview();
                }
            },
            PREVIEW_DELAY,
        );
    }

    /// Tries a failed save again now, with the waits starting afresh.
    pub(super) fn retry_now(self) {
        self.failures.set_value(0);
        self.save();
    }

    /// Sends the answers as a new version on top of the base version.
    fn save(self) {
        if matches!(self.state.get_untracked(), SaveState::Conflict { .. }) {
            return;
        }
        if self.saving.get_value() {
            // The save in flight will see the newer edit when it returns.
            return;
        }
        let edit = self.edits.get_untracked();
        let request = SaveRequest {
            draft_id: self.draft_id,
            base_version: self.base_version.get_untracked(),
            answers: self.answers.get_untracked(),
            dismissals: self.dismissals.get_untracked(),
        };
        self.saving.set_value(true);
        self.state.set(SaveState::Saving);
        spawn_local(async move {
            let result = api::save_draft(request).await;
            if self.saving.try_set_value(false).is_some() {
                return; // the page has gone
            }
            match result {
                Ok(SaveOutcome::Saved { version, saved_at }) => {
                    self.saved(version, saved_at, edit);
                }
                Ok(SaveOutcome::Unchanged { version }) => {
                    let at = tr!(self.lang, "wizard-saved-just-now");
                    self.saved(version, at, edit);
                }
                Ok(SaveOutcome::Conflict { current }) => {
                    self.state.set(SaveState::Conflict { theirs: current });
                }
                Err(error) => {
                    let failures = self.failures.get_value() + 1;
                    self.failures.set_value(failures);
                    let retry_in = 2u64.saturating_pow(failures).min(MAX_RETRY_SECONDS);
                    self.state.set(SaveState::Failed {
                        message: error.words(self.lang),
                        retry_in,
                    });
                    set_timeout(
                        move || {
                            if matches!(
                                self.state.try_get_untracked(),
                                Some(SaveState::Failed { .. })
                            ) {
                                self.save();
                            }
                        },
                        Duration::from_secs(retry_in),
                    );
                }
            }
        });
    }

    fn saved(self, version: i64, at: String, edit: u64) {
        self.failures.set_value(0);
        self.base_version.set(version);
        if self.edits.get_untracked() == edit {
            self.state.set(SaveState::Saved { at });
        } else {
            // More typing arrived while saving: save that too.
            self.save();
        }
    }

    /// Renders the current answers on the server; a stale answer is dropped.
    pub(super) fn refresh_preview(self) {
        let edit = self.edits.get_untracked();
        let answers = self.answers.get_untracked();
        let dismissals = self.dismissals.get_untracked();
        spawn_local(async move {
            let result = api::preview_draft(self.draft_id, answers, dismissals).await;
            if self
                .previewed
                .try_get_value()
                .is_none_or(|done| done > edit)
            {
                return;
            }
            self.previewed.set_value(edit);
            let preview = result.unwrap_or_else(|error| Preview {
                error: Some(tr!(
                    self.lang,
                    "wizard-preview-unavailable",
                    error = error.words(self.lang)
                )),
                ..Preview::default()
            });
            self.preview.set(Some(preview));
        });
    }

    /// Keeps this page's answers and saves them over the other version.
    pub(super) fn keep_mine(self, theirs: i64) {
        self.base_version.set(theirs);
        self.state.set(SaveState::Pending);
        self.save();
    }

    /// Drops this page's unsaved answers for the saved version.
    pub(super) fn take_theirs(self, theirs: DraftVersion) {
        self.base_version.set(theirs.number);
        self.answers.set(theirs.answers);
        self.dismissals.set(theirs.dismissals);
        self.state.set(SaveState::Saved {
            at: theirs.saved_at,
        });
        self.edits.update(|n| *n += 1);
        self.refresh_preview();
    }
}

#[cfg(feature = "hydrate")]
mod exit_guard {
    use leptos::prelude::{document, window};
    use leptos::wasm_bindgen::closure::Closure;
    use leptos::wasm_bindgen::{JsCast, JsValue};
    use leptos::web_sys::{Element, MouseEvent};
    use send_wrapper::SendWrapper;

    pub struct Handle(SendWrapper<JsValue>);

    /// Asks `question` before a plain click on a link leaves the page while
    /// `unsaved()`: a declined click goes nowhere; `agreed` runs before an
    /// accepted one loads the link's page.
    pub fn on_link_clicks(
        question: String,
        unsaved: impl Fn() -> bool + 'static,
        agreed: impl Fn() + 'static,
    ) -> Handle {
        let listener = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
            let plain = event.button() == 0
                && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
            if !plain || event.default_prevented() || !unsaved() {
                return;
            }
            let link = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .and_then(|element| element.closest("a[href]").ok().flatten());
            let Some(link) = link else {
                return;
            };
            // Downloads, new tabs and links within the page leave it where it is.
            let elsewhere = link.has_attribute("download")
                || link.get_attribute("target").is_some_and(|t| t != "_self")
                || link
                    .get_attribute("href")
                    .is_some_and(|h| h.starts_with('#'));
            if elsewhere {
                return;
            }
            if window().confirm_with_message(&question).unwrap_or(true) {
                agreed();
            } else {
                event.prevent_default();
                event.stop_propagation();
            }
        })
        .into_js_value();
        let _ = document().add_event_listener_with_callback("click", listener.unchecked_ref());
        Handle(SendWrapper::new(listener))
    }

    impl Handle {
        pub fn remove(self) {
            let _ = document().remove_event_listener_with_callback("click", self.0.unchecked_ref());
        }
    }
}

/// On the server there are no clicks to guard.
#[cfg(not(feature = "hydrate"))]
mod exit_guard {
    pub struct Handle;

    pub fn on_link_clicks(
        _question: String,
        _unsaved: impl Fn() -> bool + 'static,
        _agreed: impl Fn() + 'static,
    ) -> Handle {
        Handle
    }

    impl Handle {
        pub fn remove(self) {}
    }
}
