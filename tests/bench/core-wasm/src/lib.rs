//! The scoring core as a bare wasm module for the browser benchmark: each
//! exported function does a counted amount of the core's work and returns
//! a number derived from the results, so nothing is optimised away. The
//! page (tests/bench/run.mjs) times the calls with `performance.now()`.
//!
//! The work is that of the native bench: `core/benches/support/
//! workload.rs` is compiled into this crate too.

#[path = "../../../../core/benches/support/workload.rs"]
mod workload;

use std::sync::Mutex;

use starcheck_core::examples::example_a;
use starcheck_core::{Assessment, Rubric, evaluate};

/// What the benchmark scores, built once by [`prepare`].
struct Prepared {
    rubric: Rubric,
    single: Assessment,
    cohort: Vec<Assessment>,
}

/// The prepared work; wasm here is single-threaded, the lock is never
/// contended.
static PREPARED: Mutex<Option<Prepared>> = Mutex::new(None);

/// Builds the rubric, example A and a cohort of `cohort_size`.
#[unsafe(no_mangle)]
pub extern "C" fn prepare(cohort_size: u32) {
    let prepared = Prepared {
        rubric: Rubric::quanzhou_2024(),
        single: example_a(),
        cohort: workload::cohort(cohort_size as usize),
    };
    if let Ok(mut slot) = PREPARED.lock() {
        *slot = Some(prepared);
    }
}

/// Scores example A `calls` times; returns the sum of the low totals
/// (0 before [`prepare`]).
#[unsafe(no_mangle)]
pub extern "C" fn evaluate_example_a(calls: u32) -> u32 {
    let Ok(slot) = PREPARED.lock() else {
        return 0;
    };
    let Some(prepared) = slot.as_ref() else {
        return 0;
    };
    (0..calls)
        .map(|_| evaluate(&prepared.rubric, &prepared.single).total.low)
        .fold(0u32, u32::wrapping_add)
}

/// Scores and ranks the prepared cohort once; returns how many were
/// ranked (`u32::MAX` when the ranking refused the cohort).
#[unsafe(no_mangle)]
pub extern "C" fn score_cohort() -> u32 {
    let Ok(slot) = PREPARED.lock() else {
        return 0;
    };
    let Some(prepared) = slot.as_ref() else {
        return 0;
    };
    match workload::score_cohort(&prepared.rubric, &prepared.cohort) {
        Ok(result) => u32::try_from(result.standings.len()).unwrap_or(0),
        Err(_) => u32::MAX,
    }
}
