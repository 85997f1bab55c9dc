// The language switch, end to end: Chinese by default; after 中文 | English
// → English every label and message seen here is English (a nav tab, an
// import refusal, a typed-count refusal, a deduction reason), while the
// official wording (an item's title) stays Chinese with an English gloss;
// the choice survives a reload, and switching back to Chinese does too.
// The district table's own words (tier, verdict, award) follow as well.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { loadDistrictFixtures, startSite } from './support.mjs';
const han = /[\u4e00-\u9fff]/;

async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

async function text(page, selector) {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

describe('Chinese by default, English on request, remembered', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
  });

  after(async () => {
    await site?.close();
  });

  test('the app starts in Chinese, with the Chinese button pressed', async () => {
    assert.equal(await htmlLang(page), 'zh-CN');
    assert.equal(await text(page, 'a[data-nav="assess"]'), '自评');
    assert.equal(await page.getAttribute('[data-lang="zh-CN"]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-lang="en"]', 'aria-pressed'), 'false');
    assert.equal(await page.locator('[data-gloss]').count(), 0);
  });

  test('English switches labels, core messages and glosses at once', async () => {
    await page.selectOption('select[data-field="community"]', '1');
    await page.fill('input[data-field="item6.labels"]', '2');
    await page.click('[data-lang="en"]');

    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.getAttribute('[data-lang="en"]', 'aria-pressed'), 'true');
    assert.equal(await text(page, 'a[data-nav="assess"]'), 'Self-assessment');
    assert.equal(await text(page, 'a[data-nav="ledger"]'), 'Ledger');

    // A deduction reason from the core, in English, quoting the rubric.
    const reason = await text(page, '[data-deductions="6"] li');
    assert.match(reason, /^“生活垃圾四分类设施标识模糊不清、出现错误”: 2 found −4$/);

    // The official title stays Chinese, its English gloss beside it.
    const title = page.locator('[data-assess-item="6"] h3');
    assert.match((await title.textContent()) ?? '', /四分类投放点与收集容器/);
    assert.equal(
      await title.locator('[data-gloss]').textContent(),
      'Four-category drop-off points and containers',
    );

    // The evidence of an item: its title, the file button, a material's mark.
    const evidence = page.locator('[data-assess-item="1"] .evidence-block');
    assert.equal(((await evidence.locator('.evidence-title').textContent()) ?? '').trim(), 'Evidence');
    assert.match((await evidence.locator('.attach').textContent()) ?? '', /Choose files/);
    assert.equal(
      ((await evidence.locator('.material-state').first().textContent()) ?? '').trim(),
      'not marked',
    );

    // A typed-count refusal from the core, in English.
    await page.fill('input[data-field="item6.labels"]', '3个');
    const refusal = page.locator('.field-count:has(input[data-field="item6.labels"]) [data-error]');
    assert.equal(
      ((await refusal.textContent()) ?? '').trim(),
      'Please enter a whole number, e.g. 3 (still scored as 2)',
    );
    await page.fill('input[data-field="item6.labels"]', '2');
  });

  test('an import refusal is in English, with no Chinese in it', async () => {
    await page.click('a[data-nav="drafts"]');
    await page.setInputFiles('input[data-action="import-file"]', {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('this is not json', 'utf8'),
    });
    const error = page.locator('[data-import-error="not_json"]');
    await error.waitFor();
    const shown = ((await error.textContent()) ?? '').trim();
    assert.match(shown, /^Cannot import “notes\.json”: The file is not valid JSON \(error at line 1, column \d+\)/);
    assert.match(shown, /Nothing of the current content was changed\.$/);
    assert.doesNotMatch(shown, han);
  });

  test("the district table's tiers, gate verdicts and awards are in English", async () => {
    await page.click('a[data-nav="district"]');
    await loadDistrictFixtures(page);

    const tier = (community) =>
      text(page, `tr[data-community="${community}"] td[data-col="tier"] .tier`);
    assert.equal(await tier('新春社区'), '5-star');
    assert.equal(await tier('新桥社区'), 'not ranked (failed a gate)');
    assert.equal(await tier('铭湖社区'), '4-star or 3-star (tie, to be settled)');
    assert.equal(
      await text(page, 'tr[data-row-kind="empty"] td[data-col="tier"] .tier'),
      '4-star slot left empty (failed a gate; not passed down)',
    );
    assert.equal(
      await text(page, 'tr[data-community="铭湖社区"] td[data-col="extra"]'),
      'to be settled (tie)',
    );
    // The gate's name is the notice's wording; its verdict is English.
    const gates = await text(page, 'tr[data-community="新桥社区"] td[data-col="gates"] .gate-words');
    assert.match(gates, /: fail/);
    assert.doesNotMatch(gates, /不通过/);

    // Back in Chinese, the same cells read as the CSV does.
    await page.click('[data-lang="zh-CN"]');
    assert.equal(await tier('新春社区'), '五星');
    assert.equal(await tier('铭湖社区'), '四星或三星(同分待定)');
    await page.click('[data-lang="en"]');
    await page.click('[data-action="clear-set"]');
    await page.click('[data-action="clear-set"]');
  });

  test("the ledger's plan questions and the report's dates are in English", async () => {
    await page.click('a[data-nav="ledger"]');
    assert.equal(
      await text(page, '.ledger-plan-answer legend'),
      'Has a plan for using the creation funds been drawn up?',
    );

    // The report's dates are written the English way, not 2026年12月4日.
    await page.click('a[data-nav="report"]');
    assert.match(await text(page, '[data-report="printed"]'), /^\d{4}-\d{2}-\d{2}$/);
  });

  test('after a reload the app is still in English', async () => {
    await page.reload();
    await page.waitForSelector('[data-app-ready="true"]');
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await text(page, 'a[data-nav="drafts"]'), 'Drafts & files');
    assert.equal(await page.evaluate(() => localStorage.getItem('starcheck.lang')), 'en');
  });

  test('back to Chinese, and still Chinese after a reload', async () => {
    await page.click('[data-lang="zh-CN"]');
    assert.equal(await htmlLang(page), 'zh-CN');
    await page.reload();
    await page.waitForSelector('[data-app-ready="true"]');
    assert.equal(await htmlLang(page), 'zh-CN');
    assert.equal(await text(page, 'a[data-nav="drafts"]'), '草稿与文件');
    await page.click('a[data-nav="assess"]');
    assert.match(await text(page, '[data-deductions="6"] li'), /^生活垃圾四分类设施标识模糊不清、出现错误:发现2处 −4$/);
  });
});

describe('storage that cannot be used does not break the language switch', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  test('with localStorage throwing, the app starts in Chinese and still switches', async () => {
    const page = await site.context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await page.goto(`${site.server.url}#/rubric`);
    await page.waitForSelector('[data-app-ready="true"]');
    assert.equal(await htmlLang(page), 'zh-CN');
    await page.click('[data-lang="en"]');
    assert.equal(await text(page, 'a[data-nav="rubric"]'), 'Rubric');
    await page.close();
  });
});
