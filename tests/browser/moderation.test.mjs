// The moderation queue, a report page (with and without the error summary) and the freshness
// view in a real browser with JavaScript off, in Latvian and Ukrainian, each with 0 axe-core
// violations; a hostile report message is shown as text and never runs (QUALITY W1, W2, W4, R7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  addUser, TEST_PASSWORD, makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, axeOnHtml,
  formatViolations, get,
  assertNoAxeViolations, signInPage,
} from './harness.mjs';

const LIBRARY = 'ogres-centrala-biblioteka';
const PASSWORD = TEST_PASSWORD;
const HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> Lūdzu, pārbaudiet laikus';
let server;
let browser;

/** A librarian of the library, with the test password. */
function addLibrarian(db, email) {
  return addUser(db, ['--email', email, '--name', 'Līga Ozoliņa', '--role', 'librarian',
    '--library', LIBRARY]);
}

async function publicReport(lang) {
  const url = `${server.origin}/${lang}/libraries/${LIBRARY}/report`;
  const form = await get(url);
  const cookie = form.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf=')).split(';')[0];
  const csrf = /name="csrf" value="([0-9a-f]{32})"/.exec(form.body)[1];
  const res = await get(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie },
    body: new URLSearchParams({ csrf, topic: 'hours', message: HOSTILE }).toString(),
  });
  assert.equal(res.status, 303);
}

before(async () => {
  const db = await makeDemoDb(makeTempDir());
  await addLibrarian(db, 'liga@example.lv');
  server = await startServer({ db });
  browser = await launchBrowser();
  await publicReport('uk');
  await publicReport('lv');
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

for (const lang of ['lv', 'uk']) {
  test(`${lang}: queue, report with and without errors, freshness view, JavaScript off, pass axe`, async () => {
    const context = await newContext(browser, { js: false, lang });
    try {
      const page = await context.newPage();
      await signInPage(page, server, lang, 'liga@example.lv', PASSWORD);

      const queueUrl = server.url(`/${lang}/manage/reports`);
      assert.equal((await page.goto(queueUrl)).status(), 200);
      assert.equal(await page.locator('h1').count(), 1);
      await assertNoAxeViolations(browser, queueUrl, await page.content(), lang);

      // The filter is a plain GET form.
      await page.check('#status-closed');
      await Promise.all([page.waitForNavigation(), page.click('form[method=get] button')]);
      assert.match(page.url(), /status=closed/);
      await page.goto(queueUrl);

      await Promise.all([page.waitForNavigation(), page.click('table.reports tbody tr:first-child td:last-child a')]);
      const reportUrl = page.url();
      assert.match(new URL(reportUrl).pathname, new RegExp(`^/${lang}/manage/reports/[0-9a-f-]{36}$`));
      assert.equal(await page.locator('blockquote.report-message').count(), 1);
      await assertNoAxeViolations(browser, reportUrl, await page.content(), lang);

      // Closing without a note: the error summary; the page still passes axe.
      await Promise.all([page.waitForNavigation(), page.click('main form[method=post] button[type=submit]')]);
      assert.equal(await page.locator('.error-summary').count(), 1);
      assert.match(await page.title(), lang === 'lv' ? /^Kļūda: / : /^Помилка: /);
      await assertNoAxeViolations(browser, reportUrl, await page.content(), lang);

      const freshUrl = server.url(`/${lang}/manage/freshness`);
      assert.equal((await page.goto(freshUrl)).status(), 200);
      assert.ok(await page.locator('table.freshness button').count() > 0);
      await assertNoAxeViolations(browser, freshUrl, await page.content(), lang);

      // A wrong number of months: the error summary, what was typed kept.
      await page.fill('#months', 'abc');
      await Promise.all([page.waitForNavigation(), page.click('main form[method=get] button')]);
      assert.equal(await page.locator('.error-summary').count(), 1);
      assert.equal(await page.inputValue('#months'), 'abc');
      await assertNoAxeViolations(browser, page.url(), await page.content(), lang);

      // One click confirms the library; the view comes back without it (once: both languages
      // share the server).
      if (lang === 'lv') {
        const confirm = page.locator(`form[action="/${lang}/manage/libraries/${LIBRARY}/checked"] button`);
        await page.goto(freshUrl);
        assert.equal(await confirm.count(), 1);
        await Promise.all([page.waitForNavigation(), confirm.click()]);
        assert.match(page.url(), /checked=1/);
        assert.equal(await confirm.count(), 0);
        assert.equal(await page.locator('.notice[role=status]').count(), 1);
        await assertNoAxeViolations(browser, page.url(), await page.content(), lang);
      }
    } finally {
      await context.close();
    }
  });
}

test('a hostile report message is shown as text and never runs', async () => {
  const off = await newContext(browser, { js: false, lang: 'lv' });
  const on = await newContext(browser, { js: true, lang: 'lv', bypassCSP: true });
  try {
    await signInPage(await off.newPage(), server, 'lv', 'liga@example.lv', PASSWORD);
    await on.addCookies(await off.cookies());
    const page = await on.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    await page.goto(server.url('/lv/manage/reports'));
    const cell = page.locator('table.reports td[lang]').first();
    assert.equal(await cell.textContent(), HOSTILE);
    await Promise.all([page.waitForNavigation(), page.click('table.reports tbody tr:first-child td:last-child a')]);
    assert.equal((await page.locator('blockquote.report-message').textContent()).trim(), HOSTILE);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(await page.locator('main script').count(), 0);
    await page.waitForTimeout(200);
    assert.equal(dialogs, 0, 'a script from the message ran');
  } finally {
    await off.close();
    await on.close();
  }
});
