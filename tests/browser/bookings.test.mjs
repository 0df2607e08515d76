// Booking the sensory reading room in a real browser, four languages, JavaScript on and off,
// one thing per page: the resource, choose a day (a typed date with an error, then the list),
// choose a time (an error first), your details (an error first; the hold's end stated), check
// your answers, the booking's private page. Then the librarian's day view and the desk form.
// 0 axe violations on every page, errors included (QUALITY W1, W2, W4, W5); no horizontal
// scroll at 320 px (W3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  startDemoServer, stopAndCheck, launchBrowser, newContext, expectNoViolations, navigate, expectFormError,
  LANGS, addUser, signInPage, TEST_PASSWORD,
} from './harness.mjs';

const server = await startDemoServer({ args: ['--registration-limit', '100'] });
const db = path.join(server.dir, 'tilti.db');
const sql = (q) => execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();
const room = sql("SELECT id FROM resource WHERE name = 'Sensorā lasītava'");
const computers = sql("SELECT r.id FROM resource r JOIN organization o ON o.id = r.organization_id WHERE o.slug = 'latgales-centrala-biblioteka' AND r.kind = 'workstation'");
const ERROR = { lv: 'Kļūda:', ru: 'Ошибка:', uk: 'Помилка:', en: 'Error:' };
let browser;
before(async () => {
  browser = await launchBrowser();
  await addUser(db, ['--email', 'desk@example.lv', '--name', 'Desk', '--role', 'librarian',
    '--library', 'latgales-centrala-biblioteka']);
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

const noViolations = (page, js, lang) => expectNoViolations(browser, page, js, lang);
const go = navigate;
const expectError = expectFormError;

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: book the sensory room step by step, errors included`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        await page.goto(server.url(`/${lang}/resources/${room}`), { waitUntil: 'load' });
        assert.equal(await page.locator('ol.visual-story li').count(), 4);
        await noViolations(page, js, lang);

        // Choose a day: a typed date that is no date first.
        await go(page, page.click('main a.button'));
        assert.match(page.url(), /\/book$/);
        await noViolations(page, js, lang);
        await page.fill('#date', '35.13.2026');
        await go(page, page.click('main form button[type=submit]'));
        assert.ok((await page.title()).startsWith(ERROR[lang]), await page.title());
        await expectError(page, 'date');
        assert.equal(await page.inputValue('#date'), '35.13.2026');
        await noViolations(page, js, lang);
        await go(page, page.click('.day-list a >> nth=0'));
        assert.match(page.url(), /\/book\?date=\d{4}-\d{2}-\d{2}$/);
        await noViolations(page, js, lang);

        // Choose a time: nothing chosen first.
        await go(page, page.click('main form[novalidate] button[type=submit]'));
        assert.ok((await page.title()).startsWith(ERROR[lang]));
        await expectError(page, 'start');
        await noViolations(page, js, lang);
        await page.check('input[name=start] >> nth=0');
        await go(page, page.click('main form[novalidate] button[type=submit]'));
        assert.match(page.url(), /\/book\/[A-Za-z0-9_-]{43}$/);
        assert.match(await page.locator('.notice[role=status]').innerText(), /\d\d:\d\d/, 'the hold says until when');
        await noViolations(page, js, lang);

        // Your details: nothing typed first.
        await go(page, page.click('main form[novalidate] button[type=submit]'));
        assert.ok((await page.title()).startsWith(ERROR[lang]));
        await expectError(page, 'name');
        await noViolations(page, js, lang);
        await page.fill('#name', `Tester ${lang} ${js} <i>`);
        await page.selectOption('#target_group', 'seniors');
        await go(page, page.click('main form[novalidate] button[type=submit]'));
        assert.match(page.url(), /\/check$/);
        assert.ok((await page.locator('.summary-list').innerText()).includes(`Tester ${lang} ${js} <i>`));
        await noViolations(page, js, lang);

        await go(page, page.click('#confirm'));
        assert.match(page.url(), /\/bookings\/[A-Za-z0-9_-]{43}\?new=1$/);
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

for (const [lang, js] of [['lv', false], ['ru', true], ['uk', false], ['en', true]]) {
  test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the librarian's day view and booking at the desk`, async () => {
    const context = await newContext(browser, { js, lang, bypassCSP: js });
    try {
      const page = await context.newPage();
      await signInPage(page, server, lang, 'desk@example.lv', TEST_PASSWORD);
      await page.goto(server.url(`/${lang}/manage/libraries/latgales-centrala-biblioteka/bookings?view=week`), { waitUntil: 'load' });
      await noViolations(page, js, lang);
      await page.fill('#date', 'rīt');
      await go(page, page.click('main form.inline-form button[type=submit]'));
      assert.ok((await page.title()).startsWith(ERROR[lang]));
      await noViolations(page, js, lang);
      // Block time with the end before the start: the same page, that form open and kept.
      const block = page.locator(`form[action$="/resources/${computers}/blocks"]`);
      await page.locator('details', { has: block }).locator('summary').click();
      await block.locator('input[name=from]').fill('12:00');
      await block.locator('input[name=to]').fill('11:00');
      await go(page, block.locator('button[type=submit]').click());
      await expectError(page, `block-to-${computers}`);
      assert.equal(await page.inputValue(`#block-from-${computers}`), '12:00');
      await noViolations(page, js, lang);
      await page.goto(server.url(`/${lang}/manage/resources/${computers}/book`), { waitUntil: 'load' });
      await noViolations(page, js, lang);
      await go(page, page.click('main form[novalidate][method=post] button[type=submit]'));
      assert.ok((await page.title()).startsWith(ERROR[lang]));
      await noViolations(page, js, lang);
    } finally {
      await context.close();
    }
  });
}
