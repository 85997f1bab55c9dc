// The phone layout at 360 px wide (the narrowest common phone): no page
// scrolls sideways, the district page with long names from files
// included; every button, field, tab and choice is a touch target of at
// least 44 × 44 CSS px; and from any item of the form the summary bar is
// on screen and opens the full summary.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { REPORT_FIXTURE, importIntoDraft, loadDistrictFixtures, startSite } from './support.mjs';

const WIDTH = 360;
const ROUTES = ['rubric', 'assess', 'ledger', 'drafts', 'district', 'report'];
const DISTRICT = new URL('../fixtures/district/', import.meta.url);
const LONG_NAME = '一个名字非常非常非常非常非常非常非常非常非常非常非常长的示例社区';

/** How wide the document is, and the first few elements past the edge. */
async function overflow(page) {
  return page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    past: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
      .filter((e) => !e.closest('.table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }));
}

/** Visible controls smaller than 44 × 44 px, described. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll(
      'a.nav-tab, button, select, textarea, .choice, ' +
        'input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"])',
    );
    // A box outside a .choice is as big as the label around it.
    const lonely = [...document.querySelectorAll('input[type="radio"], input[type="checkbox"]')]
      .filter((input) => !input.closest('.choice'))
      .map((input) => input.closest('label') ?? input);
    return [...controls, ...lonely]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && (box.width < 44 || box.height < 44);
      })
      .map((e) => {
        const box = e.getBoundingClientRect();
        const what = e.dataset.action ?? e.dataset.field ?? e.dataset.nav ?? e.textContent.trim().slice(0, 12);
        return `${e.tagName.toLowerCase()}.${e.className} [${what}] ${Math.round(box.width)}×${Math.round(box.height)}`;
      });
  });
}

describe(`phone layout at ${WIDTH} px`, () => {
  let site;
  let page;

  before(async () => {
    site = await startSite({ viewport: { width: WIDTH, height: 740 } });
    page = await site.open('#/assess');
  });

  after(async () => {
    await site?.close();
  });

  test('no page scrolls sideways', async () => {
    for (const route of ROUTES) {
      await page.goto(`${site.server.url}#/${route}`);
      await page.waitForSelector(`[data-page="${route}"]`);
      const seen = await overflow(page);
      assert.ok(seen.width <= WIDTH, `#/${route} is ${seen.width} px wide: ${seen.past}`);
    }
  });

  test('every control on every page is at least 44 × 44 px', async () => {
    for (const route of ROUTES) {
      await page.goto(`${site.server.url}#/${route}`);
      await page.waitForSelector(`[data-page="${route}"]`);
      assert.deepEqual(await smallTargets(page), [], `#/${route}`);
    }
  });

  test('the 是/否 circles themselves are 24 px or more (WCAG 2.5.8)', async () => {
    await page.goto(`${site.server.url}#/assess`);
    await page.waitForSelector('[data-page="assess"]');
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('.choice input')].map((input) => {
        const box = input.getBoundingClientRect();
        return Math.min(box.width, box.height);
      }),
    );
    assert.ok(sizes.length > 10, `only ${sizes.length} choices on #/assess`);
    assert.ok(Math.min(...sizes) >= 24, `smallest circle ${Math.min(...sizes)} px`);
  });

  test('from the last item the summary bar is on screen and opens the summary', async () => {
    await page.goto(`${site.server.url}#/assess`);
    await page.selectOption('select[data-field="community"]', '1');
    const last = page.locator('[data-assess-item]').last();
    await last.scrollIntoViewIfNeeded();

    const bar = page.locator('.summary-bar');
    const box = await bar.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `bar at ${JSON.stringify(box)}`);
    const barTotal = (await bar.locator('strong').textContent()).trim();
    assert.match(barTotal, /^\d+(–\d+)?$/);

    await bar.locator('button.summary-toggle').click();
    const total = page.locator('[data-summary="total"]');
    await total.waitFor({ state: 'visible' });
    assert.equal((await total.textContent()).trim(), barTotal);
    assert.equal(await bar.locator('button.summary-toggle').getAttribute('aria-expanded'), 'true');
  });

  test('the district page with twenty files and a very long name stays inside the screen', async () => {
    // A community with a very long name, exported as a user would.
    await page.goto(`${site.server.url}#/assess`);
    await page.selectOption('select[data-field="community"]', 'other');
    await page.fill('input[data-field="community.district"]', '鲤城区');
    await page.fill('input[data-field="community.street"]', '开元街道');
    await page.fill('input[data-field="community.name"]', LONG_NAME);
    await page.press('input[data-field="community.name"]', 'Tab');
    await page.goto(`${site.server.url}#/drafts`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-drafts-current] [data-action="export"]').click(),
    ]);
    const long = await download.path();

    await page.goto(`${site.server.url}#/district`);
    const names = (await readdir(DISTRICT)).filter((n) => n.endsWith('.json'));
    const files = [{ name: 'long.json', mimeType: 'application/json', buffer: await readFile(long) }];
    for (const name of names) {
      const buffer = await readFile(join(DISTRICT.pathname, name));
      files.push({ name, mimeType: 'application/json', buffer });
    }
    await page.setInputFiles('input[data-action="district-files"]', files);
    await page.waitForFunction(
      (count) =>
        (document.querySelector('[data-load-summary]')?.textContent ?? '').startsWith(`本次读取 ${count} 个文件`),
      names.length + 1,
    );
    const row = page.locator('tr[data-row-kind]', { hasText: LONG_NAME });
    assert.equal(await row.count(), 1);

    const seen = await overflow(page);
    assert.ok(seen.width <= WIDTH, `#/district is ${seen.width} px wide: ${seen.past}`);
    const header = await page.evaluate(() => {
      const head = document.querySelector('.district-table thead');
      return [head.scrollWidth, head.clientWidth];
    });
    assert.ok(header[0] <= header[1], `the sort buttons scroll sideways: ${header}`);
    assert.deepEqual(await smallTargets(page), []);
  });
});

describe(`#/report of a failing assessment at ${WIDTH} px`, () => {
  let site;
  let page;

  before(async () => {
    site = await startSite({ viewport: { width: WIDTH, height: 740 } });
    page = await site.open('#/drafts');
    await importIntoDraft(page, REPORT_FIXTURE);
  });

  after(async () => {
    await site?.close();
  });

  for (const lang of ['en', 'zh-CN']) {
    test(`in ${lang} it does not scroll sideways and no amount wraps`, async () => {
      await page.goto(`${site.server.url}#/report`);
      await page.locator(`[data-lang="${lang}"]`).click();
      await page.locator('[data-page="report"] [data-report="total"]').waitFor();
      await page.locator('table.report-purposes').waitFor();

      const seen = await overflow(page);
      assert.ok(seen.width <= WIDTH, `#/report in ${lang} is ${seen.width} px wide: ${seen.past}`);

      // Every amount and every verdict is one line: its text has one box.
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('.report-table td, .report-table th')]
          .flatMap((cell) => [...cell.querySelectorAll('.report-money'), cell])
          .filter((e) => e.matches('.report-money, .report-gate-state') || /^¥[\d,.]+$/.test(e.textContent.trim()))
          .filter((e) => {
            const range = document.createRange();
            range.selectNodeContents(e);
            return [...range.getClientRects()].filter((r) => r.width > 0).length !== 1;
          })
          .map((e) => e.textContent.trim()),
      );
      assert.deepEqual(broken, [], `amounts or verdicts wrap in ${lang}`);
      const amounts = await page.locator('.report-table td', { hasText: '¥' }).count();
      assert.ok(amounts >= 4, `only ${amounts} cells with amounts`);
    });
  }
});

describe('#/district on a desktop and on A4', () => {
  // A4 less the 14 mm side margins of the page rule, at 96 px per inch.
  const PRINTABLE = Math.floor(((210 - 2 * 14) / 25.4) * 96);
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/district');
  });

  after(async () => {
    await site?.close();
  });

  test('the table with twenty files fits its box at 1280 px and the printable width', async () => {
    await loadDistrictFixtures(page);

    // At 1280 px the whole table fits its box: no sideways scrolling.
    const desktop = await page.evaluate(() => {
      const box = document.querySelector('.district-scroll');
      return [box.scrollWidth, box.clientWidth];
    });
    assert.ok(desktop[0] <= desktop[1], `at 1280 px the table is ${desktop[0]} px in ${desktop[1]}`);

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINTABLE, height: 1000 });
    const sizes = await page.evaluate(() => {
      const table = document.querySelector('.district-table');
      return {
        page: document.documentElement.scrollWidth,
        table: Math.ceil(table.getBoundingClientRect().right),
        wide: table.scrollWidth,
        shown: table.clientWidth,
      };
    });
    assert.ok(sizes.page <= PRINTABLE, `page ${sizes.page} px on ${PRINTABLE}`);
    assert.ok(sizes.table <= PRINTABLE, `table ends at ${sizes.table} px on ${PRINTABLE}`);
    assert.ok(sizes.wide <= sizes.shown, `table ${sizes.wide} px in ${sizes.shown}`);
  });
});
