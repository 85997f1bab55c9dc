// The Content-Security-Policy that `cargo xtask dist` writes into both
// pages of dist/ (and the single-file edition): present before any
// script, allowing only the site's own files and trunk's loader by hash.
// Every page is used (the district page's worker, file import, the
// exports' blob: downloads) with no policy violation reported, and a
// fetch from the page to another origin (a second loopback server) is
// refused by the browser before it reaches that server.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIST_DIR, loadDistrictFixtures, startSite } from './support.mjs';

const DISTRICT = new URL('../fixtures/district/', import.meta.url);

/** The policy of a page's meta element, as `{ directive: [sources] }`. */
function policyOf(html) {
  const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(match, 'no Content-Security-Policy meta element');
  return Object.fromEntries(
    match[1].split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** The violations the page saw, collected by the init script below. */
async function violations(page) {
  return page.evaluate(() => window.starcheckViolations ?? ['(no listener)']);
}

describe('the pages carry a strict policy', () => {
  for (const name of ['index.html', 'district.html']) {
    test(`${name}: own files only, the loader by its hash, before any script`, async () => {
      const html = await readFile(join(DIST_DIR, name), 'utf8');
      const policy = policyOf(html);
      assert.deepEqual(policy['default-src'], ["'none'"]);
      assert.deepEqual(policy['connect-src'], ["'self'"]);
      assert.deepEqual(policy['style-src'], ["'self'"]);
      assert.deepEqual(policy['worker-src'], ["'self'"]);
      assert.deepEqual(policy['img-src'], ["'self'", 'data:', 'blob:']);
      assert.deepEqual(policy['base-uri'], ["'none'"]);
      assert.deepEqual(policy['form-action'], ["'none'"]);

      const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
      const hash = createHash('sha256').update(loader).digest('base64');
      assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'", `'sha256-${hash}'`]);
      assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
    });
  }

  test('the single file: its one script and style by hash, no connection', async () => {
    const html = await readFile(join(DIST_DIR, 'starcheck-offline.html'), 'utf8');
    const policy = policyOf(html);
    const script = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
    const style = html.match(/<style>([\s\S]*?)<\/style>/)[1];
    const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.deepEqual(policy['script-src'], ["'wasm-unsafe-eval'", sha(script)]);
    assert.deepEqual(policy['style-src'], [sha(style)]);
    assert.deepEqual(policy['connect-src'], ["'none'"]);
    assert.deepEqual(policy['default-src'], ["'none'"]);
  });
});

describe('using every page breaks no rule of the policy', () => {
  let site;
  let page;
  let other;
  const otherHits = [];

  before(async () => {
    other = createServer((request, response) => {
      otherHits.push(request.url);
      response.writeHead(200, { 'access-control-allow-origin': '*' });
      response.end('reached');
    });
    await new Promise((done) => other.listen(0, '127.0.0.1', done));

    site = await startSite();
    await site.context.addInitScript(() => {
      window.starcheckViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.starcheckViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page = await site.open('#/rubric');
  });

  after(async () => {
    await site?.close();
    await new Promise((done) => other?.close(done));
  });

  test('each page opens without a violation', async () => {
    for (const route of ['rubric', 'assess', 'ledger', 'drafts', 'district', 'report']) {
      await page.click(`a[data-nav="${route}"]`);
      await page.waitForSelector(`[data-page="${route}"]`);
      await page.waitForTimeout(200);
    }
    assert.deepEqual(await violations(page), []);
  });

  test('the district worker loads files, and the exports download, without a violation', async () => {
    await page.click('a[data-nav="district"]');
    await loadDistrictFixtures(page, 4);
    const workerScripts = site.traffic.requests.filter((r) => r.endsWith('js/district-worker.js'));
    assert.ok(workerScripts.length > 0, 'the district worker was not started');

    for (const action of ['export-csv', 'export-json']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`[data-action="${action}"]`),
      ]);
      assert.ok(download.suggestedFilename().length > 0);
    }
    assert.deepEqual(await violations(page), []);
  });

  test('a draft imported from a file and exported again, without a violation', async () => {
    await page.click('a[data-nav="drafts"]');
    const name = (await readdir(DISTRICT)).find((n) => n.endsWith('.json'));
    await page.setInputFiles('input[data-action="import-file"]', join(DISTRICT.pathname, name));
    await page.locator('[data-import-preview]').waitFor();
    await page.locator('[data-action="confirm-import"]').click();
    await page.locator('[data-import-done]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-drafts-current] [data-action="export"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^星级自评_.+\.json$/);
    assert.deepEqual(await violations(page), []);
  });

  test('a fetch to another origin is refused before it leaves the page', async () => {
    const target = `http://127.0.0.1:${other.address().port}/probe`;
    const outcome = await page.evaluate(
      (url) => fetch(url).then((r) => r.text(), (e) => `refused: ${e.name}`),
      target,
    );
    assert.equal(outcome, 'refused: TypeError');
    assert.deepEqual(otherHits, []);
    // The violation's event may come a moment after the refusal.
    await page.waitForFunction(() => window.starcheckViolations.length >= 1);
    const seen = await violations(page);
    assert.deepEqual(seen, [`connect-src ${target}`]);

    // An image from elsewhere is refused too.
    await page.evaluate((url) => {
      const image = new Image();
      image.src = url;
      document.body.append(image);
    }, `${target}.png`);
    await page.waitForFunction(() => window.starcheckViolations.length === 2);
    assert.deepEqual(otherHits, []);
  });
});
