// The back office's editing pages in a real browser (QUALITY W1, W4, R7): each form with and
// without errors passes axe with 0 violations, with JavaScript off, in Latvian and Ukrainian;
// and hostile text saved in every editable field never runs on any page in any language, with
// JavaScript on, while every page is sent with a strict Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, TEST_PASSWORD, addUser, makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext,
  axeOnHtml, formatViolations,
  assertNoAxeViolations, signInPage,
} from './harness.mjs';

const A = 'ogres-centrala-biblioteka';
let server;
let browser;

before(async () => {
  const db = await makeDemoDb(makeTempDir());
  await addUser(db, ['--email', 'anna@example.lv', '--name', 'Anna', '--role', 'librarian',
    '--library', A]);
  await addUser(db, ['--email', 'olga@example.lv', '--name', 'Olga', '--role', 'coordinator']);
  server = await startServer({ db });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

async function signIn(context, lang, email) {
  const page = await context.newPage();
  await signInPage(page, server, lang, email, TEST_PASSWORD);
  return page;
}

async function assertAxe(page, lang) {
  await assertNoAxeViolations(browser, page.url(), await page.content(), lang);
}

async function submit(page) {
  await Promise.all([page.waitForNavigation(), page.click('form[novalidate] button[type=submit]')]);
}

for (const lang of ['lv', 'uk']) {
  test(`${lang}: every editing form, with and without errors, passes axe (JavaScript off)`,
    async () => {
      const context = await newContext(browser, { js: false, lang });
      try {
        const page = await signIn(context, lang, 'anna@example.lv');
        const base = `/${lang}/manage/libraries/${A}`;
        for (const path of ['/' + lang + '/manage', base, `${base}/texts`, `${base}/contacts`,
          `${base}/place`, `${base}/hours`, `${base}/exceptions`, `${base}/features`,
          `${base}/services/new`]) {
          const res = await page.goto(server.url(path));
          assert.equal(res.status(), 200, path);
          await assertAxe(page, lang);
        }
        // Errors: the summary first, each field marked, the title starting with "Error".
        await page.goto(server.url(`${base}/hours`));
        await page.fill('#mo-opens1', '18:00');
        await page.fill('#mo-closes1', '08:00');
        await submit(page);
        assert.equal(await page.locator('.error-summary a[href="#mo-closes1"]').count(), 1);
        await assertAxe(page, lang);
        await page.goto(server.url(`${base}/place`));
        await page.fill('#address_1', '');
        await page.fill('#latitude', 'north');
        await submit(page);
        assert.ok(await page.locator('.error-summary li').count() >= 2);
        await assertAxe(page, lang);
        await page.goto(server.url(`${base}/services/new`));
        await submit(page);
        assert.equal(await page.locator('.error-summary a[href="#name"]').count(), 1);
        await assertAxe(page, lang);
        await page.goto(server.url(`${base}/exceptions`));
        await page.fill('#date', '31.02.2030');
        await submit(page);
        assert.equal(await page.locator('.error-summary a[href="#date"]').count(), 1);
        await assertAxe(page, lang);
      } finally {
        await context.close();
      }
    });
}

test('the review queue and a proposal pass axe; a decision without a choice is an error',
  async () => {
    const librarian = await newContext(browser, { js: false, lang: 'lv' });
    const coordinator = await newContext(browser, { js: false, lang: 'uk' });
    try {
      const page = await signIn(librarian, 'lv', 'anna@example.lv');
      await page.goto(server.url(`/lv/manage/libraries/${A}/texts`));
      await page.fill('#description', 'Jauns apraksts pārbaudei');
      await submit(page);
      const review = await signIn(coordinator, 'uk', 'olga@example.lv');
      await review.goto(server.url('/uk/manage/reviews'));
      await assertAxe(review, 'uk');
      await Promise.all([review.waitForNavigation(), review.click('table a')]);
      await assertAxe(review, 'uk');
      await submit(review);
      assert.equal(await review.locator('.error-summary a[href="#decision"]').count(), 1);
      await assertAxe(review, 'uk');
    } finally {
      await librarian.close();
      await coordinator.close();
    }
  });

const HOSTILE = [
  '<script>window.__pwned = 1</script>Ogres bibliotēka',
  '"><img src=x onerror="window.__pwned=2">Київ',
  "'><svg onload=window.__pwned=3>Rēzekne Резекне",
  '</textarea><script>window.__pwned=4</script>',
  '{{t.site.name}} javascript:window.__pwned=5',
];

test('hostile text saved in every editable field never runs, in any language', async () => {
  const context = await newContext(browser, { js: true, lang: 'lv' });
  const dialogs = [];
  try {
    const page = await signIn(context, 'lv', 'olga@example.lv');
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const base = `/lv/manage/libraries/${A}`;
    async function save(path, fields) {
      await page.goto(server.url(path));
      for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
      await submit(page);
    }
    await save(`${base}/texts`, { name: HOSTILE[0], alternate_name: HOSTILE[2],
      description: HOSTILE.join('\n') });
    await save(`${base}/place`, { address_1: HOSTILE[1], city: HOSTILE[2], latitude: '',
      longitude: '' });
    await save(`${base}/exceptions`, { date: '2030-12-23', note: HOSTILE[1] });
    await save(`${base}/services/new`, { name: HOSTILE[3], description: HOSTILE.join('\n') });
    // A website with a javascript: URL is refused, never stored.
    await save(`${base}/contacts`, { website: 'javascript:window.__pwned=6' });
    assert.equal(await page.locator('.error-summary a[href="#website"]').count(), 1);

    const pages = [`/lv/manage`, base, `${base}/texts`, `${base}/place`, `${base}/exceptions`];
    for (const lang of LANGS) {
      pages.push(`/${lang}/libraries/${A}`, `/${lang}/libraries?q=Ogres`, `/${lang}/`);
    }
    for (const path of pages) {
      const res = await page.goto(server.url(path));
      assert.ok(res.status() < 400, `${path}: ${res.status()}`);
      const csp = res.headers()['content-security-policy'] ?? '';
      assert.match(csp, /script-src 'self'/, `${path}: CSP`);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${path}: CSP`);
      await page.waitForLoadState('load');
      assert.equal(await page.evaluate(() => window.__pwned), undefined, `${path}: script ran`);
      assert.equal(await page.locator('script:not([src]):not([type="application/ld+json"])').count(), 0, `${path}: inline script`);
    }
    // The text is shown as text.
    await page.goto(server.url(`/uk/libraries/${A}`));
    assert.match(await page.content(), /&lt;script&gt;window.__pwned = 1&lt;\/script&gt;/);
    assert.deepEqual(dialogs, []);
  } finally {
    await context.close();
  }
});

for (const lang of ['lv', 'uk']) {
  test(`${lang}: the coordinators' taxonomy and new-organisation forms pass axe`, async () => {
    const context = await newContext(browser, { js: false, lang });
    try {
      const page = await signIn(context, lang, 'olga@example.lv');
      for (const path of [`/${lang}/manage/taxonomies`,
        `/${lang}/manage/taxonomies/accessibility/terms/parking`,
        `/${lang}/manage/taxonomies/accessibility/new-term`, `/${lang}/manage/organizations/new`]) {
        assert.equal((await page.goto(server.url(path))).status(), 200, path);
        await assertAxe(page, lang);
      }
      await page.fill('#name', '');
      await submit(page);
      assert.equal(await page.locator('.error-summary a[href="#name"]').count(), 1);
      await assertAxe(page, lang);
    } finally {
      await context.close();
    }
  });
}
