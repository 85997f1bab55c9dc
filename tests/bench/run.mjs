// StarCheck's browser benchmarks, run by `cargo xtask bench` against the
// release build in dist/ (served on 127.0.0.1 by the end-to-end harness,
// tests/e2e/support.mjs) in headless Chromium. Nothing here talks to any
// host but the loopback servers it starts, and every wait is bounded.
//
// Each figure is printed as one line `bench <key> <value>`; xtask reads
// them into BENCHMARKS.md, which says what each one means. In order:
//
// 1. first load: the files the community's page (index.html) requested,
//    raw and compressed (gzip level 9 and brotli quality 11, as a static
//    host would precompress), then the same for the district office's
//    full page (district.html);
// 2. navigation to interactive form (the app's `starcheck:interactive`
//    mark, set after mount) against a blank static page's load event,
//    alternating, RUNS times each, with the drafts page (few elements) as
//    a third page, to tell the form's drawing from the rest;
// 3. input to updated total: EDITS edits of a count field on the
//    assessment page (example A loaded), each timed from dispatching the
//    input event to the MutationObserver callback that sees the new total;
// 4. draft save: the stored size of example A's draft and the time from
//    an edit to "已保存" (autosave waits 800 ms on purpose);
// 5. the scoring core alone in wasm (tests/bench/core-wasm, no glue):
//    example A and cohorts of 1,000 and 10,000;
// 6. district import of the generated files through the full page's picker:
//    the first 100, then all 1,000 (stopped after 60 s if still running),
//    each in a fresh tab, with the peak JS heap sampled over CDP meanwhile.
//
// Environment: STARCHECK_DIST (dist/), BENCH_FILES (the folder written by
// `scoring --export`: example-a.json and district/*.json), BENCH_CORE_WASM
// (the bench wasm module). BENCH_ONLY=district runs the district import
// alone (6.), without BENCH_CORE_WASM, for timing it again and again
// while working on it; xtask never sets it.

import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_FLAGS, DIST_DIR, serveDist } from '../e2e/support.mjs';

/** Loads of each page, alternating; the median is kept. */
const RUNS = 11;

/** Edits timed for input to updated total. */
const EDITS = 100;

/** Edits timed for draft save (each waits for the autosave delay). */
const SAVES = 5;

/** Core scoring in wasm: batches of example A, and cohort repetitions. */
const WASM_BATCHES = 51;
const WASM_COHORTS = [
  [1_000, 7],
  [10_000, 3],
];

/** No single wait may take longer than this. */
const LIMIT_MS = 120_000;

/** The district import: a small set first, then every file, stopped after
 * DISTRICT_LIMIT_MS if still running (the budget is 1 s). */
const DISTRICT_SMALL = 100;
const DISTRICT_LIMIT_MS = 60_000;

/** The district import alone (see the environment above). */
const DISTRICT_ONLY = process.env.BENCH_ONLY === 'district';

const FILES = resolve(requireEnv('BENCH_FILES'));
const CORE_WASM = DISTRICT_ONLY ? null : resolve(requireEnv('BENCH_CORE_WASM'));
const BLANK = fileURLToPath(new URL('./blank.html', import.meta.url));

const LABELS = 'input[data-field="item6.labels"]';
const TOTAL = '[data-summary="total"]';

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this through \`cargo xtask bench\``);
  }
  return value;
}

/** Prints one figure for xtask. */
function report(key, value) {
  let shown = String(value).replace(/\s+/g, ' ');
  if (typeof value === 'number' && !Number.isInteger(value)) shown = value.toFixed(3);
  console.log(`bench ${key} ${shown}`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Headless Chromium as the end-to-end tests start it, heap figures exact. */
async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'starcheck-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info'],
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  // The app's wasm exports (memory included) as trunk's loader hands them
  // out; measurement only.
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => {
      window.__benchWasm = event.detail?.wasm;
    });
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// 1. First load -----------------------------------------------------------

const KINDS = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html' };

/**
 * Raw, gzip and brotli sizes of the files a first load requested, as
 * `<prefix>.bytes.<kind>.<measure>`; the community's page (`load`) also
 * lists each file.
 */
async function firstLoadBytes(paths, base, prefix = 'load') {
  const totals = {};
  const kinds = ['wasm', 'js', 'css', 'html', 'other', 'all'];
  for (const kind of kinds) totals[kind] = { raw: 0, gzip: 0, brotli: 0 };

  const unique = [...new Set(paths)].filter((p) => p.startsWith(base));
  for (const path of unique.sort()) {
    let name = decodeURIComponent(new URL(path, 'http://x').pathname.slice(base.length));
    if (name === '' || name.endsWith('/')) name += 'index.html';
    const body = await readFile(join(DIST_DIR, name));
    const kind = KINDS[extname(name)] ?? 'other';
    const sizes = {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]:
            kind === 'wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    };
    if (prefix === 'load') {
      console.log(`file ${kind} ${name} ${sizes.raw} ${sizes.gzip} ${sizes.brotli}`);
    }
    for (const key of [kind, 'all']) {
      for (const measure of ['raw', 'gzip', 'brotli']) totals[key][measure] += sizes[measure];
    }
  }
  for (const kind of kinds) {
    for (const measure of ['raw', 'gzip', 'brotli']) {
      report(`${prefix}.bytes.${kind}.${measure}`, totals[kind][measure]);
    }
  }
  report(`${prefix}.requests`, unique.length);
}

/**
 * The district office's first load: the full page (every page of the app,
 * see app/src/edition.rs) opened at its district tab, in a new page.
 */
async function fullPageBytes(context, appUrl, base) {
  const requested = [];
  await timeLoad(context, `${appUrl}district.html#/district`, 'starcheck:interactive', (request) =>
    requested.push(new URL(request.url()).pathname),
  );
  await firstLoadBytes(requested, base, 'load.full');
}

// 2. Navigation to interactive form ---------------------------------------

/** Loads `url` in a new page; returns in-page and driver-side timings. */
async function timeLoad(context, url, mark, onRequest) {
  const page = await context.newPage();
  if (onRequest) page.on('request', onRequest);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: LIMIT_MS });
  const at = await page.waitForFunction(
    (name) => {
      const entry = name
        ? performance.getEntriesByName(name)[0]?.startTime
        : performance.getEntriesByType('navigation')[0]?.loadEventEnd;
      return entry ? entry : null;
    },
    mark,
    { polling: 5, timeout: LIMIT_MS },
  );
  const driver = performance.now() - started;
  const inPage = await at.jsonValue();
  // Where the time went: the app's wasm fully received, and the elements
  // on the page at the mark.
  const { wasm, elements } = await page.evaluate(() => ({
    wasm:
      performance
        .getEntriesByType('resource')
        .find((entry) => /starcheck-[a-z]+-[0-9a-f]+_bg\.wasm$/.test(entry.name))?.responseEnd ?? null,
    elements: document.getElementsByTagName('*').length,
  }));
  // The first paint may come a frame after the mark.
  const painted = await page
    .waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      null,
      { polling: 10, timeout: 2_000 },
    )
    .catch(() => null);
  const paint = painted ? await painted.jsonValue() : null;
  await page.close();
  return { inPage, driver, paint, wasm, elements };
}

async function loadTimes(context, appUrl, blankUrl, base) {
  const requested = [];
  const app = [];
  const blank = [];
  const light = [];
  for (let run = 0; run < RUNS; run += 1) {
    blank.push(await timeLoad(context, blankUrl, null));
    const record = run === 0 ? (request) => requested.push(new URL(request.url()).pathname) : null;
    app.push(await timeLoad(context, appUrl, 'starcheck:interactive', record));
    light.push(await timeLoad(context, `${appUrl}#/drafts`, 'starcheck:interactive'));
  }
  await firstLoadBytes(requested, base);

  const pick = (runs, key) => median(runs.map((r) => r[key]).filter((v) => v !== null));
  report('load.runs', RUNS);
  report('load.app.interactive_ms', pick(app, 'inPage'));
  report('load.app.driver_ms', pick(app, 'driver'));
  report('load.app.fcp_ms', pick(app, 'paint'));
  report('load.app.wasm_ms', pick(app, 'wasm'));
  report('load.app.elements', pick(app, 'elements'));
  report('load.light.interactive_ms', pick(light, 'inPage'));
  report('load.light.wasm_ms', pick(light, 'wasm'));
  report('load.light.elements', pick(light, 'elements'));
  report('load.blank.load_ms', pick(blank, 'inPage'));
  report('load.blank.driver_ms', pick(blank, 'driver'));
  report('load.blank.fcp_ms', pick(blank, 'paint'));
  report('load.ratio', pick(app, 'inPage') / pick(blank, 'inPage'));
  report('load.ratio_driver', pick(app, 'driver') / pick(blank, 'driver'));
  report('load.app.interactive_all_ms', app.map((r) => r.inPage.toFixed(1)).join(','));
  report('load.blank.load_all_ms', blank.map((r) => r.inPage.toFixed(1)).join(','));
}

// 3 and 4. Example A's draft: input to total, storage, save ---------------

/** Imports example A's file on the drafts page and waits until saved. */
async function loadExampleA(context, appUrl) {
  const page = await context.newPage();
  await page.goto(`${appUrl}#/drafts`, { timeout: LIMIT_MS });
  await page.waitForSelector('[data-app-ready="true"] [data-page="drafts"]', { timeout: LIMIT_MS });
  await page.setInputFiles('input[data-action="import-file"]', join(FILES, 'example-a.json'));
  await page.locator('[data-action="confirm-import"]').click({ timeout: LIMIT_MS });
  await page.locator('[data-import-done]').waitFor({ timeout: LIMIT_MS });
  await page.waitForSelector('[data-save-status="saved"]', { timeout: LIMIT_MS });
  await page.click('a[data-nav="assess"]');
  await page.waitForSelector(`[data-page="assess"] ${LABELS}`, { timeout: LIMIT_MS });
  return page;
}

/** Times EDITS input events to the new total, in the page. */
async function inputToTotal(page) {
  const times = await page.evaluate(
    async ({ edits, field, total, limit }) => {
      const input = document.querySelector(field);
      const measured = [];
      for (let i = 0; i < edits; i += 1) {
        const shown = document.querySelector(total);
        const before = shown.textContent;
        const changed = new Promise((done, fail) => {
          const observer = new MutationObserver(() => {
            if (shown.textContent !== before) {
              observer.disconnect();
              done(performance.now());
            }
          });
          observer.observe(shown, { characterData: true, childList: true, subtree: true });
          setTimeout(() => fail(new Error(`total stayed ${before} after edit ${i}`)), limit);
        });
        const value = i % 2 === 0 ? '1' : '0';
        input.value = value;
        const started = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value, inputType: 'insertText' }));
        const updated = await changed;
        measured.push(updated - started);
        // Let the frame go out before the next edit, as a person types.
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      }
      return measured;
    },
    { edits: EDITS, field: LABELS, total: TOTAL, limit: 5_000 },
  );
  report('input.edits', times.length);
  report('input.total_ms', median(times));
  report('input.total_p90_ms', [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)]);
  report('input.total_max_ms', Math.max(...times));
}

/** The stored drafts: characters and UTF-8 bytes of StarCheck's keys. */
async function storedSize(page) {
  const stored = await page.evaluate(() => {
    const encoder = new TextEncoder();
    let chars = 0;
    let bytes = 0;
    let draft = 0;
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key.startsWith('starcheck')) continue;
      const value = localStorage.getItem(key) ?? '';
      chars += key.length + value.length;
      bytes += encoder.encode(key).length + encoder.encode(value).length;
      if (key.startsWith('starcheck.draft.')) draft = encoder.encode(value).length;
    }
    return { chars, bytes, draft };
  });
  report('draft.stored_chars', stored.chars);
  report('draft.stored_utf8_bytes', stored.bytes);
  report('draft.example_a_value_bytes', stored.draft);
}

/** Times edits to "已保存", and the storage writes they cause. */
async function draftSave(page) {
  const runs = [];
  for (let i = 0; i < SAVES; i += 1) {
    // Each edit starts from rest: the previous save done.
    await page.waitForSelector('[data-save-status="saved"]', { timeout: LIMIT_MS });
    const run = await page.evaluate(
      async ({ field, value, limit }) => {
        const status = document.querySelector('[data-save-status]');
        const writes = [];
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function timed(key, text) {
          const started = performance.now();
          try {
            return setItem.call(this, key, text);
          } finally {
            writes.push(performance.now() - started);
          }
        };
        try {
          let left = status.getAttribute('data-save-status') !== 'saved';
          const saved = new Promise((done, fail) => {
            const observer = new MutationObserver(() => {
              const state = status.getAttribute('data-save-status');
              if (state !== 'saved') left = true;
              if (left && state === 'saved' && /已保存/.test(status.textContent)) {
                observer.disconnect();
                done(performance.now());
              }
            });
            observer.observe(status, { attributes: true, characterData: true, childList: true, subtree: true });
            setTimeout(() => fail(new Error('no 已保存 after the edit')), limit);
          });
          const input = document.querySelector(field);
          input.value = value;
          const started = performance.now();
          input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value, inputType: 'insertText' }));
          const done = await saved;
          return { total: done - started, writes };
        } finally {
          Storage.prototype.setItem = setItem;
        }
      },
      { field: LABELS, value: String(2 + (i % 2)), limit: 10_000 },
    );
    runs.push(run);
  }
  report('draft.saves', runs.length);
  report('draft.edit_to_saved_ms', median(runs.map((r) => r.total)));
  report('draft.autosave_delay_ms', 800);
  report('draft.set_item_ms', median(runs.map((r) => r.writes.reduce((a, b) => a + b, 0))));
  report('draft.set_item_calls', median(runs.map((r) => r.writes.length)));
}

// 5. The core alone in wasm -----------------------------------------------

async function coreInWasm(context, url) {
  const page = await context.newPage();
  await page.goto(url, { timeout: LIMIT_MS });
  const result = await page.evaluate(
    async ({ batches, cohorts }) => {
      const bytes = await (await fetch('./core.wasm')).arrayBuffer();
      const { instance } = await WebAssembly.instantiate(bytes, {});
      const core = instance.exports;
      const median = (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const middle = Math.floor(sorted.length / 2);
        return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
      };

      // Example A: calls per batch sized to about 5 ms, as the native bench.
      core.prepare(0);
      let calls = 1;
      for (;;) {
        const started = performance.now();
        core.evaluate_example_a(calls);
        if (performance.now() - started > 5 || calls > 1 << 20) break;
        calls *= 2;
      }
      const perCall = [];
      for (let b = 0; b < batches; b += 1) {
        const started = performance.now();
        const sum = core.evaluate_example_a(calls);
        perCall.push(((performance.now() - started) * 1e6) / calls);
        if (sum === 0) throw new Error('the bench module scored nothing');
      }

      const cohortTimes = {};
      for (const [size, runs] of cohorts) {
        core.prepare(size);
        const times = [];
        for (let r = 0; r < runs; r += 1) {
          const started = performance.now();
          const ranked = core.score_cohort();
          times.push(performance.now() - started);
          if (ranked === 0 || ranked === 0xffffffff) throw new Error(`cohort of ${size} not ranked`);
        }
        cohortTimes[size] = median(times);
      }
      return { evaluateNs: median(perCall), calls, cohortTimes };
    },
    { batches: WASM_BATCHES, cohorts: WASM_COHORTS },
  );
  await page.close();
  report('wasm.evaluate_ns', result.evaluateNs);
  report('wasm.evaluate_batches', WASM_BATCHES);
  report('wasm.evaluate_calls_per_batch', result.calls);
  for (const [size, runs] of WASM_COHORTS) {
    report(`wasm.cohort_${size}_ms`, result.cohortTimes[size]);
    report(`wasm.cohort_${size}_runs`, runs);
  }
}

// 6. District import ------------------------------------------------------

/**
 * Imports the first `count` files in a fresh tab and reports under
 * `prefix`; an import still running after `limit` ms is stopped there
 * and reported with how far it got.
 */
async function districtImport(context, appUrl, { prefix, count, limit }) {
  const folder = join(FILES, 'district');
  const all = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  const files = all.slice(0, count);
  const paths = files.map((name) => join(folder, name));

  const page = await context.newPage();
  await page.goto(`${appUrl}district.html#/district`, { timeout: LIMIT_MS });
  await page.waitForSelector('[data-app-ready="true"] [data-page="district"]', { timeout: LIMIT_MS });
  const workersBefore = page.workers().length;
  let workersStarted = 0;
  page.on('worker', () => {
    workersStarted += 1;
  });

  // The clock starts when the page gets the files (the input's change).
  await page.evaluate(() => {
    window.__benchChange = null;
    document.addEventListener(
      'change',
      (event) => {
        if (event.target?.matches?.('input[type="file"]')) window.__benchChange = performance.now();
      },
      { capture: true },
    );
  });

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peakHeap = Math.max(peakHeap, used);
      await new Promise((done) => setTimeout(done, 25));
    }
  })();

  const heapBefore = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  await page.setInputFiles('input[data-action="district-files"]', paths, { timeout: LIMIT_MS });
  let outcome;
  try {
    const done = await page.waitForFunction(
      (count) => {
        const summary = document.querySelector('[data-load-summary]')?.textContent ?? '';
        const read = summary.match(/本次读取\s*(\d+)\s*个文件/);
        // The table renders its first rows and says how many it holds back.
        const shown = document.querySelectorAll('tr[data-row-kind]').length;
        const held = Number(document.querySelector('[data-rows-hidden]')?.dataset.rowsHidden ?? 0);
        const rows = shown + held;
        if (!read || Number(read[1]) !== count || rows < count) return null;
        return { at: performance.now(), summary, rows };
      },
      files.length,
      { polling: 'raf', timeout: limit },
    );
    outcome = await done.jsonValue();
  } catch (error) {
    const progress = await page
      .evaluate(() => document.querySelector('.district-progress')?.textContent ?? '')
      .catch(() => '');
    const message = String(error.message ?? error).split('\n')[0];
    outcome = { error: progress ? `${progress.trim()} after ${limit / 1000} s` : message };
  }
  sampling = false;
  await sampler;
  const started = await page.evaluate(() => window.__benchChange);
  const memory = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? 0,
    wasm: window.__benchWasm?.memory?.buffer?.byteLength ?? 0,
  }));

  report(`${prefix}.files`, files.length);
  report(`${prefix}.workers`, Math.max(workersBefore + workersStarted, page.workers().length));
  report(`${prefix}.workers_at_start`, workersBefore);
  if (outcome.error) {
    report(`${prefix}.import_ms`, Number.NaN);
    report(`${prefix}.error`, outcome.error);
  } else {
    report(`${prefix}.import_ms`, outcome.at - started);
    report(`${prefix}.summary`, outcome.summary);
    report(`${prefix}.rows`, outcome.rows);
  }
  report(`${prefix}.heap_before_bytes`, heapBefore);
  report(`${prefix}.heap_peak_bytes`, peakHeap);
  report(`${prefix}.heap_after_bytes`, memory.heap);
  report(`${prefix}.wasm_memory_bytes`, memory.wasm);
  await page.close();
}

// -------------------------------------------------------------------------

async function main() {
  if (DISTRICT_ONLY) {
    await districtOnly();
    return;
  }

  // The floor page and the core's wasm, served like dist/ from a folder
  // of their own.
  const scratch = await mkdtemp(join(tmpdir(), 'starcheck-bench-site-'));
  await copyFile(BLANK, join(scratch, 'index.html'));
  await copyFile(CORE_WASM, join(scratch, 'core.wasm'));

  const app = await serveDist();
  const floor = await serveDist({ root: scratch });
  const browser = await launch();
  try {
    await loadTimes(browser.context, app.url, floor.url, '/starcheck/');
    await fullPageBytes(browser.context, app.url, '/starcheck/');

    const page = await loadExampleA(browser.context, app.url);
    await storedSize(page);
    await inputToTotal(page);
    await draftSave(page);
    await page.close();

    await coreInWasm(browser.context, floor.url);
    await districtImport(browser.context, app.url, {
      prefix: 'district_small',
      count: DISTRICT_SMALL,
      limit: LIMIT_MS,
    });
    await districtImport(browser.context, app.url, {
      prefix: 'district',
      count: Number.POSITIVE_INFINITY,
      limit: DISTRICT_LIMIT_MS,
    });
  } finally {
    await browser.close();
    await app.close();
    await floor.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Section 6 alone, in a browser of its own. */
async function districtOnly() {
  const app = await serveDist();
  const browser = await launch();
  try {
    await districtImport(browser.context, app.url, {
      prefix: 'district_small',
      count: DISTRICT_SMALL,
      limit: LIMIT_MS,
    });
    await districtImport(browser.context, app.url, {
      prefix: 'district',
      count: Number.POSITIVE_INFINITY,
      limit: DISTRICT_LIMIT_MS,
    });
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
