// The printable report (#/report) of worked example B, end to end: the
// exported file of example B (tests/fixtures/report/, written by the
// core's own export) is imported through the drafts page as a user would,
// the report is printed by headless Chromium to an A4 PDF with
// backgrounds, and the PDF's text (pdftotext, poppler-utils) must carry
// the totals, the items that lost points, and the spending gate failing
// at ¥59,999.99 with “还差 ¥0.01”. The pages are also turned into PNGs
// (pdftoppm -r 60) in tests/output/report/ for a person to look at.
// The fixture is `starcheck_core::file::export(&Rubric::quanzhou_2024(),
// &examples::example_b(), &ExportMeta { app_version: "0.1.0",
// exported_at: None })`, written once; rewrite it the same way when the
// file format changes. A second part loads the district fixtures and
// checks the ranking chart's bars and tier bands against the table.
// The test fails, never skips, when `pdftotext` or `pdftoppm` is missing
// (Debian: `apt-get install -y poppler-utils`).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';

import { startSite } from './support.mjs';

const run = promisify(execFile);

const FIXTURE = fileURLToPath(
  new URL('../fixtures/report/星级自评_鲤城区开元街道梅峰社区_2025-01-06.json', import.meta.url),
);
const OUTPUT = resolve(fileURLToPath(new URL('../output/report/', import.meta.url)));

/** Fails with the package to install when `name` is not on PATH. */
async function tool(name) {
  try {
    await run(name, ['-v']);
  } catch (error) {
    if (error.code === 'ENOENT') {
      assert.fail(`\`${name}\` is missing: apt-get install -y poppler-utils`);
    }
  }
}

/** Text with every run of white space as one space. */
function flat(text) {
  return text.replace(/\s+/g, ' ');
}

describe('the report of worked example B, printed to A4', () => {
  let site;
  let page;
  let pdf;
  let text;

  before(async () => {
    site = await startSite();
    page = await site.open('#/drafts');

    // Import example B as a user would, and confirm.
    await page.setInputFiles('input[data-action="import-file"]', {
      name: '星级自评_鲤城区开元街道梅峰社区_2025-01-06.json',
      mimeType: 'application/json',
      buffer: await readFile(FIXTURE),
    });
    await page.locator('[data-import-preview]').waitFor();
    await page.locator('[data-action="confirm-import"]').click();
    await page.locator('[data-import-done]').waitFor();

    // The report, printed as the browser prints it.
    await page.click('a[data-nav="report"]');
    await page.locator('[data-page="report"] [data-report="total"]').waitFor();
    await rm(OUTPUT, { recursive: true, force: true });
    await mkdir(OUTPUT, { recursive: true });
    pdf = join(OUTPUT, 'example-b.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  });

  after(async () => {
    await site?.close();
  });

  test('the report page shows the print button and the totals on screen', async () => {
    const button = page.locator('[data-action="print"]');
    assert.equal((await button.textContent()).trim(), '打印 / 导出PDF');
    assert.equal((await page.locator('[data-report="base"]').textContent()).trim(), '70');
    assert.equal((await page.locator('[data-report="total"]').textContent()).trim(), '70');
  });

  test('the PDF text carries the totals, the items and the failing gate', async () => {
    await tool('pdftotext');
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], {
      maxBuffer: 1 << 24,
    });
    text = flat(stdout);

    // The heading.
    assert.match(text, /鲤城区开元街道梅峰社区/);
    assert.match(text, /2025年1月6日/);
    assert.match(text, /泉城管〔2024〕120号 附件2 第1版/);
    assert.doesNotMatch(text, /quanzhou-2024-batch3/);

    // Base, bonus and total.
    assert.match(text, /基础分 70 ?\/ ?100/);
    assert.match(text, /加分 0 ?\/ ?9/);
    assert.match(text, /总分 70 ?\/ ?109/);

    // The items that lost points.
    assert.match(text, /第2项 资金投入保障机制 0 ?\/ ?10 分/);
    assert.match(text, /第5项 垃圾分类工作联席会 6 ?\/ ?10 分/);
    assert.match(text, /第6项 四分类投放点与收集容器 0 ?\/ ?5 分/);
    assert.match(text, /第12项 宣传媒介 4 ?\/ ?10 分/);
    assert.match(text, /第13项 每月报送信息 0 ?\/ ?5 分/);

    // The spending gate fails by one fen.
    assert.match(text, /¥59,999\.99/);
    assert.match(text, /实际支出≥75% 不通过/);
    assert.match(text, /还差 ¥0\.01/);
    assert.match(text, /74\.99%/);

    // The materials checklist and the fix-first list are printed too.
    assert.match(text, /迎检材料清单/);
    assert.match(text, /✓ ?已备 创建方案/);
    assert.match(text, /✗ ?缺 转账凭证/);
    assert.match(text, /优先处理/);

    // No control of the screen is printed.
    assert.doesNotMatch(text, /打印 \/ 导出PDF/);
    assert.doesNotMatch(text, /草稿与文件/);
  });

  test('the pages turn into PNGs for a person to look at', async () => {
    await tool('pdftoppm');
    await run('pdftoppm', ['-png', '-r', '60', pdf, join(OUTPUT, 'page')]);
    const pages = (await readdir(OUTPUT)).filter((n) => n.endsWith('.png'));
    assert.ok(pages.length >= 2, `${pages.length} pages`);
  });
});

describe('the district ranking chart with tier bands', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/district');
    const folder = fileURLToPath(new URL('../fixtures/district/', import.meta.url));
    const names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
    await page.setInputFiles(
      'input[data-action="district-files"]',
      names.map((n) => join(folder, n)),
    );
    await page.waitForFunction(
      (count) =>
        (document.querySelector('[data-load-summary]')?.textContent ?? '').startsWith(
          `本次读取 ${count} 个文件`,
        ),
      names.length,
    );
    await page.locator('[data-chart="district-ranking"]').waitFor();
  });

  after(async () => {
    await site?.close();
  });

  test('one bar per ranked community, as long as its total, in front of its tier', async () => {
    const chart = page.locator('[data-chart="district-ranking"]');
    const bars = await chart.locator('[data-rank]').count();
    assert.equal(bars, 18);

    // 新春社区, first with 107 of 109 on a 260-unit track.
    const first = chart.locator('[data-rank="1"] [data-bar="low"]').first();
    assert.equal(await first.getAttribute('width'), '255.2');

    // Bands in rank order, each named in text, not by colour alone.
    const bands = await chart.locator('[data-band]').evaluateAll((groups) =>
      groups.map((g) => [g.dataset.band, g.querySelector('text').textContent]),
    );
    assert.deepEqual(
      bands.map(([band]) => band),
      ['五星', '四星', '四星或三星(同分待定)', '三星'],
    );
    for (const [band, label] of bands) {
      assert.equal(label, band);
    }

    // The same numbers as a table.
    const rows = await chart.locator('table.chart-data tr[data-chart-row]').count();
    assert.equal(rows, 18);
    assert.match(await chart.locator('svg title').textContent(), /名次/);
  });

  test('the district page prints with its chart', async () => {
    await mkdir(OUTPUT, { recursive: true });
    const pdf = join(OUTPUT, 'district.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    await tool('pdftoppm');
    await run('pdftoppm', ['-png', '-r', '60', pdf, join(OUTPUT, 'district')]);
    const { stdout } = await run('pdftotext', [pdf, '-'], { maxBuffer: 1 << 24 });
    assert.match(flat(stdout), /名次与星级/);
  });
});
