// English wording that depends on a number or reads as a sentence: a
// count is singular for one and plural otherwise (the district total,
// item 6's places, the fix-first points), the report's score chart says
// what its axis runs to, the ledger's example is English, and a storage
// fault starts with a capital.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { REPORT_FIXTURE, importIntoDraft, loadDistrictFixtures, startSite } from './support.mjs';

const han = /\p{Script=Han}/u;

/** `n` with its noun, singular for one. */
function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** An element's text with runs of white space as one space. */
async function shown(locator) {
  return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

describe('English counts and sentences', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.click('[data-lang="en"]');
  });

  after(async () => {
    await site?.close();
  });

  test("the district total counts one community and many, each in its number", async () => {
    for (const files of [1, undefined]) {
      await page.goto(`${site.server.url}#/district`);
      await page.waitForSelector('[data-page="district"]');
      await loadDistrictFixtures(page, files);
      const total = await shown(page.locator('tr.district-total th'));
      const found = total.match(/^Total \((\d+) communit(?:y|ies): (\d+) ranked, (\d+) failed, (\d+) empty slots?\)$/);
      assert.ok(found, total);
      const [communities, ranked, failed, empty] = found.slice(1).map(Number);
      assert.equal(
        total,
        `Total (${count(communities, 'community', 'communities')}: ${ranked} ranked, ${failed} failed, ` +
          `${count(empty, 'empty slot', 'empty slots')})`,
      );
      if (files === 1) {
        assert.match(total, /^Total \(1 community: /);
      }
    }
  });

  test("item 6's status counts one place, then two places", async () => {
    await page.goto(`${site.server.url}#/assess`);
    await page.selectOption('select[data-field="community"]', '1');
    const list = page.locator('fieldset.field-list', { has: page.locator('ol.places') }).first();
    const add = list.locator('button[data-action$=".add"]').first();
    const status = list.locator('.list-status');
    await add.click();
    assert.equal(await shown(status), 'Answered: 1 place');
    await add.click();
    assert.equal(await shown(status), 'Answered: 2 places');
  });

  test("the ledger's example payee and purchase is English", async () => {
    await page.goto(`${site.server.url}#/ledger`);
    await page.click('[data-action="ledger.expenditure.add"]');
    const field = page.locator('input[id$="-description"], textarea[id$="-description"]').first();
    const placeholder = await field.getAttribute('placeholder');
    assert.equal(placeholder, 'e.g. Greenway Recycling Co., four-way sorting bins');
    assert.doesNotMatch(placeholder, han);
  });

  test('the report says what its score axis runs to, and fix-first points agree in number', async () => {
    await page.goto(`${site.server.url}#/drafts`);
    await importIntoDraft(page, REPORT_FIXTURE);

    await page.goto(`${site.server.url}#/report`);
    await page.locator('[data-page="report"] [data-report="total"]').waitFor();
    const text = await shown(page.locator('[data-page="report"]'));
    assert.match(text, /Total \d+(–\d+)? points \(out of \d+\)/);
    assert.doesNotMatch(text, /scale to/);

    // Every "+N point(s)" and "N point(s) at stake" on the report.
    const worths = [...text.matchAll(/(\d+) (points?)\b/g)];
    assert.ok(worths.length > 0, 'no points on the report');
    for (const [whole, n, noun] of worths) {
      assert.equal(noun, Number(n) === 1 ? 'point' : 'points', whole);
    }
  });
});

describe('a storage fault in English', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  test('the notice starts with a capital, the save status reads on in brackets', async () => {
    const page = await site.context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await page.goto(`${site.server.url}#/assess`);
    await page.waitForSelector('[data-app-ready="true"]');
    await page.click('[data-lang="en"]');
    await page.selectOption('select[data-field="community"]', '1');

    const notice = page.locator('[data-notice="storage"] strong');
    await notice.waitFor();
    assert.match(await shown(notice), /^Browser storage is unavailable or full; /);
    const status = await shown(page.locator('[data-save-status]').first());
    assert.match(status, / \(browser storage is unavailable or full; [^)]*\)$/);
    await page.close();
  });
});
