// Training for library staff in a real browser (issue 8): the list, the certificate page before
// completion, a lesson with its check questions (an unanswered question named, a wrong answer
// with feedback, right answers), the next lesson, and the certificate, printed without the
// navigation; four languages, JavaScript on and off, 0 axe violations, no horizontal scroll at
// 320 px. One account per language and JavaScript setting, so that each run starts afresh and
// no account signs in more than once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, expectNoViolations,
  navigate, expectFormError, horizontalOverflow, LANGS, addUser, signInPage, TEST_PASSWORD,
} from './harness.mjs';
import { sqlOf } from '../e2e/booking_steps.mjs';

const MODULE = 'partneribas-rokasgramata';
const CERTIFICATE = { lv: 'Apliecinājums', ru: 'Сертификат', uk: 'Сертифікат', en: 'Certificate' };
const NOT_YET = { lv: 'Apliecinājuma vēl nav', ru: 'Сертификата пока нет', uk: 'Сертифіката поки немає', en: 'No certificate yet' };
const db = await makeDemoDb(makeTempDir());
const sql = sqlOf(db);
for (const lang of LANGS) {
  for (const js of ['on', 'off']) {
    await addUser(db, ['--email', `lib-${lang}-${js}@example.lv`, '--name', `Bibliotekāre ${lang}`, '--role', 'librarian', '--library', 'ogres-centrala-biblioteka']);
  }
}
const moduleId = sql(`SELECT id FROM training_module WHERE slug = '${MODULE}'`);
const lessons = sql(`SELECT id FROM training_lesson WHERE module_id = '${moduleId}' ORDER BY position`).split('\n');
const questionsOf = (lesson) => sql(`SELECT id FROM training_question WHERE lesson_id = '${lesson}' ORDER BY position`).split('\n');
const choice = (question, right) => sql(`SELECT id FROM training_choice WHERE question_id = '${question}' AND is_right = ${right ? 1 : 0} ORDER BY position LIMIT 1`);

const server = await startServer({ db });
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

async function submit(page) {
  await navigate(page, page.locator('main form.training-check button[type=submit]').click());
}

async function noOverflowAt320(page) {
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await horizontalOverflow(page) <= 0, `${page.url()}: no horizontal scroll at 320 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: a lesson with its questions, then the certificate`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        await signInPage(page, server, lang, `lib-${lang}-${js ? 'on' : 'off'}@example.lv`, TEST_PASSWORD);
        await page.goto(server.url(`/${lang}/manage/training`), { waitUntil: 'load' });
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        await expectNoViolations(browser, page, js, lang);
        await noOverflowAt320(page);

        // The certificate before completion: a page that says so, not an error.
        const response = await page.goto(server.url(`/${lang}/manage/training/${MODULE}/certificate`), { waitUntil: 'load' });
        assert.equal(response.status(), 200);
        assert.equal((await page.locator('main h1').textContent()).trim(), NOT_YET[lang]);
        assert.equal(await page.locator('.certificate').count(), 0);
        await expectNoViolations(browser, page, js, lang);

        // The module, then its first lesson.
        await navigate(page, page.locator(`main a[href="/${lang}/manage/training/${MODULE}"]`).first().click());
        await expectNoViolations(browser, page, js, lang);
        await navigate(page, page.locator('main a.training-continue').click());
        assert.ok(page.url().endsWith(`/lessons/${lessons[0]}`), page.url());
        await expectNoViolations(browser, page, js, lang);
        await noOverflowAt320(page);

        // Nothing answered: both questions are named; then one wrong answer gets its feedback.
        const [q1, q2] = questionsOf(lessons[0]);
        await submit(page);
        await expectFormError(page, `q-${q1}`);
        await expectFormError(page, `q-${q2}`);
        await expectNoViolations(browser, page, js, lang);
        await page.check(`input[value="${choice(q1, false)}"]`);
        await page.check(`input[value="${choice(q2, true)}"]`);
        await submit(page);
        assert.equal(await page.locator('.training-feedback').count(), 2);
        assert.equal(await page.locator('.training-feedback-right').count(), 1);
        assert.ok(await page.isChecked(`input[value="${choice(q1, false)}"]`), 'the answer is kept');
        await expectNoViolations(browser, page, js, lang);
        assert.equal(await page.locator('.notice[role=status]').count(), 0, 'nothing done');

        // Right answers: done, and on to the next lesson.
        await page.check(`input[value="${choice(q1, true)}"]`);
        await submit(page);
        assert.equal(await page.locator('main .notice[role=status]').count(), 1);
        await expectNoViolations(browser, page, js, lang);
        await navigate(page, page.locator('main a[rel=next]').click());
        assert.ok(page.url().endsWith(`/lessons/${lessons[1]}`), page.url());
        const [q3] = questionsOf(lessons[1]);
        await page.check(`input[value="${choice(q3, true)}"]`);
        await submit(page);
        await expectNoViolations(browser, page, js, lang);

        // The certificate: the name, the module, printable without the navigation.
        await navigate(page, page.locator(`main a[href="/${lang}/manage/training/${MODULE}/certificate"]`).first().click());
        assert.equal((await page.locator('main h1').textContent()).trim(), CERTIFICATE[lang]);
        assert.equal((await page.locator('.certificate-name').textContent()).trim(), `Bibliotekāre ${lang}`);
        assert.ok((await page.locator('.certificate-date').textContent()).match(/\d{4}/));
        await expectNoViolations(browser, page, js, lang);
        await noOverflowAt320(page);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.back-office-nav').isVisible(), false, 'no navigation on paper');
        assert.equal(await page.locator('.site-header').isVisible(), false, 'no site header on paper');
        assert.equal(await page.locator('.breadcrumbs').isVisible(), false);
        assert.ok(await page.locator('.certificate').isVisible(), 'the certificate prints');
        await page.emulateMedia({ media: 'screen' });
      } finally {
        await context.close();
      }
    });
  }
}
