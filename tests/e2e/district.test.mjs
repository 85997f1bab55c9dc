// The district page (#/district) of the built site, end to end: the 20
// generated exported files of tests/fixtures/district/ (made by the core's
// own export, see core/src/district/fixtures.rs) go through the file
// picker at once; the page must accept 19, refuse the corrupt one with
// its reason and go on, rank by the quotas 2/8/10, flag the tie at rank 10
// (海景社区 and 铭湖社区, 91) across 四星 and 三星, flag 梅峰社区 99 and
// 西郊社区 98–100 as 未定 (ranges overlapping across 五星 and 四星), leave
// 新桥社区 (96, spent ¥59,999.99) unranked with its slot 5 empty in 四星
// (RUBRIC.md: the slot is not handed on; nobody below moves up), and add up
// the money exactly:
//
//   base   19 × ¥80,000                                  = ¥1,520,000.00
//   extra  2 × ¥120,000 + 7 × ¥20,000 (slots 1–4 and
//          6–10 filled, slot 5 empty; slot 10 is held by
//          the tie)                                      =   ¥380,000.00
//          of which undetermined (the tie's 四星 slot)   =    ¥20,000.00
//   total                                                = ¥1,900,000.00
//
// After the second load (tests/fixtures/district-more/: 梅峰社区's older
// file, flagged and dropped; 朝阳社区's intact file, 81, slot 20) 20
// communities: ¥1,600,000 + ¥380,000 = ¥1,980,000.00.
//
// The CSV export is checked byte by byte and opened by a real spreadsheet
// program: LibreOffice Calc converts it to PDF headless, and the PDF's
// text must show the Chinese names and the numbers. The test fails, never
// skips, when `soffice` or `pdftotext` is missing (Debian:
// `apt-get install -y libreoffice-calc poppler-utils`).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';

import { checksumOf, requestsLeaving, startSite } from './support.mjs';

const run = promisify(execFile);

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const OUTPUT = resolve(fileURLToPath(new URL('../output/district/', import.meta.url)));

async function fixtureFiles(folder) {
  const names = (await readdir(join(FIXTURES, folder))).filter((n) => n.endsWith('.json'));
  return names.sort().map((name) => join(FIXTURES, folder, name));
}

const CORRUPT = '星级自评_洛江区双阳街道朝阳社区_2025-01-06.json';

/** [rank, community, total, tier, extra] of every row, in the table's order. */
const FIRST_LOAD_ROWS = [
  ['1', '新春社区', '107', '五星', '¥120,000.00'],
  ['2', '梅峰社区', '99', '五星', '¥120,000.00'],
  ['3', '西郊社区', '98–100', '四星', '¥20,000.00'],
  ['4', '笋浯社区', '97', '四星', '¥20,000.00'],
  ['(5)', '', '—', '四星名额空缺(考核不通过,不顺延)', '—'],
  ['6', '明光社区', '95', '四星', '¥20,000.00'],
  ['7', '金浦社区', '94', '四星', '¥20,000.00'],
  ['8', '高山社区', '93', '四星', '¥20,000.00'],
  ['9', '树兜社区', '92', '四星', '¥20,000.00'],
  ['10', '海景社区', '91', '四星或三星(同分待定)', '待定(同分)'],
  ['10', '铭湖社区', '91', '四星或三星(同分待定)', '待定(同分)'],
  ['12', '新铺社区', '90', '三星', '¥0.00'],
  ['13', '圣湖社区', '88', '三星', '¥0.00'],
  ['14', '东美社区', '87', '三星', '¥0.00'],
  ['15', '霞淮社区', '86', '三星', '¥0.00'],
  ['16', '普明社区', '85', '三星', '¥0.00'],
  ['17', '万科城社区', '84', '三星', '¥0.00'],
  ['18', '通海社区', '83', '三星', '¥0.00'],
  ['19', '万盛社区', '82', '三星', '¥0.00'],
  ['(20)', '', '—', '三星名额空缺', '—'],
  ['—', '新桥社区', '96', '不参与排名(考核不通过)', '—'],
];

/** Reads the table as [rank, community, total, tier, extra] rows. */
async function tableRows(page) {
  return page.$$eval('tr[data-row-kind]', (rows) =>
    rows.map((row) => {
      const cell = (col) => row.querySelector(`td[data-col="${col}"]`)?.textContent.trim() ?? '';
      const name = row.querySelector('td[data-col="community"] strong')?.textContent.trim() ?? '';
      const tier = row.querySelector('td[data-col="tier"] .tier')?.textContent.trim() ?? '';
      return [cell('rank'), name, cell('total'), tier, cell('extra')];
    }),
  );
}

async function totals(page) {
  return page.$$eval('[data-total]', (cells) =>
    Object.fromEntries(cells.map((c) => [c.dataset.total, c.textContent.trim()])),
  );
}

async function loadFiles(page, files) {
  const before = await page.$eval('[data-load-summary]', (p) => p.textContent).catch(() => '');
  await page.setInputFiles('input[data-action="district-files"]', files);
  await page.waitForFunction(
    ([previous, count]) => {
      const text = document.querySelector('[data-load-summary]')?.textContent ?? '';
      return text !== previous && text.startsWith(`本次读取 ${count} 个文件`);
    },
    [before, files.length],
  );
}

async function download(page, action) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-action="${action}"]`),
  ]);
  const path = join(OUTPUT, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

async function tool(name) {
  try {
    await run('which', [name]);
  } catch {
    assert.fail(
      `\`${name}\` is missing: the CSV must be opened by a real spreadsheet program. ` +
        'On Debian, as root: `apt-get install -y libreoffice-calc poppler-utils`',
    );
  }
}

describe('the district page', () => {
  let site;
  let page;
  let csv;

  before(async () => {
    await rm(OUTPUT, { recursive: true, force: true });
    await mkdir(OUTPUT, { recursive: true });
    site = await startSite();
    page = await site.open('#/district');
    await page.waitForSelector('[data-page="district"]');
  });

  after(async () => {
    await site?.close();
  });

  test('loads 20 files through the picker and refuses only the corrupt one', async () => {
    const files = await fixtureFiles('district');
    assert.equal(files.length, 20);
    await loadFiles(page, files);

    assert.equal(
      await page.textContent('[data-load-summary]'),
      '本次读取 20 个文件:接受 19 个,拒绝 1 个',
    );
    const refused = await page.$$eval('[data-refused]', (items) =>
      items.map((li) => ({
        name: li.dataset.refused,
        code: li.dataset.code,
        reason: li.querySelector('.reason').textContent,
      })),
    );
    assert.deepEqual(refused, [
      {
        name: CORRUPT,
        code: 'checksum_mismatch',
        reason:
          '文件校验码不符:文件在导出后被改动过或已损坏。为保证数据可信,不予导入,请索取原始导出文件',
      },
    ]);
  });

  test('ranks, tiers, the tie, the gate failure and empty slots', async () => {
    assert.deepEqual(await tableRows(page), FIRST_LOAD_ROWS);

    const ties = await page.$$eval('[data-ties] li', (items) => items.map((li) => li.textContent));
    assert.deepEqual(ties, [
      '丰泽区东海街道海景社区、丰泽区东湖街道铭湖社区 同分(91分),跨四星与三星,需人工确定',
    ]);
    assert.equal(await page.locator('[data-tie-flag]').count(), 2);

    // Ranges overlapping across a boundary: flagged 未定, never silent.
    const overlaps = await page.$$eval('[data-overlaps] li', (items) => items.map((li) => li.textContent));
    assert.deepEqual(overlaps, ['鲤城区开元街道梅峰社区(99分)与鲤城区鲤中街道西郊社区(98–100分)分数范围重叠,跨五星与四星,名次可能互换,未定,需人工确定']);
    const undecided = await page.$$eval('[data-undecided]', (flags) =>
      flags.map((f) => f.closest('tr').dataset.community),
    );
    assert.deepEqual(undecided, ['梅峰社区', '西郊社区']);

    // The ranking's assumptions are shown on the page.
    const readings = await page.$$eval('[data-page="district"] [data-reading]', (items) =>
      items.map((li) => li.dataset.reading),
    );
    assert.deepEqual(readings, [
      'rank-by-low',
      'overlap-undecided',
      'ties-at-boundary',
      'failed-no-slot',
      'provisional',
    ]);

    const gates = await page.textContent('tr[data-row-kind="unranked"] td[data-col="gates"]');
    assert.match(gates, /专款专用:通过/);
    assert.match(gates, /支出不低于75%:不通过/);
    assert.match(gates, /已支出 ¥59,999\.99\(74\.99%\),还差 ¥0\.01 达到 75%/);
  });

  test('adds up the money exactly', async () => {
    assert.deepEqual(await totals(page), {
      base: '¥1,520,000.00',
      extra: '¥380,000.00',
      undetermined: '¥20,000.00',
      total: '¥1,900,000.00',
    });
  });

  test('sorts by a column and filters by district', async () => {
    await page.click('[data-sort="total"]');
    let rows = await tableRows(page);
    assert.deepEqual(rows.slice(0, 3).map((r) => r[1]), ['新春社区', '梅峰社区', '西郊社区']);
    assert.equal(rows.at(-1)[0], '(20)');
    await page.click('[data-sort="total"]');
    rows = await tableRows(page);
    assert.equal(rows[0][1], '万盛社区');

    await page.click('[data-sort="rank"]');
    await page.selectOption('[data-field="district-filter"]', '丰泽区');
    rows = await tableRows(page);
    assert.equal(rows.length, 9);
    assert.deepEqual(rows.map((r) => r[0]), ['10', '10', '12', '13', '14', '15', '16', '17', '18']);
    assert.equal(await page.textContent('[data-subtotal-col="base"]'), '¥720,000.00');
    assert.equal(
      await page.textContent('[data-subtotal-col="extra"]'),
      '¥0.00(另有 2 个社区同分待定)',
    );
    await page.selectOption('[data-field="district-filter"]', '');
    assert.equal((await tableRows(page)).length, 21);
  });

  test('compares communities item by item with where each lost points', async () => {
    for (const name of ['新春社区', '高山社区', '笋浯社区']) {
      await page.check(`tr[data-community="${name}"] [data-action="compare-pick"]`);
    }
    const heads = await page.$$eval('[data-compare-community]', (th) => th.map((t) => t.textContent));
    assert.deepEqual(heads, ['新春社区', '笋浯社区', '高山社区']);
    assert.equal(await page.locator('tbody tr[data-compare-item]').count(), 14);

    const meetings = await page.$$eval('tr[data-compare-item="5"] td', (tds) =>
      tds.map((td) => td.textContent),
    );
    assert.match(meetings[0], /^10\/10/);
    assert.match(meetings[2], /^8\/10.*11月.*−2/);
    const media = await page.textContent('tr[data-compare-item="12"] td:nth-of-type(2)');
    assert.match(media, /^8\/10/);
    const bonus = await page.textContent('tr[data-compare-item="bonus"] td:nth-of-type(1)');
    assert.match(bonus, /^7\/9.*超出封顶/);
    await page.click('[data-action="compare-clear"]');
  });

  test('exports a CSV whose bytes are right for Excel', async () => {
    const saved = await download(page, 'export-csv');
    assert.match(saved.name, /^全区对照_\d{4}-\d{2}-\d{2}\.csv$/);
    csv = saved.path;
    const bytes = await readFile(csv);

    // UTF-8 byte-order mark, CRLF only, quoting of the tie's comma.
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    assert.equal(text.split('\n').length, text.split('\r\n').length);
    const lines = text.split('\r\n');
    assert.equal(
      lines[0],
      '名次,区,街道,社区,基础分,加分,总分,总分下限,否决项,星级,同分待定或未定,基础补助(元),星级奖补(元),补助合计(元),评估日期,文件',
    );
    assert.equal(
      lines[1],
      '1,鲤城区,开元街道,新春社区,100,7,107,107,专款专用:通过;支出不低于75%:通过,五星,,80000.00,120000.00,200000.00,2025-01-06,星级自评_鲤城区开元街道新春社区_2025-01-06.json',
    );
    assert.ok(lines[2].includes(',五星,"鲤城区开元街道梅峰社区(99分)与鲤城区鲤中街道西郊社区(98–100分)分数范围重叠,跨五星与四星,名次可能互换,未定,需人工确定",80000.00,'), lines[2]);
    assert.equal(lines[5], '第5位,,,,,,,,,"四星名额空缺(考核不通过,不顺延)",,,,,,');
    assert.match(lines[10], /,"丰泽区东海街道海景社区、丰泽区东湖街道铭湖社区 同分\(91分\),跨四星与三星,需人工确定",80000\.00,待定,,/);
    assert.equal(lines[20], '第20位,,,,,,,,,三星名额空缺,,,,,,');
    assert.ok(lines.includes(',,,,,,,,,合计(元),,1520000.00,380000.00,1900000.00'));
    assert.ok(lines.includes(',,,,,,,,,未定,"鲤城区开元街道梅峰社区(99分)与鲤城区鲤中街道西郊社区(98–100分)分数范围重叠,跨五星与四星,名次可能互换,未定,需人工确定"'));
    assert.ok(lines.includes(',,,,,,,,,其中同分待定(元),,,20000.00'));
    // No cell starts a formula.
    for (const line of lines) {
      assert.doesNotMatch(line, /(^|,)[=+@]/, line);
    }
  });

  test('the CSV opened by LibreOffice Calc shows the Chinese text and numbers', async () => {
    assert.ok(csv, 'the CSV export test ran first');
    await tool('soffice');
    await tool('pdftotext');

    // A throw-away LibreOffice profile: never the user's, never shared.
    const profile = join(OUTPUT, 'lo-profile');
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--infilter=CSV:44,34,76',
        '--outdir',
        OUTPUT,
        csv,
      ],
      { timeout: 120_000 },
    );
    const pdf = csv.replace(/\.csv$/, '.pdf');
    assert.ok((await stat(pdf)).size > 0);

    const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 1 << 24 });
    for (const expected of [
      '名次',
      '新春社区',
      '万科城社区',
      '鲤城区',
      '丰泽区',
      '洛江区',
      '五星',
      '四星或三星(同分待定)',
      '三星名额空缺',
      '第20位',
      '四星名额空缺',
      '不参与排名(考核不通过)',
      '98–100',
      '120000',
      '1520000',
      '1900000',
    ]) {
      assert.ok(stdout.includes(expected), `the PDF lacks \`${expected}\``);
    }
    // No mojibake (the text is read as UTF-8, not GBK), and no slot number
    // turned into a negative one.
    assert.doesNotMatch(stdout, /Ã|ï»¿|锟/);
    assert.doesNotMatch(stdout, /-(19|20)\b/);
    // Page images for a person to look at (tests/output/district/).
    await run('pdftoppm', ['-png', '-r', '60', pdf, join(OUTPUT, 'csv-page')]).catch(() => {});
  });

  test('exports the ranking as JSON', async () => {
    const saved = await download(page, 'export-json');
    const ranking = JSON.parse(await readFile(saved.path, 'utf8'));
    assert.equal(ranking.format, 'starcheck-district-ranking');
    assert.deepEqual(ranking.quotas, [2, 8, 10]);
    assert.equal(ranking.rows.length, 21);
    assert.deepEqual(ranking.totals, {
      base: '1520000.00',
      extra: '380000.00',
      extra_undetermined: '20000.00',
      total: '1900000.00',
      communities: 19,
      ranked: 18,
      unranked: 1,
      empty_slots: 2,
    });
    assert.equal(ranking.ties.length, 1);
    assert.equal(ranking.overlaps.length, 1);
  });

  test('screenshots of the loaded page, desktop and 390 px', async () => {
    await page.screenshot({ path: join(OUTPUT, 'district-desktop.png'), fullPage: true });
    const phone = await site.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${site.server.url}#/district`);
    await phone.waitForSelector('tr[data-row-kind="ranked"]');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page scrolls sideways at 390 px (${width})`);
    await phone.screenshot({ path: join(OUTPUT, 'district-390.png'), fullPage: true });
    await phone.close();
  });

  test('a second load flags the older duplicate and completes the 20', async () => {
    await loadFiles(page, await fixtureFiles('district-more'));
    assert.equal(
      await page.textContent('[data-load-summary]'),
      '本次读取 2 个文件:接受 1 个,重复 1 个',
    );
    const duplicate = await page.$eval('[data-duplicate]', (li) => ({
      kept: li.dataset.kept,
      dropped: li.dataset.dropped,
      text: li.textContent,
    }));
    assert.equal(duplicate.kept, '2025-01-06');
    assert.equal(duplicate.dropped, '2024-12-20');
    assert.match(duplicate.text, /评估日期 2025-01-06,导出于 2025-01-06 17:01/);
    assert.match(duplicate.text, /评估日期 2024-12-20,导出于 2024-12-20 16:30/);
    // 朝阳社区's intact file clears the refusal of its corrupt one.
    assert.equal(await page.locator('[data-refused]').count(), 0);

    const rows = await tableRows(page);
    assert.deepEqual(rows[1], ['2', '梅峰社区', '99', '五星', '¥120,000.00']);
    // 新桥社区's slot 5 stays empty; 朝阳社区 takes slot 20.
    assert.deepEqual(rows[4], ['(5)', '', '—', '四星名额空缺(考核不通过,不顺延)', '—']);
    assert.deepEqual(rows[19], ['20', '朝阳社区', '81', '三星', '¥0.00']);
    assert.deepEqual(await totals(page), {
      base: '¥1,600,000.00',
      extra: '¥380,000.00',
      undetermined: '¥20,000.00',
      total: '¥1,980,000.00',
    });
  });

  test('the loaded set is kept in local storage across a reload', async () => {
    assert.match(await page.textContent('[data-storage]'), /已在本机浏览器中保存 20 个社区的文件/);
    await page.reload();
    await page.waitForSelector('tr[data-row-kind="ranked"]');
    assert.equal(await page.locator('tr[data-row-kind="ranked"]').count(), 19);
    assert.equal((await totals(page)).total, '¥1,980,000.00');
  });

  test('quotas set by the office re-rank the table', async () => {
    await page.fill('[data-quota="0"]', '1');
    await page.press('[data-quota="0"]', 'Tab');
    await page.waitForFunction(
      // 1 × 120,000 + 7 × 20,000 (slot 5 empty in 四星); 朝阳社区 at
      // slot 20 is past the 19 slots.
      () => document.querySelector('[data-total="total"]')?.textContent === '¥1,860,000.00',
    );
    const rows = await tableRows(page);
    assert.deepEqual(rows[1].slice(3), ['四星', '¥20,000.00']);
    await page.click('[data-action="reset-quotas"]');
    assert.equal((await totals(page)).total, '¥1,980,000.00');
  });

  test('clearing everything takes a second click', async () => {
    await page.click('[data-action="clear-set"]');
    assert.equal(await page.textContent('[data-action="clear-set"]'), '再点一次,清空全部文件');
    assert.equal(await page.locator('tr[data-row-kind="ranked"]').count(), 19);
    await page.click('[data-action="clear-set"]');
    await page.waitForSelector('[data-district-empty]');
    assert.equal(await page.getAttribute('[data-storage]', 'data-storage'), 'idle');
    assert.equal(await page.evaluate(() => localStorage.getItem('starcheck.district')), null);
  });

  test('nothing left 127.0.0.1 and nothing failed', () => {
    assert.deepEqual(requestsLeaving(site.traffic.requests, site.server.origin), []);
    assert.deepEqual(site.traffic.pageErrors, []);
  });
});

describe('a file made for another rubric', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  test('is scored with the built-in rubric and listed with what it names', async () => {
    const [first, second] = (await fixtureFiles('district')).slice(0, 2);
    const other = JSON.parse(await readFile(first, 'utf8'));
    other.rubric = { id: 'quanzhou-2023', version: 3 };
    other.checksum = checksumOf(other);
    const name = first.split('/').at(-1);

    const page = await site.open('district.html#/district');
    await page.setInputFiles('input[data-action="district-files"]', [
      { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other, null, 2)) },
      { name: second.split('/').at(-1), mimeType: 'application/json', buffer: await readFile(second) },
    ]);
    await page.waitForFunction(() =>
      (document.querySelector('[data-load-summary]')?.textContent ?? '').startsWith('本次读取 2 个文件:接受 2 个'),
    );
    assert.equal(await page.locator('tr[data-row-kind="ranked"]').count(), 2);

    const listed = page.locator('[data-other-rubric]');
    assert.deepEqual(await listed.evaluateAll((items) => items.map((i) => i.dataset.otherRubric)), [name]);
    assert.equal(
      await listed.locator('.reason').textContent(),
      '文件使用的评分细则是“quanzhou-2023”第 3 版,本程序内置的是“quanzhou-2024-batch3”第 1 版:已按内置细则重新计分',
    );

    await page.click('[data-lang="en"]');
    assert.equal(
      await listed.locator('.reason').textContent(),
      'The file uses rubric “quanzhou-2023” version 3, this app has “quanzhou-2024-batch3” version 1: scored again with the built-in rubric',
    );
    await page.click('[data-lang="zh-CN"]');
  });
});

describe('the district page without room in storage', () => {
  let site;

  before(async () => {
    site = await startSite();
    // Storage refuses the district set as a full storage would.
    await site.context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'starcheck.district') {
          throw new DOMException('quota exceeded', 'QuotaExceededError');
        }
        return setItem.call(this, key, value);
      };
    });
  });

  after(async () => {
    await site?.close();
  });

  test('says so plainly and keeps working in memory; drop works too', async () => {
    const page = await site.open('#/district');
    const files = (await fixtureFiles('district')).slice(0, 3);
    const payload = await Promise.all(
      files.map(async (path) => ({
        name: path.split('/').at(-1),
        text: await readFile(path, 'utf8'),
      })),
    );

    // Files dragged from the desktop onto the drop zone.
    await page.evaluate((items) => {
      const transfer = new DataTransfer();
      for (const item of items) {
        transfer.items.add(new File([item.text], item.name, { type: 'application/json' }));
      }
      const zone = document.querySelector('[data-drop-zone]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, payload);

    await page.waitForSelector('[data-storage="not-saved"]');
    assert.match(await page.textContent('[data-storage="not-saved"]'), /浏览器存储已满/);
    assert.equal(await page.locator('tr[data-row-kind="ranked"]').count(), 3);
    assert.equal(await page.textContent('[data-total="total"]'), '¥500,000.00');
  });
});

describe('the CSV export of names a spreadsheet would misread', () => {
  let site;

  before(async () => {
    await mkdir(OUTPUT, { recursive: true });
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  // tests/fixtures/district-hostile/: district `@区`, street
  // `13812345678901`, community `=1+2"甲",社区`.
  test('formulas are neutralised and long digits stay text, in the bytes and in Calc', async () => {
    const page = await site.open('#/district');
    await loadFiles(page, await fixtureFiles('district-hostile'));
    const saved = await download(page, 'export-csv');
    const hostile = join(OUTPUT, 'hostile.csv');
    await copyFile(saved.path, hostile);

    const lines = (await readFile(hostile)).subarray(3).toString('utf8').split('\r\n');
    assert.ok(
      lines[1].startsWith('1,\'@区,"=""13812345678901""","\'=1+2""甲"",社区",100,7,107,'),
      lines[1],
    );

    await tool('soffice');
    await tool('pdftotext');
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(OUTPUT, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--infilter=CSV:44,34,76',
        '--outdir',
        OUTPUT,
        hostile,
      ],
      { timeout: 120_000 },
    );
    const { stdout } = await run('pdftotext', ['-layout', join(OUTPUT, 'hostile.pdf'), '-']);
    assert.ok(stdout.includes("'@区"), stdout);
    assert.ok(stdout.includes('13812345678901'), 'the phone number lost digits');
    assert.doesNotMatch(stdout, /E\+0?13/);
    assert.ok(stdout.includes('\'=1+2"甲",社区'), 'the formula ran or the cell was split');
  });
});
