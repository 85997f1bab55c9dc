// Drafts in local storage, end to end in headless Chromium: a filled form
// survives a reload; a full or unavailable storage says "未保存" and offers
// export with nothing lost on screen; a damaged draft is offered for
// recovery and never written over; and of two tabs on one draft, the stale
// one stops autosaving and warns instead of overwriting newer work.
//
// The form is driven through its stable attributes (data-field); storage
// is read and damaged directly with page.evaluate.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { READY_SELECTOR, startSite } from './support.mjs';

const PICKER = 'select[data-field="community"]';
const LABELS = 'input[data-field="item6.labels"]';
const CONTAINERS = 'input[data-field="item6.containers"]';
const XINCHUN_KEY = 'starcheck.draft.鲤城区开元街道新春社区';

/** The stored drafts: key → { envelope, document } (or { raw } when damaged). */
async function storedDrafts(page) {
  return page.evaluate(() => {
    const drafts = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key.startsWith('starcheck.draft.')) continue;
      const raw = localStorage.getItem(key);
      try {
        const envelope = JSON.parse(raw);
        drafts[key] = { raw, envelope, document: JSON.parse(envelope.document) };
      } catch {
        drafts[key] = { raw };
      }
    }
    return drafts;
  });
}

/** Waits until the stored draft under `key` has item 6's `rule` count `count`. */
async function waitStoredCount(page, key, rule, count) {
  await page.waitForFunction(
    ({ key, rule, count }) => {
      try {
        const envelope = JSON.parse(localStorage.getItem(key));
        const document = JSON.parse(envelope.document);
        return document.facts?.['6']?.[rule]?.count === count;
      } catch {
        return false;
      }
    },
    { key, rule, count },
    { timeout: 10_000 },
  );
}

async function saveState(page) {
  return page.getAttribute('[data-save-status]', 'data-save-status');
}

async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector(READY_SELECTOR);
}

/** Picks 新春社区 and counts two wrong labels, then waits for the save. */
async function fillXinchun(page) {
  await page.selectOption(PICKER, '1');
  await page.fill(LABELS, '2');
  await waitStoredCount(page, XINCHUN_KEY, 'labels', 2);
  await page.waitForSelector('[data-save-status="saved"]');
}

describe('a draft survives a reload', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
  });

  after(async () => {
    await site?.close();
  });

  test('the header says nothing is saved before anything is entered', async () => {
    assert.equal(await saveState(page), 'idle');
  });

  test('a change shows 正在保存… and then 已保存 HH:MM', async () => {
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '2');
    await page.waitForSelector('[data-save-status="saving"]', { timeout: 2_000 }).catch(() => {});
    await waitStoredCount(page, XINCHUN_KEY, 'labels', 2);
    await page.waitForSelector('[data-save-status="saved"]');
    const text = await page.textContent('[data-save-text]');
    assert.match(text ?? '', /^已保存 \d{2}:\d{2}$/);
  });

  test('after a reload the same community and count are back', async () => {
    await reload(page);
    assert.equal(await page.inputValue(PICKER), '1');
    assert.equal(await page.inputValue(LABELS), '2');
    assert.equal(await saveState(page), 'saved');
  });

  test('the draft is stored as a versioned envelope with revision and tab', async () => {
    const drafts = await storedDrafts(page);
    const draft = drafts[XINCHUN_KEY];
    assert.ok(draft?.envelope, `no draft under ${XINCHUN_KEY}: ${Object.keys(drafts)}`);
    assert.equal(draft.envelope.format, 'starcheck-draft');
    assert.equal(draft.envelope.format_version, 1);
    assert.ok(draft.envelope.revision >= 1);
    assert.match(draft.envelope.tab, /^t-[0-9a-z]+$/);
    assert.equal(draft.document.schema_version, 1);
    assert.match(draft.document.checksum, /^[0-9a-f]{64}$/);

    const index = await page.evaluate(() => JSON.parse(localStorage.getItem('starcheck.drafts')));
    assert.equal(index.last_open, XINCHUN_KEY);
    assert.ok(index.drafts.some((line) => line.key === XINCHUN_KEY));
  });

  test('the drafts page lists it with community, date and saved time', async () => {
    await page.click('a[data-nav="drafts"]');
    const row = page.locator(`tr[data-draft="${XINCHUN_KEY}"]`);
    await row.waitFor();
    assert.equal(await row.locator('[data-draft-community]').textContent(), '鲤城区开元街道新春社区');
    assert.match((await row.locator('[data-draft-as-of]').textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.match((await row.locator('[data-draft-saved-at]').textContent()) ?? '', /\d{2}:\d{2}$/);
  });

  test('duplicate, rename and delete (with confirmation) work from the list', async () => {
    const row = page.locator(`tr[data-draft="${XINCHUN_KEY}"]`);
    await row.locator('[data-action="duplicate-draft"]').click();
    const copy = page.locator(`tr[data-draft="${XINCHUN_KEY}#副本"]`);
    await copy.waitFor();

    await copy.locator('[data-action="rename-draft"]').click();
    await copy.locator('input[data-field="draft-label"]').fill('第二版');
    await copy.locator('[data-action="save-rename"]').click();
    const renamed = page.locator(`tr[data-draft="${XINCHUN_KEY}#第二版"]`);
    await renamed.waitFor();
    assert.equal(await renamed.locator('[data-draft-label]').textContent(), '第二版');

    await renamed.locator('[data-action="delete-draft"]').click();
    assert.equal(await renamed.count(), 1, 'one click must not delete');
    await renamed.locator('[data-action="confirm-delete"]').click();
    await renamed.waitFor({ state: 'detached' });

    const keys = Object.keys(await storedDrafts(page));
    assert.deepEqual(keys, [XINCHUN_KEY]);

    // None of this changed which draft opens next time.
    await reload(page);
    await page.click('a[data-nav="assess"]');
    assert.equal(await page.inputValue(LABELS), '2');
  });
});

describe('a full storage', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, '1');
    await page.waitForSelector('[data-save-status="saved"]');
  });

  after(async () => {
    await site?.close();
  });

  test('an edit that cannot be stored shows 未保存, keeps the screen and offers export', async () => {
    // Fill local storage to the last character: halve the chunk until
    // even one character is refused. Bounded: about 10 MiB in all.
    const filled = await page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        const chunk = 'x'.repeat(size);
        for (let tries = 0; tries < 64; tries += 1) {
          try {
            localStorage.setItem(`fill-${n}`, chunk);
            n += 1;
          } catch {
            break;
          }
        }
      }
      return n;
    });
    assert.ok(filled > 0);

    await page.fill(LABELS, '3');
    await page.waitForSelector('[data-save-status="not-saved"]');
    const notice = page.locator('[data-notice="storage"]');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /浏览器存储不可用\/已满,当前内容未保存/);
    assert.equal(await page.textContent('[data-save-text]'), '未保存');

    // Nothing lost on screen, and nothing half-written in storage.
    assert.equal(await page.inputValue(LABELS), '3');
    assert.equal(await page.inputValue(PICKER), '1');
    const stored = (await storedDrafts(page))[XINCHUN_KEY];
    assert.equal(stored.document.facts?.['6']?.labels, undefined);

    // Export is offered right there, and works.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.locator('[data-action="export"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^星级自评_鲤城区开元街道新春社区_\d{4}-\d{2}-\d{2}\.json$/);
  });

  test('far down the page, 未保存 stays in view in the tab bar', async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const pinned = page.locator('[data-notice="unsaved-pinned"]');
    await pinned.waitFor();
    assert.match((await pinned.textContent()) ?? '', /^未保存浏览器存储不可用\/已满,当前内容未保存重试保存导出/);

    // In the viewport, not scrolled away with the header band.
    const box = await pinned.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, JSON.stringify(box));
    assert.equal(await page.locator('[data-notice="storage"]').isVisible(), true);
    assert.ok((await page.locator('[data-notice="storage"]').boundingBox()).y < 0);
  });

  test('once space is freed, 重试保存 stores what was typed meanwhile', async () => {
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('fill-')) localStorage.removeItem(key);
      }
    });
    await page.click('[data-notice="unsaved-pinned"] [data-action="retry-save"]');
    await waitStoredCount(page, XINCHUN_KEY, 'labels', 3);
    await page.waitForSelector('[data-save-status="saved"]');
    assert.equal(await page.locator('[data-notice="unsaved-pinned"]').count(), 0);
    assert.equal(await page.locator('[data-notice="storage"]').count(), 0);
  });

  test('and the next edit saves as usual', async () => {
    await page.fill(LABELS, '4');
    await waitStoredCount(page, XINCHUN_KEY, 'labels', 4);
    await page.waitForSelector('[data-save-status="saved"]');
    assert.equal(await page.locator('[data-notice="storage"]').count(), 0);
  });
});

describe('an unavailable storage', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    // As in a private mode or with storage disabled: reading
    // window.localStorage throws.
    await site.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('storage is disabled', 'SecurityError');
        },
      });
    });
    page = await site.open('#/assess');
  });

  after(async () => {
    await site?.close();
  });

  test('the page works, says 未保存 and offers export', async () => {
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '2');
    await page.waitForSelector('[data-save-status="not-saved"]');
    const notice = page.locator('[data-notice="storage"]');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /浏览器存储不可用\/已满,当前内容未保存/);
    assert.equal(await page.inputValue(LABELS), '2');
    assert.equal(await notice.locator('[data-action="export"]').count(), 1);
    assert.deepEqual(site.traffic.pageErrors, []);
  });
});

describe('a damaged draft', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await fillXinchun(page);
  });

  after(async () => {
    await site?.close();
  });

  test('garbage in storage: reload offers the raw text and never overwrites it', async () => {
    await page.evaluate((key) => localStorage.setItem(key, '{"垃圾": 这不是草稿'), XINCHUN_KEY);
    await reload(page);

    const notice = page.locator('[data-notice="recovery"]');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /有一份草稿无法读取/);
    assert.equal(await notice.locator('[data-action="download-raw"]').count(), 1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.locator('[data-action="download-raw"]').click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    assert.equal(await readFile(path, 'utf8'), '{"垃圾": 这不是草稿');

    // Picking the same community again must not write over the damaged
    // draft: the page says the key is taken and saves nothing there.
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '5');
    await page.locator('[data-notice="blocked"]').waitFor();
    assert.equal(await saveState(page), 'not-saved');
    const raw = await page.evaluate((key) => localStorage.getItem(key), XINCHUN_KEY);
    assert.equal(raw, '{"垃圾": 这不是草稿');
  });

  test('a tampered draft: what still reads is recovered into a new draft', async () => {
    // A hand edit inside the stored document breaks its checksum.
    await page.evaluate((key) => {
      const body = {
        format: 'starcheck-draft',
        format_version: 1,
        revision: 3,
        tab: 't-x',
        saved_at: '2024-11-10T14:32:00',
        label: '',
        document: JSON.stringify({
          schema_version: 1,
          rubric: { id: 'quanzhou-2024-batch3', version: 1 },
          app_version: '0.1.0',
          community: { district: '鲤城区', street: '开元街道', name: '新春社区' },
          as_of: '2024-11-10',
          facts: { 6: { labels: { count: 2 }, containers: { count: -1 } } },
          checksum: '0'.repeat(64),
        }),
      };
      localStorage.setItem(key, JSON.stringify(body));
      localStorage.setItem('starcheck.drafts', JSON.stringify({ format_version: 1, last_open: key, drafts: [] }));
    }, XINCHUN_KEY);
    const tampered = await page.evaluate((key) => localStorage.getItem(key), XINCHUN_KEY);
    await reload(page);

    const notice = page.locator('[data-notice="recovery"]');
    await notice.waitFor();
    // Said of a draft in storage, not of a file someone sent.
    const said = (await notice.textContent()) ?? '';
    assert.match(said, /草稿的校验码不符:它在浏览器存储中被改动过或已损坏/);
    assert.match((await notice.locator('[data-recoverable]').textContent()) ?? '', /鲤城区开元街道新春社区,1 项内容;1 项无法读取/);

    await notice.locator('[data-action="recover"]').click();
    await page.waitForSelector('[data-save-status="saved"]');
    assert.equal(await page.inputValue(PICKER), '1');
    assert.equal(await page.inputValue(LABELS), '2');

    const drafts = await storedDrafts(page);
    assert.equal(drafts[XINCHUN_KEY].raw, tampered, 'the damaged draft is untouched');
    assert.equal(drafts[`${XINCHUN_KEY}#恢复`].document.facts['6'].labels.count, 2);
  });
});

describe('two tabs on one draft', () => {
  let site;
  let first;
  let second;

  before(async () => {
    site = await startSite();
    first = await site.open('#/assess');
    await fillXinchun(first);
    second = await site.open('#/assess');
    assert.equal(await second.inputValue(LABELS), '2');
  });

  after(async () => {
    await site?.close();
  });

  test('the stale tab warns and stops autosaving when the other saves', async () => {
    await first.fill(LABELS, '3');
    await waitStoredCount(first, XINCHUN_KEY, 'labels', 3);

    const warning = second.locator('[data-notice="conflict"]');
    await warning.waitFor();
    assert.match((await warning.textContent()) ?? '', /此草稿已在另一个标签页中修改/);
    assert.equal(await saveState(second), 'not-saved');

    // An edit in the stale tab is kept on screen but not written.
    await second.fill(CONTAINERS, '1');
    await second.waitForTimeout(1_500);
    const stored = (await storedDrafts(second))[XINCHUN_KEY].document;
    assert.equal(stored.facts['6'].labels.count, 3);
    assert.equal(stored.facts['6'].containers, undefined);
    assert.equal(await second.inputValue(CONTAINERS), '1');
  });

  test('keeping this tab overwrites only on request, and warns the other', async () => {
    await second.locator('[data-action="keep-mine"]').click();
    await waitStoredCount(second, XINCHUN_KEY, 'containers', 1);
    await second.waitForSelector('[data-save-status="saved"]');
    assert.equal(await second.locator('[data-notice="conflict"]').count(), 0);

    await first.locator('[data-notice="conflict"]').waitFor();
  });

  test('loading the newer version replaces the stale tab\'s content', async () => {
    await first.locator('[data-action="load-theirs"]').click();
    assert.equal(await first.inputValue(CONTAINERS), '1');
    assert.equal(await first.inputValue(LABELS), '2');
    assert.equal(await saveState(first), 'saved');

    // Both tabs now agree; an edit in the first saves normally again.
    await first.fill(LABELS, '6');
    await waitStoredCount(first, XINCHUN_KEY, 'labels', 6);
    await second.locator('[data-notice="conflict"]').waitFor();
  });

  test('no page error in either tab', () => {
    assert.deepEqual(site.traffic.pageErrors, []);
  });
});
