// The phrasebook's service worker (issue 8), served at /phrasebook-sw.js and registered by
// phrasebook.js for /{lang}/phrasebook only. Pages and audio: the network first (through the
// browser's HTTP cache), the kept copy when there is no network. Stylesheets have content-
// hashed URLs, so the kept copy is always right and comes first.
'use strict';
var CACHE = 'tilti-phrasebook-v1';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

function keep(key, response) {
  if (response.ok && response.status === 200) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
  }
  return response;
}

function kept(key) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(key, { ignoreVary: true });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf('/static/') === 0) {
    event.respondWith(kept(url.href).then(function (hit) {
      return hit || fetch(request).then(function (r) { return keep(url.href, r); });
    }));
    return;
  }
  // Audio elements ask for byte ranges; the whole file is fetched and kept instead, since a
  // partial answer cannot be stored.
  var isAudio = url.pathname.indexOf('/audio/') !== -1;
  var live = isAudio ? fetch(url.href, { credentials: 'same-origin' }) : fetch(request);
  event.respondWith(live.then(function (r) { return keep(url.href, r); }).catch(function () {
    return kept(url.href).then(function (hit) { return hit || Response.error(); });
  }));
});
