// Accessibility, checked by axe-core (pinned in package.json, injected from
// node_modules: no network) in headless Chromium on every page, in both
// languages, with real content: example A imported, the district page
// with files loaded. No serious or critical violation may remain; a
// failure lists each one with the elements at fault. Then keyboard-only
// use: tabbing from the page start to an item's field and filling it,
// moving between tabs and switching language with the keyboard, and a
// visible focus outline wherever focus lands.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { startSite } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const EXAMPLE_A = join(FIXTURES, 'district', '星级自评_鲤城区开元街道新春社区_2025-01-06.json');

/** Puts axe into the page: a script tag from node_modules; should a
 * Content-Security-Policy refuse the tag, the same source is evaluated
 * through the DevTools protocol, which the page's policy does not govern. */
async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) {
    return;
  }
  await page.addScriptTag({ path: AXE_PATH }).catch(() => {});
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  }
}

/** Runs axe on the whole page; returns the serious and critical violations. */
async function seriousViolations(page) {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      count: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describeViolations(violations) {
  return violations
    .map((v) => `- ${v.id} (${v.impact}, ${v.count} elements): ${v.help}\n    ${v.nodes.join('\n    ')}`)
    .join('\n');
}

async function go(page, hash, ready) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.waitForSelector(ready);
}

const PAGES = [
  ['#/rubric', '[data-page="rubric"]'],
  ['#/assess', '[data-page="assess"]'],
  ['#/ledger', '[data-page="ledger"]'],
  ['#/drafts', '[data-page="drafts"]'],
  ['#/district', '[data-page="district"]'],
  ['#/report', '[data-page="report"]'],
];

describe('axe-core finds no serious or critical violation', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/drafts');

    // Example A, imported as a user would.
    await page.setInputFiles('input[data-action="import-file"]', EXAMPLE_A);
    await page.locator('[data-action="confirm-import"]').click();
    await page.locator('[data-import-done]').waitFor();

    // The district page with its fixture files loaded.
    await go(page, '#/district', '[data-page="district"]');
    const dir = join(FIXTURES, 'district');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
    await page.setInputFiles('input[data-action="district-files"]', files);
    await page.waitForSelector('tr[data-row-kind]');
  });

  after(async () => {
    await site?.close();
  });

  for (const lang of ['zh-CN', 'en']) {
    for (const [hash, ready] of PAGES) {
      test(`${hash} in ${lang}`, async () => {
        await page.click(`[data-lang="${lang}"]`);
        await go(page, hash, ready);
        if (hash === '#/assess') {
          // An item opened up: its findings and a field in focus.
          await page.locator('#item-6').scrollIntoViewIfNeeded();
          await page.focus('input[data-field="item6.labels"]');
        }
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, `${hash} (${lang}):\n${describeViolations(violations)}`);
      });
    }
  }
});

describe('keyboard only', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
  });

  after(async () => {
    await site?.close();
  });

  /** What has focus: its data-field, data-nav, data-lang or tag. */
  async function focused() {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      return (
        el.getAttribute('data-field') ??
        (el.hasAttribute('data-nav') ? `nav:${el.getAttribute('data-nav')}` : null) ??
        (el.hasAttribute('data-lang') ? `lang:${el.getAttribute('data-lang')}` : null) ??
        el.tagName.toLowerCase()
      );
    });
  }

  async function outline() {
    return page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
  }

  /** Presses Tab until `want` has focus; fails after `limit` presses. */
  async function tabTo(want, limit = 400) {
    const seen = [];
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      seen.push(now);
      if (now === want) return i + 1;
    }
    assert.fail(`\`${want}\` never took focus; focus went through ${seen.slice(0, 60).join(', ')} …`);
  }

  test('Tab from the page start reaches an item field, which takes typing', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    await tabTo('community');
    const community = await page.evaluate(() => document.activeElement.tagName);
    assert.equal(community, 'SELECT');
    // Choose the first community with the keyboard.
    await page.keyboard.press('ArrowDown');

    const presses = await tabTo('item6.labels');
    assert.ok(presses > 1);
    const { style, width } = await outline();
    assert.equal(style, 'solid');
    assert.ok(width >= 2, `outline ${width}px`);

    await page.keyboard.type('2');
    await page.waitForFunction(
      () => document.querySelector('[data-deductions="6"]')?.textContent.includes('发现2处 −4'),
    );
  });

  test('the tabs and the language switch work from the keyboard, focus visible', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    await tabTo('lang:en');
    assert.equal((await outline()).style, 'solid');
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'lang:zh-CN');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');

    await tabTo('nav:ledger');
    assert.equal((await outline()).style, 'solid');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-page="ledger"]');
    assert.equal(await page.evaluate(() => window.location.hash), '#/ledger');
  });

  test('the district drop zone has a keyboard path: its file field takes focus', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/district';
    });
    await page.waitForSelector('[data-page="district"]');
    await page.evaluate(() => document.activeElement?.blur());
    const want = await page.evaluate(() =>
      document.querySelector('input[data-action="district-files"]').getAttribute('data-field'),
    );
    await tabTo(want ?? 'input');
    assert.equal(
      await page.evaluate(() => document.activeElement.getAttribute('data-action')),
      'district-files',
    );
    assert.equal((await outline()).style, 'solid');
  });
});
