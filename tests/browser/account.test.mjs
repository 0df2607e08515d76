// The sign-in journey in a real browser with JavaScript off (QUALITY W1, W2, W4): the form, its
// error state and the account page, in two languages, each with 0 axe-core violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  BIN, makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, axeOnHtml,
  formatViolations,
  assertNoAxeViolations,
} from './harness.mjs';

const PASSWORD = 'a long enough passphrase';
let server;
let browser;

function addUser(db, email) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('TILTI_')) delete env[k];
    const child = spawn(BIN, ['user', 'add', '--email', email, '--name', 'Līga Ozoliņa',
      '--role', 'librarian', '--library', 'ogres-centrala-biblioteka', '--password-stdin', '--db', db],
      { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

before(async () => {
  const db = await makeDemoDb(makeTempDir());
  await addUser(db, 'liga@example.lv');
  server = await startServer({ db });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

for (const lang of ['lv', 'en']) {
  test(`${lang}: sign in with JavaScript off; form, errors and account page pass axe`, async () => {
    const context = await newContext(browser, { js: false, lang });
    try {
      const page = await context.newPage();
      const formUrl = server.url(`/${lang}/account/sign-in`);
      assert.equal((await page.goto(formUrl)).status(), 200);
      await assertNoAxeViolations(browser, formUrl, await page.content(), lang);

      // A wrong password: the error summary, the e-mail kept, the password not.
      await page.fill('#email', 'liga@example.lv');
      await page.fill('#password', 'not the password');
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      assert.equal(await page.locator('.error-summary').count(), 1);
      assert.equal(await page.inputValue('#email'), 'liga@example.lv');
      assert.equal(await page.inputValue('#password'), '');
      assert.match(await page.title(), lang === 'lv' ? /^Kļūda: / : /^Error: /);
      await assertNoAxeViolations(browser, formUrl, await page.content(), lang);

      await page.fill('#password', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
      // Signing in leads to the back office; the account page is one link away.
      assert.equal(new URL(page.url()).pathname, `/${lang}/manage`);
      await page.goto(server.url(`/${lang}/account`));
      assert.equal(await page.locator('h1').count(), 1);
      const accountHtml = await page.content();
      assert.match(accountHtml, /Līga Ozoliņa/);
      await assertNoAxeViolations(browser, page.url(), accountHtml, lang);

      // Sign out, then the account page sends the browser back to the form.
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/account/sign-out"] button')]);
      assert.equal(new URL(page.url()).pathname, `/${lang}/`);
      await page.goto(server.url(`/${lang}/account`));
      assert.equal(new URL(page.url()).pathname, `/${lang}/account/sign-in`);
    } finally {
      await context.close();
    }
  });
}
