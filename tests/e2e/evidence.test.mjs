// Evidence kept with each item, and the inspection pack (issue 11), in the
// built site: a photo and a PDF attached to item 5's October meeting
// survive a reload; the pack exported from the drafts page holds the
// assessment, an index naming both files under item 5 and the files in
// item folders; a fresh browser profile imports the pack and gets the same
// draft and files; with the site's quota made tiny (CDP
// Storage.overrideQuotaForOrigin) a new file is refused with a clear
// message and nothing earlier is lost; the report's materials checklist
// follows the marks. In English the material names are English (the
// notice's own words, such as 创建方案, stay Chinese with a gloss), and
// an oversize file, a full storage and a damaged pack are refused in
// English sentences.
//
// Stable hooks: data-evidence="<field>" around each holder's proof,
// data-action="<field>.attach" (the file input), data-field=
// "<field>.material" and "<field>.mark.<material>", data-attachment=<name>,
// data-attach-done / data-attach-error=<code>, data-action="export-pack".
// The pack is unzipped with `python3 -m zipfile`.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { addOctoberMeeting, OCTOBER_MEETING, READY_SELECTOR, startSite } from './support.mjs';

const field = (name) => `[data-field="${name}"]`;
const action = (name) => `[data-action="${name}"]`;
const MEETING = OCTOBER_MEETING;
const PICKER = 'select[data-field="community"]';
const KEY = 'starcheck.draft.鲤城区开元街道新春社区';

// A small PDF: its bytes are compared exactly after every round trip.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** A noisy 2400×1600 PNG drawn by the page itself (a phone-sized photo). */
async function photo(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1600;
    const context = canvas.getContext('2d');
    const image = context.createImageData(2400, 1600);
    for (let i = 0; i < image.data.length; i += 4) {
      image.data[i] = (i * 7) % 251;
      image.data[i + 1] = (i * 13) % 241;
      image.data[i + 2] = ((i >> 8) * 3) % 239;
      image.data[i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector(READY_SELECTOR);
}

/** Waits until the stored draft lists `count` files on the first meeting. */
async function waitStoredFiles(page, count) {
  await page.waitForFunction(
    ({ key, count }) => {
      try {
        const envelope = JSON.parse(localStorage.getItem(key));
        const document = JSON.parse(envelope.document);
        const meeting = document.facts['5'].meetings.meetings[0];
        return (meeting.evidence?.files?.length ?? 0) === count;
      } catch {
        return false;
      }
    },
    { key: KEY, count },
    { timeout: 15_000 },
  );
}

/** Attaches `files` to the October meeting under `material`. */
async function attach(page, material, files) {
  const block = page.locator(`[data-evidence="${MEETING}"]`);
  await block.locator(field(`${MEETING}.material`)).selectOption(material);
  await block.locator(action(`${MEETING}.attach`)).setInputFiles(files);
  return block;
}

/** The names attached to the October meeting, as listed. */
async function listed(page) {
  const items = page.locator(`[data-evidence="${MEETING}"] [data-attachment]`);
  return (await items.evaluateAll((els) => els.map((e) => e.dataset.attachment))).sort();
}

/** Opens an attachment from the list and returns its downloaded bytes. */
async function openAttachment(page, name) {
  const item = page.locator(`[data-evidence="${MEETING}"] [data-attachment="${name}"]`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    item.locator(action('attachment.open')).click(),
  ]);
  return readFile(await download.path());
}

/** Unzips a pack into a new folder; returns the folder. */
async function unzip(path) {
  const folder = await mkdtemp(join(tmpdir(), 'starcheck-pack-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', path, folder]);
  return folder;
}

/** Every file under `folder`, as paths relative to it. */
async function walk(folder, prefix = '') {
  const out = [];
  for (const entry of await readdir(join(folder, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(folder, path)));
    else out.push(path);
  }
  return out.sort();
}

describe('files on the October meeting, the pack, and a fresh profile', () => {
  let site;
  let page;
  let packPath;
  let packFolder;
  let storedPhoto;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await addOctoberMeeting(page);
  });

  after(async () => {
    await site?.close();
    if (packFolder) await rm(packFolder, { recursive: true, force: true });
  });

  test('a photo (shrunk) and a PDF attach to the meeting and survive a reload', async () => {
    const png = await photo(page);
    const block = await attach(page, '签到表', [
      { name: '10月签到表.png', mimeType: 'image/png', buffer: png },
    ]);
    const done = block.locator('[data-attach-done]');
    await done.waitFor({ timeout: 20_000 });
    const text = await done.textContent();
    assert.match(text, /10月签到表\.png.原图 [\d.]+ (KiB|MiB).压缩后 [\d.]+ (KiB|MiB)/);

    await attach(page, '会议记录', [
      { name: '10月联席会会议记录.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await page.waitForFunction(
      (selector) => document.querySelectorAll(selector).length === 2,
      `[data-evidence="${MEETING}"] [data-attachment]`,
    );
    await waitStoredFiles(page, 2);

    // Both materials of the meeting read ready from the files alone.
    for (const material of ['会议记录', '签到表']) {
      const mark = block.locator(`[data-material="${material}"]`);
      assert.equal(await mark.getAttribute('data-ready'), 'ready', material);
    }

    await reload(page);
    assert.deepEqual(await listed(page), ['10月签到表.png', '10月联席会会议记录.pdf']);
    assert.deepEqual(await openAttachment(page, '10月联席会会议记录.pdf'), PDF);
    storedPhoto = await openAttachment(page, '10月签到表.png');
    assert.ok(storedPhoto.length < png.length, `${storedPhoto.length} < ${png.length}`);
    assert.deepEqual([...storedPhoto.subarray(0, 3)], [0xff, 0xd8, 0xff], 'stored as JPEG');
  });

  test('the pack holds the assessment, the index and the files under item 5', async () => {
    await page.goto(`${site.server.url}#/drafts`);
    await page.waitForSelector('[data-page="drafts"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(action('export-pack')),
    ]);
    assert.match(download.suggestedFilename(), /^迎检材料包_鲤城区开元街道新春社区_2024-11-30\.zip$/);
    packPath = join(await mkdtemp(join(tmpdir(), 'starcheck-zip-')), 'pack.zip');
    await download.saveAs(packPath);
    packFolder = await unzip(packPath);

    const files = await walk(packFolder);
    assert.ok(files.includes('index.html'));
    assert.ok(files.includes('assessment.json'));
    assert.ok(files.includes('manifest.json'));
    const folder = '05-垃圾分类工作联席会/联席会_2024-10-15';
    assert.ok(files.includes(`${folder}/签到表-10月签到表.png`), files.join('\n'));
    assert.ok(files.includes(`${folder}/会议记录-10月联席会会议记录.pdf`), files.join('\n'));
    assert.deepEqual(await readFile(join(packFolder, folder, '会议记录-10月联席会会议记录.pdf')), PDF);
    assert.deepEqual(await readFile(join(packFolder, folder, '签到表-10月签到表.png')), storedPhoto);

    // The index names both files in item 5's section, linked.
    const html = await readFile(join(packFolder, 'index.html'), 'utf8');
    const item5 = html.split('data-item="5"')[1].split('</section>')[0];
    assert.match(item5, /第5项 垃圾分类工作联席会/);
    assert.match(item5, /10月签到表\.png/);
    assert.match(item5, /10月联席会会议记录\.pdf/);
    assert.match(item5, /得分/);
    assert.ok(!html.includes('<script'), 'no scripts in the index');

    // The assessment file lists names, sizes and checksums, not contents.
    const json = JSON.parse(await readFile(join(packFolder, 'assessment.json'), 'utf8'));
    const meeting = json.facts['5'].meetings.meetings[0];
    const names = meeting.evidence.files.map((f) => f.name).sort();
    assert.deepEqual(names, ['10月签到表.png', '10月联席会会议记录.pdf']);
    const pdf = meeting.evidence.files.find((f) => f.name.endsWith('.pdf'));
    assert.equal(pdf.size, PDF.length);
    assert.equal(pdf.sha256, sha(PDF));
  });

  test('the plain JSON export lists the files but stays small', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(action('export')),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.includes('10月签到表.png'));
    assert.ok(text.length < 40_000, `${text.length} bytes`);
    assert.ok(!text.includes('%PDF'));
  });

  test('a fresh profile imports the pack: the same draft and files', async () => {
    const fresh = await startSite();
    try {
      const other = await fresh.open('#/drafts');
      await other.setInputFiles('input[data-action="import-file"]', packPath);
      await other.waitForSelector('[data-import-preview]');
      assert.equal(await other.getAttribute('[data-preview-files]', 'data-preview-files'), '2');
      await other.click(action('confirm-import'));
      await other.waitForSelector('[data-import-done]');

      await other.goto(`${fresh.server.url}#/assess`);
      await other.waitForSelector(`[data-evidence="${MEETING}"] [data-attachment]`);
      assert.deepEqual(await listed(other), ['10月签到表.png', '10月联席会会议记录.pdf']);
      assert.deepEqual(await openAttachment(other, '10月联席会会议记录.pdf'), PDF);
      assert.deepEqual(await openAttachment(other, '10月签到表.png'), storedPhoto);
      assert.equal(await other.inputValue(field('item5.meetings.0')), '2024-10-15');
    } finally {
      await fresh.close();
    }
  });

  test('a broken pack is refused with a message and changes nothing', async () => {
    const fresh = await startSite();
    try {
      const other = await fresh.open('#/drafts');
      const whole = await readFile(packPath);
      await other.setInputFiles('input[data-action="import-file"]', {
        name: 'broken.zip',
        mimeType: 'application/zip',
        buffer: whole.subarray(0, Math.floor(whole.length / 2)),
      });
      const error = other.locator('[data-import-error]');
      await error.waitFor();
      assert.equal(await error.getAttribute('data-import-error'), 'pack_broken');
      assert.match(await error.textContent(), /压缩包已损坏或不完整/);
      assert.match(await error.textContent(), /当前内容未作任何改动/);
    } finally {
      await fresh.close();
    }
  });
});

describe('storage runs out', () => {
  let site;
  let page;
  let cdp;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');

    // The origin's quota made tiny before the app stores any file:
    // 512 KiB over what the site uses once its offline copy is cached.
    await page.evaluate(() => navigator.serviceWorker?.ready);
    cdp = await site.context.newCDPSession(page);
    const origin = new URL(site.server.url).origin;
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin,
      quotaSize: Math.ceil(usage) + 512 * 1024,
    });
    await addOctoberMeeting(page);
  });

  after(() => site?.close());

  test('a file over the quota is refused; the draft and earlier files stay', async () => {
    await attach(page, '会议记录', [
      { name: '会议记录.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await waitStoredFiles(page, 1);

    // A 3 MB scan that cannot fit (random bytes: Chromium compresses
    // what it stores in IndexedDB).
    const big = randomBytes(3 * 1024 * 1024);
    big.write('%PDF-1.4\n');
    const block = await attach(page, '签到表', [
      { name: '签到表扫描.pdf', mimeType: 'application/pdf', buffer: big },
    ]);
    const error = block.locator('[data-attach-error]');
    await error.waitFor({ timeout: 20_000 });
    assert.equal(await error.getAttribute('data-attach-error'), 'storage_full');
    assert.match(await error.textContent(), /浏览器存储空间已满,本次文件未保存;草稿和之前的附件均未受影响/);
    assert.deepEqual(await listed(page), ['会议记录.pdf']);

    // After a reload: the meeting, the earlier file and its contents.
    await reload(page);
    assert.equal(await page.inputValue(field('item5.meetings.0')), '2024-10-15');
    assert.deepEqual(await listed(page), ['会议记录.pdf']);
    assert.deepEqual(await openAttachment(page, '会议记录.pdf'), PDF);

    // In English the same refusal is an English sentence.
    await page.click('[data-lang="en"]');
    const again = await attach(page, '签到表', [
      { name: 'scan.pdf', mimeType: 'application/pdf', buffer: big },
    ]);
    const full = again.locator('[data-attach-error="storage_full"]');
    await full.waitFor({ timeout: 20_000 });
    const message = ((await full.textContent()) ?? '').trim();
    assert.match(message, /^The browser's storage is full, so these files were not saved; the draft and the files attached earlier are unaffected\./);
    assert.doesNotMatch(message, /[\u4e00-\u9fff]/);
    await page.click('[data-lang="zh-CN"]');
    assert.deepEqual(await listed(page), ['会议记录.pdf']);
  });

  test('a file over 20 MiB is refused before it is read', async () => {
    const huge = Buffer.alloc(21 * 1024 * 1024, 1);
    const block = await attach(page, '签到表', [
      { name: '超大扫描件.pdf', mimeType: 'application/pdf', buffer: huge },
    ]);
    const error = block.locator('[data-attach-error="file_too_large"]');
    await error.waitFor({ timeout: 20_000 });
    assert.match(await error.textContent(), /超大扫描件\.pdf”有 21 MiB,超过单个文件 20 MiB 的上限/);
    assert.deepEqual(await listed(page), ['会议记录.pdf']);
  });

  test('a file named .png that holds no PNG is refused in words', async () => {
    const block = await attach(page, '签到表', [
      { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('this is not an image') },
    ]);
    const error = block.locator('[data-attach-error="not_what_it_says"]');
    await error.waitFor();
    assert.equal(
      ((await error.textContent()) ?? '').trim(),
      '“fake.png”的内容不是 PNG 文件(可能改过扩展名或已损坏),未添加',
    );
    assert.deepEqual(await listed(page), ['会议记录.pdf']);
  });
});

describe('the report checklist follows the marks', () => {
  let site;
  let page;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await page.selectOption(PICKER, '1');
  });

  after(() => site?.close());

  test('创建方案 marked ready, then missing, shows 已备 then 缺', async () => {
    const row = '[data-materials-item="1"] [data-material="创建方案"]';
    const mark = field('item1.evidence.mark.创建方案');

    await page.selectOption(mark, 'ready');
    await page.goto(`${site.server.url}#/report`);
    await page.waitForSelector(row);
    assert.equal(await page.getAttribute(row, 'data-ready'), 'ready');
    assert.match(await page.locator(row).textContent(), /✓ 已备.*已标记已备/);

    await page.goto(`${site.server.url}#/assess`);
    await page.selectOption(mark, 'missing');
    await page.goto(`${site.server.url}#/report`);
    await page.waitForSelector(row);
    assert.equal(await page.getAttribute(row, 'data-ready'), 'missing');
    assert.match(await page.locator(row).textContent(), /✗ 缺.*已标记缺/);
  });
});

const han = /[\u4e00-\u9fff]/;

async function shown(locator) {
  return ((await locator.first().textContent()) ?? '').trim();
}

describe('in English: material names, refusals and the pack', () => {
  let site;
  let page;
  let zipFolder;
  let packBytes;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await addOctoberMeeting(page);
    await page.click('[data-lang="en"]');
  });

  after(async () => {
    await site?.close();
    if (zipFolder) await rm(zipFolder, { recursive: true, force: true });
  });

  test("the checklists name each material in English; the notice's words keep a gloss", async () => {
    const item1 = page.locator('[data-evidence="item1.evidence"]');

    // 创建方案 is the notice's own term: Chinese, its gloss beneath.
    const plan = item1.locator('[data-material="创建方案"] .material-name');
    assert.match(await shown(plan), /^创建方案/);
    assert.equal(await shown(plan.locator('[data-gloss]')), 'Creation plan');

    // The names of our own list are English alone.
    const records = item1.locator('[data-material="方案执行工作台账"]');
    assert.equal(await shown(records.locator('.material-name')), 'Records of carrying out the plan');
    assert.equal(
      await records.locator('select').getAttribute('aria-label'),
      'Is “Records of carrying out the plan” ready?',
    );
    assert.equal(await shown(item1.locator('[data-material="现场照片"] .material-name')), 'Site photos');

    // A meeting's materials, in its marks and in the file's material choice.
    const meeting = page.locator(`[data-evidence="${MEETING}"]`);
    const names = () => meeting.locator('.material-name').evaluateAll((els) => els.map((e) => e.textContent.trim()));
    assert.deepEqual(await names(), ['Minutes', 'Sign-in sheets']);
    const options = await meeting
      .locator(`${field(`${MEETING}.material`)} option`)
      .evaluateAll((els) => els.map((e) => [e.value, e.textContent.trim()]));
    assert.deepEqual(options, [
      ['会议记录', 'Minutes'],
      ['签到表', 'Sign-in sheets'],
      ['', 'Other (no material named)'],
    ]);

    // The publicity media: those the requirement names keep their
    // Chinese with the gloss, ours beyond them are English.
    const medium = (kind) =>
      shown(page.locator(`.choice:has(${field('item12.media_kinds')}[value="${kind}"]) label`));
    assert.equal(await medium('条幅'), '条幅 (Banners)');
    assert.equal(await medium('宣传海报'), 'Posters');

    // Back in Chinese, the same names read as the rubric has them.
    await page.click('[data-lang="zh-CN"]');
    assert.deepEqual(await names(), ['会议记录', '签到表']);
    assert.equal(await medium('宣传海报'), '宣传海报');
    await page.click('[data-lang="en"]');
    assert.deepEqual(await names(), ['Minutes', 'Sign-in sheets']);
  });

  test('an attached file is listed under its material in English', async () => {
    const block = await attach(page, '会议记录', [
      { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    assert.equal(await shown(block.locator('[data-attach-done]')), 'Added: minutes.pdf (1 KiB)');
    const item = block.locator('[data-attachment="minutes.pdf"]');
    await item.waitFor();
    assert.equal(await shown(item.locator('.muted')), '[Minutes]');
    assert.equal(await block.locator('[data-material="会议记录"]').getAttribute('data-ready'), 'ready');
  });

  test('a file over 20 MiB is refused in English, and re-worded in Chinese', async () => {
    // 21,000,000 bytes: just over the limit, and written so it reads over.
    const huge = Buffer.alloc(21_000_000, 1);
    const block = await attach(page, '签到表', [
      { name: 'huge-scan.pdf', mimeType: 'application/pdf', buffer: huge },
    ]);
    const error = block.locator('[data-attach-error="file_too_large"]');
    await error.waitFor({ timeout: 20_000 });
    const message = await shown(error);
    assert.equal(message, '“huge-scan.pdf” is 20.03 MiB, over the 20 MiB limit for one file; it was not added');
    assert.doesNotMatch(message, han);

    await page.click('[data-lang="zh-CN"]');
    assert.equal(await shown(error), '“huge-scan.pdf”有 20.03 MiB,超过单个文件 20 MiB 的上限,未添加');
    await page.click('[data-lang="en"]');
    assert.deepEqual(await listed(page), ['minutes.pdf']);
  });

  test('the pack is exported and previewed in English', async () => {
    await page.goto(`${site.server.url}#/drafts`);
    await page.waitForSelector('[data-page="drafts"]');
    assert.equal(await shown(page.locator('[data-pack] h3')), 'Inspection pack and attached files');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(action('export-pack')),
    ]);
    assert.equal(
      await shown(page.locator('[data-pack-done]')),
      `Exported “${download.suggestedFilename()}”, with 1 attached file.`,
    );
    zipFolder = await mkdtemp(join(tmpdir(), 'starcheck-zip-'));
    const path = join(zipFolder, 'pack.zip');
    await download.saveAs(path);
    packBytes = await readFile(path);

    await page.setInputFiles('input[data-action="import-file"]', path);
    await page.waitForSelector('[data-import-preview]');
    assert.equal(
      await shown(page.locator('[data-preview-files]')),
      'Holds 1 attached file, 1 KiB in all; every checksum was verified.',
    );
    await page.click(action('cancel-import'));
  });

  test('a damaged pack is refused in English, with no Chinese in the message', async () => {
    await page.setInputFiles('input[data-action="import-file"]', {
      name: 'damaged.zip',
      mimeType: 'application/zip',
      buffer: packBytes.subarray(0, Math.floor(packBytes.length / 2)),
    });
    const error = page.locator('[data-import-error]');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-import-error'), 'pack_broken');
    const message = await shown(error);
    assert.equal(
      message,
      'Cannot import “damaged.zip”: The archive is damaged or incomplete (the download may not have ' +
        'finished) and cannot be read: export or download it again' +
        'Nothing of the current content was changed.',
    );
    assert.doesNotMatch(message, han);
  });
});
