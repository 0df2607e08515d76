// Local diagnostics and strategy in a real browser (issue 7): the activity form with its errors,
// the report form with its preview, the goal and action forms with their errors, and the public
// printable page; four languages, JavaScript on and off, 0 axe violations, no horizontal scroll
// at 320 px, and hostile Markdown that never runs (no dialog opens, no image or script element).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, expectNoViolations,
  navigate, expectFormError, horizontalOverflow, LANGS, addUser, signInPage, TEST_PASSWORD,
} from './harness.mjs';

// One library per language, so that each run's records are its own.
const LIBRARIES = { lv: 'ogres-centrala-biblioteka', ru: 'siguldas-novada-biblioteka', uk: 'salaspils-novada-biblioteka', en: 'jelgavas-pilsetas-biblioteka' };
const db = await makeDemoDb(makeTempDir());
// One librarian per language: an account may sign in 5 times in 15 minutes.
for (const lang of LANGS) {
  await addUser(db, ['--email', `lib-${lang}@example.lv`, '--name', 'Librarian', '--role', 'librarian', '--library', LIBRARIES[lang]]);
}
const server = await startServer({ db });
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

const HOSTILE = [
  '## Secinājumi', '', '- **Vakara** nodarbības', '- Сім’ї з дітьми', '',
  '<script>alert(1)</script>', '', '<img src=x onerror=alert(2)>', '',
  '[klikšķis](javascript:alert(3)) ![bilde](http://evil.example/x.png)', '',
  '| Grupa | Skaits |', '|---|---|', '| Jaunieši | 12 |',
].join('\n');

async function submit(page) {
  await navigate(page, page.locator('main form[novalidate] button[type=submit]').click());
}

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the diagnostic forms with errors and the public page`, async () => {
      const slug = LIBRARIES[lang];
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      const dialogs = [];
      try {
        const page = await context.newPage();
        page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
        await signInPage(page, server, lang, `lib-${lang}@example.lv`, TEST_PASSWORD);
        await page.goto(server.url(`/${lang}/manage/libraries/${slug}/diagnostics`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);

        // An activity: no real date, no method, a negative head count.
        await navigate(page, page.locator('main a[href$="/diagnostics/new"]').click());
        await expectNoViolations(browser, page, js, lang);
        const count = page.locator('input[name^="count-"]').first();
        const countName = await count.getAttribute('name');
        await page.fill('#held_on', '31.02.2025');
        await count.fill('-1');
        await submit(page);
        await expectFormError(page, 'held_on');
        await expectFormError(page, 'method');
        await expectFormError(page, countName);
        assert.equal(await page.inputValue('#held_on'), '31.02.2025', 'kept');
        assert.equal(await page.inputValue(`[name="${countName}"]`), '-1', 'kept');
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scroll at 320 px');
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.fill('#held_on', '2.10.2025');
        await page.locator('input[name=method][value=focus-group]').check();
        await count.fill('12');
        await page.fill('#notes', 'Anonīmas piezīmes');
        await submit(page);
        assert.ok(page.url().endsWith('/diagnostics?saved=activity'), page.url());
        assert.equal(await page.locator('main .notice').count(), 1);
        await expectNoViolations(browser, page, js, lang);

        // The report: publishing nothing is refused; then hostile Markdown, previewed inert.
        await navigate(page, page.locator('main a[href$="/diagnostics/report"]').click());
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#markdown', '');
        await page.locator('input[name=published][value="1"]').check();
        await submit(page);
        await expectFormError(page, 'markdown');
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#markdown', HOSTILE);
        await submit(page);
        assert.equal(await page.locator('.markdown h3').count(), 1, 'the ## heading is one level down');
        assert.equal(await page.locator('.markdown script, .markdown img, .markdown iframe').count(), 0);
        assert.equal(await page.locator('.markdown a').count(), 0, 'the javascript: link is text');
        assert.equal(await page.locator('.markdown table td').count(), 2);
        await expectNoViolations(browser, page, js, lang);

        // A goal without a title; then one.
        await page.goto(server.url(`/${lang}/manage/libraries/${slug}/strategy/goals/new`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await submit(page);
        await expectFormError(page, 'title');
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#title', 'Vairāk jauniešu bibliotēkā');
        await submit(page);
        assert.ok(page.url().includes('saved=goal'), page.url());

        // An action under way with nothing that carries it; then linked to an event or service.
        await page.goto(server.url(`/${lang}/manage/libraries/${slug}/strategy/actions/new`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await page.selectOption('#goal', { index: 1 });
        await page.fill('#title', 'Sarunu klubs');
        await page.locator('input[name=status][value=running]').check();
        await submit(page);
        await expectFormError(page, 'initiative');
        assert.equal(await page.inputValue('#title'), 'Sarunu klubs', 'kept');
        await expectNoViolations(browser, page, js, lang);
        const link = (await page.locator('#event option').count()) > 1 ? '#event' : '#service';
        await page.selectOption(link, { index: 1 });
        await submit(page);
        assert.ok(page.url().includes('saved=action'), page.url());

        // The public page: the published report, the strategy, the activity without its notes.
        await page.goto(server.url(`/${lang}/libraries/${slug}/diagnostics`), { waitUntil: 'load' });
        assert.equal(await page.locator(`.markdown[lang="${lang}"] li`).count(), 2);
        assert.equal(await page.locator('.markdown script, .markdown img').count(), 0);
        assert.ok(await page.locator('.strategy-actions a').count() >= 1, 'the action links what carries it');
        assert.ok(!(await page.locator('main').innerText()).includes('Anonīmas piezīmes'), 'notes stay private');
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scroll at 320 px');
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.site-header').isVisible(), false, 'no header on paper');
        assert.equal(await page.locator('main .breadcrumbs').isVisible(), false);
        assert.equal(await page.locator('.markdown').isVisible(), true);
        await page.emulateMedia({ media: 'screen' });
        // The library page links to it now.
        await page.goto(server.url(`/${lang}/libraries/${slug}`), { waitUntil: 'load' });
        assert.equal(await page.locator(`main a[href="/${lang}/libraries/${slug}/diagnostics"]`).count(), 1);
        assert.deepEqual(dialogs, [], 'no script ran');
      } finally {
        await context.close();
      }
    });
  }
}
