// End-to-end harness for StarCheck's built site: a tiny static server for
// dist/ on 127.0.0.1 under a sub-path, headless Chromium through
// playwright-core with a fresh profile, a record of every request the page
// makes, and a helper that opens the app and waits until it is mounted.
// Tests import from here and stay short; nothing here talks to any host
// but the loopback server it starts.

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

/** The built site; `cargo xtask test` passes it, the default suits a checkout. */
export const DIST_DIR = resolve(
  process.env.STARCHECK_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url)),
);

/** Where the site is served unless a test asks otherwise. */
export const DEFAULT_BASE = '/starcheck/';

/** Debian's Chromium; `cargo xtask test` installs it when missing. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that keep headless Chromium quiet on a machine with no network:
 * without the background-networking ones it keeps calling Google's hosts.
 * `--headless` and `--user-data-dir` are added by playwright-core.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The element that shows the app has mounted: the app's root carries
 * `data-app-ready="true"` once its first render is in the document (set by
 * an effect in app/src/lib.rs).
 */
export const READY_SELECTOR = '[data-app-ready="true"]';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at `http://127.0.0.1:<ephemeral port><base>`, the way a
 * plain static host would: `<base>` without its slash redirects to it,
 * folders give their index.html, anything outside `<base>` is 404.
 * Returns `{ origin, url, served, setRoot, close }`; `served` lists the
 * paths asked; `setRoot(dir)` serves another folder from then on (a new
 * version deployed at the same address).
 */
export async function serveDist({ root = DIST_DIR, base = DEFAULT_BASE } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`base must start and end with a slash, got \`${base}\``);
  }
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`\`${root}/index.html\` not found: run \`cargo xtask dist\` first`);
  });

  let current = resolve(root);
  const served = [];
  const server = createServer((request, response) => {
    served.push(request.url);
    respond(current, base, request, response).catch((error) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`server error: ${error.message}`);
    });
  });

  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });

  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${base}`,
    served,
    setRoot: (dir) => {
      current = resolve(dir);
    },
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

async function respond(root, base, request, response) {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
  }
  if (`${path}/` === base) {
    response.writeHead(301, { location: base });
    return response.end();
  }
  if (!path.startsWith(base)) {
    return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  }

  // Resolve inside root only: `..` must not climb out of dist/.
  let file = resolve(root, `.${sep}${path.slice(base.length)}`);
  if (file !== root && !file.startsWith(root + sep)) {
    return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  }
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
  }

  const body = await readFile(file).catch(() => null);
  if (body === null) {
    return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  return send(response, 200, type, request.method === 'HEAD' ? null : body);
}

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body ?? undefined);
}

/**
 * Headless Chromium with a fresh, throw-away profile. Returns
 * `{ context, close }`; `close` also deletes the profile.
 */
export async function launchBrowser({ viewport = { width: 1280, height: 800 }, backForwardCache = false } = {}) {
  await stat(CHROMIUM).catch(() => {
    throw new Error(`\`${CHROMIUM}\` not found: run \`cargo xtask test\`, which installs it`);
  });

  const profile = await mkdtemp(join(tmpdir(), 'starcheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    // Playwright turns the back-forward cache off; a test of pages coming
    // back from it turns it on again, as every browser has it.
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : [],
    locale: 'zh-CN',
    viewport,
  });

  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records what every page of `context` does from now on: `requests` (each
 * URL asked for, web sockets included, the offline worker's too),
 * `pageRequests` (only those of the pages themselves, not of the service
 * worker filling its cache), `failures` (requests that failed or answered
 * 400 and above), `consoleErrors` and `pageErrors`.
 */
export function recordTraffic(context) {
  const record = { requests: [], pageRequests: [], failures: [], consoleErrors: [], pageErrors: [] };

  const watchPage = (page) => {
    page.on('websocket', (socket) => record.requests.push(socket.url()));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  context.on('request', (request) => {
    record.requests.push(request.url());
    if (!request.serviceWorker()) {
      record.pageRequests.push(request.url());
    }
  });
  context.on('requestfailed', (request) => {
    record.failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) {
      record.failures.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  context.on('console', (message) => {
    if (message.type() === 'error') {
      record.consoleErrors.push(message.text());
    }
  });
  context.on('weberror', (error) => record.pageErrors.push(String(error.error())));

  return record;
}

/**
 * The requests that did not go to `origin`. `data:` and `blob:` URLs never
 * leave the page and are not counted.
 */
export function requestsLeaving(requests, origin) {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) {
      return false;
    }
    return new URL(url).origin !== origin;
  });
}

/**
 * Opens `url` in a new page and waits until the app has mounted (see
 * READY_SELECTOR). Returns the page.
 */
export async function openApp(context, url, { timeout = 30_000 } = {}) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.waitForSelector(READY_SELECTOR, { timeout });
  return page;
}

/**
 * Everything one test file needs, started together: the server (serving
 * `root` at `base`), the browser and the traffic record. `close` stops them all.
 */
export async function startSite({ base = DEFAULT_BASE, viewport, root = DIST_DIR, backForwardCache } = {}) {
  const server = await serveDist({ base, root });
  const browser = await launchBrowser({ viewport, backForwardCache }).catch(async (error) => {
    await server.close();
    throw error;
  });
  const traffic = recordTraffic(browser.context);

  return {
    server,
    context: browser.context,
    traffic,
    open: (path = '') => openApp(browser.context, `${server.url}${path}`),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The district page's fixtures: 20 exported files, one of them corrupt. */
export const DISTRICT_FIXTURES = fileURLToPath(new URL('../fixtures/district/', import.meta.url));

/**
 * Chooses the first `count` district fixtures (all of them when omitted)
 * in the district page's file field, waits until the page says it read
 * them all (in either language), and returns their names.
 */
export async function loadDistrictFixtures(page, count) {
  const names = (await readdir(DISTRICT_FIXTURES)).filter((n) => n.endsWith('.json')).slice(0, count);
  await page.setInputFiles(
    'input[data-action="district-files"]',
    names.map((n) => join(DISTRICT_FIXTURES, n)),
  );
  // The summary in either language: "本次读取 20 个文件…", "20 files read…".
  await page.waitForFunction(
    (count) => {
      const summary = document.querySelector('[data-load-summary]')?.textContent ?? '';
      return summary.startsWith(`本次读取 ${count} 个文件`) || summary.startsWith(`${count} files read`);
    },
    names.length,
  );
  return names;
}

/** The evidence block of item 5's first meeting, where the evidence tests attach files. */
export const OCTOBER_MEETING = 'item5.meetings.0.evidence';

/**
 * On the assessment page: picks 新春社区, as of 2024-11-30, and adds one
 * meeting on 2024-10-15, whose evidence block ([`OCTOBER_MEETING`]) is
 * then on screen.
 */
export async function addOctoberMeeting(page) {
  await page.selectOption('select[data-field="community"]', '1');
  await page.fill('[data-field="as_of"]', '2024-11-30');
  await page.fill('[data-field="item5.meetings.new"]', '2024-10-15');
  await page.click('[data-action="item5.meetings.add"]');
  await page.waitForSelector(`[data-evidence="${OCTOBER_MEETING}"]`);
}

/**
 * Canonical JSON as the schema's description states it: members sorted by
 * key, no whitespace, strings as JSON.stringify writes them.
 */
function canonical(value) {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The checksum a district office computes for a parsed exported file. */
export function checksumOf(document) {
  const { checksum: _, ...content } = document;
  return createHash('sha256').update(canonical(content), 'utf8').digest('hex');
}

/** The report fixture: 梅峰社区, failing the spending gate. */
export const REPORT_FIXTURE = fileURLToPath(
  new URL('../fixtures/report/星级自评_鲤城区开元街道梅峰社区_2025-01-06.json', import.meta.url),
);

/**
 * On the drafts page: imports an exported file into the current draft,
 * confirms, and waits until it is in. `file` is a path, or `{ name,
 * buffer }`.
 */
export async function importIntoDraft(page, file) {
  const payload =
    typeof file === 'string'
      ? { name: basename(file), mimeType: 'application/json', buffer: await readFile(file) }
      : { mimeType: 'application/json', ...file };
  await page.setInputFiles('input[data-action="import-file"]', payload);
  await page.locator('[data-action="confirm-import"]').click();
  await page.locator('[data-import-done]').waitFor();
}
