// The browser harness: headless Debian Chromium driven by playwright-core, against a real
// `tilti serve` started by the end-to-end harness (one server and one browser per test file).
//
// Axe and JavaScript-off pages: with `javaScriptEnabled: false` Playwright's page.evaluate still
// works, but scripts added to the page do not run, so axe-core cannot run there. The tests
// therefore load each page twice: with JavaScript off (what W1 users get: it must render, the
// skip link must come first) and with JavaScript on, where axe runs. If the two DOMs differ,
// axe also runs on the JavaScript-off DOM, served back at the same URL (see axeOnHtml).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

export * from '../e2e/harness.mjs';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const CHROMIUM = process.env.TILTI_CHROMIUM || '/usr/bin/chromium';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const NAV_TIMEOUT_MS = 60_000;

if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set TILTI_CHROMIUM)`);

/** A headless Chromium with a fresh temporary profile (Playwright makes one per launch). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: NAV_TIMEOUT_MS,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new context. `js` false turns JavaScript off; `lang` sets Accept-Language (and the locale);
 * `width` the viewport width (height 800).
 */
export async function newContext(browser, { js = true, lang = 'lv', width = 1280, bypassCSP = false } = {}) {
  const locales = { lv: 'lv-LV', ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };
  const context = await browser.newContext({
    javaScriptEnabled: js,
    locale: locales[lang] ?? lang,
    viewport: { width, height: 800 },
    bypassCSP,
  });
  context.setDefaultTimeout(NAV_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
  return context;
}

/** Runs axe-core (the WCAG 2.2 AA tags) on a JavaScript-enabled page; returns the violations. */
export async function runAxe(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  return result;
}

/**
 * Runs axe on `html` as if served at `url`: a JavaScript-on page (CSP bypassed, axe loaded by an
 * init script) answers `url` with `html`; everything else (the stylesheet) comes from the server.
 * One such page per browser and language is kept and reused (checks run one after another), so
 * a JavaScript-off check costs one page load, not a new context each time.
 */
const axePages = new WeakMap();  // browser -> Map(lang -> Promise<{page, queue}>)
function axePageFor(browser, lang) {
  let byLang = axePages.get(browser);
  if (!byLang) axePages.set(browser, (byLang = new Map()));
  if (!byLang.has(lang)) {
    byLang.set(lang, (async () => {
      const context = await newContext(browser, { js: true, lang, bypassCSP: true });
      await context.addInitScript({ path: AXE_PATH });
      return { page: await context.newPage(), queue: Promise.resolve() };
    })());
  }
  return byLang.get(lang);
}

export async function axeOnHtml(browser, url, html, { lang } = {}) {
  const slot = await axePageFor(browser, lang ?? 'lv');
  const run = slot.queue.then(async () => {
    const { page } = slot;
    // The document alone (no fragment), always a new load: the previous check may have had
    // the same address with other HTML.
    const target = url.split('#')[0];
    const handler = (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    await page.route(target, handler);
    try {
      await page.goto('about:blank');
      await page.goto(target, { waitUntil: 'load' });
      return await runAxe(page);
    } finally {
      await page.unroute(target, handler);
    }
  });
  slot.queue = run.catch(() => {});
  return run;
}

/** The violations as readable text, for assertion messages. */
export function formatViolations(violations) {
  return violations.map((v) => [
    `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `    at ${n.target}\n      ${n.html.slice(0, 200)}\n      ` +
      `${(n.summary ?? '').replace(/\n/g, '\n      ')}`),
    v.nodes.length > 5 ? `    … and ${v.nodes.length - 5} more` : '',
  ].filter(Boolean).join('\n')).join('\n');
}

/** What the first Tab focuses: {tag, href, className, text, visible, outline}. */
export async function focusAfterFirstTab(page) {
  // Start from the document, not from wherever a previous action left focus.
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) {
      document.activeElement.blur();
    }
  });
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href'),
      className: el.className,
      text: el.textContent.trim(),
      visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 &&
        r.bottom <= window.innerHeight + 1 && r.right <= window.innerWidth + 1,
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      outlineVisible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
        (s.boxShadow && s.boxShadow !== 'none'),
    };
  });
}

/** Fails with the readable violations unless axe finds none in `html` served at `url`. */
export async function assertNoAxeViolations(browser, url, html, lang) {
  const violations = await axeOnHtml(browser, url, html, { lang });
  if (violations.length) throw new Error(`${url}: ${violations.length} axe violation(s)\n${formatViolations(violations)}`);
}

/** Signs `page` in through the form (works with JavaScript off) and waits for the next page. */
export async function signInPage(page, server, lang, email, password) {
  await page.goto(server.url(`/${lang}/account/sign-in`));
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

/** Fails with the violations listed when axe finds any on the page (with JavaScript off, the
 *  page's HTML is checked in a JavaScript-on page of its own). */
export async function expectNoViolations(browser, page, js, lang) {
  const url = page.url();
  const violations = js ? await runAxe(page) : await axeOnHtml(browser, url, await page.content(), { lang });
  assert.equal(violations.length, 0, `${url}:\n${formatViolations(violations)}`);
}

/** Runs `action` (a click, a submit) and waits for the page it leads to. */
export async function navigate(page, action) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action]);
}

/** The page is a form sent back with errors: "Error: " in the title, the summary links #field. */
export async function expectFormError(page, field) {
  assert.ok((await page.title()).includes(':'), await page.title());
  assert.equal(await page.locator(`.error-summary a[href="#${field}"]`).count(), 1, `${page.url()}: summary links #${field}`);
}

/** How many pixels the page scrolls sideways (0 or less: none). */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
