// Offline once loaded: the page, the package and the .wasm are cached on first visit and served
// from the cache (refreshed in the background) afterwards.
const CACHE = "treem-demo-v1";
const FILES = [
  "./", "index.html", "app.js", "style.css",
  "../npm/dist/web.js", "../npm/dist/api.js", "../npm/dist/pkg/treem_wasm.js", "../npm/dist/pkg/treem_wasm_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(event.request);
      const fresh = fetch(event.request)
        .then((response) => {
          if (response.ok) cache.put(event.request, response.clone());
          return response;
        })
        .catch(() => cached);
      return cached ?? fresh;
    }),
  );
});
