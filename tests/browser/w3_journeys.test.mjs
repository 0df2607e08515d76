// QUALITY.md W3 (skip link first and working, visible focus, text ≥ 16 px, no horizontal scroll
// at 320 px), the language switcher, the search journey with JavaScript off (W1) and hostile
// input in a real browser (R7).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemoServer, stopAndCheck, get, LANGS, ENDONYMS, launchBrowser, newContext,
  focusAfterFirstTab,
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

const TAILS = [
  async () => '',
  async () => 'libraries',
  async () => `libraries/${await librarySlug()}`,
  async () => 'accessibility',
  async () => 'privacy',
  async () => 'no-such-page',
];

/** Opens `path` in a fresh context; calls `fn(page)`; closes the context. */
async function withPage(path, opts, fn) {
  const context = await newContext(browser, opts);
  try {
    const page = await context.newPage();
    await page.goto(server.url(path), { waitUntil: 'load' });
    return await fn(page);
  } finally {
    await context.close();
  }
}

describe('W3 at a 320 px wide viewport, JavaScript off', () => {
  for (const lang of LANGS) {
    test(`${lang}: no horizontal scroll, text ≥ 16 px, skip link first, visible and working`,
      async () => {
        for (const tail of TAILS) {
          const path = `/${lang}/${await tail()}`;
          await withPage(path, { js: false, lang, width: 320 }, async (page) => {
            const m = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
              // The smallest text size of any visible text element in <main>.
              smallest: Math.min(...[...document.querySelectorAll('main *')]
                .filter((e) => e.offsetParent !== null && [...e.childNodes].some((n) =>
                  n.nodeType === 3 && n.textContent.trim() !== ''))
                .map((e) => parseFloat(getComputedStyle(e).fontSize))),
              wideElements: [...document.querySelectorAll('body *')]
                .filter((e) => e.getBoundingClientRect().right > 321)
                .slice(0, 5).map((e) => e.outerHTML.slice(0, 120)),
            }));
            assert.ok(m.scrollWidth <= 320,
              `${path}: scrollWidth ${m.scrollWidth} > 320; too wide: ${m.wideElements.join(' | ')}`);
            assert.ok(m.bodyFont >= 16, `${path}: body font-size ${m.bodyFont}px`);
            // Secondary text (notes, "small") may be smaller, but never below 14 px.
            assert.ok(m.smallest >= 14, `${path}: text as small as ${m.smallest}px in <main>`);

            const focus = await focusAfterFirstTab(page);
            assert.ok(focus && focus.tag === 'a' && /^#./.test(focus.href ?? ''),
              `${path}: first Tab focused ${JSON.stringify(focus)}`);
            assert.ok(focus.visible, `${path}: the focused skip link is not visible on screen`);
            assert.ok(focus.outlineVisible, `${path}: no visible focus indicator (${focus.outline})`);

            // Following the skip link moves focus to the main content.
            await page.keyboard.press('Enter');
            const target = focus.href.slice(1);
            const active = await page.evaluate(() => document.activeElement?.id ?? '');
            assert.equal(active, target, `${path}: focus after the skip link`);
          });
        }
      });
  }
});

describe('the language switcher', () => {
  for (const js of [false, true]) {
    test(`clicking "Українська" goes to the same page in Ukrainian (JavaScript ${js ? 'on' : 'off'})`,
      async () => {
        for (const tail of TAILS.slice(0, 5)) {
          const t = await tail();
          await withPage(`/lv/${t}`, { js, lang: 'lv' }, async (page) => {
            await Promise.all([
              page.waitForURL((u) => u.pathname.startsWith('/uk/')),
              page.getByRole('link', { name: ENDONYMS.uk, exact: true }).click(),
            ]);
            const u = new URL(page.url());
            assert.equal(u.pathname, `/uk/${t}`);
            assert.equal(await page.getAttribute('html', 'lang'), 'uk');
            // The current language is shown, not linked.
            assert.equal(await page.getByRole('link', { name: ENDONYMS.uk, exact: true }).count(), 0);
            assert.equal(await page.locator('[aria-current]', { hasText: ENDONYMS.uk }).count(), 1);
          });
        }
      });
  }

  test('the chosen language is remembered for /', async () => {
    const context = await newContext(browser, { js: false, lang: 'lv' });
    try {
      const page = await context.newPage();
      await page.goto(server.url('/lv/'));
      await page.getByRole('link', { name: ENDONYMS.en, exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/en/');
      await page.goto(server.url('/'));
      assert.equal(new URL(page.url()).pathname, '/en/');
    } finally {
      await context.close();
    }
  });
});

describe('journeys with JavaScript off (W1)', () => {
  for (const lang of LANGS) {
    test(`${lang}: search "Ogre" from the home page, open the library`, async () => {
      await withPage(`/${lang}/`, { js: false, lang }, async (page) => {
        await page.locator('input[name="q"]').fill('Ogre');
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/${lang}/libraries`),
          page.locator('form[role="search"] button[type="submit"]').click(),
        ]);
        assert.equal(new URL(page.url()).searchParams.get('q'), 'Ogre');
        // The name is shown in the page's language, so find the result by its address.
        const link = page.locator(`main a[href="/${lang}/libraries/ogres-centrala-biblioteka"]`);
        assert.equal(await link.count(), 1, 'the result links to Ogres Centrālā bibliotēka');
        const name = (await link.innerText()).trim();
        if (lang === 'lv') assert.equal(name, 'Ogres Centrālā bibliotēka');
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/${lang}/libraries/ogres-centrala-biblioteka`),
          link.click(),
        ]);
        assert.equal((await page.locator('h1').innerText()).trim(), name);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
      });
    });
  }

  test('the footer reaches the accessibility statement in every language', async () => {
    for (const lang of LANGS) {
      await withPage(`/${lang}/`, { js: false, lang }, async (page) => {
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/${lang}/accessibility`),
          page.locator(`footer a[href="/${lang}/accessibility"]`).click(),
        ]);
        assert.equal(await page.locator('h1').count(), 1);
      });
    }
  });
});

describe('hostile input in a real browser (R7)', () => {
  test('a script in the search query never runs', async () => {
    const context = await newContext(browser, { js: true, lang: 'en' });
    try {
      const page = await context.newPage();
      const dialogs = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)><svg onload=alert(3)>';
      for (const lang of LANGS) {
        await page.goto(server.url(`/${lang}/libraries?q=${encodeURIComponent(hostile)}`));
        assert.equal(await page.inputValue('input[name="q"]'), hostile, 'the query is kept as text');
      }
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
    }
  });
});
