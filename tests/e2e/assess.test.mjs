// The self-assessment page (#/assess) of the built site, filled in as a
// user would (picking, clicking, typing) with worked examples A and B of
// RUBRIC.md, then read back through its stable attributes: item scores
// (data-score-item), deductions (data-deductions), the summary
// (data-summary="base" | "bonus" | "total" | "tier" | "gate-…").
//
// Item 2's supporting documents and both gates are read from the funding
// ledger (资金台账), which has its own page. The first two suites fill the
// assessment page only: item 2 is then a range and the gates are "not
// assessed". The last two fill the ledger page too (through its own
// data-field names, see ledger.test.mjs) and read back the exact totals:
// A base 100, total 107, passing; B item 2 = 0, base 70, failing the 75%
// gate at 59,999.99.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSite } from './support.mjs';

/** After the campaign's last month, as in the core's examples A and B. */
const AS_OF = '2025-01-06';

const field = (name) => `[data-field="${name}"]`;
const action = (name) => `[data-action="${name}"]`;

/** Answers a yes/no question (是 / 否) by clicking its radio button. */
async function answer(page, name, yes) {
  await page.check(`${field(name)}[value="${yes ? 'yes' : 'no'}"]`);
}

/** Types a whole number into a count field, key by key. */
async function typeCount(page, name, value) {
  const input = page.locator(field(name));
  await input.fill('');
  await input.pressSequentially(String(value));
}

/** Rates a graded (酌情) part as one expected value. */
async function rate(page, name, points) {
  await typeCount(page, `${name}.low`, points);
}

/** Adds dated meetings to item 5. */
async function addMeetings(page, dates) {
  for (const date of dates) {
    await page.fill(field('item5.meetings.new'), date);
    await page.click(action('item5.meetings.add'));
  }
}

/** Adds information reports to item 13: [month, sent date]. */
async function addReports(page, reports) {
  for (const [month, sent] of reports) {
    await page.selectOption(field('item13.reports.month'), month);
    await page.fill(field('item13.reports.sent'), sent);
    await page.click(action('item13.reports.add'));
  }
}

/** Adds one place to item 6 with its features and containers. */
async function addPlace(page, index, name, features, containers) {
  await page.click(action('item6.wrong_equipment.add'));
  const row = `item6.wrong_equipment.${index}`;
  await page.fill(field(`${row}.name`), name);
  for (const feature of features) {
    await page.check(`${field(`${row}.feature`)}[value="${feature}"]`);
  }
  for (const container of containers) {
    await page.check(`${field(`${row}.container`)}[value="${container}"]`);
  }
}

/** Ticks publicity media kinds of item 12. */
async function tickMedia(page, kinds) {
  for (const kind of kinds) {
    await page.check(`${field('item12.media_kinds')}[value="${kind}"]`);
  }
}

/**
 * Example A's facts, everything but the ledger: every requirement met,
 * every graded part rated full, 3 of 3 meetings and reports, bonus
 * 2 commendations + 3 media reports + 1 hosted meeting.
 */
async function fillExampleA(page) {
  await page.selectOption(field('community'), '1');
  await page.fill(field('as_of'), AS_OF);

  // 体制机制.
  await answer(page, 'item1.plan', true);
  await rate(page, 'item1.execution', 5);
  await answer(page, 'item2.funding_plan', true);
  await answer(page, 'item2.plan_carried_out', true);
  await rate(page, 'item3.layout', 5);
  await answer(page, 'item4.team', true);
  await answer(page, 'item4.liaison', true);
  await addMeetings(page, ['2024-10-15', '2024-11-14', '2024-12-12']);

  // 设施配套.
  await answer(page, 'item6.four_category_set', true);
  await addPlace(page, 0, '邻里中心一楼(共享厨房)', ['canteen'], [
    'recyclable',
    'hazardous',
    'kitchen',
    'residual',
  ]);
  await addPlace(page, 1, '快递驿站', ['parcel_lockers'], ['recyclable', 'residual']);
  await typeCount(page, 'item6.labels', 0);
  await typeCount(page, 'item6.containers', 0);
  await answer(page, 'item7.service_point', true);
  await answer(page, 'item7.duty_roster', true);
  await rate(page, 'item7.operation', 10);
  await answer(page, 'item8.science_base', true);
  await answer(page, 'item8.activities', true);
  await rate(page, 'item8.base_quality', 15);

  // 组织动员.
  await rate(page, 'item9.participation', 5);
  await answer(page, 'item10.feedback_system', true);
  await rate(page, 'item10.requests_resolved', 5);
  await answer(page, 'item11.volunteering', true);
  await rate(page, 'item11.activity_level', 10);

  // 宣传工作.
  await tickMedia(page, ['条幅', '标语', '宣传栏', '电子广告屏', '宣传海报']);
  await typeCount(page, 'item12.nonconforming', 0);
  await addReports(page, [
    ['2024-10', '2024-10-20'],
    ['2024-11', '2024-11-22'],
    ['2024-12', '2024-12-20'],
  ]);

  // 加分项.
  await typeCount(page, 'item14.commendations', 2);
  await typeCount(page, 'item14.media_reports', 3);
  await typeCount(page, 'item15.hosted_meetings', 1);
}

/**
 * Example B's facts, everything but the ledger: A's, with the funding
 * plan not carried out, one meeting in three months, two dirty containers
 * and one wrong label, two media kinds and one non-conforming poster, no
 * reports sent, no bonus.
 */
async function fillExampleB(page) {
  await page.selectOption(field('community'), '2');
  await page.fill(field('as_of'), AS_OF);

  await answer(page, 'item1.plan', true);
  await rate(page, 'item1.execution', 5);
  await answer(page, 'item2.funding_plan', true);
  await answer(page, 'item2.plan_carried_out', false);
  await rate(page, 'item3.layout', 5);
  await answer(page, 'item4.team', true);
  await answer(page, 'item4.liaison', true);
  await addMeetings(page, ['2024-10-15']);

  await answer(page, 'item6.four_category_set', true);
  await addPlace(page, 0, '邻里中心一楼(共享厨房)', ['canteen'], [
    'recyclable',
    'hazardous',
    'kitchen',
    'residual',
  ]);
  await typeCount(page, 'item6.labels', 1);
  await typeCount(page, 'item6.containers', 2);
  await answer(page, 'item7.service_point', true);
  await answer(page, 'item7.duty_roster', true);
  await rate(page, 'item7.operation', 10);
  await answer(page, 'item8.science_base', true);
  await answer(page, 'item8.activities', true);
  await rate(page, 'item8.base_quality', 15);

  await rate(page, 'item9.participation', 5);
  await answer(page, 'item10.feedback_system', true);
  await rate(page, 'item10.requests_resolved', 5);
  await answer(page, 'item11.volunteering', true);
  await rate(page, 'item11.activity_level', 10);

  await tickMedia(page, ['条幅', '宣传栏']);
  await typeCount(page, 'item12.nonconforming', 1);
  await page.click(action('item13.reports.none'));
}

/** Moves to another page through the tab bar, as a user would. */
async function goTo(page, name) {
  await page.click(`[data-nav="${name}"]`);
  await page.waitForSelector(`[data-page="${name}"]`);
}

/**
 * Adds one expenditure on the ledger page; `documents` lists those on file.
 * Field names are the ledger page's: data-field="ledger.<field>.<row>".
 */
async function addExpenditure(page, index, { date, purpose, description, amount, documents }) {
  const row = (name) => field(`ledger.${name}.${index}`);
  await page.click(action('ledger.expenditure.add'));
  await page.fill(row('date'), date);
  await page.selectOption(row('purpose'), purpose);
  await page.locator(row('description')).pressSequentially(description);
  await page.locator(row('amount')).fill('');
  await page.locator(row('amount')).pressSequentially(amount);
  for (const document of documents) {
    await page.check(row(document));
  }
}

const BOTH_DOCUMENTS = ['transfer_voucher', 'payment_voucher'];

/** Example A's ledger: 65,000.00 designated, every document on file. */
async function fillLedgerA(page) {
  await goTo(page, 'ledger');
  const entries = [
    ['2024-10-12', 'facilities', '购置分类桶及投放亭', '30000'],
    ['2024-11-05', 'science_base', '科普教育基地布展', '20000'],
    ['2024-11-20', 'publicity', '宣传栏及条幅制作', '8000'],
    ['2024-12-08', 'activities', '宣教活动物料', '7000'],
  ];
  for (const [index, [date, purpose, description, amount]] of entries.entries()) {
    await addExpenditure(page, index, { date, purpose, description, amount, documents: BOTH_DOCUMENTS });
  }
  await goTo(page, 'assess');
}

/** Example B's ledger: 59,999.99 designated, three documents missing. */
async function fillLedgerB(page) {
  await goTo(page, 'ledger');
  await addExpenditure(page, 0, {
    date: '2024-10-12',
    purpose: 'facilities',
    description: '购置分类桶',
    amount: '30000',
    documents: ['transfer_voucher'],
  });
  await addExpenditure(page, 1, {
    date: '2024-11-05',
    purpose: 'science_base',
    description: '科普教育基地布展',
    amount: '20000',
    documents: ['payment_voucher'],
  });
  await addExpenditure(page, 2, {
    date: '2024-12-08',
    purpose: 'publicity',
    description: '宣传物料',
    amount: '9999.99',
    documents: ['transfer_voucher'],
  });
  await goTo(page, 'assess');
}

const text = async (page, selector) =>
  ((await page.locator(selector).first().textContent()) ?? '').trim();

const score = (page, item) => text(page, `[data-score-item="${item}"]`);

/** The deduction reasons shown under an item. */
const deductions = async (page, item) =>
  (await page.locator(`[data-deductions="${item}"] li`).allTextContents()).map((t) =>
    t.trim(),
  );

describe('example A typed into the assessment page', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.waitForSelector('[data-app-ready="true"] [data-page="assess"]');
    await fillExampleA(page);
  });

  after(async () => {
    await site?.close();
  });

  test('every item but item 2 scores full, with no deduction', async () => {
    const maxima = { 1: 5, 3: 5, 4: 5, 5: 10, 6: 5, 7: 10, 8: 15, 9: 5, 10: 5, 11: 10, 12: 10, 13: 5 };
    for (const [item, max] of Object.entries(maxima)) {
      assert.equal(await score(page, item), String(max), `item ${item}`);
      assert.deepEqual(await deductions(page, item), [], `item ${item}`);
      assert.equal(await text(page, `[data-status-item="${item}"]`), '已评估', `item ${item}`);
    }
  });

  test('item 2 waits for the ledger: its documents are not yet known', async () => {
    assert.equal(await score(page, 2), '0–10');
    assert.equal(await text(page, '[data-status-item="2"]'), '部分填写');
  });

  test('bonus is 5 + 2: item 14 capped at 5 with 2 cut off, item 15 gives 2', async () => {
    assert.equal(await text(page, '[data-bonus-score="14"]'), '5');
    assert.match(await text(page, '[data-bonus-excess="14"]'), /合计7分,超出封顶2分不计/);
    assert.equal(await text(page, '[data-bonus-score="15"]'), '2');
    assert.equal(await text(page, '[data-summary="bonus"]'), '7');
  });

  test('summary: base 90–100 and total 97–107 until the ledger is filled', async () => {
    assert.equal(await text(page, '[data-summary="base"]'), '90–100');
    assert.equal(await text(page, '[data-summary="total"]'), '97–107');
  });

  test('every monthly duty is done', async () => {
    for (const item of [5, 13]) {
      const states = await page
        .locator(`[data-month-lines="${item}"] [data-month]`)
        .evaluateAll((lines) => lines.map((line) => line.getAttribute('data-state')));
      assert.deepEqual(states, ['done', 'done', 'done'], `item ${item}`);
    }
  });

  test('no reference entered: the tier says which rank each tier needs', async () => {
    const tier = await text(page, '[data-summary="tier"]');
    assert.match(tier, /暂无参考/);
    assert.match(tier, /五星/);
  });
});

describe('example B typed into the assessment page', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.waitForSelector('[data-app-ready="true"] [data-page="assess"]');
    await fillExampleB(page);
  });

  after(async () => {
    await site?.close();
  });

  test('item 5 = 10 − 4 = 6: November and December missing', async () => {
    assert.equal(await score(page, 5), '6');
    assert.deepEqual(await deductions(page, 5), [
      '11月未召开联席会 −2',
      '12月未召开联席会 −2',
    ]);
  });

  test('item 6 = max(0, 5 − 6) = 0: one wrong label, two dirty containers', async () => {
    assert.equal(await score(page, 6), '0');
    assert.deepEqual(await deductions(page, 6), [
      '生活垃圾四分类设施标识模糊不清、出现错误:发现1处 −2',
      '生活垃圾四分类收集容器外观不整洁、有残缺破损:发现2处 −4',
    ]);
  });

  test('item 12 = 10 − 4 − 2 = 4: two kinds short, one non-conforming', async () => {
    assert.equal(await score(page, 12), '4');
    assert.deepEqual(await deductions(page, 12), [
      '宣传媒介至少4种:现有2种,少2种 −4',
      '宣传内容(含分类标识)等不符合泉州市规范:发现1处 −2',
    ]);
  });

  test('item 13 = 0: no report sent in any month', async () => {
    assert.equal(await score(page, 13), '0');
    assert.deepEqual(await deductions(page, 13), [
      '10月、11月、12月均未报送信息,本项不得分',
    ]);
  });

  test('item 2: plan not carried out −8; documents still to come from the ledger', async () => {
    assert.equal(await score(page, 2), '0–2');
    assert.deepEqual(await deductions(page, 2), ['使用计划未落实 −8']);
  });

  test('summary: no bonus, base and total as the core adds them up', async () => {
    assert.equal(await text(page, '[data-summary="bonus"]'), '0');
    // 70 with the ledger's three missing documents (item 2 = 0); 70–72
    // while item 2's documents are unknown.
    assert.equal(await text(page, '[data-summary="base"]'), '70–72');
    assert.equal(await text(page, '[data-summary="total"]'), '70–72');
  });
});

/** The state (pass / fail / not-assessed) of a gate in the summary. */
const gateState = (page, gate) =>
  page.locator(`[data-summary="gate-${gate}"]`).getAttribute('data-state');

describe('example A on both pages: base 100, bonus 5 + 2, total 107', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.waitForSelector('[data-app-ready="true"] [data-page="assess"]');
    await fillExampleA(page);
    await fillLedgerA(page);
  });

  after(async () => {
    await site?.close();
  });

  test('item 2 = 10: plan carried out, every document on file', async () => {
    assert.equal(await score(page, 2), '10');
    assert.deepEqual(await deductions(page, 2), []);
  });

  test('base 100, bonus 7 (5 + 2), total 107', async () => {
    assert.equal(await text(page, '[data-summary="base"]'), '100');
    assert.equal(await text(page, '[data-bonus-score="14"]'), '5');
    assert.equal(await text(page, '[data-bonus-score="15"]'), '2');
    assert.equal(await text(page, '[data-summary="bonus"]'), '7');
    assert.equal(await text(page, '[data-summary="total"]'), '107');
  });

  test('spent 65,000.00: both gates pass, with the margin shown', async () => {
    assert.equal(await gateState(page, 'designated'), 'pass');
    assert.equal(await gateState(page, 'spending'), 'pass');
    assert.match(await text(page, '[data-summary="gate-spending"]'), /5,000\.00/);
  });
});

describe('example B on both pages: item 2 = 0, base 70, the 75% gate fails', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.waitForSelector('[data-app-ready="true"] [data-page="assess"]');
    await fillExampleB(page);
    await fillLedgerB(page);
  });

  after(async () => {
    await site?.close();
  });

  test('item 2 = max(0, 10 − 8 − 6) = 0: plan not carried out, three documents missing', async () => {
    assert.equal(await score(page, 2), '0');
    const reasons = await deductions(page, 2);
    assert.equal(reasons[0], '使用计划未落实 −8');
    assert.equal(reasons.length, 4, reasons.join(' | '));
    assert.equal(reasons.filter((r) => r.startsWith('缺')).length, 3, reasons.join(' | '));
  });

  test('items 5, 6, 12, 13 = 6, 0, 4, 0; base and total 70', async () => {
    assert.equal(await score(page, 5), '6');
    assert.equal(await score(page, 6), '0');
    assert.equal(await score(page, 12), '4');
    assert.equal(await score(page, 13), '0');
    assert.equal(await text(page, '[data-summary="base"]'), '70');
    assert.equal(await text(page, '[data-summary="total"]'), '70');
  });

  test('spent 59,999.99: the 75% gate fails one fen short, whatever the points', async () => {
    assert.equal(await gateState(page, 'spending'), 'fail');
    assert.match(await text(page, '[data-summary="gate-spending"]'), /0\.01/);
    assert.match(await text(page, '[data-summary="tier"]'), /不参与评星/);
  });
});

describe('a list answered "none at all", then cleared', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption('select[data-field="community"]', '1');
  });

  after(async () => {
    await site?.close();
  });

  const lists = [
    ['item5.meetings', '已填写:一次也未召开'],
    ['item13.reports', '已填写:一次也未报送'],
    ['item6.wrong_equipment', '已填写:没有需核对的场所'],
  ];

  for (const [list, answered] of lists) {
    test(`${list}: none is an answer of its own, clear takes it back`, async () => {
      const none = page.locator(action(`${list}.none`));
      assert.equal(await none.count(), 1);
      const status = page.locator(`[data-status="${list}"]`);
      assert.equal(await status.textContent(), '未填写');

      await none.click();
      await none.waitFor({ state: 'detached' });
      assert.equal(await status.textContent(), answered);

      await page.click(action(`${list}.clear`));
      await none.waitFor();
      assert.equal(await status.textContent(), '未填写');
    });
  }
});

describe('a meeting date entered twice', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption('select[data-field="community"]', '1');
  });

  after(async () => {
    await site?.close();
  });

  test('is listed once, and the second is refused in words', async () => {
    await addMeetings(page, ['2024-10-15', '2024-10-15']);
    const status = page.locator('[data-status="item5.meetings"]');
    assert.equal(await status.textContent(), '已填写 1 次');
    const said = page.locator('[data-rule="meetings"] .entry-add > .field-error');
    assert.equal(await said.textContent(), '这一天的会议已在列表中');

    // Another date goes in, and the refusal is gone.
    await addMeetings(page, ['2024-11-12']);
    assert.equal(await status.textContent(), '已填写 2 次');
    assert.equal(await said.textContent(), '');
  });
});

describe('a meeting dated outside the campaign', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption('select[data-field="community"]', '1');
  });

  after(async () => {
    await site?.close();
  });

  test('is kept, and its row says at once that it counts for no month', async () => {
    // Sorted by date: 2024-09-28 first, 2024-10-15 second.
    await addMeetings(page, ['2024-10-15', '2024-09-28']);
    const notes = page.locator('[data-rule="meetings"] [data-note="outside-campaign"]');
    assert.equal(await notes.count(), 1);
    assert.equal(await notes.first().textContent(), '这一天不在创建期(2024年10月至2024年12月)内,不计入任何月份');
    const rows = page.locator('[data-rule="meetings"] .entry-row');
    assert.equal(await rows.nth(0).locator('[data-note="outside-campaign"]').count(), 1);
    assert.equal(await rows.nth(1).locator('[data-note="outside-campaign"]').count(), 0);

    await page.click('[data-lang="en"]');
    assert.equal(
      await notes.first().textContent(),
      'This date is outside the campaign (October to December 2024) and counts for no month',
    );
    await page.click('[data-lang="zh-CN"]');
  });

  test('an assessment date after today is kept and said, and the note goes with it', async () => {
    const note = page.locator('[data-note="as-of-ahead"]');
    assert.equal(await note.count(), 0);
    await page.fill('[data-field="as_of"]', '2099-01-01');
    await page.locator('[data-field="as_of"]').press('Tab');
    assert.match(
      (await note.textContent()) ?? '',
      /^自评日期晚于今天\(\d{4}年\d{1,2}月\d{1,2}日\):这一天之前的会议和报送都按已发生计分。$/,
    );
    await page.fill('[data-field="as_of"]', '2024-11-30');
    await page.locator('[data-field="as_of"]').press('Tab');
    assert.equal(await note.count(), 0);
  });
});
