//! Helpers for the app's browser tests: a fresh host element per test,
//! mounting with the shared state kept for the test to read and write,
//! events as the browser sends them, and waiting for Leptos to settle.

#![allow(dead_code)]

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use starcheck_app::state::AppState;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlSelectElement};

/// A mounted view, its host element and its state. Dropping it unmounts.
pub struct Mounted {
    pub host: Element,
    pub state: AppState,
    _handle: Box<dyn Any>,
}

impl Mounted {
    /// The first element matching `selector`; panics with the selector
    /// when there is none, which names the failing expectation.
    pub fn find(&self, selector: &str) -> Element {
        self.host
            .query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no element matches `{selector}`"))
    }

    /// Every element matching `selector`.
    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .host
            .query_selector_all(selector)
            .unwrap_or_else(|_| panic!("`{selector}` is not a valid selector"));
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }

    /// The trimmed text of the first element matching `selector`.
    pub fn text(&self, selector: &str) -> String {
        self.find(selector)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// An `<input>` by selector.
    pub fn input(&self, selector: &str) -> HtmlInputElement {
        self.find(selector).unchecked_into()
    }

    /// Types `value` into an input the way a browser reports it without an
    /// input method: the value changes, then `input` fires.
    pub fn type_into(&self, selector: &str, value: &str) {
        let input = self.input(selector);
        input.set_value(value);
        dispatch(&input, "input");
    }

    /// Types a whole entry and leaves the field: `input`, then `change`,
    /// as a browser fires them when the user tabs away. Fields fall back
    /// to the last such completed entry when a later text is refused.
    pub fn enter(&self, selector: &str, value: &str) {
        let input = self.input(selector);
        input.set_value(value);
        dispatch(&input, "input");
        dispatch(&input, "change");
    }

    /// Sets an input's value and fires `change` (date fields, selects).
    pub fn change(&self, selector: &str, value: &str) {
        let element = self.find(selector);
        if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
            select.set_value(value);
        } else {
            element.unchecked_ref::<HtmlInputElement>().set_value(value);
        }
        dispatch(&element, "change");
    }

    /// Clicks an element.
    pub fn click(&self, selector: &str) {
        self.find(selector).unchecked_into::<web_sys::HtmlElement>().click();
    }
}

/// Mounts `view` into a fresh element attached to the document, with a
/// fresh [`AppState`] in context.
pub fn mount<V, F>(view: F) -> Mounted
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let host = document().create_element("div").expect("a div can be made");
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&host)
        .expect("the host can be attached");

    let slot: Rc<RefCell<Option<AppState>>> = Rc::default();
    let kept = Rc::clone(&slot);
    let handle =
        leptos::mount::mount_to(host.clone().unchecked_into(), move || {
            let state = AppState::new();
            provide_context(state);
            *kept.borrow_mut() = Some(state);
            view()
        });
    let state = slot.borrow_mut().take().expect("the view was built");

    Mounted { host, state, _handle: Box::new(handle) }
}

/// Fires a bubbling event of `kind` at `target`.
pub fn dispatch(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init)
        .expect("an event can be made");
    target.dispatch_event(&event).expect("the event can be dispatched");
}

/// Waits for a macrotask: Leptos runs effects (and so updates the DOM)
/// asynchronously.
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _: Result<JsValue, JsValue> =
        wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A few ticks, for chains of effects.
pub async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
}
