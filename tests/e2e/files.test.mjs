// Export and import of assessment files, end to end in headless Chromium:
// the export downloads under `星级自评_<community>_<date>.json` and its
// checksum verifies the way a district office would check it (sorted-key
// canonical JSON, SHA-256); re-importing it shows what the file holds and
// what would change, and replaces nothing until confirmed; a corrupted,
// truncated, non-JSON, future-version or oversized copy is refused with the
// Chinese message and the current content untouched; a UTF-8 BOM and a
// GBK re-save are read.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { checksumOf, startSite } from './support.mjs';

const PICKER = 'select[data-field="community"]';
const LABELS = 'input[data-field="item6.labels"]';
const XINCHUN_KEY = 'starcheck.draft.鲤城区开元街道新春社区';

/** `text` encoded as GBK, through a table built from Node's GBK decoder. */
function encodeGbk(text) {
  const table = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // Not a GBK pair.
      }
    }
  }
  const bytes = [];
  for (const char of text) {
    const code = char.codePointAt(0);
    if (code < 0x80) {
      bytes.push(code);
    } else {
      const pair = table.get(char);
      assert.ok(pair, `no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** Clicks export on the drafts page; returns { name, text }. */
async function exportFile(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-drafts-current] [data-action="export"]').click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text };
}

/** Chooses a file for import. */
async function choose(page, name, buffer) {
  await page.setInputFiles('input[data-action="import-file"]', {
    name,
    mimeType: 'application/json',
    buffer,
  });
}

/** Waits for the import refusal `code`; returns its text. */
async function refusal(page, code) {
  const error = page.locator(`[data-import-error="${code}"]`);
  try {
    await error.waitFor({ timeout: 10_000 });
  } catch {
    const shown = await page.locator('[data-component="import-panel"]').textContent();
    assert.fail(`expected the refusal \`${code}\`, the panel shows: ${shown}`);
  }
  return (await error.textContent()) ?? '';
}

/** The labels count on the assessment page, seen through the tabs. */
async function labelsOnAssessPage(page) {
  await page.click('a[data-nav="assess"]');
  const value = await page.inputValue(LABELS);
  await page.click('a[data-nav="drafts"]');
  return value;
}

describe('export and re-import', () => {
  let site;
  let page;
  let exported;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '2');
    await page.waitForSelector('[data-save-status="saved"]');
    await page.click('a[data-nav="drafts"]');
    await page.waitForSelector('[data-page="drafts"]');
  });

  after(async () => {
    await site?.close();
  });

  test('the export is named after the community and date, and verifies', async () => {
    exported = await exportFile(page);
    assert.match(exported.name, /^星级自评_鲤城区开元街道新春社区_\d{4}-\d{2}-\d{2}\.json$/);

    const document = JSON.parse(exported.text);
    assert.equal(document.schema_version, 1);
    assert.deepEqual(document.rubric, { id: 'quanzhou-2024-batch3', version: 1 });
    assert.equal(document.community.name, '新春社区');
    assert.equal(document.facts['6'].labels.count, 2);
    assert.match(document.exported_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    assert.ok(document.summary.total);
    assert.equal(checksumOf(document), document.checksum);
  });

  test('importing shows what the file holds and what would change, then waits', async () => {
    // Change the current content, so the file differs from it.
    await page.click('a[data-nav="assess"]');
    await page.fill(LABELS, '5');
    await page.waitForSelector('[data-save-status="saved"]');
    await page.click('a[data-nav="drafts"]');

    await choose(page, exported.name, Buffer.from(exported.text, 'utf8'));
    const preview = page.locator('[data-import-preview]');
    await preview.waitFor();
    assert.equal(await preview.locator('[data-preview-community]').textContent(), '鲤城区开元街道新春社区');
    assert.match((await preview.locator('[data-preview-as-of]').textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.match((await preview.locator('[data-preview-total]').textContent()) ?? '', /分/);
    assert.match((await preview.locator('[data-preview-changes]').textContent()) ?? '', /第6项/);

    // Nothing is replaced before the confirmation.
    assert.equal(await labelsOnAssessPage(page), '5');
  });

  test('confirming replaces the content, which is then saved', async () => {
    await choose(page, exported.name, Buffer.from(exported.text, 'utf8'));
    await page.locator('[data-action="confirm-import"]').click();
    await page.locator('[data-import-done]').waitFor();
    await page.waitForFunction(
      (key) => JSON.parse(JSON.parse(localStorage.getItem(key)).document).facts['6'].labels.count === 2,
      XINCHUN_KEY,
    );
    assert.equal(await labelsOnAssessPage(page), '2');
  });

  test('export, import, export gives the same content', async () => {
    const again = await exportFile(page);
    const first = JSON.parse(exported.text);
    const second = JSON.parse(again.text);
    // Only the export's own time stamp may differ.
    delete first.exported_at;
    delete first.checksum;
    delete second.exported_at;
    delete second.checksum;
    assert.deepEqual(second, first);
  });

  test('a UTF-8 file with a byte-order mark is read', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exported.text, 'utf8')]);
    await choose(page, 'bom.json', bom);
    await page.locator('[data-import-preview]').waitFor();
    await page.locator('[data-action="cancel-import"]').click();
  });

  test('a GBK re-save is read as GB18030 and says so', async () => {
    await choose(page, 'gbk.json', encodeGbk(exported.text));
    const preview = page.locator('[data-import-preview]');
    await preview.waitFor();
    assert.equal(await preview.locator('[data-preview-community]').textContent(), '鲤城区开元街道新春社区');
    assert.match((await preview.textContent()) ?? '', /已按 GB18030 读取/);
    await page.locator('[data-action="cancel-import"]').click();
  });
});

describe('a file for another community', () => {
  let site;
  let page;
  let xinchun;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '2');
    await page.waitForSelector('[data-save-status="saved"]');
    await page.click('a[data-nav="drafts"]');
    xinchun = (await exportFile(page)).text;
  });

  after(async () => {
    await site?.close();
  });

  test('goes to a new draft of its own, leaving the open draft as it is', async () => {
    const meifeng = JSON.parse(xinchun);
    meifeng.community.name = '梅峰社区';
    meifeng.facts['6'].labels.count = 7;
    meifeng.checksum = checksumOf(meifeng);
    await choose(page, 'meifeng.json', Buffer.from(JSON.stringify(meifeng), 'utf8'));

    const target = page.locator('[data-preview-target]');
    await target.waitFor();
    assert.equal(
      await target.textContent(),
      '将新建“鲤城区开元街道梅峰社区”的草稿;当前草稿“鲤城区开元街道新春社区”保留不变',
    );
    await page.locator('[data-action="confirm-import"]').click();
    const meifengKey = 'starcheck.draft.鲤城区开元街道梅峰社区';
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, meifengKey);

    const stored = await page.evaluate((keys) => keys.map((key) => {
      const envelope = JSON.parse(localStorage.getItem(key));
      return JSON.parse(envelope.document).facts['6'].labels.count;
    }), [XINCHUN_KEY, meifengKey]);
    assert.deepEqual(stored, [2, 7]);
    assert.equal(await labelsOnAssessPage(page), '7');
  });

  test('a file for a community with a draft replaces that draft, as the preview says', async () => {
    await choose(page, 'xinchun.json', Buffer.from(xinchun, 'utf8'));
    const target = page.locator('[data-preview-target]');
    await target.waitFor();
    assert.equal(
      await target.textContent(),
      '将替换“鲤城区开元街道新春社区”已有草稿的内容;当前草稿“鲤城区开元街道梅峰社区”保留不变',
    );
    assert.match((await page.locator('[data-preview-changes]').textContent()) ?? '', /与当前内容完全相同/);
    await page.locator('[data-action="confirm-import"]').click();
    await page.locator('[data-import-done]').waitFor();
    assert.equal(await labelsOnAssessPage(page), '2');
    await page.click('a[data-nav="assess"]');
    assert.equal(await page.inputValue(PICKER), '1');
    await page.waitForSelector('[data-save-status="saved"]');
    assert.equal(await page.locator('[data-notice="blocked"]').count(), 0);
  });
});

describe('refused files leave everything as it was', () => {
  let site;
  let page;
  let text;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, '1');
    await page.fill(LABELS, '2');
    await page.waitForSelector('[data-save-status="saved"]');
    await page.click('a[data-nav="drafts"]');
    text = (await exportFile(page)).text;
  });

  after(async () => {
    await site?.close();
  });

  /** A copy of the export with its content changed and resealed. */
  function resealed(edit) {
    const document = JSON.parse(text);
    edit(document);
    document.checksum = checksumOf(document);
    return Buffer.from(JSON.stringify(document, null, 2), 'utf8');
  }

  const cases = [
    {
      name: 'a corrupted copy (one digit changed)',
      bytes: () => Buffer.from(text.replace('"count": 2', '"count": 0'), 'utf8'),
      code: 'checksum_mismatch',
      message: /文件校验码不符:文件在导出后被改动过或已损坏/,
    },
    {
      name: 'a truncated copy',
      bytes: () => Buffer.from(text.slice(0, Math.floor(text.length / 2)), 'utf8'),
      code: 'truncated',
      message: /文件不完整,在第 \d+ 行第 \d+ 列意外结束/,
    },
    {
      name: 'a file that is not JSON',
      bytes: () => Buffer.from('社区,得分\n新春社区,100\n', 'utf8'),
      code: 'not_json',
      message: /文件不是有效的 JSON/,
    },
    {
      name: 'a file from a future version',
      bytes: () => resealed((d) => { d.schema_version = 99; }),
      code: 'future_schema_version',
      message: /文件是第 99 版格式,比本程序能读取的版本\(第 1 版\)新/,
    },
    {
      name: 'a negative count',
      bytes: () => resealed((d) => { d.facts['6'].labels.count = -1; }),
      code: 'negative_number',
      message: /文件中第6项的数量是负数\(-1\)/,
    },
    {
      name: 'a wrong type',
      bytes: () => resealed((d) => { d.as_of = 20241110; }),
      code: 'wrong_type',
      message: /文件中自评日期的内容不符合格式/,
    },
    {
      name: 'a date that does not exist',
      bytes: () => resealed((d) => { d.as_of = '2024-02-30'; }),
      code: 'bad_date',
      message: /^(?![\s\S]*(?:parsed|invalid|parameter))[\s\S]*文件中自评日期“2024-02-30”不是有效的日期/,
    },
    {
      name: 'an oversized file',
      bytes: () => Buffer.alloc(2 * 1024 * 1024 + 1, 0x20),
      code: 'too_large',
      message: /超过 2 MiB 的上限/,
    },
    {
      name: 'a picture renamed .json',
      bytes: () => Buffer.concat([
        Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
        Buffer.alloc(100),
      ]),
      code: 'binary',
      message: /^(?![\s\S]*GBK)[\s\S]*这不是 StarCheck 导出的 JSON 文件\(看起来是 PNG 图片\)/,
    },
    {
      name: 'a file that is neither UTF-8 nor GB18030 text',
      bytes: () => Buffer.from([0x7b, 0xff, 0xff, 0xff, 0x7d]),
      code: 'not_utf8',
      message: /文件不是 UTF-8 编码/,
    },
  ];

  for (const { name, bytes, code, message } of cases) {
    test(`${name} is refused with its message`, async () => {
      const before = await page.evaluate((key) => localStorage.getItem(key), XINCHUN_KEY);
      await choose(page, 'copy.json', bytes());
      const shown = await refusal(page, code);
      assert.match(shown, message);
      assert.match(shown, /当前内容未作任何改动/);
      assert.equal(await page.locator('[data-action="confirm-import"]').count(), 0);
      const after = await page.evaluate((key) => localStorage.getItem(key), XINCHUN_KEY);
      assert.equal(after, before);
    });
  }

  test('an oversized file is refused by its size, before it is read', async () => {
    const before = await page.evaluate(() => {
      const read = Blob.prototype.arrayBuffer;
      window.starcheckReads = 0;
      Blob.prototype.arrayBuffer = function arrayBuffer() {
        window.starcheckReads += 1;
        return read.call(this);
      };
      window.starcheckRestore = () => { Blob.prototype.arrayBuffer = read; };
      return localStorage.length;
    });
    await choose(page, 'huge.json', Buffer.alloc(3 * 1024 * 1024, 0x20));
    const shown = await refusal(page, 'too_large');
    const reads = await page.evaluate(() => {
      window.starcheckRestore();
      return window.starcheckReads;
    });
    assert.match(shown, /文件过大\(3 MiB\),超过 2 MiB 的上限/);
    assert.equal(reads, 0, 'the file was read before its size was checked');
    assert.equal(await page.evaluate(() => localStorage.length), before);
  });

  test('doubtful values are shown as warnings in the preview, not passed over', async () => {
    const cases = [
      [{ low: 4, high: 2 }, '文件中第1项的预估区间 4–2 无效(下限高于上限),按未评估计'],
      [{ low: 50, high: 99 }, '文件中第1项的预估区间(最高 99 分)超过本项满分 5 分,按未评估计'],
    ];
    for (const [range, warning] of cases) {
      const bytes = resealed((d) => { d.facts['1'] = { execution: { range } }; });
      await choose(page, 'doubtful.json', bytes);
      await page.waitForSelector('[data-import-preview]', { timeout: 10_000 });
      const notes = await page.locator('.import-notes li').allTextContents();
      assert.ok(notes.includes(warning), notes.join('\n'));
      await page.click('[data-action="cancel-import"]');
      await page.waitForSelector('[data-import-preview]', { state: 'detached' });
    }
  });

  test('no page error', () => {
    assert.deepEqual(site.traffic.pageErrors, [], site.traffic.consoleErrors.join('\n'));
  });
});
