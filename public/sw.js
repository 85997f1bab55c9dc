// StarCheck's service worker: keeps the built site in the browser's cache
// so that after the first visit it opens with no network.
//
// `cargo xtask dist` replaces the PRECACHE line below with every file of
// dist/ and a version made from their contents (xtask/src/offline.rs). A
// deploy changes the version, so the browser installs the new worker
// beside the running one; the new one then WAITS: it takes over only when
// the page asks it to, after the user agreed and the draft was saved
// (app/src/offline.rs). Until then the old worker keeps serving the old
// files from the old cache, so an open page never mixes two versions.
//
// Without a list (the development build of `cargo xtask serve`, which
// does not register it anyway) the worker caches nothing and answers
// nothing: every request goes to the network as if it were not there.

const PRECACHE = null;

const PREFIX = 'starcheck-';
const CACHE = PRECACHE ? `${PREFIX}${PRECACHE.version}` : null;

self.addEventListener('install', (event) => {
  if (!PRECACHE) {
    return;
  }
  // `reload` skips the HTTP cache: a half-old set must never be stored.
  const requests = PRECACHE.files.map((file) => new Request(file, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      await Promise.all(old.map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

// The page's "update now" button, after the draft is saved.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!PRECACHE || request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  event.respondWith(answer(request, url));
});

// The cached copy, else the network. Opening the site's folder, its
// index.html or district.html, with any query (a messaging app adds its
// own to shared links), gets the cached page.
async function answer(request, url) {
  const cache = await caches.open(CACHE);
  const scope = new URL('./', self.location.href).pathname;
  const page = request.mode === 'navigate' ? url.pathname.slice(scope.length) : null;
  let hit;
  if (page === '' || page === 'index.html') {
    hit = await cache.match('./', { ignoreSearch: true });
  } else if (page === 'district.html') {
    hit = await cache.match('district.html', { ignoreSearch: true });
  } else {
    hit = await cache.match(request, { ignoreSearch: false });
  }
  return hit ?? fetch(request);
}
