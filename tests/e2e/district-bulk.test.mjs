// The district page (#/district) loading 1,000 exported files at once, end
// to end: the files are read, checked, scored and ranked in the page's web
// worker (dist/js/district-worker.js on the JavaScript module), and the
// page must stay responsive all along.
//
// The 1,000 files are generated here from one fixture (新春社区, 107) with
// the module's own exportFile, loaded in node: 1,000 distinct communities
// in three districts, item 8's graded part set so that totals spread from
// 92 to 107, and every 40th file one fen short of the spending line (like
// 新桥社区), so 25 are unranked.
//
// While the load runs the test keeps clicking a counter it puts in the
// page, and measures each click from the input event's own time stamp to
// the DOM change its handler makes (performance.now() in the page): every
// click must be handled within 100 ms. The progress (files read of total)
// must reach 1,000, and the table must be the ranking the module itself
// computes for the same files (first ranks, counts, money), with the gate
// failures unranked. The page's own set, rebuilt from the files the worker
// sent, ranks the same under other quotas. A first load, in the worker the
// page started as it opened, is cancelled half-way and leaves the set
// empty.

import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { DIST_DIR, startSite } from './support.mjs';

const FIXTURE = fileURLToPath(
  new URL('../fixtures/district/星级自评_鲤城区开元街道新春社区_2025-01-06.json', import.meta.url),
);
const OUTPUT = resolve(fileURLToPath(new URL('../output/district-bulk/', import.meta.url)));

const COUNT = 1000;
const DISTRICTS = ['鲤城区', '丰泽区', '洛江区'];
const BUDGET_MS = 100;

/** The module of dist/js/, initialised in node from its wasm. */
async function loadModule() {
  const module = await import(join(DIST_DIR, 'js', 'starcheck.js'));
  module.initSync({ module: await readFile(join(DIST_DIR, 'js', 'starcheck_bg.wasm')) });
  return module;
}

/** 1,000 distinct files written with the module's exportFile. */
async function generate(module) {
  const template = JSON.parse(await readFile(FIXTURE, 'utf8'));
  delete template.summary;
  delete template.checksum;
  const files = [];
  for (let i = 0; i < COUNT; i += 1) {
    const assessment = structuredClone(template);
    const number = String(i + 1).padStart(4, '0');
    assessment.community = {
      district: DISTRICTS[i % DISTRICTS.length],
      street: `第${(i % 25) + 1}街道`,
      name: `测试${number}社区`,
    };
    const graded = (i * 7) % 16;
    assessment.facts['8'].base_quality = { range: { low: graded, high: graded } };
    if (i % 40 === 39) {
      assessment.ledger.expenditures.at(-1).amount = '1999.99';
    }
    const exported = module.exportFile(assessment);
    assert.equal(exported.ok, true, exported.message);
    files.push({ name: exported.file_name, text: exported.text });
  }
  return files;
}

/** [rank, community, total, tier, extra] of the table's rows, in order. */
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

/** `¥80,000,000.00` for the module's `"80000000.00"`. */
function money(amount) {
  const [yuan, fen] = amount.split('.');
  return `¥${Number(yuan).toLocaleString('en-US')}.${fen}`;
}

/** The module's rows in the same words as the page's. */
function expectedRows(ranking) {
  const shown = (r) => (r.low === r.high ? `${r.low}` : `${r.low}–${r.high}`);
  return ranking.rows.map((r) => [
    r.kind.kind === 'ranked' ? `${r.rank}` : r.kind.kind === 'empty_slot' ? `(${r.rank})` : '—',
    r.community,
    r.total ? shown(r.total) : '—',
    r.tier,
    r.extra.state === 'known' ? money(r.extra.amount) : r.extra.state === 'undetermined' ? '待定(同分)' : '—',
  ]);
}

/**
 * Puts a counter button in the page (outside the app) that records, for
 * every click, the time from the input event to its DOM change.
 */
async function installCounter(page) {
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.testCounter = '0';
    button.textContent = '0';
    button.style.cssText = 'position:fixed;top:4px;right:4px;z-index:99999;width:80px;height:40px';
    window.clickDelays = [];
    window.progressSeen = [];
    button.addEventListener('click', (event) => {
      const next = Number(button.dataset.testCounter) + 1;
      button.dataset.testCounter = String(next);
      button.textContent = String(next);
      // The DOM has changed; the delay counts from the input event.
      const progress = document.querySelector('[data-progress-done]');
      window.clickDelays.push({
        delay: performance.now() - event.timeStamp,
        at: progress ? `${progress.dataset.progressDone}/${progress.dataset.progressTotal}` : 'after',
      });
    });
    document.body.append(button);

    // Every progress the page shows, as "done/total".
    new MutationObserver(() => {
      const shown = document.querySelector('[data-progress-done]');
      if (shown) {
        window.progressSeen.push(`${shown.dataset.progressDone}/${shown.dataset.progressTotal}`);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const box = await page.locator('[data-test-counter]').boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks the counter every `every` ms until `done()` is true. */
async function clickUntil(page, at, done, { every = 15, timeout = 120_000 } = {}) {
  const started = Date.now();
  let clicks = 0;
  while (!(await done())) {
    assert.ok(Date.now() - started < timeout, 'the load did not end in time');
    await page.mouse.click(at.x, at.y);
    clicks += 1;
    await new Promise((wait) => setTimeout(wait, every));
  }
  return clicks;
}

describe('the district page with 1,000 files', () => {
  let site;
  let page;
  let files;
  let paths;
  let module;

  before(async () => {
    module = await loadModule();
    files = await generate(module);
    await rm(OUTPUT, { recursive: true, force: true });
    await mkdir(OUTPUT, { recursive: true });
    paths = [];
    for (const file of files) {
      const path = join(OUTPUT, file.name);
      await writeFile(path, file.text);
      paths.push(path);
    }
    assert.equal(new Set(paths).size, COUNT, 'every community is distinct');

    site = await startSite();
    page = await site.open('#/district');
    await page.waitForSelector('[data-page="district"]');
  });

  after(async () => {
    await site?.close();
  });

  test('a load can be cancelled, leaving the set as it was', async () => {
    // The page started the load's worker as it opened; the load takes it.
    for (let waited = 0; page.workers().length === 0; waited += 50) {
      assert.ok(waited < 10_000, 'no worker was started with the page');
      await new Promise((wait) => setTimeout(wait, 50));
    }
    assert.equal(page.workers().length, 1);
    let started = 0;
    const count = () => {
      started += 1;
    };
    page.on('worker', count);

    await page.setInputFiles('input[data-action="district-files"]', paths);
    await page.waitForFunction(() => {
      const shown = document.querySelector('[data-progress-done]');
      return Number(shown?.dataset.progressDone ?? 0) >= 50;
    });
    await page.click('[data-action="cancel-load"]');
    await page.waitForFunction(() =>
      (document.querySelector('[data-load-summary]')?.textContent ?? '').startsWith('已取消载入'),
    );
    assert.match(
      await page.textContent('[data-load-summary]'),
      /^已取消载入:读取了 \d+\/1000 个文件,本次的文件均未载入$/,
    );
    assert.equal(await page.locator('[data-progress-done]').count(), 0);
    assert.equal(await page.locator('[data-district-empty]').count(), 1);
    assert.equal(await page.isEnabled('input[data-action="district-files"]'), true);
    page.off('worker', count);
    assert.equal(started, 0, 'the load used the worker the page started');
  });

  test('loads 1,000 files in the worker while every click is handled within 100 ms', async () => {
    const at = await installCounter(page);
    await page.setInputFiles('input[data-action="district-files"]', paths);

    // The import runs from the moment the page takes the files (the
    // browser's own work on a thousand chosen files comes before).
    await page.waitForSelector('[data-progress-done]');

    const finished = () =>
      page.evaluate(() => {
        const summary = document.querySelector('[data-load-summary]')?.textContent ?? '';
        return summary.startsWith('本次读取 1000 个文件') &&
          document.querySelectorAll('tr[data-row-kind]').length > 0;
      });
    const clicks = await clickUntil(page, at, finished);

    // A few more clicks once the table is shown and saving has run.
    for (let more = 0; more < 5; more += 1) {
      await page.mouse.click(at.x, at.y);
      await new Promise((wait) => setTimeout(wait, 40));
    }

    const { delays, counter, progress } = await page.evaluate(() => ({
      delays: window.clickDelays,
      counter: Number(document.querySelector('[data-test-counter]').dataset.testCounter),
      progress: window.progressSeen,
    }));
    assert.equal(counter, clicks + 5, 'every click was handled');
    // Enough clicks landed during the load for the check to mean something
    // (the load takes about a second on an idle machine).
    assert.ok(clicks >= 5, `the load ran across ${clicks} clicks`);
    const slowest = delays.reduce((a, b) => (b.delay > a.delay ? b : a));
    const slow = delays.filter((d) => d.delay > BUDGET_MS);
    assert.deepEqual(slow, [], `clicks over ${BUDGET_MS} ms`);

    // Progress counted up to 1,000 of 1,000.
    const done = progress.map((p) => Number(p.split('/')[0]));
    assert.ok(progress.every((p) => p.endsWith('/1000')), progress.at(-1));
    assert.equal(Math.max(...done), COUNT);
    assert.ok(done.some((d) => d > 0 && d < COUNT), 'progress was shown along the way');
    assert.equal(
      await page.textContent('[data-load-summary]'),
      '本次读取 1000 个文件:接受 1000 个',
    );
    console.log(
      `# ${clicks + 5} clicks during the load, slowest ${slowest.delay.toFixed(1)} ms ` +
        `(at ${slowest.at}), ${done.length} progress updates`,
    );
  });

  test('ranks the 1,000 as the module does', async () => {
    const ranking = module.rankCohort(files.map(({ name, text }) => ({ file_name: name, text })));
    assert.equal(ranking.ok, true);
    const expected = expectedRows(ranking);

    // The page shows the first 50 rows, and the rest on request.
    const first = await tableRows(page);
    assert.equal(first.length, 50);
    assert.deepEqual(first, expected.slice(0, 50));
    assert.match(await page.textContent('[data-rows-hidden]'), /显示前 50 行,共 1000 行/);
    await page.click('[data-action="show-all-rows"]');
    const all = await tableRows(page);
    assert.deepEqual(all, expected);

    // Independent of the module: the best total (107, graded 15 of 15) is
    // rank 1, shared by every such community; the next rank follows them.
    const best = files.filter((_, i) => (i * 7) % 16 === 15 && i % 40 !== 39).length;
    assert.ok(all.slice(0, best).every((r) => r[0] === '1' && r[2] === '107'));
    assert.deepEqual(all[best].slice(0, 1), [`${best + 1}`]);
    assert.equal(all[best][2], '106');

    const kinds = await page.$$eval('tr[data-row-kind]', (rows) =>
      rows.map((r) => r.dataset.rowKind).reduce((n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {}),
    );
    assert.deepEqual(kinds, { ranked: 975, unranked: 25 });

    const totals = await page.$$eval('[data-total]', (cells) =>
      Object.fromEntries(cells.map((c) => [c.dataset.total, c.textContent.trim()])),
    );
    assert.equal(totals.base, '¥80,000,000.00');
    assert.equal(totals.extra, '¥400,000.00');
    assert.equal(ranking.totals.communities, COUNT);
  });

  test('the set rebuilt on the page ranks as the module does under other quotas', async () => {
    // The worker ranked for the rubric's quotas; with others the page
    // ranks its own set, rebuilt from the files the worker sent: every
    // file's data and score must have come across whole.
    const quotas = [150, 350, 300];
    for (const [index, quota] of quotas.entries()) {
      await page.fill(`[data-quota="${index}"]`, String(quota));
      await page.press(`[data-quota="${index}"]`, 'Tab');
    }
    const entries = files.map(({ name, text }) => ({ file_name: name, text }));
    const ranking = module.rankCohort(entries, quotas);
    assert.equal(ranking.ok, true);
    await page.waitForFunction(
      (total) => document.querySelector('[data-total="total"]')?.textContent.trim() === total,
      money(ranking.totals.total),
    );
    if ((await page.locator('[data-action="show-all-rows"]').count()) > 0) {
      await page.click('[data-action="show-all-rows"]');
    }
    const all = await tableRows(page);
    assert.equal(all.filter((r) => r[1].startsWith('测试')).length, COUNT);
    assert.deepEqual(all, expectedRows(ranking));
    await page.click('[data-action="reset-quotas"]');
  });
});
