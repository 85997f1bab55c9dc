// The single-file edition (dist/starcheck-offline.html, written by `cargo
// xtask dist`): opened from file:// as a double-click would, it runs with
// nothing beside it, keeps drafts in local storage across reloads, loads
// district files on the page (no worker script can load from file://),
// and asks for nothing but itself.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import {
  DIST_DIR,
  READY_SELECTOR,
  launchBrowser,
  loadDistrictFixtures,
  recordTraffic,
} from './support.mjs';

const SINGLE = join(DIST_DIR, 'starcheck-offline.html');
const PICKER = 'select[data-field="community"]';
const LABELS = 'input[data-field="item6.labels"]';

describe('the single-file edition from file://', () => {
  let browser;
  let traffic;
  let page;
  const url = pathToFileURL(SINGLE).href;

  before(async () => {
    browser = await launchBrowser();
    traffic = recordTraffic(browser.context);
    await browser.context.addInitScript(() => {
      window.starcheckViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.starcheckViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page = await browser.context.newPage();
    await page.goto(`${url}#/assess`, { waitUntil: 'load' });
    await page.waitForSelector(READY_SELECTOR, { timeout: 60_000 });
  });

  after(async () => {
    await browser?.close();
  });

  test('the file holds everything: no other file is referred to', async () => {
    const html = await readFile(SINGLE, 'utf8');
    assert.match(html, /<html lang="zh-CN" data-edition="single-file">/);
    assert.doesNotMatch(html, /(src|href)="\.?\/?[\w-]+\.(js|css|wasm|webmanifest)"/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'none'/);
  });

  test('filling an item changes the total and is saved', async () => {
    const before = await page.textContent('[data-summary="total"]');
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '5');
    await page.waitForFunction(
      (previous) => document.querySelector('[data-summary="total"]')?.textContent !== previous,
      before,
    );
    await page.waitForSelector('[data-save-status="saved"]');
    assert.notEqual(await page.textContent('[data-summary="total"]'), before);
  });

  test('after a reload the draft is still there', async () => {
    const total = await page.textContent('[data-summary="total"]');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(READY_SELECTOR, { timeout: 60_000 });
    assert.equal(await page.inputValue(PICKER), '1');
    assert.equal(await page.inputValue(LABELS), '5');
    assert.equal(await page.textContent('[data-summary="total"]'), total);
  });

  test('the district page loads files on the page, without a worker', async () => {
    await page.goto(`${url}#/district`);
    await page.waitForSelector('[data-page="district"]');
    const names = await loadDistrictFixtures(page, 3);
    assert.equal(await page.locator('tr[data-row-kind]').count() >= names.length, true);
  });

  test('no request left the file, no policy violation, no error', async () => {
    const elsewhere = traffic.requests.filter(
      (r) => !r.startsWith('file://') && !r.startsWith('data:') && !r.startsWith('blob:'),
    );
    assert.deepEqual(elsewhere, []);
    const files = traffic.requests.filter((r) => r.startsWith('file://')).map((r) => r.split('#')[0]);
    assert.deepEqual([...new Set(files)], [url]);
    assert.deepEqual(await page.evaluate(() => window.starcheckViolations), []);
    assert.deepEqual(traffic.pageErrors, []);
  });
});
