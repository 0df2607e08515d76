// The translation pages in a real browser (QUALITY W4, R7): the dashboard and the edit page,
// with and without errors, JavaScript off, in lv and uk, each with 0 axe-core violations; and
// hostile text saved as a translation never runs on the public page in that language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  addUser, TEST_PASSWORD, makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, axeOnHtml,
  formatViolations,
  assertNoAxeViolations, signInPage,
} from './harness.mjs';

const PASSWORD = TEST_PASSWORD;
const OGRE = 'ogres-centrala-biblioteka';
let server;
let browser;
let ogreId;

/** A librarian of the library, with the test password. */
function addLibrarian(db, email) {
  return addUser(db, ['--email', email, '--name', 'Līga Ozoliņa', '--role', 'librarian',
    '--library', OGRE]);
}

before(async () => {
  const db = await makeDemoDb(makeTempDir());
  ogreId = execFileSync('sqlite3', [db, `SELECT id FROM organization WHERE slug = '${OGRE}'`]).toString().trim();
  // Something missing, so the dashboard has rows.
  execFileSync('sqlite3', [db, `DELETE FROM translation WHERE entity = 'organization' AND entity_id = '${ogreId}' AND locale = 'uk' AND field = 'description'`]);
  await addLibrarian(db, 'liga@example.lv');
  server = await startServer({ db });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

for (const lang of ['lv', 'uk']) {
  test(`${lang}: dashboard and edit page, with and without errors, JavaScript off, pass axe`, async () => {
    const context = await newContext(browser, { js: false, lang });
    try {
      const page = await context.newPage();
      await signInPage(page, server, lang, 'liga@example.lv', PASSWORD);
      const dashUrl = server.url(`/${lang}/manage/translations?locale=uk`);
      assert.equal((await page.goto(dashUrl)).status(), 200);
      assert.equal(await page.locator('h1').count(), 1);
      await assertNoAxeViolations(browser, dashUrl, await page.content(), lang);

      await Promise.all([page.waitForNavigation(),
        page.click(`a[href^="/${lang}/manage/translations/organization/${ogreId}"]`)]);
      assert.equal(await page.locator('textarea#description[lang="uk"]').count(), 1);
      await assertNoAxeViolations(browser, page.url(), await page.content(), lang);

      await page.fill('#name', 'x'.repeat(301));
      await Promise.all([page.waitForNavigation(), page.click('form[method=post] button[type=submit]')]);
      assert.equal(await page.locator('.error-summary').count(), 1);
      assert.equal(await page.inputValue('#name'), 'x'.repeat(301));
      assert.match(await page.title(), lang === 'lv' ? /^Kļūda: / : /^Помилка: /);
      await assertNoAxeViolations(browser, page.url(), await page.content(), lang);
    } finally {
      await context.close();
    }
  });
}

test('hostile text saved as a translation never runs on the public page', async () => {
  const hostile = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2">' +
    ' javascript:alert(1) Rīgā — в Ризі <svg onload=alert(3)>';
  const context = await newContext(browser, { js: false, lang: 'uk' });
  try {
    const page = await context.newPage();
    await signInPage(page, server, 'uk', 'liga@example.lv', PASSWORD);
    await page.goto(server.url(`/uk/manage/translations/organization/${ogreId}?locale=uk`));
    await page.fill('#name', 'Огре "><img src=x onerror=alert(1)> javascript:alert(2)');
    await page.fill('#description', hostile);
    await Promise.all([page.waitForNavigation(), page.click('form[method=post] button[type=submit]')]);
    assert.equal(await page.locator('.error-summary').count(), 0, await page.content());
    // The edit page shows it back as text too.
    assert.equal(await page.inputValue('#description'), hostile);
  } finally {
    await context.close();
  }
  const visitor = await newContext(browser, { js: true, lang: 'uk' });
  try {
    const page = await visitor.newPage();
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    for (const path of [`/uk/libraries/${OGRE}`, `/uk/libraries?q=${encodeURIComponent('Огре')}`]) {
      assert.equal((await page.goto(server.url(path))).status(), 200);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, path);
      assert.equal(await page.locator('img[src="x"]').count(), 0, path);
      assert.equal(await page.locator('svg[onload]').count(), 0, path);
    }
    const html = await page.goto(server.url(`/uk/libraries/${OGRE}`)).then((r) => r.text());
    assert.ok(html.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'), 'shown as text');
    assert.deepEqual(dialogs, []);
  } finally {
    await visitor.close();
  }
});
