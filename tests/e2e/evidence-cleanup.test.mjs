// Attached files' contents leave IndexedDB with the last draft that names
// them: deleting a draft deletes its files unless a copy of it still names
// them, and an imported file that replaces a draft releases the files the
// replaced content had. Read straight from the database the app writes
// (`starcheck-evidence`, store `files`, keyed by attachment id).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { addOctoberMeeting, OCTOBER_MEETING, startSite } from './support.mjs';

const field = (name) => `[data-field="${name}"]`;
const action = (name) => `[data-action="${name}"]`;
const KEY = 'starcheck.draft.鲤城区开元街道新春社区';
const MEETING = OCTOBER_MEETING;
const PDF = Buffer.from('%PDF-1.4\n% a meeting record\n%%EOF\n');

/** The attachment ids whose contents are stored, sorted. */
async function storedIds(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('starcheck-evidence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('files')) {
            db.close();
            resolve([]);
            return;
          }
          const keys = db.transaction('files').objectStore('files').getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result.map(String).sort());
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

/** Waits until the stored ids are `expected` (deletes run in a task). */
async function waitStoredIds(page, expected) {
  let ids = [];
  for (let tries = 0; tries < 50; tries += 1) {
    ids = await storedIds(page);
    if (JSON.stringify(ids) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(ids, expected);
}

/** The ids the open draft's October meeting lists, once saved. */
async function meetingIds(page) {
  const handle = await page.waitForFunction(
    (key) => {
      try {
        const document = JSON.parse(JSON.parse(localStorage.getItem(key)).document);
        const files = document.facts['5'].meetings.meetings[0].evidence?.files ?? [];
        return files.length > 0 ? files.map((f) => f.id) : null;
      } catch {
        return null;
      }
    },
    KEY,
    { timeout: 15_000 },
  );
  return (await handle.jsonValue()).sort();
}

async function attachRecord(page) {
  const block = page.locator(`[data-evidence="${MEETING}"]`);
  await block.locator(field(`${MEETING}.material`)).selectOption('会议记录');
  await block.locator(action(`${MEETING}.attach`)).setInputFiles([
    { name: '10月联席会会议记录.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  return meetingIds(page);
}

describe('attachment contents follow the drafts that name them', () => {
  let site;
  let page;
  let exported;

  before(async () => {
    site = await startSite();
    page = await site.open('#/assess');
    await addOctoberMeeting(page);
    await page.waitForSelector('[data-save-status="saved"]');
  });

  after(async () => {
    await site?.close();
  });

  test('a copy keeps the files when one of the two drafts is deleted', async () => {
    // The draft as a file, before any attachment: imported again below.
    await page.click('a[data-nav="drafts"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-drafts-current] [data-action="export"]').click(),
    ]);
    exported = await readFile(await download.path());

    await page.click('a[data-nav="assess"]');
    const ids = await attachRecord(page);
    assert.equal(ids.length, 1);
    await waitStoredIds(page, ids);

    await page.click('a[data-nav="drafts"]');
    await page.locator(`tr[data-draft="${KEY}"] [data-action="duplicate-draft"]`).click();
    const copy = page.locator(`tr[data-draft="${KEY}#副本"]`);
    await copy.locator('[data-action="delete-draft"]').click();
    await copy.locator('[data-action="confirm-delete"]').click();
    await copy.waitFor({ state: 'detached' });

    // The original still names the file: its contents stay.
    await page.waitForTimeout(300);
    assert.deepEqual(await storedIds(page), ids);
  });

  test('deleting the last draft that names them deletes the contents', async () => {
    const row = page.locator(`tr[data-draft="${KEY}"]`);
    await row.locator('[data-action="delete-draft"]').click();
    await row.locator('[data-action="confirm-delete"]').click();
    await row.waitFor({ state: 'detached' });
    await waitStoredIds(page, []);
  });

  test('an imported file replacing the draft releases the files it had', async () => {
    await page.click('a[data-nav="assess"]');
    await addOctoberMeeting(page);
    const ids = await attachRecord(page);
    await waitStoredIds(page, ids);

    await page.click('a[data-nav="drafts"]');
    await page.setInputFiles('input[data-action="import-file"]', {
      name: '星级自评_鲤城区开元街道新春社区_2024-11-30.json',
      mimeType: 'application/json',
      buffer: exported,
    });
    await page.locator('[data-action="confirm-import"]').click();
    await page.locator('[data-import-done]').waitFor();
    await waitStoredIds(page, []);
  });
});
