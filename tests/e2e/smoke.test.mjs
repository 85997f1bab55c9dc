// Smoke test of the built site: dist/ served from a sub-path (and from the
// root) loads in headless Chromium, shows StarCheck's title and heading,
// asks nothing of any host but the loopback server, and logs no errors.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openApp, requestsLeaving, startSite } from './support.mjs';

for (const base of ['/starcheck/', '/']) {
  describe(`dist/ served at ${base}`, () => {
    let site;
    let page;

    before(async () => {
      site = await startSite({ base });
      page = await site.open();
    });

    after(async () => {
      await site?.close();
    });

    test('shows the title and the heading 星级自评', async () => {
      assert.equal(await page.title(), '星级自评 · StarCheck');

      const heading = await page.locator('h1').first().textContent();
      assert.match(heading ?? '', /星级自评/);
    });

    test('loads the wasm app from under the same path', () => {
      // The page's own requests: the offline worker fetches its own copies.
      const wasm = site.traffic.pageRequests.filter((url) => url.endsWith('.wasm'));
      assert.equal(wasm.length, 1, `wasm requests: ${JSON.stringify(wasm)}`);
      assert.ok(
        wasm[0].startsWith(site.server.url),
        `${wasm[0]} is not under ${site.server.url}`,
      );
    });

    test('asks no host but the loopback server', () => {
      assert.ok(site.traffic.requests.length > 0, 'the page made no request at all');
      assert.deepEqual(requestsLeaving(site.traffic.requests, site.server.origin), []);
    });

    test('has no failed request, console error or page error', () => {
      assert.deepEqual(site.traffic.failures, []);
      assert.deepEqual(site.traffic.consoleErrors, []);
      assert.deepEqual(site.traffic.pageErrors, []);
    });
  });
}

test('the sub-path without its trailing slash redirects to it', async () => {
  const site = await startSite({ base: '/starcheck/' });
  try {
    const page = await openApp(site.context, `${site.server.origin}/starcheck`);
    assert.equal(page.url(), site.server.url);
    assert.match((await page.locator('h1').first().textContent()) ?? '', /星级自评/);
  } finally {
    await site.close();
  }
});
