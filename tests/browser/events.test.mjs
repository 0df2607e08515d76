// The public events pages in a real browser, four languages, JavaScript on and off: the list
// (with its filter form used as a reader would), the month table and an event page; 0 axe
// violations each (QUALITY W1, W2), no horizontal scroll at 320 px (W3), and a filter chosen
// with JavaScript off narrows the list (the form is plain GET).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemoServer, stopAndCheck, launchBrowser, newContext, runAxe, axeOnHtml,
  formatViolations, LANGS,
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

async function noViolations(page, url, js, lang) {
  const violations = js ? await runAxe(page) : await axeOnHtml(browser, url, await page.content(), { lang });
  assert.equal(violations.length, 0, `${url}:\n${formatViolations(violations)}`);
}

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: list, filter, month and event page, 0 axe violations`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        const list = server.url(`/${lang}/events`);
        assert.equal((await page.goto(list, { waitUntil: 'load' })).status(), 200);
        const before = await page.locator('ul.event-list > li').count();
        assert.ok(before >= 7, `${list}: ${before} dates`);
        await noViolations(page, list, js, lang);

        // Choose the kind "conversation club" and apply, as a reader does.
        await page.selectOption('#ev-category', 'conversation-club');
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('form.event-filters button[type=submit]')]);
        assert.match(page.url(), /category=conversation-club/);
        const after = await page.locator('ul.event-list > li').count();
        assert.ok(after > 0 && after < before, `filtered ${after} of ${before}`);

        // The month table.
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('p.view-toggle a >> nth=0')]);
        assert.match(page.url(), /view=month/);
        assert.equal(await page.locator('table.month th[scope=col]').count(), 7);
        await noViolations(page, page.url(), js, lang);

        // An event's page from the table.
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('table.month a >> nth=0')]);
        assert.match(page.url(), /\/events\/[0-9a-f-]{36}\?on=/);
        assert.ok((await page.locator('h1').innerText()).trim().length > 0);
        await noViolations(page, page.url(), js, lang);

        // Narrow screens: no horizontal scroll on the list and the event page.
        await page.setViewportSize({ width: 320, height: 800 });
        for (const url of [page.url(), list]) {
          await page.goto(url, { waitUntil: 'load' });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${url}: ${overflow}px of horizontal scroll at 320 px`);
        }
      } finally {
        await context.close();
      }
    });
  }
}

for (const [lang, js] of [['lv', false], ['uk', true]]) {
  test(`${lang}, JavaScript ${js ? 'on' : 'off'}: a filter's short feed address, 0 axe violations`, async () => {
    const context = await newContext(browser, { js, lang, bypassCSP: js });
    try {
      const page = await context.newPage();
      // A filter of its own in each run, so the address is not made yet.
      const category = lang === 'lv' ? 'conversation-club' : 'family-culture-evening';
      await page.goto(server.url(`/${lang}/events?category=${category}`), { waitUntil: 'load' });
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a[href*="/events/short-feed?"]')]);
      await noViolations(page, page.url(), js, lang);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('main form button[type=submit]')]);
      assert.match(await page.inputValue('#short-url'), /\/f\/feed-[0-9a-f]{10}\.[a-z]{2}\.ics$/);
      await noViolations(page, page.url(), js, lang);
    } finally {
      await context.close();
    }
  });
}
