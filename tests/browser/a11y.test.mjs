// QUALITY.md W1 and W2: every page type in every language renders with JavaScript off, puts the
// skip link first, and has 0 axe-core violations (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemoServer, stopAndCheck, get, LANGS, launchBrowser, newContext, runAxe, axeOnHtml,
  formatViolations, focusAfterFirstTab,
} from './harness.mjs';


const server = await startDemoServer();
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

let slugPromise;
function librarySlug() {
  slugPromise ??= get(server.url('/lv/')).then((res) => {
    const m = /href="\/lv\/libraries\/([^"/?#]+)"/.exec(res.body);
    assert.ok(m, 'no library link on the home page');
    return m[1];
  });
  return slugPromise;
}

const PAGE_TYPES = [
  { name: 'home', path: async (l) => `/${l}/`, status: 200 },
  { name: 'libraries list', path: async (l) => `/${l}/libraries`, status: 200 },
  { name: 'search results', path: async (l) => `/${l}/libraries?q=Ogre`, status: 200 },
  { name: 'library page', path: async (l) => `/${l}/libraries/${await librarySlug()}`, status: 200 },
  { name: 'service page', path: async (l) => {
      const lib = await get(server.url(`/${l}/libraries/${await librarySlug()}`));
      const m = /href="(\/[a-z]{2}\/services\/[0-9a-f-]{36})"/.exec(lib.body);
      assert.ok(m, 'the library page links no service');
      return m[1];
    }, status: 200 },
  { name: 'report form', path: async (l) => `/${l}/libraries/${await librarySlug()}/report`, status: 200 },
  { name: 'accessibility statement', path: async (l) => `/${l}/accessibility`, status: 200 },
  { name: 'privacy', path: async (l) => `/${l}/privacy`, status: 200 },
  { name: '404 page', path: async (l) => `/${l}/no-such-page`, status: 404 },
];

for (const type of PAGE_TYPES) {
  describe(type.name, () => {
    for (const lang of LANGS) {
      test(`${lang}: renders with JavaScript off, skip link first, 0 axe violations`, async () => {
        const url = server.url(await type.path(lang));

        // JavaScript off: the page as W1 users get it.
        const off = await newContext(browser, { js: false, lang });
        let offHtml;
        try {
          const page = await off.newPage();
          const response = await page.goto(url, { waitUntil: 'load' });
          assert.equal(response.status(), type.status, url);
          assert.equal(await page.getAttribute('html', 'lang'), lang, `${url}: <html lang>`);
          assert.ok((await page.locator('h1').count()) === 1, `${url}: one <h1>`);
          assert.ok(await page.locator('h1').isVisible(), `${url}: the <h1> is visible`);
          const focus = await focusAfterFirstTab(page);
          assert.ok(focus, `${url}: Tab focused nothing`);
          assert.equal(focus.tag, 'a', `${url}: first Tab focused ${JSON.stringify(focus)}`);
          assert.match(focus.href ?? '', /^#./, `${url}: first Tab focused ${JSON.stringify(focus)}`);
          offHtml = await page.evaluate(() => document.documentElement.outerHTML);
        } finally {
          await off.close();
        }

        // JavaScript on: axe on the real page (CSP bypassed only so axe can be injected).
        const on = await newContext(browser, { js: true, lang, bypassCSP: true });
        let violations;
        let onHtml;
        try {
          const page = await on.newPage();
          const response = await page.goto(url, { waitUntil: 'load' });
          assert.equal(response.status(), type.status, url);
          onHtml = await page.evaluate(() => document.documentElement.outerHTML);
          violations = await runAxe(page);
        } finally {
          await on.close();
        }
        assert.equal(violations.length, 0,
          `${url}: ${violations.length} axe violation(s) with JavaScript on:\n` +
          formatViolations(violations));

        // If JavaScript changes the page, the JavaScript-off DOM gets its own axe run.
        if (offHtml !== onHtml) {
          const offViolations = await axeOnHtml(browser, url, `<!DOCTYPE html>${offHtml}`, { lang });
          assert.equal(offViolations.length, 0,
            `${url}: ${offViolations.length} axe violation(s) with JavaScript off:\n` +
            formatViolations(offViolations));
        }
      });
    }
  });
}

test('the report form with errors (error summary, inline messages): 0 axe violations', async () => {
  for (const lang of ['lv', 'uk']) {
    const url = server.url(`/${lang}/libraries/${await librarySlug()}/report`);
    // Posted without its CSRF cookie and empty: the form comes back with errors.
    const res = await get(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
      body: 'message=x',
    });
    assert.equal(res.status, 400);
    assert.match(res.body, /class="error-summary"/);
    const violations = await axeOnHtml(browser, url, res.body, { lang });
    assert.equal(violations.length, 0, `${url} with errors:\n` + formatViolations(violations));
  }
});

test('the harness is not vacuous: axe finds a known violation on a broken page', async () => {
  const url = server.url('/en/');
  const broken = '<!DOCTYPE html><html><head><title>x</title></head><body><main>' +
    '<img src="/static/none.png"><a href="/x"></a><p style="color:#ccc">low contrast</p>' +
    '</main></body></html>';
  const violations = await axeOnHtml(browser, url, broken, { lang: 'en' });
  const ids = violations.map((v) => v.id);
  for (const id of ['html-has-lang', 'image-alt', 'link-name']) {
    assert.ok(ids.includes(id), `axe did not report ${id}: ${ids}`);
  }
});
