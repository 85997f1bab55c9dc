// The rubric page (#/rubric) of the built site, checked against the
// notice's own numbers as restated in RUBRIC.md: 13 scored items with
// their maxima adding up to 100, four categories of 35, 30, 20 and 15
// points, and a community picker listing exactly the 20 communities of
// Attachment 1, by district. The page is read through its stable
// attributes (data-item, data-max, data-category, data-field, data-community).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSite } from './support.mjs';

/** The maximum of items 1 to 13, in order. */
const ITEM_MAXIMA = [5, 10, 5, 5, 10, 5, 10, 15, 5, 5, 10, 10, 5];

const CATEGORY_TOTALS = {
  体制机制: 35,
  设施配套: 30,
  组织动员: 20,
  宣传工作: 15,
};

/** Attachment 1: district, then "街道 社区" in the notice's order. */
const COMMUNITIES = {
  鲤城区: [
    '开元街道 新春社区',
    '开元街道 梅峰社区',
    '鲤中街道 西郊社区',
    '海滨街道 笋浯社区',
    '临江街道 新桥社区',
    '江南街道 明光社区',
    '浮桥街道 金浦社区',
    '金龙街道 高山社区',
    '常泰街道 树兜社区',
  ],
  丰泽区: [
    '东海街道 海景社区',
    '华大街道 新铺社区',
    '东湖街道 铭湖社区',
    '东湖街道 圣湖社区',
    '丰泽街道 东美社区',
    '丰泽街道 霞淮社区',
    '清源街道 普明社区',
    '北峰街道 万科城社区',
    '城东街道 通海社区',
  ],
  洛江区: ['万安街道 万盛社区', '双阳街道 朝阳社区'],
};

const PICKER = 'select[data-field="community"]';

describe('the rubric page', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/rubric');
    await page.waitForSelector('[data-item]');
  });

  after(async () => {
    await site?.close();
  });

  test('shows items 1 to 13 with the official maxima, adding up to 100', async () => {
    const items = await page.$$eval('[data-item]', (cards) =>
      cards.map((card) => ({
        number: Number(card.dataset.item),
        max: Number(card.dataset.max),
      })),
    );

    assert.deepEqual(
      items.map((item) => item.number),
      ITEM_MAXIMA.map((_, index) => index + 1),
    );
    assert.deepEqual(
      items.map((item) => item.max),
      ITEM_MAXIMA,
    );
    assert.equal(
      items.reduce((sum, item) => sum + item.max, 0),
      100,
    );
  });

  test('groups the items in four categories of 35, 30, 20 and 15 points', async () => {
    const categories = await page.$$eval('[data-category]', (sections) =>
      Object.fromEntries(
        sections.map((section) => [
          section.dataset.category,
          [...section.querySelectorAll('[data-item]')].reduce(
            (sum, card) => sum + Number(card.dataset.max),
            0,
          ),
        ]),
      ),
    );

    assert.deepEqual(categories, CATEGORY_TOTALS);
  });

  test('the picker lists exactly the 20 communities of Attachment 1, by district', async () => {
    const groups = await page.$$eval(`${PICKER} optgroup`, (optgroups) =>
      Object.fromEntries(
        optgroups.map((group) => [
          group.label,
          [...group.querySelectorAll('option')].map((o) => o.textContent.trim()),
        ]),
      ),
    );
    assert.deepEqual(groups, COMMUNITIES);

    const values = await page.$$eval(`${PICKER} option[data-community]`, (options) =>
      options.map((option) => option.value),
    );
    assert.equal(values.length, 20);
    assert.equal(new Set(values).size, 20, `option values repeat: ${values}`);
  });

  test('a chosen community stays chosen; 其他社区 opens free entry', async () => {
    const second = await page
      .locator(`${PICKER} option[data-community]`)
      .nth(1)
      .getAttribute('value');
    await page.selectOption(PICKER, second);
    assert.equal(await page.inputValue(PICKER), second);

    const other = await page
      .locator(`${PICKER} option`, { hasText: '其他社区' })
      .getAttribute('value');
    await page.selectOption(PICKER, other);
    await page.waitForSelector('input[data-field="community.name"]');
    assert.equal(await page.inputValue(PICKER), other);
  });

  test('logs no errors and makes no failed request', () => {
    assert.deepEqual(site.traffic.failures, []);
    assert.deepEqual(site.traffic.consoleErrors, []);
    assert.deepEqual(site.traffic.pageErrors, []);
  });
});
