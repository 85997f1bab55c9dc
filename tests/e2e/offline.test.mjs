// Offline use through the service worker (public/sw.js with the precache
// list `cargo xtask dist` writes): after one visit the site opens, takes
// input and saves drafts with the network cut off and the server gone;
// and a new version deployed at the same address shows the prompt
// "有新版本可用", reloads only when the user accepts, and keeps what was
// typed just before (saved before the reload); while the draft cannot be
// saved (storage full) accepting says why and reloads nothing.

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIST_DIR, READY_SELECTOR, startSite } from './support.mjs';

const PICKER = 'select[data-field="community"]';
const LABELS = 'input[data-field="item6.labels"]';
const CONTAINERS = 'input[data-field="item6.containers"]';

/** Waits until the page is controlled by an active service worker. */
async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, {
    timeout: 30_000,
  });
}

/** The names of the page's caches. */
async function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

/** The precache version written into a dist's sw.js. */
async function precacheVersion(dist) {
  const script = await readFile(join(dist, 'sw.js'), 'utf8');
  const match = script.match(/const PRECACHE = \{ version: "([0-9a-f]{16})", files: \[(.*)\] \};/);
  assert.ok(match, 'dist/sw.js has no precache list: run `cargo xtask dist`');
  return { version: match[1], files: JSON.parse(`[${match[2]}]`) };
}

async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector(READY_SELECTOR);
}

describe('the site opens and saves drafts with no network', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await waitControlled(page);
  });

  after(async () => {
    await site?.close();
  });

  test('the worker cached every file of its list under its version', async () => {
    const { version, files } = await precacheVersion(DIST_DIR);
    assert.deepEqual(await cacheNames(page), [`starcheck-${version}`]);
    for (const must of ['./', 'index.html', 'district.html', 'js/district-worker.js', 'js/starcheck_bg.wasm']) {
      assert.ok(files.includes(must), `${must} not in the precache list`);
    }
    assert.ok(files.some((f) => /^starcheck-app-[0-9a-f]+_bg\.wasm$/.test(f)), 'no app wasm');
    assert.ok(files.some((f) => /^starcheck-full-[0-9a-f]+_bg\.wasm$/.test(f)), 'no full page wasm');
    const cached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.keys()).length;
    });
    assert.equal(cached, files.length);
  });

  test('offline and with the server stopped, a reload opens the app', async () => {
    await site.server.close();
    await site.context.setOffline(true);
    const failuresBefore = site.traffic.failures.length;

    await reload(page);
    assert.equal(await page.getAttribute('[data-page]', 'data-page'), 'assess');
    assert.deepEqual(site.traffic.failures.slice(failuresBefore), []);
  });

  test('an item filled offline is saved and still there after another offline reload', async () => {
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '3');
    await page.waitForSelector('[data-save-status="saved"]');
    assert.match((await page.textContent('[data-save-text]')) ?? '', /^已保存 \d{2}:\d{2}$/);

    await reload(page);
    assert.equal(await page.inputValue(PICKER), '1');
    assert.equal(await page.inputValue(LABELS), '3');

    // Every page opens offline, the full page (district.html, through
    // the district tab's redirect) and its worker script too.
    for (const route of ['rubric', 'ledger', 'drafts', 'district', 'report']) {
      await page.goto(`${site.server.url}#/${route}`);
      await page.waitForSelector(`[data-page="${route}"]`);
      const path = route === 'district' ? '/starcheck/district.html' : '/starcheck/';
      assert.equal(new URL(page.url()).pathname, path, route);
    }
    const workerLoads = await page.evaluate(
      () =>
        new Promise((done) => {
          const worker = new Worker('js/district-worker.js', { type: 'module' });
          worker.onerror = () => done('failed');
          setTimeout(() => done('loaded'), 1_500);
        }),
    );
    assert.equal(workerLoads, 'loaded');
  });
});

/** A copy of dist/ with another precache version: a new deploy. */
async function secondVersion() {
  const second = await mkdtemp(join(tmpdir(), 'starcheck-second-'));
  await cp(DIST_DIR, second, { recursive: true });
  const path = join(second, 'sw.js');
  const script = await readFile(path, 'utf8');
  const { version } = await precacheVersion(DIST_DIR);
  await writeFile(path, script.replace(`version: "${version}"`, 'version: "00000000000000ff"'));
  return second;
}

describe('a new version waits for the user and keeps unsaved work', () => {
  let site;
  let page;
  let second;

  before(async () => {
    second = await secondVersion();
    site = await startSite();
    page = await site.open('#/assess');
    await waitControlled(page);
  });

  after(async () => {
    await site?.close();
    await rm(second, { recursive: true, force: true });
  });

  test('no prompt while the version is unchanged', async () => {
    await reload(page);
    await page.waitForTimeout(1_000);
    assert.equal(await page.locator('[data-notice="update"]').count(), 0);
  });

  test('after a deploy the prompt shows and the page does not reload by itself', async () => {
    site.server.setRoot(second);
    await reload(page);
    await page.evaluate(() => {
      window.starcheckSameDocument = true;
    });
    const prompt = page.locator('[data-notice="update"]');
    await prompt.waitFor({ timeout: 30_000 });
    assert.match((await prompt.textContent()) ?? '', /有新版本可用/);

    await page.waitForTimeout(1_500);
    assert.equal(await page.evaluate(() => window.starcheckSameDocument), true);
    const { version } = await precacheVersion(DIST_DIR);
    assert.equal(
      await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('sw.js')),
      true,
    );
    assert.deepEqual((await cacheNames(page)).sort(), [
      'starcheck-00000000000000ff',
      `starcheck-${version}`,
    ]);
  });

  test('typed work survives accepting: saved first, then the new version loads', async () => {
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '4');
    // At once, well inside the 800 ms autosave delay.
    await page.fill(CONTAINERS, '7');
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.click('[data-action="update-app"]');
    await reloaded;
    await page.waitForSelector(READY_SELECTOR);

    assert.equal(await page.evaluate(() => window.starcheckSameDocument), undefined);
    assert.equal(await page.inputValue(PICKER), '1');
    assert.equal(await page.inputValue(LABELS), '4');
    assert.equal(await page.inputValue(CONTAINERS), '7');
    assert.equal(await page.locator('[data-notice="update"]').count(), 0);
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      return names.length === 1 && names[0] === 'starcheck-00000000000000ff';
    });
  });
});

describe('a new version is not loaded while the draft cannot be saved', () => {
  let site;
  let page;
  let second;

  before(async () => {
    second = await secondVersion();
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, '1');
    await page.waitForSelector('[data-save-status="saved"]');
    await waitControlled(page);
    site.server.setRoot(second);
    await reload(page);
    await page.locator('[data-notice="update"]').waitFor({ timeout: 30_000 });
  });

  after(async () => {
    await site?.close();
    await rm(second, { recursive: true, force: true });
  });

  test('with storage full, accepting says why and keeps the page as it is', async () => {
    // Fill local storage to the last character (bounded: about 10 MiB).
    const filled = await page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        const chunk = 'x'.repeat(size);
        for (let tries = 0; tries < 64; tries += 1) {
          try {
            localStorage.setItem(`fill-${n}`, chunk);
            n += 1;
          } catch {
            break;
          }
        }
      }
      window.starcheckSameDocument = true;
      return n;
    });
    assert.ok(filled > 0);

    await page.fill(LABELS, '6');
    await page.click('[data-action="update-app"]');
    const refused = page.locator('[data-update-refused]');
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', /当前内容未能保存,为免丢失暂不更新/);

    await page.waitForTimeout(1_500);
    assert.equal(await page.evaluate(() => window.starcheckSameDocument), true);
    assert.equal(await page.inputValue(LABELS), '6');
  });

  test('once storage has room again, accepting saves and loads the new version', async () => {
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('fill-')) localStorage.removeItem(key);
      }
    });
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.click('[data-action="update-app"]');
    await reloaded;
    await page.waitForSelector(READY_SELECTOR);
    assert.equal(await page.evaluate(() => window.starcheckSameDocument), undefined);
    assert.equal(await page.inputValue(LABELS), '6');
  });
});
