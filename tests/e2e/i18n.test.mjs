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

// The district page in English: the sentences of its table (a failed
// gate's detail, a tie's and an overlap's message) and the comparison's
// reasons are the core's own English, whichever way the table was built:
// in the page's worker, again on the page from the stored set after a
// reload, and on the page when no worker can run. The communities' names
// stay as they are, and official terms are quoted in Chinese; nothing
// else on the page is Chinese. Back in 中文, the same places read Chinese.
describe('the district page in English', () => {
  let site;
  let page;

  const FAILED_DETAIL = 'Spent ¥59,999.99 (74.99%); ¥0.01 short of 75%';
  const PASSED_USE = 'Every expenditure is for its designated use (专款专用)';
  const TIE =
    '丰泽区东海街道海景社区 and 丰泽区东湖街道铭湖社区 tie at 91 points across 4-star and 3-star; ' +
    'to be settled by a person';
  const OVERLAP =
    '鲤城区开元街道梅峰社区 (99 points) and 鲤城区鲤中街道西郊社区 (98–100 points): the score ranges ' +
    'overlap across 5-star and 4-star, so the order could flip; undecided, to be settled by a person';

  /** `text` without its quotes (`(…)`, `“…”`) and without `names`. */
  function bare(text, names) {
    let rest = text;
    for (const name of [...names].sort((a, b) => b.length - a.length)) {
      rest = rest.split(name).join('');
    }
    return rest.replace(/\([^()]*\)|“[^“”]*”/g, '');
  }

  /** Every name the page shows as data: districts, streets, communities, files. */
  async function dataNames() {
    return page.$$eval('tr[data-row-kind]', (rows) =>
      rows.flatMap((row) =>
        ['district', 'street', 'community']
          .map((col) => row.querySelector(`td[data-col="${col}"] strong`)?.textContent ??
            row.querySelector(`td[data-col="${col}"]`)?.textContent ?? '')
          .concat([row.dataset.id ?? ''])
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ),
    );
  }

  async function failedDetail() {
    return text(page, 'tr[data-community="新桥社区"] [data-gate-detail]');
  }

  async function tieTitle() {
    return page.getAttribute('tr[data-community="铭湖社区"] [data-tie-flag]', 'title');
  }

  async function compareReasons(item, column) {
    return page.$$eval(
      `tr[data-compare-item="${item}"] td:nth-of-type(${column}) [data-compare-reason]`,
      (items) => items.map((li) => li.textContent.trim()),
    );
  }

  async function pick(names) {
    for (const name of names) {
      await page.check(`tr[data-community="${name}"] [data-action="compare-pick"]`);
    }
  }

  /** The English of the table and of a comparison, checked in full. */
  async function assertEnglish() {
    assert.equal(await failedDetail(), FAILED_DETAIL);
    assert.equal(
      await page.getAttribute('tr[data-community="新桥社区"] [data-gate="支出不低于75%"]', 'title'),
      FAILED_DETAIL,
    );
    assert.equal(
      await page.getAttribute('tr[data-community="新桥社区"] [data-gate="专款专用"]', 'title'),
      PASSED_USE,
    );
    assert.equal(await tieTitle(), TIE);
    assert.deepEqual(
      await page.$$eval('[data-ties] li', (items) => items.map((li) => li.textContent.trim())),
      [TIE],
    );
    assert.deepEqual(
      await page.$$eval('[data-overlaps] li', (items) => items.map((li) => li.textContent.trim())),
      [OVERLAP],
    );
    assert.equal(
      await page.getAttribute('tr[data-community="梅峰社区"] [data-undecided]', 'title'),
      OVERLAP,
    );

    // 新春社区, 笋浯社区, 高山社区 in rank order: columns 1, 2, 3.
    await pick(['新春社区', '高山社区']);
    assert.deepEqual(await compareReasons(5, 2), ['November: no joint meeting (联席会) held −2']);
    assert.deepEqual(await compareReasons(8, 2), ['Scored at discretion (酌情): 10 expected of 15']);
    assert.deepEqual(await compareReasons('bonus', 1), [
      'Commendations (表扬批示) ×2: +4',
      'Media reports or reports adopted (媒体报道或信息被采用) ×3: +3',
      'Item 14 is above its cap of 5: 2 not counted',
      'Hosted on-site or observation meetings (承办现场会、观摩会) ×1: +2',
    ]);
    assert.deepEqual(await compareReasons('bonus', 2), ['No bonus']);
    assert.equal(await text(page, 'tr[data-compare-item="bonus"] th'), 'Bonus');
  }

  /** The page's console warnings: a load read on the page says so. */
  const warnings = [];
  const onPage = (message) => message.includes('reading the files on the page');

  before(async () => {
    site = await startSite();
    site.context.on('console', (message) => {
      if (message.type() === 'warning') {
        warnings.push(message.text());
      }
    });
    page = await site.open('#/district');
    await page.click('[data-lang="en"]');
  });

  after(async () => {
    await site?.close();
  });

  test('files ranked in the worker: the table and the comparison in English', async () => {
    await loadDistrictFixtures(page);
    assert.deepEqual(warnings.filter(onPage), []);
    await assertEnglish();

    // Outside the names, the comparison's item titles (the rubric's own,
    // glossed beside them) and what is quoted, nothing is Chinese.
    const names = await dataNames();
    const files = await page.$$eval('[data-refused]', (items) => items.map((li) => li.dataset.refused));
    const titles = await page.$$eval('tr[data-compare-item] th', (ths) =>
      ths.map((th) => {
        const gloss = th.querySelector('[data-gloss]')?.textContent ?? '';
        return th.textContent.replace(gloss, '').trim();
      }),
    );
    const shown = await page.$eval('[data-page="district"]', (p) => p.innerText);
    const official = ['专款专用', '支出不低于75%'];
    const left = shown
      .split('\n')
      .map((line) => bare(line, [...names, ...files, ...titles, ...official]))
      .filter((line) => han.test(line));
    assert.deepEqual(left, []);
    // The table sorts by rank: its heading carries the arrow.
    assert.equal(await text(page, '[data-sort="rank"]'), 'Rank▲');
    assert.equal(await text(page, '[data-sort="extra"]'), 'Tier award');
    assert.equal(await text(page, 'label[for="f-quota-0"]'), '5-star quota');
    assert.match(await text(page, '[data-quota-source]'), /5-star: 2, 4-star: 8, 3-star: 10/);
    assert.equal(await text(page, '[data-band="五星"] .chart-band-label'), '5-star');
  });

  test('back in Chinese the same places read Chinese, then English again', async () => {
    await page.click('[data-lang="zh-CN"]');
    assert.equal(await failedDetail(), '已支出 ¥59,999.99(74.99%),还差 ¥0.01 达到 75%');
    assert.equal(
      await tieTitle(),
      '丰泽区东海街道海景社区、丰泽区东湖街道铭湖社区 同分(91分),跨四星与三星,需人工确定',
    );
    assert.deepEqual(await compareReasons(8, 2), ['酌情评分预计 10 分(满分 15)']);
    assert.match((await compareReasons('bonus', 1)).join(';'), /第14项超出封顶 5 分,2 分未计/);
    assert.equal(await text(page, '[data-sort="rank"]'), '名次▲');

    await page.click('[data-lang="en"]');
    assert.equal(await failedDetail(), FAILED_DETAIL);
    assert.deepEqual(await compareReasons(8, 2), ['Scored at discretion (酌情): 10 expected of 15']);
    await page.click('[data-action="compare-clear"]');
  });

  test('ranked again on the page with new quotas, the details stay English', async () => {
    // The worker's files carry their messages in Chinese only; the page
    // ranks them again itself and words the gates afresh.
    await page.fill('[data-quota="0"]', '1');
    await page.press('[data-quota="0"]', 'Tab');
    await page.waitForFunction(
      () => document.querySelector('[data-total="total"]')?.textContent === '¥1,780,000.00',
    );
    assert.equal(await failedDetail(), FAILED_DETAIL);
    assert.match(
      await page.getAttribute('tr[data-community="新春社区"] [data-gate="支出不低于75%"]', 'title'),
      /^Spent ¥[\d,]+\.\d\d \([\d.]+%\), ¥[\d,]+\.\d\d above the 75% line$/,
    );
    await page.click('[data-action="reset-quotas"]');
    assert.equal(await failedDetail(), FAILED_DETAIL);
  });

  test('the stored set, read again on the page after a reload, is in English', async () => {
    await page.reload();
    await page.waitForSelector('tr[data-community="新桥社区"]');
    await assertEnglish();
    await page.click('[data-action="compare-clear"]');
    await page.click('[data-action="clear-set"]');
    await page.click('[data-action="clear-set"]');
  });

  test('a stored set that cannot be read is explained in English', async () => {
    await page.evaluate(() =>
      localStorage.setItem(
        'starcheck.district',
        '{"format":"starcheck-district-set","format_version":9}',
      ),
    );
    await page.reload();
    await page.waitForSelector('[data-storage="unreadable"]');
    const notice = await text(page, '[data-storage="unreadable"] p');
    assert.equal(
      notice,
      'The district file set stored in the browser cannot be read: the file set was stored ' +
        'by a newer StarCheck (version 9), which this app cannot read. So as not to overwrite ' +
        'it, this page does not save automatically; you can download the raw content first, ' +
        'then decide whether to discard it.',
    );
    await page.click('[data-lang="zh-CN"]');
    assert.match(await text(page, '[data-storage="unreadable"] p'), /第 9 版/);
    await page.click('[data-lang="en"]');
    await page.click('[data-action="discard-stored-set"]');
    await page.waitForSelector('[data-storage="idle"]');
  });

  test('files read on the page when no worker can run are in English', async () => {
    const workerless = await site.context.newPage();
    await workerless.addInitScript(() => {
      window.Worker = function Worker() {
        throw new Error('no worker in this test');
      };
    });
    await workerless.goto(`${site.server.url}#/district`);
    await workerless.waitForSelector('[data-app-ready="true"]');
    await page.close();
    page = workerless;
    await loadDistrictFixtures(page);
    assert.equal(warnings.filter(onPage).length, 1);
    await assertEnglish();
  });
});
