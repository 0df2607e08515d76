// The initiatives' public pages in a real browser: the list and an initiative with its
// partnerships and budget tables, four languages, JavaScript on and off, 0 axe violations,
// no horizontal scroll at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemoServer, stopAndCheck, launchBrowser, newContext, runAxe, axeOnHtml, formatViolations, LANGS,
} from './harness.mjs';

const server = await startDemoServer();
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the initiatives and one with its tables`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        for (const path of [`/${lang}/initiatives`, `/${lang}/initiatives/libri`, `/${lang}/initiatives/ieklaujosu-biblioteku-tikls`]) {
          await page.goto(server.url(path), { waitUntil: 'load' });
          const violations = js ? await runAxe(page) : await axeOnHtml(browser, page.url(), await page.content(), { lang });
          assert.equal(violations.length, 0, `${path}:\n${formatViolations(violations)}`);
        }
        await page.setViewportSize({ width: 320, height: 800 });
        await page.goto(server.url(`/${lang}/initiatives/libri`), { waitUntil: 'load' });
        assert.equal(await page.locator('table.data').count(), 2, 'partnerships and hackathons');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${overflow}px of horizontal scroll at 320 px`);
      } finally {
        await context.close();
      }
    });
  }
}
