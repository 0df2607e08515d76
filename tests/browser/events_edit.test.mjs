// The back-office event forms in a real browser, JavaScript on and off, in several languages:
// the new-event form with errors and then saved, the edit page, one date's page and the
// printable programme; 0 axe violations each (QUALITY W1, W2, W4), a hostile title shown as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  startDemoServer, stopAndCheck, launchBrowser, newContext, runAxe, axeOnHtml,
  formatViolations, addUser, signInPage, TEST_PASSWORD,
} from './harness.mjs';

const OGRE = 'ogres-centrala-biblioteka';
const server = await startDemoServer();
const ERROR = { lv: 'Kļūda:', ru: 'Ошибка:', uk: 'Помилка:', en: 'Error:' };
let browser;
before(async () => {
  browser = await launchBrowser();
  await addUser(path.join(server.dir, 'tilti.db'), ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian', '--library', OGRE]);
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

async function noViolations(page, js, lang) {
  const violations = js ? await runAxe(page) : await axeOnHtml(browser, page.url(), await page.content(), { lang });
  assert.equal(violations.length, 0, `${page.url()}:\n${formatViolations(violations)}`);
}
const submit = (page) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('main form[novalidate] .form-actions button[type=submit]')]);

for (const [lang, js] of [['lv', false], ['lv', true], ['ru', true], ['uk', false], ['en', true]]) {
  test(`${lang}, JavaScript ${js ? 'on' : 'off'}: new event with errors, saved, edited, a date, the programme`, async () => {
    const context = await newContext(browser, { js, lang, bypassCSP: js });
    try {
      const page = await context.newPage();
      await signInPage(page, server, lang, 'lib@example.lv', TEST_PASSWORD);
      await page.goto(server.url(`/${lang}/manage/libraries/${OGRE}/events/new`), { waitUntil: 'load' });
      await noViolations(page, js, lang);
      await submit(page);
      assert.ok((await page.title()).startsWith(ERROR[lang]), await page.title());
      assert.ok(await page.locator('.error-summary a[href="#title"]').count() === 1);
      await noViolations(page, js, lang);

      const title = `<img src=x onerror=alert(1)> ${lang} ${js}`;
      await page.fill('#title', title);
      await page.selectOption('#category', 'conversation-club');
      await page.fill('#date', '7.12.2026');
      await page.fill('#start_time', '17:00');
      await page.fill('#end_time', '18:00');
      await page.check('input[name=repeat][value=weekly]');
      await page.check('input[name=ends][value=count]');
      await page.fill('#count', '4');
      await submit(page);
      assert.match(page.url(), /\/manage\/events\/[0-9a-f-]{36}\?done=saved$/);
      assert.equal(await page.inputValue('#title'), title, 'kept as text');
      assert.equal(await page.locator('ul.event-dates li').count(), 4);
      await noViolations(page, js, lang);

      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('ul.event-dates li >> nth=1 >> a >> nth=0')]);
      assert.match(page.url(), /\/dates\/2026-12-14T17:00$/);
      await noViolations(page, js, lang);
      await page.check('input[name=action][value=cancel]');
      await submit(page);
      assert.ok((await page.title()).startsWith(ERROR[lang]), 'a cancellation needs a reason');
      await noViolations(page, js, lang);

      await page.goto(server.url(`/${lang}/manage/libraries/${OGRE}/programme?month=2026-12&per=week`), { waitUntil: 'load' });
      assert.ok(await page.locator('section.programme-page').count() >= 3);
      await noViolations(page, js, lang);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.back-office-nav').isVisible(), false, 'menus are not printed');
    } finally {
      await context.close();
    }
  });
}
