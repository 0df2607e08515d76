// The back-office event forms over plain HTTP (a browser without JavaScript): a librarian
// creates a single and a weekly event, gets errors in two languages with the input kept, changes
// one date (cancel with a public reason, remove, move, restore), changes "this and all
// following", cancels the whole event, duplicates it, and prints the month's programme; the
// calendar feed's SEQUENCE and DTSTAMP move with each change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, sqlOf } from './harness.mjs';

const OGRE = 'ogres-centrala-biblioteka';
const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = (q) => sqlOf(db)(q);
let server;
let lib;
before(async () => {
  await addUser(db, ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian', '--library', OGRE]);
  server = await startServer({ db });
  lib = await signInHttp(server, 'lib@example.lv');
});
after(() => stopAndCheck(server));

function post(path, fields, { session = lib, origin = server.origin } = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({ csrf: session.csrf, ...fields })) for (const x of [].concat(v)) body.append(k, x);
  return get(`${server.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie: session.cookie },
    body: body.toString(),
  });
}
const page = (path) => get(`${server.origin}${path}`, { headers: { cookie: lib.cookie } });

const weekly = {
  title: 'Sarunu klubs <pirmdienās>', description: 'Runājam latviski.', category: 'conversation-club',
  audiences: ['seniors'], languages: ['lv'], interpreted: ['uk'], on_site: '1', registration: 'open', capacity: '10',
  date: '7.12.2026', start_time: '17:00', end_time: '18:30', repeat: 'weekly', weekdays: ['1'], ends: 'count', count: '6',
};

function icsOf(id) {
  return get(`${server.origin}/lv/events/${id}/calendar.ics`).then((r) => r.body.replace(/\r\n /g, ''));
}
const field = (ics, name) => new RegExp(`^${name}[^:]*:(.*)$`, 'm').exec(ics.slice(ics.indexOf('BEGIN:VEVENT')))?.[1];

test('the library overview links to its events, and the list offers a new one', async () => {
  const overview = await page(`/lv/manage/libraries/${OGRE}`);
  assert.ok(overview.body.includes(`/lv/manage/libraries/${OGRE}/events"`));
  const list = await page(`/lv/manage/libraries/${OGRE}/events`);
  assert.equal(list.status, 200);
  assert.ok(list.body.includes('Digitālās prasmes ar tulka atbalstu'), 'the sample event is listed');
  const form = await page(`/en/manage/libraries/${OGRE}/events/new`);
  assert.equal(form.status, 200);
  for (const name of ['title', 'date', 'start_time', 'end_time', 'capacity', 'online_url']) {
    assert.match(form.body, new RegExp(`<label for="${name}">`), `visible label for ${name}`);
  }
  assert.match(form.body, /value="monthly-weekday"/);
});

test('errors in two languages: summary, "Error:" title, input kept, nothing saved', async () => {
  const before = sql('SELECT count(*) FROM event');
  for (const [lang, prefix] of [['lv', 'Kļūda:'], ['uk', 'Помилка:']]) {
    const res = await post(`/${lang}/manage/libraries/${OGRE}/events/new`, {
      ...weekly, title: '', date: '31.2.2026', end_time: '16:00', capacity: '', online_url: 'ftp://x',
    });
    assert.equal(res.status, 400, excerpt(res.body));
    assert.match(res.body, new RegExp(`<title>${prefix}`));
    for (const f of ['title', 'online_url', 'capacity', 'date', 'end_time']) assert.ok(res.body.includes(`href="#${f}"`), `${lang}: ${f}`);
    assert.ok(res.body.includes('value="31.2.2026"'), 'typed date kept');
    assert.ok(res.body.includes('value="ftp://x"'));
    assert.match(res.body, /name="weekdays" value="1" checked/);
  }
  assert.equal(sql('SELECT count(*) FROM event'), before);
});

let eventId;
test('create a weekly event: six Mondays, public page and feed', async () => {
  const res = await post(`/lv/manage/libraries/${OGRE}/events/new`, weekly);
  assert.equal(res.status, 303, excerpt(res.body));
  eventId = /\/manage\/events\/([0-9a-f-]{36})\?done=saved$/.exec(res.headers.get('location'))[1];
  assert.equal(sql(`SELECT count(*) FROM occurrence WHERE event_id = '${eventId}'`), '6');
  assert.equal(sql(`SELECT rrule FROM event WHERE id = '${eventId}'`), 'FREQ=WEEKLY;BYDAY=MO;COUNT=6');
  const edit = await page(`/lv/manage/events/${eventId}?done=saved`);
  assert.equal(edit.status, 200);
  assert.ok(edit.body.includes('Pasākums saglabāts.'));
  assert.ok(edit.body.includes('value="Sarunu klubs &lt;pirmdienās&gt;"'), 'escaped in the form');
  assert.match(edit.body, /name="repeat" value="weekly" checked/);
  const pub = await get(`${server.origin}/en/events/${eventId}`);
  assert.equal(pub.status, 200);
  assert.ok(pub.body.includes('Sarunu klubs &lt;pirmdienās&gt;'));
  const ics = await icsOf(eventId);
  assert.equal(field(ics, 'SEQUENCE'), '0');
  assert.match(field(ics.slice(ics.indexOf('BEGIN:VEVENT')), 'RRULE'), /FREQ=WEEKLY;BYDAY=MO;COUNT=6/);
});

test('the event\'s texts are translated on the translation pages and shown in that language', async () => {
  const form = await page(`/lv/manage/translations/event/${eventId}?locale=uk`);
  assert.equal(form.status, 200, excerpt(form.body));
  assert.ok(form.body.includes('Sarunu klubs &lt;pirmdienās&gt;'), 'the source text is shown beside the field');
  const res = await post(`/lv/manage/translations/event/${eventId}?locale=uk`, { title: 'Розмовний клуб', description: 'Говоримо латиською.' });
  assert.equal(res.status, 303, excerpt(res.body));
  const uk = await get(`${server.origin}/uk/events/${eventId}`);
  assert.ok(uk.body.includes('<h1>Розмовний клуб</h1>'), 'the page shows the translation (caches refreshed)');
  const ics = await get(`${server.origin}/uk/events/${eventId}/calendar.ics`);
  assert.match(ics.body, /SUMMARY:Розмовний клуб/);
});

test('one date: cancel with a reason (public), move, remove, restore; feed SEQUENCE grows', async () => {
  const dates = sql(`SELECT original_start FROM occurrence WHERE event_id = '${eventId}' ORDER BY starts_at`).split('\n');
  const seq0 = Number(field(await icsOf(eventId), 'SEQUENCE'));
  const stamp0 = field(await icsOf(eventId), 'DTSTAMP');
  await new Promise((r) => setTimeout(r, 1100));  // DTSTAMP has seconds
  const datePath = (on) => `/lv/manage/events/${eventId}/dates/${on}`;
  assert.equal((await page(datePath(dates[1]))).status, 200);
  let res = await post(datePath(dates[1]), { action: 'cancel', reason: '' });
  assert.equal(res.status, 400, 'a cancellation needs a reason');
  assert.ok(res.body.includes('href="#reason"'));
  res = await post(datePath(dates[1]), { action: 'cancel', reason: 'Bibliotēka slēgta <remonts>' });
  assert.equal(res.status, 303, excerpt(res.body));
  const pub = await get(`${server.origin}/lv/events/${eventId}?on=${dates[1]}`);
  assert.ok(pub.body.includes('Bibliotēka slēgta &lt;remonts&gt;'), 'the reason is public, escaped');
  const ics = await icsOf(eventId);
  assert.ok(Number(field(ics, 'SEQUENCE')) > seq0, 'SEQUENCE increased');
  assert.notEqual(field(ics, 'DTSTAMP'), stamp0, 'DTSTAMP is the last change');
  assert.match(ics, /STATUS:CANCELLED/);

  res = await post(datePath(dates[2]), { action: 'move', date: dates[2].slice(0, 10), start_time: '19:00', end_time: '20:00' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT substr(starts_at, 12, 5) FROM occurrence WHERE event_id = '${eventId}' AND original_start = '${dates[2]}'`), '17:00', '19:00 Riga in winter is 17:00 UTC');
  res = await post(datePath(dates[3]), { action: 'move', date: 'x', start_time: '19:00', end_time: '18:00' });
  assert.equal(res.status, 400);
  assert.ok(res.body.includes('href="#date"') && res.body.includes('href="#end_time"'));
  res = await post(datePath(dates[3]), { action: 'remove' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT count(*) FROM occurrence WHERE event_id = '${eventId}'`), '5');
  assert.match(await icsOf(eventId), /EXDATE/);
  res = await post(datePath(dates[1]), { action: 'restore' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT status FROM occurrence WHERE event_id = '${eventId}' AND original_start = '${dates[1]}'`), 'scheduled');
  res = await post(datePath(dates[1]), { action: 'explode' });
  assert.equal(res.status, 400);
});

test('this and all following, duplicate, and cancelling the whole event', async () => {
  const dates = sql(`SELECT original_start FROM occurrence WHERE event_id = '${eventId}' ORDER BY starts_at`).split('\n');
  const from = dates[dates.length - 2];
  const form = await page(`/en/manage/events/${eventId}/split?from=${from}`);
  assert.equal(form.status, 200);
  assert.ok(form.body.includes(`value="${from.slice(0, 10)}"`), 'the new part starts on the chosen date');
  let res = await post(`/en/manage/events/${eventId}/split`, { ...weekly, from, date: from.slice(0, 10), start_time: '18:00', end_time: '19:00' });
  assert.equal(res.status, 303, excerpt(res.body));
  const newId = /\/manage\/events\/([0-9a-f-]{36})\?done=split$/.exec(res.headers.get('location'))[1];
  assert.notEqual(newId, eventId);
  assert.match(sql(`SELECT rrule FROM event WHERE id = '${eventId}'`), /UNTIL=/);

  res = await post(`/lv/manage/events/${eventId}/duplicate`, {});
  assert.equal(res.status, 303);
  const copyId = /\/manage\/events\/([0-9a-f-]{36})\?done=duplicated$/.exec(res.headers.get('location'))[1];
  assert.equal(sql(`SELECT title FROM event WHERE id = '${copyId}'`), 'Sarunu klubs <pirmdienās>');

  res = await post(`/uk/manage/events/${newId}/cancel`, { reason: '' });
  assert.equal(res.status, 400);
  assert.match(res.body, /<title>Помилка:/);
  res = await post(`/lv/manage/events/${newId}/cancel`, { reason: 'Vadītāja slimo' });
  assert.equal(res.status, 303);
  const pub = await get(`${server.origin}/lv/events/${newId}`);
  assert.ok(pub.body.includes('Vadītāja slimo'));
  assert.equal(sql(`SELECT count(*) FROM occurrence WHERE event_id = '${newId}' AND status = 'scheduled'`), '0');
});

test('the printable programme, per month and per week', async () => {
  const month = sql(`SELECT substr(min(local_date), 1, 7) FROM occurrence WHERE event_id = '${eventId}'`);
  const res = await page(`/lv/manage/libraries/${OGRE}/programme?month=${month}`);
  assert.equal(res.status, 200);
  assert.ok(res.body.includes('Sarunu klubs &lt;pirmdienās&gt;'));
  assert.equal((res.body.match(/class="programme-page"/g) || []).length, 1);
  const weeks = await page(`/lv/manage/libraries/${OGRE}/programme?month=${month}&per=week`);
  assert.ok((weeks.body.match(/class="programme-page"/g) || []).length >= 2, 'one section (page) per week');
});

test('a librarian of another library and a forged form are refused', async () => {
  await addUser(db, ['--email', 'other@example.lv', '--name', 'Other', '--role', 'librarian', '--library', 'ventspils-biblioteka']);
  const other = await signInHttp(server, 'other@example.lv');
  const res = await post(`/lv/manage/events/${eventId}`, weekly, { session: other });
  assert.equal(res.status, 403);
  const forged = await post(`/lv/manage/events/${eventId}/cancel`, { reason: 'x' }, { origin: 'https://evil.example' });
  assert.equal(forged.status, 403);
  assert.equal(sql(`SELECT status FROM event WHERE id = '${eventId}'`), 'scheduled');
});
