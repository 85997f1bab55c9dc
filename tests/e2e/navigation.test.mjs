// Leaving a page while one of its fields is focused and edited: the user
// presses the browser's back button, or a link changes the hash, mid-edit.
// The page being left is torn down while the browser still delivers the
// field's change and blur events; the app must take the edit (or drop it)
// without dying, and stay usable on the next page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSite } from './support.mjs';

/**
 * Fields of each kind of input component: counts, dates, amounts and
 * free text. `setup` is a button to press first (a new ledger row).
 */
const EDITS = [
  { page: '#/assess', field: '[data-field="item6.labels"]', text: '3' },
  { page: '#/assess', field: '[data-field="item14.commendations"]', text: '２' },
  { page: '#/assess', field: '[data-field="item5.meetings.new"]', text: '2024-10-08' },
  {
    page: '#/ledger',
    setup: '[data-action="ledger.expenditure.add"]',
    field: '[data-field="ledger.amount.0"]',
    text: '6.5万',
  },
  {
    page: '#/ledger',
    setup: '[data-action="ledger.expenditure.add"]',
    field: '[data-field="ledger.description.0"]',
    text: '分类桶',
  },
];

describe('leaving a page mid-edit', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  for (const { page: path, setup, field, text } of EDITS) {
    for (const leave of ['hash', 'back']) {
      test(`${field} then ${leave}`, async () => {
        const errors = site.traffic.pageErrors.length;
        const page = await site.open('#/rubric');
        await page.evaluate((path) => { location.hash = path; }, path);
        if (setup) {
          await page.click(setup);
        }
        await page.waitForSelector(field);

        // Edit without committing: the field keeps focus.
        await page.focus(field);
        await page.fill(field, '');
        await page.type(field, text);

        if (leave === 'hash') {
          await page.evaluate(() => { location.hash = '#/drafts'; });
        } else {
          await page.goBack();
        }
        await page.waitForFunction((path) => location.hash !== path, path);

        // The app still answers: the tabs switch pages.
        await page.evaluate(() => { location.hash = '#/assess'; });
        await page.waitForSelector('[data-score-item="6"]');
        assert.deepEqual(site.traffic.pageErrors.slice(errors), []);
        await page.close();
      });
    }
  }
});
