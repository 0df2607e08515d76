// The phrasebook for offline use (issue 8). Optional: every page works fully without it.
// Registers the service worker of /phrasebook-sw.js for this language's phrasebook and keeps
// this page and its stylesheet at once, on the first visit (later the worker keeps pages, the
// stylesheet and audio as they pass through it).
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !('serviceWorker' in navigator) || !window.caches) return;
  var CACHE = 'tilti-phrasebook-v1';
  navigator.serviceWorker.register(me.getAttribute('data-worker'), {
    scope: me.getAttribute('data-scope')
  }).then(function () {
    // A page the worker already controls was kept on its way through the worker.
    if (navigator.serviceWorker.controller) return null;
    var urls = [location.pathname + location.search];
    var css = document.querySelector('link[rel=stylesheet]');
    if (css) urls.push(css.getAttribute('href'));
    return caches.open(CACHE).then(function (cache) { return cache.addAll(urls); });
  }).then(function () {
    // Tests and curious readers can see that the page is kept.
    document.documentElement.setAttribute('data-offline-ready', 'true');
  }).catch(function () { /* no offline copy; the page still works */ });
})();
