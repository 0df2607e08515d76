// The library search's "open on a chosen day and time" (open=YYYY-MM-DDTHH:MM, or the form's
// open_date + open_time) against the real server: a London library imported with its hours is
// judged on its own clock, each result says when it is open, an empty result offers to drop
// the filter, and a bad or half-given day and time is an error in the page's language with
// what was typed kept (QUALITY.md W4).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  runTilti, makeTempDir, makeDemoDb, startServer, stopAndCheck, get, startTags, textOf,
  decodeEntities, excerpt,
} from './harness.mjs';

const UK_HEADER =
  'Local authority,Library name,Address 1,Address 2,Address 3,Postcode,Unique property ' +
  'reference number,Statutory,Type of library,Year opened,Year closed,Monday staffed hours,' +
  'Tuesday staffed hours,Wednesday staffed hours,Thursday staffed hours,Friday staffed hours,' +
  'Saturday staffed hours,Sunday staffed hours,URL,Email address\n';
const SLUG = 'quayside-library-testington';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const csv = path.join(dir, 'uk.csv');
writeFileSync(csv, UK_HEADER +
  'Test Borough Council,Quayside Library,1 Quay Street,,Testington,TE1 1ST,,Yes,LAL,,,' +
  '09:00-17:00,09:00-17:00,09:00-17:00,09:00-17:00,09:00-17:00,,,' +
  'https://library.example/quayside,quayside@library.example\n');
const imported = await runTilti(['import', '--db', db, '--format', 'uk', csv]);
assert.equal(imported.code, 0, imported.stderr);
const server = await startServer({ db });
after(() => stopAndCheck(server));

async function search(lang, query) {
  const p = `/${lang}/libraries?${query}`;
  const res = await get(server.url(p));
  const html = res.body;
  assert.equal(res.status, 200, `${p}: ${excerpt(html)}`);
  assert.equal(startTags(html, 'html')[0]?.attrs.lang, lang, `${p}: <html lang>`);
  assert.equal(startTags(html, 'script').length, 0, `${p} has a <script>`);
  const list = /<ul class="library-list results">([\s\S]*?)<\/ul>/.exec(html);
  const items = list ? [...list[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]) : [];
  const slugs = items.map((li) => new RegExp(`href="/${lang}/libraries/([^"?]+)"`).exec(li)[1]);
  return { html, items, slugs, text: textOf(html) };
}

function dropLinks(html) {
  const ul = /<ul class="drop-filters">([\s\S]*?)<\/ul>/.exec(html);
  if (!ul) return [];
  return [...ul[1].matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].map((m) => ({
    href: decodeEntities(m[1]),
    label: textOf(m[2]),
  }));
}

test('open=<date>T<time> finds the library open then on its own clock, in two languages', async () => {
  const en = await search('en', 'open=2026-11-24T10:00');  // a Tuesday, 10:00 in London
  assert.deepEqual(en.slugs, [SLUG]);
  assert.match(textOf(en.items[0]), /Open on Tuesday, 24 November 2026 at 10:00/);
  // The form shows the filter in its native date and time fields.
  assert.match(en.html, /<input id="open-date" name="open_date" type="date" value="2026-11-24">/);
  assert.match(en.html, /<input id="open-time" name="open_time" type="time" value="10:00">/);
  assert.match(en.html, /<label for="open-date">Date \(optional\)<\/label>/);
  // The form's two fields are the same search.
  const lv = await search('lv', 'q=&open_date=2026-11-24&open_time=10%3A00');
  assert.deepEqual(lv.slugs, [SLUG]);
  assert.match(textOf(lv.items[0]), /Atvērts: otrdiena, 2026\. gada 24\. novembris, plkst\. 10:00/);
  // Proclamation Day closes Latvian libraries, not one in London.
  assert.deepEqual((await search('en', 'open=2026-11-18T16:59')).slugs, [SLUG]);
});

test('closed then: no results, and a link to the same search without the filter', async () => {
  for (const when of ['2026-11-24T17:00', '2026-11-24T08:59', '2026-11-22T12:00']) {
    const r = await search('en', `municipality=&open=${when}`);
    assert.deepEqual(r.slugs, [], when);
  }
  const en = await search('en', 'q=quayside&open=2026-11-22T12:00');  // a Sunday
  assert.deepEqual(en.slugs, []);
  const links = dropLinks(en.html);
  assert.deepEqual(links.map((l) => l.href),
    ['/en/libraries?open=2026-11-22T12%3A00', '/en/libraries?q=quayside']);
  assert.match(links[1].label, /Remove “Open on Sunday, 22 November 2026 at 12:00”/);
  const uk = await search('uk', 'q=quayside&open=2026-11-22T12:00');
  assert.match(dropLinks(uk.html)[1].label, /Відчинено у неділю, 22 листопада 2026/);
  assert.equal(dropLinks(uk.html)[1].href, '/uk/libraries?q=quayside');
});

test('a bad or half-given day and time is an error in the page language, input kept', async () => {
  const ru = await search('ru', 'open=2026-02-30T10:00');
  // W4: an error summary above the heading links to the field; the title says "Error:".
  assert.match(ru.html, /<div class="error-summary"[\s\S]*<a href="#open-date">Чтобы найти библиотеки, открытые в выбранный день, укажите и настоящую дату[\s\S]*<h1>/);
  assert.match(ru.html, /<title>Ошибка: /);
  assert.match(ru.html, /<p class="error-message" id="open-error">/);
  assert.match(ru.html, /<input id="open-date" name="open_date" type="text" value="2026-02-30">/);
  assert.match(ru.html, /<input id="open-time" name="open_time" type="text" value="10:00">/);
  assert.match(ru.html, /<details class="filters" open>/);
  assert.ok(ru.slugs.length > 1, 'nothing is filtered by a bad value');
  const lv = await search('lv', 'open_date=24.11.2026&open_time=');
  assert.match(lv.html, /<a href="#open-date">Lai atrastu izvēlētā dienā atvērtās bibliotēkas/);
  assert.match(lv.html, /<title>Kļūda: /);
  assert.match(lv.html, /<input id="open-date" name="open_date" type="text" value="24.11.2026">/);
  const en = await search('en', 'open=2026-11-24T25%3A00');
  assert.match(en.html, /<title>Error: /);
  assert.match(en.html, /value="25:00"/);
  // Both fields left empty: no filter, no error.
  const none = await search('en', 'open_date=&open_time=');
  assert.doesNotMatch(none.html, /error-summary/);
});
