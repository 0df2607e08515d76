// The methodology library in a real browser (issue 8): the list, a document with two versions and
// its earlier version, and the coordinator's form with a file that is no document; four
// languages, JavaScript on and off, 0 axe violations, no horizontal scroll at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, expectNoViolations,
  navigate, expectFormError, horizontalOverflow, LANGS, addUser, signInPage, TEST_PASSWORD,
} from './harness.mjs';

const db = await makeDemoDb(makeTempDir());
// One coordinator per language: an account may sign in 5 times in 15 minutes.
for (const lang of LANGS) {
  await addUser(db, ['--email', `coord-${lang}@example.lv`, '--name', 'Coordinator', '--role', 'coordinator']);
}
const server = await startServer({ db });
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});
const submit = (page) => navigate(page, page.locator('main form[novalidate] button[type=submit]').click());

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the methods, a versioned document, the form with errors`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        await signInPage(page, server, lang, `coord-${lang}@example.lv`, TEST_PASSWORD);
        // A form with a program where a document should be and no title: both named, input kept.
        await page.goto(server.url(`/${lang}/manage/methods/new`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#summary', 'Soli pa solim');
        await page.fill('#body', '# Sagatavošanās');
        await page.setInputFiles('#file', { name: 'tool.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a document') });
        await submit(page);
        await expectFormError(page, 'title');
        await expectFormError(page, 'file');
        assert.equal(await page.inputValue('#summary'), 'Soli pa solim', 'kept');
        await expectNoViolations(browser, page, js, lang);
        // Then right: a document with a PDF, and a second version.
        const title = `Hakatona plāns ${lang} ${js ? 'js' : 'nojs'}`;
        await page.fill('#title', title);
        await page.setInputFiles('#file', { name: 'plans.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
        await submit(page);
        assert.match(page.url(), /\/manage\/methods$/);
        await expectNoViolations(browser, page, js, lang);
        await navigate(page, page.locator(`main tr:has-text("${title}") a[href$="/versions/new"]`).click());
        await page.fill('#note', 'Pievienots laika plāns');
        await page.fill('#body', '# Sagatavošanās\n\n- Telpa\n- Partneri');
        await submit(page);

        await navigate(page, page.locator(`main tr:has-text("${title}") th a`).click());
        assert.equal(await page.locator('main table.data tbody tr').count(), 2, 'two versions listed');
        assert.equal(await page.locator('main .markdown li').count(), 2);
        await expectNoViolations(browser, page, js, lang);
        await navigate(page, page.locator('main table.data tbody tr:nth-child(2) a').click());
        assert.match(page.url(), /\/versions\/1$/);
        assert.equal(await page.locator('main a.button[href^="/files/"]').count(), 1, 'the first version keeps its file');
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scroll at 320 px');
        await page.setViewportSize({ width: 1280, height: 900 });

        await page.goto(server.url(`/${lang}/methods`), { waitUntil: 'load' });
        assert.ok(await page.locator(`main a:has-text("${title}")`).count() === 1);
        await expectNoViolations(browser, page, js, lang);
      } finally {
        await context.close();
      }
    });
  }
}
