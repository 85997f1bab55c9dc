// English mode shows no Chinese of ours, on any page, with a full
// assessment loaded (the report fixture: deductions, failed gate, missing
// materials, fixes) and the district page holding its twenty fixtures with
// three communities compared.
//
// Chinese may still show, and only as:
// - official wording of the notice, marked `.official` / `data-official`
//   or glossed (a `[data-gloss]` English gloss in the same element or
//   right after it);
// - a term quoted in an English sentence: “…”, ‘…’, (…) or its
//   full-width form, or followed by its English in brackets;
// - the user's own words: community, district and street names, places,
//   meeting notes, expenditure descriptions and file names, as the files
//   hold them;
// - Chinese marked as such (`lang="zh-CN"`), such as the app's name.
// Everything else is a label or message of ours that was not put into
// English, and is listed with where it is.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  DISTRICT_FIXTURES,
  REPORT_FIXTURE,
  importIntoDraft,
  loadDistrictFixtures,
  startSite,
} from './support.mjs';


/** The user's own words in an exported file. */
function userWords(document, fileName) {
  const words = [fileName, ...Object.values(document.community ?? {})];
  for (const facts of Object.values(document.facts ?? {})) {
    for (const fact of Object.values(facts)) {
      for (const place of fact?.places ?? []) words.push(place.name);
      for (const meeting of fact?.meetings ?? []) words.push(meeting.note);
      for (const report of fact?.reports ?? []) words.push(report.note);
    }
  }
  for (const entry of document.ledger?.expenditures ?? []) words.push(entry.description);
  for (const entry of document.ledger?.plan ?? []) words.push(entry.note);
  return words.filter((w) => typeof w === 'string' && w.trim() !== '');
}

/** Chinese text of ours on the page, as `where :: text` lines. */
async function untranslated(page, words) {
  return page.evaluate((words) => {
    const han = /[\u3400-\u9fff]/;
    const longestFirst = [...new Set(words)].sort((a, b) => b.length - a.length);
    const strip = (text) => {
      let left = text
        // An official term followed by its English gloss in brackets.
        .replace(/[^\s;,:(\uff08]*[\u3400-\u9fff][^\s;,:(\uff08]*\s?[(\uff08][^)\uff09]*[A-Za-z][^)\uff09]*[)\uff09]/g, '')
        .replace(/“[^”]*”/g, '')
        .replace(/‘[^’]*’/g, '')
        .replace(/\uff08[^\uff09]*\uff09/g, '')
        .replace(/\([^)]*\)/g, '');
      for (const word of longestFirst) left = left.split(word).join('');
      return left;
    };
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent.trim();
      if (!han.test(text) || !han.test(strip(text))) continue;
      const element = node.parentElement;
      const exempt = 'noscript, select, option, .official, [data-official], [lang^="zh"]';
      if (element.closest(exempt)) {
        continue;
      }
      // Glossed: the gloss inside the same element, or right after it.
      if (element.closest('[data-gloss]')) continue;
      if (element.querySelector(':scope > [data-gloss]')) continue;
      if (element.nextElementSibling?.matches('[data-gloss]')) continue;
      if (element.offsetParent === null && getComputedStyle(element).position !== 'fixed') continue;
      const hook = (e) => {
        const data = Object.entries(e.dataset)[0];
        const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : '';
        return `${e.tagName.toLowerCase()}${cls}${data ? `[data-${data[0]}]` : ''}`;
      };
      const path = [element, element.parentElement, element.parentElement?.parentElement]
        .filter(Boolean)
        .map(hook)
        .reverse()
        .join('>');
      found.push(`${path} :: ${text.slice(0, 100)}`);
    }
    return [...new Set(found)];
  }, words);
}

describe('English mode leaves only official wording and the user\'s words in Chinese', () => {
  let site;
  let page;
  let words;
  let unnamed;

  before(async () => {
    const report = await readFile(REPORT_FIXTURE, 'utf8');
    words = userWords(JSON.parse(report), '星级自评_鲤城区开元街道梅峰社区_2025-01-06.json');
    for (const name of (await readdir(DISTRICT_FIXTURES)).filter((n) => n.endsWith('.json'))) {
      words.push(name);
      try {
        words.push(...userWords(JSON.parse(await readFile(join(DISTRICT_FIXTURES, name), 'utf8')), name));
      } catch {
        // The corrupt fixture: only its name is shown.
      }
    }

    site = await startSite();
    page = await site.open('#/drafts');
    // A draft left by a newer version of the app: listed, not readable.
    await page.evaluate(() =>
      localStorage.setItem(
        'starcheck.draft.鲤城区开元街道新春社区',
        JSON.stringify({ format: 'starcheck-draft', format_version: 99 }),
      ),
    );
    await page.reload();
    await page.waitForSelector('[data-app-ready="true"]');
    await page.click('[data-lang="en"]');
    unnamed = (await page.locator('[data-current-draft]').textContent()).trim();
    await importIntoDraft(page, { name: basename(REPORT_FIXTURE), buffer: Buffer.from(report, 'utf8') });
  });

  after(async () => {
    await site?.close();
  });

  test('a draft with no community yet is an unnamed community', async () => {
    assert.match(unnamed, /^Unnamed community \(assessed \d{4}-\d{2}-\d{2}\)/);
  });

  test('a draft this version cannot read says why in English', async () => {
    await page.goto(`${site.server.url}#/drafts`);
    const row = page.locator('tr[data-draft="starcheck.draft.鲤城区开元街道新春社区"]');
    assert.equal(
      (await row.locator('[data-draft-unreadable]').textContent()).trim(),
      'Cannot be read: The draft was saved by a newer StarCheck (version 99); this one cannot read it',
    );
  });

  test('renaming onto a taken name is refused in English', async () => {
    const row = page.locator('tr[data-draft="starcheck.draft.鲤城区开元街道梅峰社区"]');
    await row.locator('[data-action="duplicate-draft"]').click();
    // A copy made in English is labelled in English.
    const copy = page.locator('tr[data-draft="starcheck.draft.鲤城区开元街道梅峰社区#copy"]');
    await copy.locator('[data-action="rename-draft"]').click();
    await copy.locator('input[data-field="draft-label"]').fill('');
    await copy.locator('[data-action="save-rename"]').click();
    assert.equal(
      (await copy.locator('[role="alert"]').textContent()).trim(),
      'A draft named “鲤城区开元街道梅峰社区” already exists',
    );
  });

  for (const route of ['drafts', 'rubric', 'assess', 'ledger', 'report']) {
    test(`#/${route}`, async () => {
      await page.goto(`${site.server.url}#/${route}`);
      await page.waitForSelector(`[data-page="${route}"]`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.deepEqual(await untranslated(page, words), []);
    });
  }

  test('a passing assessment: tiers by rank, and cut lines out of order', async () => {
    const name = '星级自评_鲤城区鲤中街道西郊社区_2025-01-06.json';
    await page.goto(`${site.server.url}#/drafts`);
    await importIntoDraft(page, join(DISTRICT_FIXTURES, name));

    await page.goto(`${site.server.url}#/assess`);
    await page.waitForSelector('[data-page="assess"]');
    assert.match(await page.locator('.tier-needs').first().textContent(), /^5-star needs rank 1–2/);
    assert.deepEqual(await untranslated(page, words), []);

    await page.locator('details.cut-lines > summary').first().click();
    await page.fill('[data-field="cut_line.0"]', '90');
    await page.fill('[data-field="cut_line.1"]', '100');
    await page.press('[data-field="cut_line.1"]', 'Tab');
    const slip = page.locator('[data-cut-lines-error]').first();
    await page.waitForFunction(() => document.querySelector('[data-cut-lines-error]')?.textContent);
    assert.match(await slip.textContent(), /^The 5-star line \(90\) is below the 4-star line \(100\): please check/);
    assert.deepEqual(await untranslated(page, words), []);

    await page.goto(`${site.server.url}#/report`);
    await page.waitForSelector('[data-page="report"]');
    assert.deepEqual(await untranslated(page, words), []);
  });

  test('#/district with twenty files, three compared', async () => {
    await page.goto(`${site.server.url}#/district`);
    await page.waitForSelector('[data-page="district"]');
    await loadDistrictFixtures(page, 20);
    const picks = page.locator('[data-action="compare-pick"]');
    for (let i = 0; i < 3; i += 1) await picks.nth(i).check();
    await page.locator('tr[data-compare-item="5"]').waitFor();
    assert.deepEqual(await untranslated(page, words), []);
  });
});
