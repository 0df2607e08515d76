// Registration in a real browser, four languages, JavaScript on and off: from the event page to
// the form, an error (summary focused first, "Error:" title), a registration, the private page,
// a change and a cancellation; then the librarian's page of that date. 0 axe violations on every
// page (QUALITY W1, W2, W4), no horizontal scroll at 320 px (W3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  startDemoServer, stopAndCheck, launchBrowser, newContext, runAxe, axeOnHtml,
  formatViolations, LANGS, addUser, signInPage, TEST_PASSWORD,
} from './harness.mjs';

const server = await startDemoServer({ args: ['--registration-limit', '100'] });
const db = path.join(server.dir, 'tilti.db');
const sql = (q) => execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();
const clubId = sql("SELECT id FROM event WHERE title = 'Latviešu sarunvalodas klubs'");
const ERROR = { lv: 'Kļūda:', ru: 'Ошибка:', uk: 'Помилка:', en: 'Error:' };
let browser;
before(async () => {
  browser = await launchBrowser();
  await addUser(db, ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian',
    '--library', 'latgales-centrala-biblioteka']);
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

async function noViolations(page, js, lang) {
  const url = page.url();
  const violations = js ? await runAxe(page) : await axeOnHtml(browser, url, await page.content(), { lang });
  assert.equal(violations.length, 0, `${url}:\n${formatViolations(violations)}`);
}

async function submit(page, selector = 'main form[novalidate] button[type=submit]') {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: register with an error, then see, change and cancel`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        await page.goto(server.url(`/${lang}/events/${clubId}`), { waitUntil: 'load' });
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a.button[href*="/register?on="]')]);
        assert.match(page.url(), /\/register\?on=/);
        await noViolations(page, js, lang);

        // Nothing typed: the error summary, the "Error:" title, and the field's own message.
        await submit(page);
        assert.ok((await page.title()).startsWith(ERROR[lang]), await page.title());
        assert.equal(await page.locator('.error-summary a[href="#name"]').count(), 1);
        assert.equal(await page.locator('#name-error').count(), 1);
        await noViolations(page, js, lang);

        await page.fill('#name', `Tester ${lang} ${js} <b>`);
        await page.fill('#party_size', '2');
        await page.check('input[name=needs][value=step-free]');
        await submit(page);
        assert.match(page.url(), /\/registrations\/[A-Za-z0-9_-]{43}\?new=1$/);
        assert.equal(await page.locator('.registration-places li').count(), 1);
        await noViolations(page, js, lang);
        assert.equal(await page.inputValue('#name'), `Tester ${lang} ${js} <b>`, 'shown as typed, escaped');

        await page.fill('#party_size', '1');
        await submit(page);
        assert.match(page.url(), /done=changed/);
        assert.equal(await page.inputValue('#party_size'), '1');

        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.registration-places button[type=submit]')]);
        assert.match(page.url(), /done=cancelled/);
        assert.equal(await page.locator('.registration-places button').count(), 0);
        await noViolations(page, js, lang);

        await page.setViewportSize({ width: 320, height: 800 });
        await page.reload({ waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${page.url()}: ${overflow}px of horizontal scroll at 320 px`);
      } finally {
        await context.close();
      }
    });
  }
}

for (const [lang, js] of [['lv', false], ['uk', true]]) {
  test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the librarian's date page, head counts with an error`, async () => {
    const context = await newContext(browser, { js, lang, bypassCSP: js });
    try {
      const page = await context.newPage();
      await signInPage(page, server, lang, 'lib@example.lv', TEST_PASSWORD);
      await page.goto(server.url(`/${lang}/manage/libraries/latgales-centrala-biblioteka/registrations`), { waitUntil: 'load' });
      await noViolations(page, js, lang);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('table.data a >> nth=0')]);
      assert.match(page.url(), /\/manage\/occurrences\//);
      await noViolations(page, js, lang);
      await page.fill('input[name=count-unspecified]', '-3');
      await submit(page, 'main form[novalidate] button[type=submit]');
      assert.ok((await page.title()).startsWith(ERROR[lang]));
      await noViolations(page, js, lang);
      await page.goto(server.url(`/${lang}/manage/statistics`), { waitUntil: 'load' });
      await noViolations(page, js, lang);
    } finally {
      await context.close();
    }
  });
}
