// Good practices in a real browser (issue 8): a librarian's submit form sent with mistakes and
// then right, an image with its text alternative, a coordinator's review, then the public list
// with search and filters and the practice's page; four languages, JavaScript on and off,
// 0 axe violations, no horizontal scroll at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, expectNoViolations,
  navigate, expectFormError, horizontalOverflow, LANGS, addUser, signInPage, TEST_PASSWORD,
} from './harness.mjs';
import { png } from '../e2e/upload_files.mjs';

const db = await makeDemoDb(makeTempDir());
// One librarian and one coordinator per language: an account may sign in 5 times in 15 minutes.
for (const lang of LANGS) {
  await addUser(db, ['--email', `lib-${lang}@example.lv`, '--name', 'Librarian', '--role', 'librarian', '--library', 'ogres-centrala-biblioteka']);
  await addUser(db, ['--email', `coord-${lang}@example.lv`, '--name', 'Coordinator', '--role', 'coordinator']);
}
const server = await startServer({ db });
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});
const submit = (page, form = 'main form[novalidate]') => navigate(page, page.locator(`${form} button[type=submit]`).click());

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: submit with mistakes, an image, review, then the public list and page`, async () => {
      const title = `Valodu kafejnīca ${lang}${js ? 'js' : 'nojs'}`;
      const librarianContext = await newContext(browser, { js, lang, bypassCSP: js });
      const coordinatorContext = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await librarianContext.newPage();
        await signInPage(page, server, lang, `lib-${lang}@example.lv`, TEST_PASSWORD);
        await page.goto(server.url(`/${lang}/manage/practices/new`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        // No title, no problem, no "what was done": each named, what was typed kept.
        await page.fill('#audience', 'Pieaugušie, kas mācās latviešu valodu');
        await submit(page);
        await expectFormError(page, 'title');
        await expectFormError(page, 'problem');
        await expectFormError(page, 'what_done');
        assert.equal(await page.inputValue('#audience'), 'Pieaugušie, kas mācās latviešu valodu');
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#title', title);
        await page.selectOption('#category', 'language-culture');
        await page.selectOption('#text_lang', 'lv');
        await page.fill('#problem', 'Jaunpienācējiem trūkst sarunvalodas prakses.');
        await page.fill('#what_done', '- Tikšanās reizi nedēļā\n- Galda spēles latviešu valodā');
        await page.locator('input[name="target_groups"]').first().check();
        await submit(page);
        assert.match(page.url(), /\/manage\/practices\/valodu-kafejnica-/);
        await expectNoViolations(browser, page, js, lang);

        // An image: first without its text alternative (named), then right.
        await navigate(page, page.locator('main a[href$="/images/new"]').click());
        await page.setInputFiles('#file', { name: 'kafejnica.png', mimeType: 'image/png', buffer: png(60, 40) });
        await submit(page);
        await expectFormError(page, 'alt');
        await expectNoViolations(browser, page, js, lang);
        await page.setInputFiles('#file', { name: 'kafejnica.png', mimeType: 'image/png', buffer: png(60, 40) });
        await page.fill('#alt', 'Cilvēki pie galda spēlē valodu spēli');
        await submit(page);
        assert.equal(await page.locator('main .gallery-manage li').count(), 1);
        const manageUrl = page.url().replace(/#.*$/, '');

        // A coordinator publishes it from the same page.
        const coordinator = await coordinatorContext.newPage();
        await signInPage(coordinator, server, lang, `coord-${lang}@example.lv`, TEST_PASSWORD);
        await coordinator.goto(manageUrl, { waitUntil: 'load' });
        await expectNoViolations(browser, coordinator, js, lang);
        await coordinator.check('#decision');
        await submit(coordinator, 'main form[action$="/review"]');
        await coordinator.goto(server.url(`/${lang}/manage/practices`), { waitUntil: 'load' });
        await expectNoViolations(browser, coordinator, js, lang);

        // The public list: search in another case and without diacritics, with a filter.
        await page.goto(server.url(`/${lang}/practices`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#pr-q', `VALODU KAFEJNICA ${lang.toUpperCase()}${js ? 'JS' : 'NOJS'}`);
        await page.selectOption('#pr-category', 'language-culture');
        await navigate(page, page.locator('main form.practice-filters button[type=submit]').click());
        assert.equal(await page.locator('main .practice-card').count(), 1, page.url());
        assert.equal(await page.locator('main .practice-card img[alt="Cilvēki pie galda spēlē valodu spēli"]').count(), 1);
        await expectNoViolations(browser, page, js, lang);
        await navigate(page, page.locator('main .practice-card h2 a').click());
        assert.equal(await page.locator('main .markdown li').count(), 2);
        assert.equal(await page.locator('main figure img[lang="lv"], main figure img:not([lang])').count(), 1);
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scroll at 320 px');
        await page.goto(server.url(`/${lang}/practices`), { waitUntil: 'load' });
        assert.ok(await horizontalOverflow(page) <= 0, 'the list: no horizontal scroll at 320 px');
      } finally {
        await librarianContext.close();
        await coordinatorContext.close();
      }
    });
  }
}
