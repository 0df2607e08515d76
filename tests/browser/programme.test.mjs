// The programme in a real browser (issue 7): the map of partnerships (the table without
// JavaScript, the map with it), the coordinator dashboard with its SVG charts (also as printed),
// the initiative's back-office page and the hackathon and idea forms with their errors; four
// languages, JavaScript on and off, 0 axe violations, no horizontal scroll at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, expectNoViolations,
  navigate, expectFormError, horizontalOverflow, LANGS, addUser, signInPage, TEST_PASSWORD,
} from './harness.mjs';
import { png } from '../e2e/upload_files.mjs';

const db = await makeDemoDb(makeTempDir());
// One coordinator per language: an account may sign in 5 times in 15 minutes.
for (const lang of LANGS) {
  await addUser(db, ['--email', `coord-${lang}@example.lv`, '--name', 'Coordinator', '--role', 'coordinator']);
}
const server = await startServer({ db, args: ['--map-tiles', 'https://tile.example/{z}/{x}/{y}.png'] });
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the partnerships on a map and in a table`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        await page.route('https://tile.example/**', (route) => route.fulfill({ status: 404 }));
        await page.goto(server.url(`/${lang}/partnerships`), { waitUntil: 'load' });
        assert.equal(await page.locator('table.data tbody tr').count(), 10);
        if (js) {
          await page.locator('.leaflet-marker-icon').first().waitFor();
          // Libraries close together are drawn as one numbered group.
          const shown = await page.locator('.leaflet-marker-icon').evaluateAll((icons) => icons.reduce(
            (n, icon) => n + (icon.classList.contains('map-group') ? Number(icon.textContent) : 1), 0));
          assert.equal(shown, 10, 'every partnership library is on the map');
        } else {
          assert.ok((await page.locator('#map').innerText()).length > 10, 'the map says it needs JavaScript');
        }
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        await page.reload({ waitUntil: 'load' });
        assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scroll at 320 px');
      } finally {
        await context.close();
      }
    });

    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the dashboard, the initiative's page and the forms with errors`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        await signInPage(page, server, lang, `coord-${lang}@example.lv`, TEST_PASSWORD);
        await page.goto(server.url(`/${lang}/manage/programme`), { waitUntil: 'load' });
        assert.equal(await page.locator('svg[role=img]').count(), 2, 'hackathons and ideas');
        // Five bars of hackathon participants; the longest (29 people) spans the full width.
        const widths = await page.locator('svg[aria-labelledby^="chart-hackathons-title"] rect.chart-bar').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
        assert.equal(widths.length, 5);
        assert.ok(Math.abs(widths[0] / Math.max(...widths) - 28 / 29) < 0.01, `${widths}`);
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scroll at 320 px');
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.back-office-nav').isVisible(), false, 'no navigation on paper');
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1280, height: 900 });

        await navigate(page, page.locator('main a[href$="/manage/initiatives/libri"]').click());
        await expectNoViolations(browser, page, js, lang);

        // A hackathon after the initiative ended, with no host and no head count.
        await navigate(page, page.locator('main a[href$="/hackathons/new"]').click());
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#held_on', '1.5.2026');
        await navigate(page, page.locator('main form[novalidate] button[type=submit]').click());
        await expectFormError(page, 'held_on');
        await expectFormError(page, 'host');
        await expectFormError(page, 'participants');
        assert.equal(await page.inputValue('#held_on'), '1.5.2026', 'kept');
        await expectNoViolations(browser, page, js, lang);

        // An idea said to run, with nothing it runs as.
        await page.goto(server.url(`/${lang}/manage/initiatives/libri/ideas/new`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await page.locator('input[name=category][value=digital-skills]').check();
        await page.fill('#title', 'Datorkursi ar tulku');
        await page.locator('input[name=status][value=running]').check();
        await navigate(page, page.locator('main form[novalidate] button[type=submit]').click());
        await expectFormError(page, 'event');
        assert.equal(await page.inputValue('#title'), 'Datorkursi ar tulku', 'kept');
        await expectNoViolations(browser, page, js, lang);

        // The initiative itself: dates out of order, a partner nobody knows, a budget off by a cent.
        await page.goto(server.url(`/${lang}/manage/initiatives/ieklaujosu-biblioteku-tikls/edit`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#starts_on', '1.6.2026');
        await page.fill('#partners', 'Nav tādas organizācijas');
        await page.fill('[id="funding.2.amount"]', '12456.22');
        await navigate(page, page.locator('main form[novalidate] button[type=submit]').click());
        for (const field of ['ends_on', 'partners', 'total']) await expectFormError(page, field);
        assert.equal(await page.inputValue('[id="funding.2.amount"]'), '12456.22', 'kept');
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'the form fits 320 px');
        await page.setViewportSize({ width: 1280, height: 900 });

        // A partnership with a library nobody knows.
        await page.goto(server.url(`/${lang}/manage/initiatives/open-up/partnerships/new`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#library', 'Nav tādas bibliotēkas');
        await navigate(page, page.locator('main form[novalidate] button[type=submit]').click());
        await expectFormError(page, 'library');
        assert.equal(await page.inputValue('#library'), 'Nav tādas bibliotēkas', 'kept');
        await expectNoViolations(browser, page, js, lang);

        // A news item without a headline.
        await page.goto(server.url(`/${lang}/manage/initiatives/libri/news/new`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await page.fill('#published_on', '2.6.2026');
        await navigate(page, page.locator('main form[novalidate] button[type=submit]').click());
        await expectFormError(page, 'title');
        assert.equal(await page.inputValue('#published_on'), '2.6.2026', 'kept');
        await expectNoViolations(browser, page, js, lang);

        // The gallery: a file that is no image, then an image with its text alternative, shown
        // on the public page.
        const alt = `Hakatona dalībnieki pie tāfeles (${lang}, ${js ? 'ar' : 'bez'} JavaScript)`;
        await page.goto(server.url(`/${lang}/manage/initiatives/libri/images/new`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await page.setInputFiles('#file', { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
        await page.fill('#alt', alt);
        await navigate(page, page.locator('main form[novalidate] button[type=submit]').click());
        await expectFormError(page, 'file');
        assert.equal(await page.inputValue('#alt'), alt, 'kept');
        await expectNoViolations(browser, page, js, lang);
        await page.setInputFiles('#file', { name: 'hakatons.png', mimeType: 'image/png', buffer: png(60, 40) });
        await navigate(page, page.locator('main form[novalidate] button[type=submit]').click());
        assert.match(page.url(), /\/manage\/initiatives\/libri#gallery$/);
        await page.goto(server.url(`/${lang}/initiatives/libri`), { waitUntil: 'load' });
        const img = page.locator(`#gallery + ul.gallery img[alt="${alt}"]`);
        assert.equal(await img.count(), 1);
        // The gallery's images load lazily: bring this one into view and wait until it is decoded.
        await img.scrollIntoViewIfNeeded();
        assert.equal(await img.evaluate(async (i) => { await i.decode(); return i.naturalWidth; }), 60,
          'the stored file is served as an image');
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'the gallery fits 320 px');
        await page.setViewportSize({ width: 1280, height: 900 });
      } finally {
        await context.close();
      }
    });
  }
}
