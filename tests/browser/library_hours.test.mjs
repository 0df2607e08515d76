// The library page's opening hours with the dated exceptions after the week view, in a real
// browser: QUALITY.md W1 (renders with JavaScript off) and W2 (0 axe violations) for the part
// of the page the demo data cannot show (the demo libraries have no hours).
//
// Test data, not demo data: Ogre gets weekday hours 10:00–18:00 and one closed day 20 days
// from today (beyond the 7-day table, within the 60 days the page looks ahead).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, runAxe,
  axeOnHtml, formatViolations,
} from './harness.mjs';

const SLUG = 'ogres-centrala-biblioteka';
// The Riga date 20 days from now, YYYY-MM-DD.
const closedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' })
  .format(new Date(Date.now() + 20 * 86_400_000));

const db = await makeDemoDb(makeTempDir());
const location = `(SELECT l.id FROM location l JOIN organization o ON o.id = l.organization_id ` +
  `WHERE o.slug = '${SLUG}')`;
execFileSync('sqlite3', [db, [
  `INSERT INTO schedule (id, location_id, freq, byday, opens_at, closes_at) VALUES ` +
    `('test-week', ${location}, 'WEEKLY', 'MO,TU,WE,TH,FR', '10:00', '18:00');`,
  `INSERT INTO schedule_exception (id, location_id, date, closed, note) VALUES ` +
    `('test-closed', ${location}, '${closedOn}', 1, 'Inventarizācija');`,
].join('\n')]);
const server = await startServer({ db });
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

const HEADING = {
  lv: 'Izmaiņas ierastajā darba laikā',
  uk: 'Зміни у звичайному графіку роботи',
};

for (const lang of ['lv', 'uk']) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the closed day after the week is listed, ` +
      '0 axe violations', async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        const url = server.url(`/${lang}/libraries/${SLUG}`);
        const response = await page.goto(url, { waitUntil: 'load' });
        assert.equal(response.status(), 200);
        assert.equal((await page.locator('h3').allInnerTexts()).map((t) => t.trim())
          .filter((t) => t === HEADING[lang]).length, 1, `${url}: no "${HEADING[lang]}"`);
        const items = await page.locator('dl.dated-days dd').allInnerTexts();
        assert.ok(items.some((t) => t.includes('Inventarizācija')), `${url}: ${items.join(' | ')}`);
        // The date is written out in the page's language, not as digits.
        const day = Number(closedOn.slice(8));
        const dates = await page.locator('dl.dated-days dt').allInnerTexts();
        assert.ok(dates.some((t) => t.includes(String(day)) && /\p{L}{3,}/u.test(t)), dates.join(' | '));
        const violations = js
          ? await runAxe(page)
          : await axeOnHtml(browser, url, await page.content(), { lang });
        assert.equal(violations.length, 0, `${url}:\n${formatViolations(violations)}`);
      } finally {
        await context.close();
      }
    });
  }
}
