// What the user typed, or meant not to count, is neither lost nor counted
// by accident. A refused entry in a money, count or graded field puts the
// model back to what the field held before the edit began, never a prefix
// typed on the way (`65000` erased, `8万`, `100.005`, `2.5`); and an edit
// made just before a reload is in the draft when the page comes back,
// although the autosave waits 0.8 s. Picking another community for a
// draft with answers asks before anything moves.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSite } from './support.mjs';

const field = (name) => `[data-field="${name}"]`;
const action = (name) => `[data-action="${name}"]`;
const PICKER = 'select[data-field="community"]';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const text = async (page, selector) =>
  ((await page.locator(selector).first().textContent()) ?? '').trim();

/** The error message a field points to, empty when there is none. */
async function message(page, name) {
  const input = page.locator(field(name));
  const id = await input.getAttribute('aria-describedby');
  return id ? text(page, `#${id}`) : '';
}

/** Answers a yes/no question (是 / 否) by clicking its radio button. */
async function answer(page, name, yes) {
  await page.check(`${field(name)}[value="${yes ? 'yes' : 'no'}"]`);
}

/** Leaves a field with Tab, the way an edit ends. */
async function leave(page, name) {
  await page.locator(field(name)).press('Tab');
}

describe('a refused money entry counts the amount from before the edit', () => {
  let site;
  let page;
  const amount = field('ledger.amount.0');
  const spent = () => text(page, '[data-ledger="spent"]');

  before(async () => {
    site = await startSite();
    page = await site.open('#/ledger');
    await page.waitForSelector('[data-page="ledger"]');
    await page.click(action('ledger.expenditure.add'));
  });
  after(() => site?.close());

  test('65000 erased key by key leaves no ¥6.00 counted', async () => {
    const input = page.locator(amount);
    await input.click();
    await input.pressSequentially('65000');
    assert.equal(await spent(), '¥65,000.00');
    for (let i = 0; i < 5; i += 1) {
      await input.press('Backspace');
    }
    assert.equal(await input.inputValue(), '');
    assert.equal(await spent(), '¥0.00');
    assert.match(await message(page, 'ledger.amount.0'), /仍按 ¥0\.00 计/);
  });

  test('a too-large amount replaced by a letter counts nothing', async () => {
    const input = page.locator(amount);
    await input.pressSequentially('99999999999');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await input.press('Control+A');
    await input.pressSequentially('a');
    assert.equal(await spent(), '¥0.00');
    assert.match(await message(page, 'ledger.amount.0'), /仍按 ¥0\.00 计/);
    assert.equal(
      await page.locator('[data-ledger="gate-spending"]').getAttribute('data-state'),
      'fail',
    );
  });

  test('100.005 over 20,000.10 passes 100.00 but keeps ¥20,000.10', async () => {
    const input = page.locator(amount);
    await input.fill('');
    await input.pressSequentially('20,000.10');
    await leave(page, 'ledger.amount.0');
    assert.equal(await spent(), '¥20,000.10');

    await input.click();
    await input.press('Control+A');
    await input.pressSequentially('100.005');
    assert.equal(await spent(), '¥20,000.10');
    assert.match(await message(page, 'ledger.amount.0'), /仍按 ¥20,000\.10 计/);
  });
});

describe('a refused count or graded end counts the value from before the edit', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, { index: 1 });
    await answer(page, 'item6.four_category_set', true);
    await answer(page, 'item1.plan', true);
  });
  after(() => site?.close());

  for (const typed of ['8万', '８,000', '100.005', '1,000']) {
    test(`${typed} in a count counts what was there before`, async () => {
      const name = 'item6.labels';
      const score = await text(page, '[data-score-item="6"]');
      const input = page.locator(field(name));
      await input.click();
      await input.pressSequentially(typed);
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.match(await message(page, name), /仍按未填写计分/);
      assert.equal(await text(page, '[data-score-item="6"]'), score);

      // Emptied, the count is unanswered again and nothing is refused.
      await input.fill('');
      await leave(page, name);
    });
  }

  test('8万 commendations give no bonus', async () => {
    const name = 'item14.commendations';
    const bonus = await text(page, '[data-summary="bonus"]');
    const input = page.locator(field(name));
    await input.click();
    await input.pressSequentially('8万');
    assert.match(await message(page, name), /仍按未填写计分/);
    assert.equal(await text(page, '[data-summary="bonus"]'), bonus);
    await input.fill('');
    await leave(page, name);
  });

  test('2.5 in a graded range puts both ends back', async () => {
    const score = await text(page, '[data-score-item="1"]');
    const low = page.locator(field('item1.execution.low'));
    await low.click();
    await low.pressSequentially('2.5');
    assert.match(await message(page, 'item1.execution.low'), /仍按未填写计分/);
    assert.equal(await text(page, '[data-score-item="1"]'), score);
    await leave(page, 'item1.execution.low');
    assert.equal(await page.inputValue(field('item1.execution.high')), '');

    // Over a settled value, the refusal goes back to that value.
    await low.fill('');
    await low.pressSequentially('3');
    await leave(page, 'item1.execution.low');
    const three = await text(page, '[data-score-item="1"]');
    await low.click();
    await low.press('Control+A');
    await low.pressSequentially('2.5');
    assert.match(await message(page, 'item1.execution.low'), /仍按 3 计分/);
    assert.equal(await text(page, '[data-score-item="1"]'), three);
  });

  test('99999 in a 0–5 part names the part\'s own maximum', async () => {
    const low = page.locator(field('item1.execution.low'));
    await low.fill('');
    await low.pressSequentially('99999');
    const said = await message(page, 'item1.execution.low');
    assert.match(said, /^不能超过 5/);
    assert.doesNotMatch(said, /999\)/);
    await low.fill('');
    await leave(page, 'item1.execution.low');
  });

  test('an end typed past the other moves it along, and says so', async () => {
    const low = page.locator(field('item1.execution.low'));
    const high = page.locator(field('item1.execution.high'));
    const note = page.locator('[data-rule="execution"] [data-note="range-moved"]');
    await high.fill('2');
    await leave(page, 'item1.execution.high');
    assert.equal(await note.count(), 0);

    await low.fill('4');
    await leave(page, 'item1.execution.low');
    assert.equal(await page.inputValue(field('item1.execution.high')), '4');
    assert.equal(await text(page, '[data-rule="execution"] [data-note="range-moved"]'), '最高不能低于最低,已一并改为 4');

    await high.fill('1');
    await leave(page, 'item1.execution.high');
    assert.equal(await page.inputValue(field('item1.execution.low')), '1');
    assert.equal(await text(page, '[data-rule="execution"] [data-note="range-moved"]'), '最低不能高于最高,已一并改为 1');

    // An edit that moves nothing takes the line away.
    await high.fill('3');
    await leave(page, 'item1.execution.high');
    assert.equal(await note.count(), 0);
    await page.click('[data-action="item1.execution.clear"]');
  });
});

describe('an edit just before a reload is in the draft', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, { index: 1 });
    await answer(page, 'item1.plan', true);
    await sleep(1500);
  });
  after(() => site?.close());

  for (const [wait, typed] of [
    [0, '2'],
    [300, '4'],
  ]) {
    test(`typed, then reloaded after ${wait} ms: ${typed} is back`, async () => {
      const low = page.locator(field('item1.execution.low'));
      await low.fill('');
      await low.pressSequentially(typed);
      await sleep(wait);
      await page.reload();
      await page.waitForSelector('[data-app-ready="true"]');
      assert.equal(await page.inputValue(field('item1.execution.low')), typed);
    });
  }
});

describe('picking another community for a draft with answers asks first', () => {
  let site;
  let page;
  const XIJIAO = '3';
  const SUNWU = '4';

  /** The stored drafts' keys that name `name`. */
  const keysNaming = (name) =>
    page.evaluate(
      (name) => Object.keys(localStorage).filter((k) => k.startsWith('starcheck.draft') && k.includes(name)),
      name,
    );

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, XIJIAO);
    await answer(page, 'item1.plan', true);
    await sleep(1500);
  });
  after(() => site?.close());

  test('the question names the community; cancel keeps everything', async () => {
    await page.selectOption(PICKER, SUNWU);
    const question = page.locator('[data-community-switch]');
    await question.waitFor();
    assert.match(await question.textContent(), /为笋浯社区新建草稿/);
    assert.match(await question.textContent(), /把当前草稿改为笋浯社区/);
    assert.equal(await page.inputValue(PICKER), XIJIAO);
    await page.click(action('community.switch.cancel'));
    assert.equal(await question.count(), 0);
    assert.equal(await page.inputValue(PICKER), XIJIAO);
    assert.equal((await keysNaming('西郊社区')).length, 1);
  });

  test('a new draft for 笋浯 leaves 西郊 saved with its answers', async () => {
    await page.selectOption(PICKER, SUNWU);
    await page.click(action('community.switch.new'));
    assert.equal(await page.inputValue(PICKER), SUNWU);
    assert.equal(await page.isChecked(`${field('item1.plan')}[value="yes"]`), false);
    assert.match(await text(page, '[data-community-note]'), /笋浯社区新建草稿/);
    await sleep(1500);
    assert.equal((await keysNaming('西郊社区')).length, 1);
    assert.equal((await keysNaming('笋浯社区')).length, 1);
  });

  test('back to 西郊 without answers opens its draft', async () => {
    await page.selectOption(PICKER, XIJIAO);
    assert.equal(await page.isChecked(`${field('item1.plan')}[value="yes"]`), true);
    assert.match(await text(page, '[data-community-note]'), /已打开西郊社区已有的草稿/);
  });

  test('renaming onto a community with a draft is refused', async () => {
    await page.selectOption(PICKER, SUNWU);
    await page.click(action('community.switch.rename'));
    assert.match(await text(page, '[data-community-note]'), /笋浯社区已有草稿/);
    assert.equal(await page.inputValue(PICKER), XIJIAO);
    assert.equal(await page.isChecked(`${field('item1.plan')}[value="yes"]`), true);
    await sleep(1200);
    assert.equal((await keysNaming('西郊社区')).length, 1);
  });

  test('"其他社区" asks too, and a new draft for it leaves 西郊 as it was', async () => {
    await page.selectOption(PICKER, 'other');
    const question = page.locator('[data-community-switch]');
    await question.waitFor();
    assert.match(await question.textContent(), /为其他社区新建草稿/);
    assert.equal(await page.inputValue(PICKER), XIJIAO);
    assert.equal(await page.locator(field('community.name')).count(), 0);

    await page.click(action('community.switch.new'));
    assert.equal(await page.inputValue(PICKER), 'other');
    assert.match(await text(page, '[data-community-note]'), /已新建空白草稿/);
    assert.equal(await page.isChecked(`${field('item1.plan')}[value="yes"]`), false);
    await page.fill(field('community.name'), '某某社区');
    await page.locator(field('community.name')).blur();
    await sleep(1500);

    // 西郊's draft is still stored, under its own name, with its answer.
    const [key] = await keysNaming('西郊社区');
    assert.ok(key, 'the draft of 西郊社区 is kept');
    const stored = await page.evaluate((key) => localStorage.getItem(key), key);
    const draft = JSON.parse(JSON.parse(stored).document);
    assert.equal(draft.community.name, '西郊社区');
    assert.deepEqual(draft.facts['1'].plan, { yes_no: true });
  });
});
