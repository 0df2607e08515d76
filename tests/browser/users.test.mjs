// Back-office users and password resets in a real browser with JavaScript off (QUALITY W1,
// W2, W4), in Latvian and Ukrainian: the users list, the invitation form with and without
// errors, the link shown after inviting, and the reset form with and without errors, each with
// 0 axe-core violations; the invited person sets a password and signs in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  BIN, makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, axeOnHtml,
  formatViolations,
  assertNoAxeViolations,
} from './harness.mjs';

const PASSWORD = 'a long enough passphrase';
const NEW_PASSWORD = 'zaļš kaķis skrien pa jumtu';
let server;
let browser;

function addCoordinator(db, email) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('TILTI_')) delete env[k];
    const child = spawn(BIN, ['user', 'add', '--email', email, '--name', 'Olga Koordinatore',
      '--role', 'coordinator', '--password-stdin', '--db', db], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

before(async () => {
  const db = await makeDemoDb(makeTempDir());
  await addCoordinator(db, 'olga@example.lv');
  server = await startServer({ db });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

async function submit(page, selector = 'main form[method=post] button[type=submit]') {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

for (const lang of ['lv', 'uk']) {
  test(`${lang}: invite and reset with JavaScript off; every page passes axe`, async () => {
    const context = await newContext(browser, { js: false, lang });
    try {
      const page = await context.newPage();
      // Sign in through ?next= and land on the users list.
      await page.goto(server.url(`/${lang}/manage/users`));
      assert.equal(new URL(page.url()).pathname, `/${lang}/account/sign-in`);
      await page.fill('#email', 'olga@example.lv');
      await page.fill('#password', PASSWORD);
      await submit(page);
      assert.equal(new URL(page.url()).pathname, `/${lang}/manage/users`);
      await assertNoAxeViolations(browser, page.url(), await page.content(), lang);

      // The invitation form, empty and with errors.
      await page.goto(server.url(`/${lang}/manage/users/invite`));
      await assertNoAxeViolations(browser, page.url(), await page.content(), lang);
      await page.fill('#email', 'not an address');
      await page.fill('#name', 'Тарас Шевченко');
      await page.check('input[name=role][value=librarian]');
      await page.fill('#organizations', 'no-such-library');
      await submit(page);
      assert.equal(await page.locator('.error-summary').count(), 1);
      assert.equal(await page.inputValue('#name'), 'Тарас Шевченко');
      assert.equal(await page.inputValue('#organizations'), 'no-such-library');
      assert.match(await page.title(), lang === 'lv' ? /^Kļūda: / : /^Помилка: /);
      await assertNoAxeViolations(browser, page.url(), await page.content(), lang);

      // Corrected: the link is shown once.
      const email = `taras-${lang}@example.lv`;
      await page.fill('#email', email);
      await page.fill('#organizations', 'ogres-centrala-biblioteka');
      await submit(page);
      const link = await page.locator('code.reset-link').textContent();
      assert.match(link, /\/account\/reset\/[A-Za-z0-9_-]{43}$/);
      await assertNoAxeViolations(browser, page.url(), await page.content(), lang);

      // The invited person, in another browser context: the reset form, errors, then done.
      const theirs = await newContext(browser, { js: false, lang });
      try {
        const p = await theirs.newPage();
        await p.goto(link);
        await assertNoAxeViolations(browser, p.url(), await p.content(), lang);
        await p.fill('#password', NEW_PASSWORD);
        await p.fill('#confirm', 'something else entirely');
        await submit(p);
        assert.equal(await p.locator('.error-summary').count(), 1);
        assert.match(await p.locator('.error-summary').innerText(),
          lang === 'lv' ? /Abas paroles nesakrīt/ : /Паролі не збігаються/);
        assert.equal(await p.inputValue('#password'), '', 'the password is never kept');
        await assertNoAxeViolations(browser, p.url(), await p.content(), lang);
        await p.fill('#password', NEW_PASSWORD);
        await p.fill('#confirm', NEW_PASSWORD);
        await submit(p);
        assert.equal(await p.locator('.error-summary').count(), 0, await p.locator('main').innerText());
        await assertNoAxeViolations(browser, p.url(), await p.content(), lang);
        await Promise.all([p.waitForNavigation(), p.click('main a[href$="/account/sign-in"]')]);
        await p.fill('#email', email);
        await p.fill('#password', NEW_PASSWORD);
        await submit(p);
        assert.equal(new URL(p.url()).pathname, `/${lang}/manage`);
      } finally {
        await theirs.close();
      }
    } finally {
      await context.close();
    }
  });
}
