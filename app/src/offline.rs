//! Working with no network: the service worker (`sw.js`, from
//! public/sw.js with the precache list `cargo xtask dist` writes into it)
//! keeps the built site in the browser, and this module registers it and
//! handles new versions safely.
//!
//! A deploy installs the new worker beside the running one, where it
//! waits; [`Updates::available`] then shows the prompt "有新版本可用"
//! (components/update_prompt.rs). Only when the user accepts is the draft
//! written at once ([`Drafts::flush`]), and only if nothing is left
//! unsaved is the waiting worker told to take over; its taking over
//! (`controllerchange`) reloads the page. A new version activated by
//! another tab also shows the prompt here, since this page still runs the
//! old files.
//!
//! Registration is quietly skipped where there are no service workers
//! (`file://`, insecure origins, old browsers), in the single-file
//! edition ([`single_file_edition`]), and in development builds (`cargo
//! xtask serve`), which also drop a worker left by a release build on the
//! same address so that it cannot serve stale files.

use js_sys::{Object, Reflect};
use leptos::logging::warn;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

use crate::file_io::describe;
use crate::storage::Drafts;

/// The worker script, relative to the page: beside index.html under any
/// sub-path, so its scope is the site's folder.
pub const WORKER_URL: &str = "sw.js";

/// Why accepting an update did not reload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The draft could not be saved: a reload would lose it.
    Unsaved,
}

impl Refusal {
    pub fn message_zh(self) -> &'static str {
        match self {
            Refusal::Unsaved => {
                "当前内容未能保存,为免丢失暂不更新。请先导出文件或处理保存问题后再更新。"
            }
        }
    }

    /// The message in English.
    pub fn message_en(self) -> &'static str {
        match self {
            Refusal::Unsaved => {
                "The current content could not be saved, so the update waits \
                 to lose nothing. Export a file or resolve the saving problem \
                 first, then update."
            }
        }
    }
}

/// The state of new versions; provided through context by [`crate::App`].
#[derive(Clone, Copy)]
pub struct Updates {
    /// A new version waits for the user's word: the prompt shows.
    pub available: RwSignal<bool>,
    /// The user accepted: the next change of worker reloads the page.
    accepted: StoredValue<bool>,
    /// The page had a worker when it started (or got one since): a change
    /// of worker from then on is a new version, not the first install.
    controlled: StoredValue<bool>,
}

impl Updates {
    /// Registers the worker where that makes sense, and watches for new
    /// versions.
    pub fn start() -> Updates {
        let updates = Updates {
            available: RwSignal::new(false),
            accepted: StoredValue::new(false),
            controlled: StoredValue::new(false),
        };
        let Some(container) = container() else {
            return updates;
        };
        if cfg!(debug_assertions) {
            spawn_local(unregister_all(container));
            return updates;
        }
        if single_file_edition() {
            return updates;
        }
        updates.controlled.set_value(container.controller().is_some());
        updates.watch_controller(&container);

        let registered = container.register(WORKER_URL);
        spawn_local(async move {
            match JsFuture::from(registered).await {
                Ok(registration) => {
                    updates.watch(registration.unchecked_into());
                }
                // Offline on a first visit, a blocked worker: the site
                // works as before, only not offline.
                Err(error) => warn!(
                    "starcheck: the service worker was not registered: {}",
                    describe(&error)
                ),
            }
        });
        updates
    }

    /// The updates provided by [`crate::App`].
    pub fn expect() -> Updates {
        expect_context::<Updates>()
    }

    /// The user agreed to update: save the draft at once, then let the
    /// waiting worker take over, which reloads the page. Refused when
    /// something on screen could not be saved.
    pub fn accept(self, drafts: Drafts) -> Result<(), Refusal> {
        drafts.flush();
        if drafts.unsaved() {
            return Err(Refusal::Unsaved);
        }
        self.accepted.set_value(true);
        spawn_local(async move {
            let waiting = match registration().await {
                Some(registration) => registration.waiting(),
                None => None,
            };
            let Some(waiting) = waiting else {
                // Already active (another tab took it): only reload.
                reload();
                return;
            };
            let message = Object::new();
            let sent =
                Reflect::set(&message, &"type".into(), &"skip-waiting".into())
                    .and_then(|_| waiting.post_message(&message));
            if let Err(error) = sent {
                warn!(
                    "starcheck: the new version was not told: {}",
                    describe(&error)
                );
                reload();
            }
        });
        Ok(())
    }

    /// Hides the prompt until the next new version or visit.
    pub fn dismiss(self) {
        self.available.set(false);
    }

    /// A worker that finished installing while the page has one running
    /// is a new version; one waiting from an earlier visit too.
    fn watch(self, registration: ServiceWorkerRegistration) {
        if registration.waiting().is_some() && self.controlled.get_value() {
            self.available.set(true);
        }

        let on_update_found = {
            let registration = registration.clone();
            Closure::<dyn FnMut()>::new(move || {
                let Some(installing) = registration.installing() else {
                    return;
                };
                let worker = installing.clone();
                let on_state = Closure::<dyn FnMut()>::new(move || {
                    let installed =
                        worker.state() == ServiceWorkerState::Installed;
                    if installed && self.controlled.get_value() {
                        self.available.set(true);
                    }
                });
                installing
                    .set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                // Lives as long as that worker may change state.
                on_state.forget();
            })
        };
        registration
            .set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // The registration lives as long as the page.
        on_update_found.forget();

        // A page left open for weeks looks for a new version whenever it
        // is shown again; offline that fails, which is fine. The listener
        // lives as long as the page (its handle is never used to remove
        // it).
        let _listener =
            window_event_listener(leptos::ev::visibilitychange, move |_| {
                if !document().hidden() {
                    spawn_local(check_for_update(registration.clone()));
                }
            });
    }

    /// The worker controlling the page changed: reload if the user asked
    /// for it, else offer it (another tab activated a new version).
    fn watch_controller(self, container: &ServiceWorkerContainer) {
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if self.accepted.get_value() {
                reload();
            } else if self.controlled.get_value() {
                self.available.set(true);
            } else {
                // The first install taking over this page: nothing new.
                self.controlled.set_value(true);
            }
        });
        container
            .set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        // The container lives as long as the page.
        on_change.forget();
    }
}

/// Whether this page is the single-file edition, which `cargo xtask dist`
/// marks with `<html data-edition="single-file">`: no service worker and
/// no worker scripts beside it.
pub fn single_file_edition() -> bool {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("data-edition"))
        .is_some_and(|edition| edition == "single-file")
}

/// `navigator.serviceWorker`, where the browser has it: it is missing on
/// `file://` and other insecure origins, and in old browsers.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let value = Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

/// The registration for this page, if any.
async fn registration() -> Option<ServiceWorkerRegistration> {
    let container = container()?;
    let found = JsFuture::from(container.get_registration()).await.ok()?;
    found.dyn_into::<ServiceWorkerRegistration>().ok()
}

async fn check_for_update(registration: ServiceWorkerRegistration) {
    let Ok(promise) = registration.update() else {
        return;
    };
    if let Err(error) = JsFuture::from(promise).await {
        warn!(
            "starcheck: could not look for a new version: {}",
            describe(&error)
        );
    }
}

/// Development builds: drop any worker a release build left on this
/// address, so `cargo xtask serve` always shows the files it built.
async fn unregister_all(container: ServiceWorkerContainer) {
    let Ok(found) = JsFuture::from(container.get_registrations()).await else {
        return;
    };
    for registration in js_sys::Array::from(&found).iter() {
        let registration: ServiceWorkerRegistration =
            registration.unchecked_into();
        if let Ok(promise) = registration.unregister() {
            let _ = JsFuture::from(promise).await;
        }
    }
}

fn reload() {
    if let Err(error) = window().location().reload() {
        warn!("starcheck: could not reload: {}", describe(&error));
    }
}
