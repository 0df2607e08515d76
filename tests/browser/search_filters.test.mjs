// The library search's filters combined (service type + staff language + municipality + search
// words), driven through the form like a visitor, with JavaScript on and off, in two languages:
// QUALITY.md W1 (the journey works without JavaScript) and W2 (0 axe violations), plus the
// result list, the count, the URL (a plain GET form: the search can be bookmarked and shared)
// and, for a combination that finds nothing, the links that drop one filter each.
//
// Data: the demo data set, plus staff languages (test data, not demo data: the demo records
// none, so the language filter would offer nothing). Which combinations match, from
// demo/demo.json: every library has public computers; only Jēkabpils has children's
// activities; the names with "Centrālā" are Latgale (Daugavpils, LV-DGV), Ogre (LV-067),
// Liepāja and Rēzekne, of which only Latgale and Ogre get Ukrainian below.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, runAxe,
  axeOnHtml, formatViolations,
} from './harness.mjs';

const STAFF_LANGUAGES = [
  ['jekabpils-novada-galvena-biblioteka', 'uk'],
  ['ogres-centrala-biblioteka', 'uk'],
  ['ogres-centrala-biblioteka', 'en'],
  ['latgales-centrala-biblioteka', 'uk'],
  ['latgales-centrala-biblioteka', 'ru'],
];

const db = await makeDemoDb(makeTempDir());
execFileSync('sqlite3', [db, STAFF_LANGUAGES.map(([slug, code]) =>
  `INSERT INTO language (id, location_id, code) SELECT 'test-${slug}-${code}', l.id, '${code}' ` +
  `FROM organization o JOIN location l ON l.organization_id = o.id WHERE o.slug = '${slug}';`).join('\n')]);
const server = await startServer({ db });
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

const LATGALE = 'latgales-centrala-biblioteka';
const OGRE = 'ogres-centrala-biblioteka';

const TEXT = {
  en: {
    one: '1 library found', two: '2 libraries found', none: 'No libraries found',
    drops: ['Remove the search words', 'Remove “Children’s activities”', 'Remove “Українська”',
      'Remove “Daugavpils”'],
  },
  lv: {
    one: 'Atrasta 1 bibliotēka', two: 'Atrastas 2 bibliotēkas', none: 'Nav atrasta neviena bibliotēka',
    drops: ['Noņemt meklēšanas vārdus', 'Noņemt „Nodarbības bērniem”', 'Noņemt „Українська”',
      'Noņemt „Daugavpils”'],
  },
};

async function withPage(path, { js, lang }, fn) {
  // With JavaScript on, the CSP is bypassed only so that axe can be injected; the page itself
  // runs no script.
  const context = await newContext(browser, { js, lang, bypassCSP: js });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const response = await page.goto(server.url(path), { waitUntil: 'load' });
    assert.equal(response.status(), 200, path);
    await fn(page);
    assert.deepEqual(errors, [], `${path}: page errors`);
  } finally {
    await context.close();
  }
}

/** What the results page shows: slugs in order, the count, the URL's parameters. */
async function results(page, lang) {
  const slugs = await page.$$eval('ul.results > li > a', (as) => as.map((a) => a.getAttribute('href')));
  const url = new URL(page.url());
  return {
    slugs: slugs.map((h) => h.replace(`/${lang}/libraries/`, '')),
    count: (await page.locator('p[role="status"]').innerText()).trim(),
    params: [...url.searchParams.entries()].sort(),
    path: url.pathname,
  };
}

/** 0 axe violations on the page as it is (JavaScript on) or on its HTML (JavaScript off). */
async function assertNoAxeViolations(page, { js, lang }) {
  const violations = js
    ? await runAxe(page)
    : await axeOnHtml(browser, page.url(), await page.content(), { lang });
  assert.equal(violations.length, 0, `${page.url()}:\n${formatViolations(violations)}`);
}

/** Fills the search form as a visitor does and presses the filters' submit button. */
async function submitFilters(page, { q, services = [], languages = [], municipality }) {
  const details = page.locator('details.filters');
  if (!(await details.evaluate((d) => d.open))) await page.locator('details.filters > summary').click();
  if (q !== undefined) await page.locator('#q').fill(q);
  for (const v of services) await page.locator(`input[name="service"][value="${v}"]`).check();
  for (const v of languages) await page.locator(`input[name="language"][value="${v}"]`).check();
  if (municipality) await page.locator('#municipality').selectOption(municipality);
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('details.filters button[type="submit"]').click(),
  ]);
}

for (const lang of ['en', 'lv']) {
  for (const js of [true, false]) {
    const mode = js ? 'JavaScript on' : 'JavaScript off';
    describe(`${lang}, ${mode}: combined filters`, () => {
      test('words + service + language, then a municipality: list, count, URL, form kept, ' +
        '0 axe violations', async () => {
        await withPage(`/${lang}/libraries`, { js, lang }, async (page) => {
          await submitFilters(page, { q: 'centrala', services: ['public-computers'], languages: ['uk'] });
          let r = await results(page, lang);
          assert.equal(r.path, `/${lang}/libraries`);
          assert.deepEqual(r.slugs, [LATGALE, OGRE], r.count);
          assert.equal(r.count, TEXT[lang].two);
          for (const [k, v] of [['q', 'centrala'], ['service', 'public-computers'], ['language', 'uk']]) {
            assert.ok(r.params.some(([a, b]) => a === k && b === v), `URL lacks ${k}=${v}: ${page.url()}`);
          }
          await assertNoAxeViolations(page, { js, lang });

          // The form kept the choices, so one more filter narrows the same search.
          assert.equal(await page.locator('#q').inputValue(), 'centrala');
          assert.ok(await page.locator('input[name="service"][value="public-computers"]').isChecked());
          assert.ok(await page.locator('input[name="language"][value="uk"]').isChecked());
          await submitFilters(page, { municipality: 'LV-067' });
          r = await results(page, lang);
          assert.deepEqual(r.slugs, [OGRE], r.count);
          assert.equal(r.count, TEXT[lang].one);
          assert.ok(r.params.some(([a, b]) => a === 'municipality' && b === 'LV-067'), page.url());
          assert.ok(r.params.some(([a, b]) => a === 'language' && b === 'uk'), page.url());
          assert.equal(await page.locator('#municipality').inputValue(), 'LV-067');
          await assertNoAxeViolations(page, { js, lang });
        });
      });

      test('a bookmarked combination with two municipalities gives the same list', async () => {
        const query = 'q=centrala&service=public-computers&language=uk&municipality=LV-DGV&municipality=LV-067';
        await withPage(`/${lang}/libraries?${query}`, { js, lang }, async (page) => {
          const r = await results(page, lang);
          assert.deepEqual(r.slugs, [LATGALE, OGRE], r.count);
          assert.equal(r.count, TEXT[lang].two);
          // The staff language is named in its own language, not by its code.
          assert.equal((await page.locator('label[for="' +
            await page.locator('input[name="language"][value="uk"]').getAttribute('id') + '"]').innerText()).trim(),
          'Українська');
        });
      });

      test('a combination that finds nothing names each filter to drop; dropping the service ' +
        'finds the library', async () => {
        await withPage(`/${lang}/libraries`, { js, lang }, async (page) => {
          await submitFilters(page, {
            q: 'centrala', services: ['children-activities'], languages: ['uk'], municipality: 'LV-DGV',
          });
          let r = await results(page, lang);
          assert.deepEqual(r.slugs, []);
          assert.equal(r.count, TEXT[lang].none);
          const drops = page.locator('ul.drop-filters a');
          assert.deepEqual((await drops.allInnerTexts()).map((t) => t.trim()), TEXT[lang].drops);
          // Each link is the same search without exactly one filter.
          const all = [['language', 'uk'], ['municipality', 'LV-DGV'], ['q', 'centrala'],
            ['service', 'children-activities']];
          const hrefs = await drops.evaluateAll((as) => as.map((a) => a.href));
          const removed = hrefs.map((h) => {
            const p = [...new URL(h).searchParams.entries()];
            return all.filter(([k, v]) => !p.some(([a, b]) => a === k && b === v)).map(([k]) => k);
          });
          assert.deepEqual(removed, [['q'], ['service'], ['language'], ['municipality']]);
          await assertNoAxeViolations(page, { js, lang });

          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), drops.nth(1).click()]);
          r = await results(page, lang);
          assert.deepEqual(r.slugs, [LATGALE], r.count);
          assert.equal(r.count, TEXT[lang].one);
          assert.ok(!r.params.some(([a]) => a === 'service'), page.url());
        });
      });
    });
  }
}
