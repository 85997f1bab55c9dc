// The JavaScript module of the built site (dist/js/starcheck.js), called
// from JavaScript in a page of the harness's server, as a district office's
// own portal would call it:
//
// - the README's ten-line example page, served as a plain page beside js/,
//   scores a fixture when a file is chosen;
// - every valid fixture of tests/fixtures/district/ scores, through
//   checkFile and scoreAssessment, to the base, bonus and total the app's
//   district table shows for it, and rankCohort ranks the 20 files into the
//   table's rows;
// - malformed input comes back as an error object with a code and a
//   message (never thrown): wrong types, a truncated file, values that are
//   not JSON data, a cyclic object;
// - an amount given as a JavaScript number is refused with a message that
//   names its path;
// - the TypeScript declarations ship beside the module.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { DIST_DIR, requestsLeaving, startSite } from './support.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/district/', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const CORRUPT = '星级自评_洛江区双阳街道朝阳社区_2025-01-06.json';

/** The README's example page: the html block of its JavaScript section. */
async function readmeExample() {
  const readme = await readFile(README, 'utf8');
  const section = readme.split('## Using the core from JavaScript')[1] ?? '';
  const html = section.match(/```html\n([\s\S]*?)```/)?.[1];
  assert.ok(html, 'README.md has an html example in "Using the core from JavaScript"');
  return html;
}

async function fixtures() {
  const names = (await readdir(FIXTURES)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(FIXTURES, name), 'utf8') })),
  );
}

/** "107" or "98–100", as the app shows a range. */
const shown = (range) => (range.low === range.high ? `${range.low}` : `${range.low}–${range.high}`);

/** The app's table: {community: [base, bonus, total, rank, tier, extra]}. */
async function appTable(site, files) {
  const page = await site.open('#/district');
  await page.setInputFiles(
    'input[data-action="district-files"]',
    files.map((f) => join(FIXTURES, f.name)),
  );
  await page.waitForFunction(() =>
    (document.querySelector('[data-load-summary]')?.textContent ?? '').startsWith('本次读取 20 个文件'),
  );
  const totals = await page.$$eval('[data-total]', (cells) =>
    Object.fromEntries(cells.map((c) => [c.dataset.total, c.textContent.trim()])),
  );
  const rows = await page.$$eval('tr[data-row-kind]', (trs) =>
    trs.map((tr) => {
      const cell = (col) => tr.querySelector(`td[data-col="${col}"]`)?.textContent.trim() ?? '';
      const name = tr.querySelector('td[data-col="community"] strong')?.textContent.trim() ?? '';
      const tier = tr.querySelector('td[data-col="tier"] .tier')?.textContent.trim() ?? '';
      return [name, cell('base'), cell('bonus'), cell('total'), cell('rank'), tier, cell('extra')];
    }),
  );
  await page.close();
  return { rows, totals };
}

describe('the JavaScript module', () => {
  let site;
  let page;
  let files;

  before(async () => {
    files = await fixtures();
    site = await startSite();

    // A plain page beside js/, as an office would put its own: the
    // README's example, answered at a URL of the harness's origin.
    const html = await readmeExample();
    page = await site.context.newPage();
    await page.route(`${site.server.url}portal.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await page.goto(`${site.server.url}portal.html`);
    await page.evaluate(async () => {
      const module = await import('./js/starcheck.js');
      await module.default();
      window.starcheck = module;
    });
  });

  after(async () => {
    await site?.close();
  });

  test("the README's example page scores a chosen file", async () => {
    const xinchun = files.find((f) => f.name.includes('新春社区'));
    await page.setInputFiles('input[type="file"]', join(FIXTURES, xinchun.name));
    await page.waitForFunction(() => document.querySelector('pre')?.textContent !== '');
    assert.equal(await page.textContent('pre'), '新春社区: 107 分 (pass)');
  });

  test('a valid file scores to the values the app shows for it', async () => {
    const { rows: table, totals } = await appTable(site, files);
    const byName = new Map(table.filter((r) => r[0] !== '').map((r) => [r[0], r]));

    const scored = await page.evaluate(
      (texts) =>
        texts.map(({ name, text }) => {
          const checked = window.starcheck.checkFile(text);
          const built = window.starcheck.scoreAssessment(JSON.parse(text));
          return { name, checked, built };
        }),
      files,
    );
    let compared = 0;
    for (const { name, checked, built } of scored) {
      if (name === CORRUPT) {
        assert.equal(checked.ok, false);
        assert.equal(checked.code, 'checksum_mismatch');
        continue;
      }
      assert.equal(checked.ok, true, `${name}: ${checked.message}`);
      assert.equal(built.ok, true, `${name}: ${built.message}`);
      assert.deepEqual(built.summary, checked.summary, name);
      assert.deepEqual(built.evaluation, checked.evaluation, name);

      const row = byName.get(checked.community.name);
      assert.ok(row, `the app shows ${checked.community.name}`);
      const { base, bonus, total } = checked.summary;
      assert.deepEqual(
        [shown(base), `${bonus.low}`, shown(total)],
        row.slice(1, 4),
        checked.community.name,
      );
      compared += 1;
    }
    assert.equal(compared, 19);

    // The same 20 files ranked by the module: the app's rows, in order.
    const ranking = await page.evaluate(
      (texts) => window.starcheck.rankCohort(texts.map(({ name, text }) => ({ file_name: name, text }))),
      files,
    );
    assert.equal(ranking.ok, true);
    const money = (m) =>
      `¥${Number(m.split('.')[0]).toLocaleString('en-US')}.${m.split('.')[1]}`;
    const rows = ranking.rows.map((r) => [
      r.community,
      r.base ? shown(r.base) : '—',
      r.bonus === null ? '—' : `${r.bonus}`,
      r.total ? shown(r.total) : '—',
      r.kind.kind === 'ranked' ? `${r.rank}` : r.kind.kind === 'empty_slot' ? `(${r.rank})` : '—',
      r.tier,
      r.extra.state === 'known' ? money(r.extra.amount) : r.extra.state === 'undetermined' ? '待定(同分)' : '—',
    ]);
    assert.deepEqual(rows, table);
    assert.deepEqual(
      ranking.refused.map((r) => [r.index, r.file_name, r.code]),
      [[files.findIndex((f) => f.name === CORRUPT), CORRUPT, 'checksum_mismatch']],
    );
    assert.deepEqual(
      {
        base: money(ranking.totals.base),
        extra: money(ranking.totals.extra),
        undetermined: money(ranking.totals.extra_undetermined),
        total: money(ranking.totals.total),
      },
      totals,
    );
    assert.deepEqual(
      [ranking.totals.communities, ranking.totals.ranked, ranking.totals.unranked],
      [19, 18, 1],
    );
  });

  test('malformed input returns an error object with a code and a message', async () => {
    const answers = await page.evaluate(() => {
      const { checkFile, scoreAssessment, rankCohort, exportFile, Cohort } = window.starcheck;
      const cyclic = { community: { district: '鲤城区', street: '开元街道', name: '新春社区' } };
      cyclic.self = cyclic;
      let deep = {};
      for (let level = 0; level < 500; level += 1) {
        deep = { facts: deep };
      }
      const calls = {
        wrongType: () => scoreAssessment({ community: 5, as_of: '2025-01-06' }),
        unknownMember: () =>
          scoreAssessment({
            community: { district: '鲤城区', street: '开元街道', nmae: '新春社区' },
            as_of: '2025-01-06',
          }),
        badDate: () =>
          scoreAssessment({
            community: { district: '鲤城区', street: '开元街道', name: '新春社区' },
            as_of: '2025-13-45',
          }),
        notAnObject: () => scoreAssessment('新春社区'),
        nothing: () => scoreAssessment(undefined),
        cyclic: () => scoreAssessment(cyclic),
        deep: () => scoreAssessment(deep),
        bigint: () => scoreAssessment({ as_of: 10n }),
        truncated: () => checkFile('{"schema_version": 1, "rubric": {'),
        notAFile: () => checkFile(42),
        emptyFile: () => checkFile(new Uint8Array(0)),
        badQuotas: () => rankCohort([], [2, -8, 10]),
        quotaCount: () => rankCohort([], [2, 8]),
        notAnArray: () => rankCohort('files'),
        exportBad: () => exportFile({ as_of: '2025-01-06' }),
        cohortAdd: () => new Cohort().add(Symbol('file')),
      };
      return Object.fromEntries(
        Object.entries(calls).map(([name, call]) => {
          try {
            return [name, call()];
          } catch (error) {
            return [name, { thrown: String(error) }];
          }
        }),
      );
    });

    const expected = {
      wrongType: ['wrong_type', 'community'],
      unknownMember: ['wrong_type', undefined],
      badDate: ['bad_date', 'as_of'],
      notAnObject: ['not_an_object', undefined],
      nothing: ['not_an_object', undefined],
      cyclic: ['unreadable_value', undefined],
      deep: ['unreadable_value', undefined],
      bigint: ['unreadable_value', undefined],
      truncated: ['truncated', undefined],
      notAFile: ['not_a_file', undefined],
      emptyFile: ['empty', undefined],
      badQuotas: ['bad_quotas', undefined],
      quotaCount: ['quota_count', undefined],
      notAnArray: ['not_a_file', undefined],
      exportBad: ['wrong_type', undefined],
      cohortAdd: ['unreadable_value', undefined],
    };
    for (const [name, [code, path]] of Object.entries(expected)) {
      const answer = answers[name];
      assert.equal(answer.thrown, undefined, `${name} threw: ${answer.thrown}`);
      assert.equal(answer.ok, false, name);
      assert.equal(answer.code, code, `${name}: ${answer.message}`);
      assert.match(answer.message, /^[a-z`]/, name);
      assert.ok(answer.message_zh.length > 0, name);
      if (path !== undefined) {
        assert.equal(answer.path, path, name);
      }
    }
    assert.match(answers.unknownMember.message, /unknown field `nmae`/);
  });

  test('an amount given as a JavaScript number is refused with a message', async () => {
    const text = files.find((f) => f.name.includes('新春社区')).text;
    const answers = await page.evaluate((text) => {
      const { scoreAssessment, rankCohort, exportFile } = window.starcheck;
      const spent = JSON.parse(text);
      spent.ledger.expenditures[1].amount = 30000;
      const planned = JSON.parse(text);
      planned.ledger.plan[0].planned = 0.1 + 0.2;
      const asString = JSON.parse(text);
      asString.ledger.expenditures[1].amount = '30000.00';
      return {
        spent: scoreAssessment(spent),
        planned: scoreAssessment(planned),
        exported: exportFile(spent),
        ranked: rankCohort([spent]),
        asString: scoreAssessment(asString).ok,
      };
    }, text);

    assert.deepEqual(
      [answers.spent.ok, answers.spent.code, answers.spent.path],
      [false, 'money_as_number', 'ledger.expenditures[1].amount'],
    );
    assert.equal(
      answers.spent.message,
      'amount at `ledger.expenditures[1].amount` is a javascript number (30000); ' +
        'give money as a string such as "30000.00"',
    );
    assert.match(answers.spent.message_zh, /金额须以字符串给出/);
    assert.equal(answers.planned.code, 'money_as_number');
    assert.equal(answers.planned.path, 'ledger.plan[0].planned');
    assert.match(answers.planned.message, /\(0\.30000000000000004\).*"0\.30"/);
    assert.equal(answers.exported.code, 'money_as_number');
    assert.deepEqual(
      answers.ranked.refused.map((r) => [r.code, r.path]),
      [['money_as_number', 'ledger.expenditures[1].amount']],
    );
    assert.equal(answers.asString, true);
  });

  test('objects come back with money as strings, and the rest of the API', async () => {
    const answer = await page.evaluate(() => {
      const { rubric, version, exportFile, checkFile, scoreAssessment } = window.starcheck;
      const built = {
        community: { district: '丰泽区', street: '东海街道', name: '示例社区' },
        as_of: '2025-01-06',
        ledger: {
          expenditures: [
            { date: '2024-11-02', purpose: 'facilities', amount: '65000.00', designated: true },
          ],
        },
      };
      const exported = exportFile(built);
      return {
        version: version(),
        tiers: rubric().tiers,
        scored: scoreAssessment(built),
        exported,
        again: checkFile(exported.text),
      };
    });
    assert.match(answer.version, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(
      answer.tiers.map((t) => [t.name, t.quota, t.extra]),
      [['五星', 2, '120000.00'], ['四星', 8, '20000.00'], ['三星', 10, '0.00']],
    );
    assert.equal(answer.scored.ok, true);
    assert.equal(answer.scored.evaluation.ledger.spent, '65000.00');
    assert.equal(answer.scored.summary.spending_line, '60000.00');
    assert.equal(answer.exported.file_name, '星级自评_丰泽区东海街道示例社区_2025-01-06.json');
    assert.equal(answer.again.ok, true);
    assert.deepEqual(answer.again.summary, answer.scored.summary);
  });

  test('the TypeScript declarations ship beside the module', async () => {
    const declarations = await readFile(join(DIST_DIR, 'js', 'starcheck.d.ts'), 'utf8');
    for (const line of [
      'export function checkFile(file: string | Uint8Array | ArrayBuffer): CheckedFile | StarcheckError;',
      'export function scoreAssessment(assessment: AssessmentInput): Scored | StarcheckError;',
      'export function rankCohort(entries: CohortEntry[], quotas?: number[] | null): Ranking | StarcheckError;',
      'export function rubric(): Rubric;',
      'export interface StarcheckError {',
      'export type Money = string;',
    ]) {
      assert.ok(declarations.includes(line), line);
    }
    assert.deepEqual(requestsLeaving(site.traffic.requests, site.server.origin), []);
    assert.deepEqual(site.traffic.pageErrors, []);
  });
});
