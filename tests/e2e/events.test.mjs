// The public events pages: the list by day with its filters, the month table, one event's page
// and the library page's upcoming events, against the demo's SAMPLE events, with the server in
// another time zone than Riga (times must still be Riga's wall clock).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, elementText, excerpt, LANGS, sqlOf } from './harness.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = (q) => sqlOf(db)(q);

// A cancelled date written straight into the database; the server's start-up materialisation
// picks it up because the event's horizon is cleared.
const clubId = sql("SELECT id FROM event WHERE title = 'Latviešu sarunvalodas klubs'");
const clubSecond = sql(`SELECT original_start FROM occurrence WHERE event_id = '${clubId}' ORDER BY starts_at LIMIT 1 OFFSET 1`);
sql(`INSERT INTO event_exception (event_id, original_start, kind, reason, sequence, last_modified) VALUES ('${clubId}', '${clubSecond}', 'cancelled', 'Bibliotēka slēgta <remonts>', 1, '2026-11-22T00:00:00Z'); UPDATE event SET materialised_until = NULL WHERE id = '${clubId}'`);

// A busy day: eight more dates of the board-game evening on 14 January 2027.
const boardId = sql("SELECT id FROM event WHERE title = 'Galda spēļu un stāstu vakars'");
sql(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 7)
  INSERT INTO occurrence (id, event_id, organization_id, original_start, starts_at, ends_at, local_date)
  SELECT 'busy-' || i, e.id, e.organization_id, '2027-01-14T1' || i || ':00', '2027-01-14T0' || i || ':00:00Z',
  '2027-01-14T0' || i || ':30:00Z', '2027-01-14' FROM n, event e WHERE e.id = '${boardId}'`);

const server = await startServer({ db, env: { TZ: 'America/New_York' } });
after(() => stopAndCheck(server));

const eventLinks = (html) => [...new Set([...html.matchAll(/href="(\/[a-z]{2}\/events\/[0-9a-f-]{36}\?on=[0-9T:-]+)"/g)].map((m) => m[1]))];

test('the list shows the sample events by day in every language, each marked as a sample', async () => {
  for (const lang of LANGS) {
    const res = await get(`${server.origin}/${lang}/events`);
    assert.equal(res.status, 200, excerpt(res.body));
    assert.match(res.body, new RegExp(`<html lang="${lang}"`));
    const links = eventLinks(res.body);
    assert.ok(links.length >= 7, `${lang}: only ${links.length} event links`);
    assert.ok((res.body.match(/class="tag sample"/g) || []).length >= links.length);
    assert.match(res.body, /<h2 id="d-\d{4}-\d{2}-\d{2}">/);
  }
  const uk = await get(`${server.origin}/uk/events`);
  assert.ok(uk.body.includes('Клуб розмовної латиської мови'), 'the Ukrainian title is shown');
});

test('filters narrow the list and bad values are named, not fatal', async () => {
  const club = await get(`${server.origin}/en/events?category=conversation-club&attendance=on-site`);
  assert.equal(club.status, 200);
  assert.ok(club.body.includes('Latvian conversation club'));
  assert.ok(!club.body.includes('Online conversation club'), 'on-site excludes the online club');
  assert.ok(!club.body.includes('Board-game'), 'another category is left out');
  const online = await get(`${server.origin}/en/events?attendance=online`);
  assert.ok(online.body.includes('Online conversation club'));
  assert.ok(!online.body.includes('Latvian conversation club<'));
  const interp = await get(`${server.origin}/lv/events?interpreter=1`);
  assert.ok(interp.body.includes('Latviešu sarunvalodas klubs'));
  assert.ok(interp.body.includes('Digitālās prasmes ar tulka atbalstu'));
  assert.ok(!interp.body.includes('><span>Galda spēļu un stāstu vakars'));
  const lib = await get(`${server.origin}/ru/events?library=ventspils-biblioteka`);
  assert.equal(eventLinks(lib.body).length > 0, true);
  assert.ok(lib.body.includes('Вечер семейных культур'));
  assert.ok(!lib.body.includes('Вечер настольных игр'));
  const near = await get(`${server.origin}/lv/events?near=Daugavpils`);
  assert.ok(near.body.includes('Latviešu sarunvalodas klubs'));
  assert.ok(!near.body.includes('><span>Ģimeņu kultūru vakars'), 'Ventspils is not within 30 km of Daugavpils');
  assert.match(near.body, /km attālumā/);
  for (const q of ['from=2026-02-30', 'attendance=sometimes', 'library=%3Cscript%3E', 'near=Nekurcieme']) {
    const res = await get(`${server.origin}/uk/events?${q}`);
    assert.equal(res.status, 200, q);
    assert.match(res.body, /role="alert"/, `${q}: the page says a filter was left out`);
    assert.ok(!res.body.includes('<script>'), q);
  }
  const empty = await get(`${server.origin}/en/events?from=2020-01-01&to=2020-01-31`);
  assert.match(empty.body, /No events found/);
});

test('the month view is a plain table with a caption, weekday headers and links to other months', async () => {
  for (const lang of ['lv', 'uk']) {
    const res = await get(`${server.origin}/${lang}/events?view=month&month=2026-12`);
    assert.equal(res.status, 200);
    const table = res.body.slice(res.body.indexOf('<table class="month">'), res.body.indexOf('</table>'));
    assert.ok(table.length > 0, 'a table');
    assert.match(table, /<caption>[^<]+<\/caption>/);
    assert.equal((table.match(/<th scope="col">/g) || []).length, 7);
    assert.ok(eventLinks(table).length >= 10, 'December has sample events');
    assert.match(res.body, /href="\/[a-z]{2}\/events\?view=month&amp;month=2027-01"/);
    assert.match(res.body, /href="\/[a-z]{2}\/events\?view=month&amp;month=2026-11"/);
  }
});

test('an event page shows its date on the Riga clock, next dates, registration, calendar, sharing and JSON-LD', async () => {
  const list = await get(`${server.origin}/lv/events?library=jekabpils-novada-galvena-biblioteka`);
  const href = eventLinks(list.body)[0];
  for (const lang of ['lv', 'en', 'uk']) {
    const res = await get(server.origin + href.replace('/lv/', `/${lang}/`));
    assert.equal(res.status, 200, excerpt(res.body));
    assert.ok(elementText(res.body, 'h1').length > 0);
    assert.match(res.body, /16:00–17:00/, 'Friday 16:00–17:00 on the Riga wall clock, server in New York');
    assert.match(res.body, /class="notice sample"/);
    assert.match(res.body, /\/calendar\.ics\?on=/);
    assert.match(res.body, /href="https:\/\/t\.me\/share\/url\?url=/);
    assert.match(res.body, /src="\/[a-z]{2}\/events\/[0-9a-f-]{36}\/qr\.svg"/);
    const ld = JSON.parse(res.body.match(/<script type="application\/ld\+json">([^<]+)<\/script>/)[1]);
    assert.equal(ld['@type'], 'Event');
    assert.match(ld.startDate, /T16:00:00\+0[23]:00$/);
    assert.equal(ld.eventStatus, 'https://schema.org/EventScheduled');
  }
  const qr = await get(`${server.origin}${href.split('?')[0]}/qr.svg`);
  assert.equal(qr.status, 200);
  assert.match(qr.headers.get('content-type'), /image\/svg\+xml/);
});

test('a cancelled date says so with its reason, escaped, on the list and on its page', async () => {
  const page = await get(`${server.origin}/en/events/${clubId}?on=${clubSecond}`);
  assert.equal(page.status, 200);
  assert.match(page.body, /This date has been cancelled\./);
  assert.ok(page.body.includes('Bibliotēka slēgta &lt;remonts&gt;'));
  assert.ok(!page.body.includes('/register'), 'no registration for a cancelled date');
  const ld = JSON.parse(page.body.match(/<script type="application\/ld\+json">([^<]+)<\/script>/)[1]);
  assert.equal(ld.eventStatus, 'https://schema.org/EventCancelled');
  const list = await get(`${server.origin}/en/events?library=latgales-centrala-biblioteka`);
  assert.match(list.body, /<li class="cancelled">/);
  const open = await get(`${server.origin}/en/events/${clubId}`);
  assert.match(open.body, new RegExp(`href="/en/events/${clubId}/register\\?on=[0-9T:-]+">Register for this date</a>`));
  assert.ok(open.body.includes(`href="/en/events/${clubId}/register">Register for every date</a>`));
  assert.match(open.body, /12 places left/);
});

test('unknown events and dates are 404 pages in the reader\'s language', async () => {
  for (const path of [
    '/ru/events/00000000-0000-4000-8000-000000000000',
    `/ru/events/${clubId}?on=2020-01-01T10:00`,
    `/ru/events/${clubId}?on=bogus`,
    "/ru/events/x'%20OR%20'1'='1",
    '/ru/events/00000000-0000-4000-8000-000000000000/qr.svg',
  ]) {
    const res = await get(server.origin + path);
    assert.equal(res.status, 404, path);
    assert.match(res.body, /<html lang="ru"/, path);
  }
});

test('a library page lists its upcoming events and links to all of them', async () => {
  const res = await get(`${server.origin}/uk/libraries/jekabpils-novada-galvena-biblioteka`);
  assert.equal(res.status, 200);
  assert.ok(eventLinks(res.body).length >= 1);
  assert.match(res.body, /href="\/uk\/events\?library=jekabpils-novada-galvena-biblioteka"/);
  const none = await get(`${server.origin}/en/libraries/liepajas-centrala-zinatniska-biblioteka`);
  assert.match(none.body, /No events announced\./);
});

test('a busy day in the month table shows six dates and links to the rest', async () => {
  for (const lang of ['en', 'lv']) {
    const res = await get(`${server.origin}/${lang}/events?view=month&month=2027-01`);
    assert.equal(res.status, 200);
    const cell = res.body.slice(res.body.indexOf('<span class="day-number">14</span>'));
    const day = cell.slice(0, cell.indexOf('</td>'));
    assert.ok((day.match(/<li/g) || []).length <= 6, 'at most six dates in a cell');
    const more = /<a class="more" href="([^"]+)">([^<]+)<\/a>/.exec(day);
    assert.ok(more, 'a link to the rest of the day');
    assert.equal(more[1], `/${lang}/events?from=2027-01-14&amp;to=2027-01-14`);
    assert.match(more[2], lang === 'en' ? /^and \d+ more$/ : /^un vēl \d+$/);
    const list = await get(`${server.origin}/${lang}/events?from=2027-01-14&to=2027-01-14`);
    assert.ok((list.body.match(/href="\/[a-z]{2}\/events\/[0-9a-f-]{36}\?on=2027-01-14/g) || []).length >= 8);
  }
});
