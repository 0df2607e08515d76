// The search page's map (view=map): Leaflet served from our own static files, one marker per
// result of the page, the list always there. QUALITY.md W1 (works with JavaScript off), W2 (0
// axe violations with the map drawn), W6 (JavaScript only on the map page, no third-party
// host), R7 (no Content-Security-Policy violations).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  startDemoServer, stopAndCheck, get, launchBrowser, newContext, runAxe, formatViolations,
  startTags, REPO_ROOT,
} from './harness.mjs';

const TILES = 'https://tile.example/{z}/{x}/{y}.png';
const server = await startDemoServer();
const tiled = await startDemoServer({ args: ['--map-tiles', TILES] });
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
  await stopAndCheck(tiled);
});

const NEEDS_JS = {
  en: 'The map needs JavaScript',
  lv: 'Kartei vajadzīgs JavaScript',
};
const NO_TILES = { en: 'No background map is configured', lv: 'Fona karte nav iestatīta' };

/**
 * Opens `url` in a fresh context and records console messages, page errors and the URLs of
 * every request. `route` (optional) is called with the context before the page opens.
 */
async function open(url, { js = true, lang, bypassCSP = false, route } = {}, fn) {
  const context = await newContext(browser, { js, lang, bypassCSP });
  try {
    if (route) await route(context);
    const page = await context.newPage();
    const log = { console: [], errors: [], requests: [] };
    page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log.errors.push(String(e)));
    page.on('request', (r) => log.requests.push(r.url()));
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.equal(response.status(), 200, url);
    return await fn(page, log, response);
  } finally {
    await context.close();
  }
}

/** The list's results and the markers the server wrote for map.js. */
async function listAndMarkers(page) {
  return page.evaluate(() => ({
    items: [...document.querySelectorAll('ul.results > li > a')].map((a) => a.textContent.trim()),
    markers: JSON.parse(document.getElementById('map')?.dataset.markers ?? 'null'),
  }));
}

/**
 * Waits for Leaflet to draw the markers; returns one entry per marker: the result names it
 * stands for (one, or several for markers that would overlap and are drawn as one numbered
 * group), its accessible name and whether it is in the tab order.
 */
async function drawnMarkers(page) {
  await page.waitForSelector('.leaflet-container .leaflet-marker-icon');
  return page.$$eval('.leaflet-marker-icon', (els) => els.map((e) => ({
    names: e.dataset.names ? JSON.parse(e.dataset.names) : [e.getAttribute('alt')],
    name: e.getAttribute('aria-label') ?? e.getAttribute('alt'),
    title: e.getAttribute('title'),
    focusable: e.getAttribute('tabindex') === '0' && e.getAttribute('role') === 'button',
  })));
}

function assertNoCspErrors(log, url) {
  const csp = log.console.filter((m) => /Content Security Policy|Refused to/i.test(m));
  assert.deepEqual(csp, [], `${url}: CSP messages`);
  assert.deepEqual(log.errors, [], `${url}: page errors`);
}

function assertOnlyOrigins(log, origins, url) {
  for (const r of log.requests) {
    if (r.startsWith('data:')) continue;
    assert.ok(origins.includes(new URL(r).origin), `${url}: request to another host: ${r}`);
  }
}

for (const lang of ['lv', 'en']) {
  describe(`${lang}: the map view`, () => {
    const mapPath = `/${lang}/libraries?view=map`;

    test('JavaScript on: one marker per result, named, keyboard reachable; no CSP error, ' +
      'no other host', async () => {
      const url = server.url(mapPath);
      await open(url, { lang }, async (page, log) => {
        const { items, markers } = await listAndMarkers(page);
        assert.ok(items.length > 0, `${url}: no results listed`);
        assert.deepEqual(markers.map((m) => m.name), items, `${url}: markers are the list's results`);
        const drawn = await drawnMarkers(page);
        // Every result is on the map exactly once, each marker named after what it stands for.
        assert.deepEqual(drawn.flatMap((d) => d.names).sort(), [...items].sort(), url);
        for (const d of drawn) {
          const name = d.names.length === 1 ? d.names[0] : `${d.names.length}: ${d.names.join('; ')}`;
          assert.equal(d.name, name, `${url}: marker name`);
          assert.equal(d.title, d.names.join('; '), `${url}: marker title`);
          assert.ok(d.focusable, `${url}: marker ${d.name} is not keyboard reachable`);
        }
        // The "needs JavaScript" sentence is gone, the "no background" note is there.
        const text = await page.locator('main').innerText();
        assert.ok(!text.includes(NEEDS_JS[lang]), `${url}: still says the map needs JavaScript`);
        assert.ok(text.includes(NO_TILES[lang]), `${url}: no "no background map" note`);
        // From the keyboard, a marker's popup links to the library page.
        const single = drawn.findIndex((d) => d.names.length === 1);
        assert.ok(single >= 0, `${url}: no single marker`);
        await page.locator('.leaflet-marker-icon').nth(single).focus();
        await page.keyboard.press('Enter');
        const popupHref = await page.locator('.leaflet-popup-content a').getAttribute('href');
        const m = markers.find((x) => x.name === drawn[single].names[0]);
        assert.equal(popupHref, m.href);
        assertNoCspErrors(log, url);
        assertOnlyOrigins(log, [server.origin], url);
        assert.ok(log.requests.some((r) => /\/static\/vendor\/leaflet\/leaflet\.[0-9a-f]+\.js$/.test(r)),
          `${url}: Leaflet not loaded from our static files`);
      });
    });

    test('JavaScript on: 0 axe violations with the map drawn', async () => {
      const url = server.url(mapPath);
      // CSP bypassed only so axe can be injected (as in a11y.test.mjs).
      await open(url, { lang, bypassCSP: true }, async (page) => {
        await drawnMarkers(page);
        const violations = await runAxe(page);
        assert.equal(violations.length, 0, `${url}:\n${formatViolations(violations)}`);
      });
    });

    test('JavaScript off: the list and a sentence, nothing of Leaflet downloaded', async () => {
      const url = server.url(mapPath);
      await open(url, { js: false, lang }, async (page, log) => {
        const { items, markers } = await listAndMarkers(page);
        assert.ok(items.length > 0, `${url}: no results listed`);
        assert.equal(markers.length, items.length);
        assert.ok((await page.locator('#map').innerText()).includes(NEEDS_JS[lang]));
        assert.equal(await page.locator('.leaflet-container').count(), 0);
        const leaflet = log.requests.filter((r) => /leaflet|map\.[0-9a-f]+\.js/.test(r));
        assert.deepEqual(leaflet, [], `${url}: requests with JavaScript off`);
        assertOnlyOrigins(log, [server.origin], url);
      });
    });
  });
}

test('the list view has no <script> and links to the map view with the same parameters',
  async () => {
    for (const lang of ['lv', 'en']) {
      const res = await get(server.url(`/${lang}/libraries?q=biblioteka&page=1`));
      assert.equal(res.status, 200);
      const executable = startTags(res.body, 'script')
        .filter((s) => s.attrs.type !== 'application/ld+json');
      assert.deepEqual(executable, [], `${lang}: scripts on the list view`);
      assert.doesNotMatch(res.body, /leaflet/i);
      assert.match(res.body, new RegExp(`href="/${lang}/libraries\\?q=biblioteka&amp;view=map"`));
    }
  });

test('view=map is kept by the form and the pagination links', async () => {
  // Page 2 (past the last page of the demo data, if need be) has a link back.
  const res = await get(server.url('/en/libraries?view=map&q=biblioteka&page=2'));
  assert.match(res.body, /<input type="hidden" name="view" value="map">/);
  const paging = startTags(res.body, 'a').filter(({ attrs }) => ['next', 'prev'].includes(attrs.rel));
  assert.ok(paging.length > 0, 'no pagination link');
  for (const { attrs } of paging) assert.match(attrs.href, /view=map/);
  // Back to the list: the same search without view=map.
  assert.match(res.body, /<a href="\/en\/libraries\?q=biblioteka&amp;page=2">/);
});

test('with --map-tiles: img-src gains exactly the tile host, tiles are drawn, no CSP error',
  async () => {
    const plain = await get(server.url('/en/libraries'));
    const res = await get(tiled.url('/en/libraries'));
    const expected = plain.headers.get('content-security-policy')
      .replace("img-src 'self' data:", "img-src 'self' data: https://tile.example");
    assert.notEqual(expected, plain.headers.get('content-security-policy'));
    assert.equal(res.headers.get('content-security-policy'), expected);

    const url = tiled.url('/en/libraries?view=map');
    const png = readFileSync(path.join(REPO_ROOT, 'web/static/vendor/leaflet/images/marker-shadow.png'));
    const route = (context) => context.route('https://tile.example/**',
      (r) => r.fulfill({ status: 200, contentType: 'image/png', body: png }));
    await open(url, { lang: 'en', route }, async (page, log) => {
      const { items } = await listAndMarkers(page);
      const drawn = await drawnMarkers(page);
      assert.deepEqual(drawn.flatMap((d) => d.names).sort(), [...items].sort());
      await page.waitForFunction(() => document.querySelectorAll('img.leaflet-tile-loaded').length > 0);
      const text = await page.locator('main').innerText();
      assert.ok(!text.includes(NO_TILES.en), 'the "no background map" note with tiles');
      assertNoCspErrors(log, url);
      assertOnlyOrigins(log, [tiled.origin, 'https://tile.example'], url);
    });
  });

test('map.js stays within the W6 budget (≤ 20 KB)', () => {
  const bytes = readFileSync(path.join(REPO_ROOT, 'web/static/map.js')).length;
  assert.ok(bytes <= 20 * 1024, `map.js is ${bytes} bytes`);
});
