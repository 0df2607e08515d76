// Registering for an event without an account: the form in several languages, errors with the
// input kept, the private link (see, change, cancel), promotion from the waitlist seen by the
// person waiting, approval mode, wrong tokens, CSRF, rate limits, and the race for the last
// places (QUALITY.md R3: 200 clients for 10 places — exactly 10 confirmed, the waitlist in the
// order the server accepted the requests, no 5xx).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, decodeEntities, sqlOf } from './harness.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = (q) => sqlOf(db)(q);

const clubId = sql("SELECT id FROM event WHERE title = 'Latviešu sarunvalodas klubs'");
const speedId = sql("SELECT id FROM event WHERE title = 'Valodu “ātrie randiņi”'");
const digitalId = sql("SELECT id FROM event WHERE title = 'Digitālās prasmes ar tulka atbalstu: e-pakalpojumi'");
const familyId = sql("SELECT id FROM event WHERE title = 'Ģimeņu kultūru vakars'");
const boardId = sql("SELECT id FROM event WHERE title = 'Galda spēļu un stāstu vakars'");
const nowUtc = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const dateOf = (id, n = 0) => sql(`SELECT original_start FROM occurrence WHERE event_id = '${id}' AND starts_at > '${nowUtc()}' ORDER BY starts_at LIMIT 1 OFFSET ${n}`);
// Small capacities so the waitlist shows quickly (set before the server starts).
sql(`UPDATE event SET capacity = 3 WHERE id = '${clubId}'; UPDATE occurrence SET capacity = 3 WHERE event_id = '${clubId}';
     UPDATE event SET capacity = 20 WHERE id = '${speedId}'; UPDATE occurrence SET capacity = 20 WHERE event_id = '${speedId}'`);

const server = await startServer({ db, args: ['--registration-limit', '1000'] });
after(() => stopAndCheck(server));

const registerUrl = (lang, id, on) => `${server.origin}/${lang}/events/${id}/register${on ? `?on=${on}` : ''}`;

async function openForm(url) {
  const res = await get(url);
  assert.equal(res.status, 200, excerpt(res.body));
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf='));
  const token = /name="csrf" value="([0-9a-f]{32})"/.exec(res.body)?.[1];
  assert.ok(cookie && token, 'CSRF cookie and field');
  return { cookie: cookie.split(';')[0], token, html: res.body };
}

function post(url, fields, { cookie, origin = server.origin } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin };
  if (cookie) headers.cookie = cookie;
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [].concat(v)) body.append(k, x);
  return get(url, { method: 'POST', headers, body: body.toString() });
}

async function register(lang, id, on, fields) {
  const url = registerUrl(lang, id, on);
  const { cookie, token } = await openForm(url);
  const res = await post(url, { csrf: token, party_size: '1', language: lang, ...fields }, { cookie });
  return { res, cookie, url, token };
}

// Follows the 303 to the private page; returns its URL and HTML.
async function privatePage(res) {
  assert.equal(res.status, 303, excerpt(res.body));
  const location = res.headers.get('location');
  assert.match(location, /^\/[a-z]{2}\/registrations\/[A-Za-z0-9_-]{43}\?new=1$/);
  const page = await get(server.origin + location);
  assert.equal(page.status, 200, excerpt(page.body));
  return { url: server.origin + location.replace(/\?.*/, ''), html: page.body, page };
}

const statuses = (html) => [...html.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => decodeEntities(m[1]));

test('the event page links to registration, and the form asks only what is needed', async () => {
  const on = dateOf(clubId);
  for (const lang of ['lv', 'uk', 'en']) {
    const event = await get(`${server.origin}/${lang}/events/${clubId}?on=${on}`);
    assert.ok(event.body.includes(`href="/${lang}/events/${clubId}/register?on=${on}"`), 'register for this date');
    assert.ok(event.body.includes(`href="/${lang}/events/${clubId}/register"`), 'register for the series');
    const { html } = await openForm(registerUrl(lang, clubId, on));
    assert.match(html, new RegExp(`<html lang="${lang}"`));
    for (const field of ['name', 'contact', 'party_size', 'language', 'note']) {
      assert.match(html, new RegExp(`<label for="${field}">`), `${lang}: visible label for ${field}`);
    }
    assert.match(html, /value="interpreter:uk"/, 'the event offers a Ukrainian interpreter');
    assert.match(html, /value="step-free"/);
    assert.match(html, /class="optional"/, '"(optional)" instead of asterisks');
  }
  const closed = await get(registerUrl('en', boardId, dateOf(boardId)));
  assert.equal(closed.status, 409, 'an event without registration says so');
  assert.match(closed.body, /No registration is needed|registration/i);
  assert.equal((await get(registerUrl('en', clubId, '2020-01-01T10:00'))).status, 404);
  assert.equal((await get(registerUrl('en', clubId, 'not-a-date'))).status, 404);
  assert.equal((await get(registerUrl('en', '00000000-0000-4000-8000-000000000000'))).status, 404);
});

test('errors in two languages: summary, "Error:" title, typed input kept, nothing stored', async () => {
  const before = sql('SELECT count(*) FROM registration');
  const expected = { lv: 'Kļūda:', uk: 'Помилка:' };
  for (const lang of ['lv', 'uk']) {
    const { res } = await register(lang, clubId, dateOf(clubId), {
      name: '  ', contact: 'zvaniet <man>', party_size: '99', note: 'Teksts <b>paliek</b>',
    });
    assert.equal(res.status, 400);
    assert.match(res.body, new RegExp(`<title>${expected[lang]}`));
    assert.ok(res.body.indexOf('class="error-summary"') < res.body.indexOf('<h1'), 'summary above the heading');
    for (const field of ['name', 'contact', 'party_size']) assert.match(res.body, new RegExp(`href="#${field}"`));
    assert.ok(res.body.includes('value="zvaniet &lt;man&gt;"'), 'typed contact kept, escaped');
    assert.ok(res.body.includes('Teksts &lt;b&gt;paliek&lt;/b&gt;</textarea>'), 'typed note kept, escaped');
    assert.ok(!res.body.includes('<b>paliek'), 'never raw');
  }
  assert.equal(sql('SELECT count(*) FROM registration'), before, 'nothing stored');
});

test('CSRF: a missing or foreign token changes nothing and keeps the input', async () => {
  const on = dateOf(clubId);
  const url = registerUrl('en', clubId, on);
  const before = sql('SELECT count(*) FROM registration');
  const { cookie, token } = await openForm(url);
  const fields = { csrf: 'f'.repeat(32), name: 'Kept name', party_size: '1', language: 'en' };
  const wrong = await post(url, fields, { cookie });
  assert.equal(wrong.status, 400);
  assert.ok(wrong.body.includes('value="Kept name"'));
  const foreign = await post(url, { ...fields, csrf: token }, { cookie, origin: 'https://evil.example' });
  assert.equal(foreign.status, 400);
  assert.equal(sql('SELECT count(*) FROM registration'), before);
});

test('register, see the private page, change, cancel; the waitlist moves up and says so', async () => {
  const on = dateOf(clubId, 1);
  const occ = sql(`SELECT id FROM occurrence WHERE event_id = '${clubId}' AND original_start = '${on}'`);
  // Capacity 3: a party of 2, then 1, fill it; the next two wait.
  const a = await privatePage((await register('uk', clubId, on, { name: 'Олена', party_size: '2', contact: 'olena@example.org', needs: ['interpreter:uk', 'step-free'] })).res);
  assert.match(a.page.headers.get('cache-control'), /no-store/);
  assert.match(a.page.headers.get('cache-control'), /private/);
  assert.equal(a.page.headers.get('x-robots-tag'), 'noindex, nofollow');
  assert.equal(a.page.headers.get('referrer-policy'), 'same-origin');
  assert.ok(a.html.includes('Дякуємо, вашу реєстрацію отримано.'));
  assert.ok(a.html.includes(a.url), 'the private link is shown to keep');
  assert.ok(statuses(a.html).includes('Підтверджено: 2 місця'), statuses(a.html).join(' | '));
  const b = await privatePage((await register('en', clubId, on, { name: 'Ben' })).res);
  assert.ok(statuses(b.html).includes('Confirmed: 1 place'));
  const c = await privatePage((await register('en', clubId, on, { name: 'Cleo' })).res);
  const d = await privatePage((await register('lv', clubId, on, { name: 'Dace' })).res);
  assert.ok(statuses(c.html).includes('Waitlist position 1'), statuses(c.html).join(' | '));
  assert.ok(statuses(d.html).includes('Vieta gaidīšanas sarakstā: 2'));
  assert.equal(sql(`SELECT confirmed FROM occurrence WHERE id = '${occ}'`), '3');
  // The event page now says the places are taken.
  const event = await get(`${server.origin}/en/events/${clubId}?on=${on}`);
  assert.ok(event.body.includes('you can join the waiting list'), 'full: the page offers the waitlist');

  // Olena's party shrinks to 1: Cleo moves up; Dace is first in line now.
  const { cookie, token } = await openForm(registerUrl('en', clubId, on));
  const shrink = await post(a.url, { csrf: token, action: 'change', name: 'Олена', party_size: '1', language: 'uk', contact: '', needs: 'step-free' }, { cookie });
  assert.equal(shrink.status, 303, excerpt(shrink.body));
  assert.match(shrink.headers.get('location'), /\?done=changed$/);
  assert.ok(statuses((await get(c.url)).body).includes('Confirmed: 1 place'), 'promoted');
  assert.ok(statuses((await get(d.url)).body).includes('Vieta gaidīšanas sarakstā: 1'));
  const olena = await get(a.url);
  assert.ok(statuses(olena.body).includes('Підтверджено: 1 місце'));
  assert.match(olena.body, /name="needs" value="step-free" checked>/);
  assert.match(olena.body, /name="needs" value="interpreter:uk">/, 'unticked need stays unticked');
  assert.ok(olena.body.includes(`hreflang="lv" href="${a.url.replace('/uk/', '/lv/')}"`), 'the language switcher keeps the private page');
  assert.equal(sql(`SELECT coalesce(contact, 'none') FROM registration WHERE name = 'Олена'`), 'none', 'contact removed when emptied');

  // Growing beyond the free places is refused, with the message in the page's language.
  const grow = await post(b.url, { csrf: token, action: 'change', name: 'Ben', party_size: '3', language: 'en' }, { cookie });
  assert.equal(grow.status, 409);
  assert.ok(grow.body.includes('not enough free places'));
  assert.ok(grow.body.includes('value="3"'), 'typed value kept');
  assert.equal(sql(`SELECT party_size FROM registration WHERE name = 'Ben'`), '1');

  // Ben cancels: Dace gets his place.
  const occurrenceField = /name="occurrence" value="([0-9a-f-]{36})"/.exec((await get(b.url)).body)[1];
  assert.equal(occurrenceField, occ);
  const cancel = await post(b.url, { csrf: token, action: 'cancel', occurrence: occ }, { cookie });
  assert.equal(cancel.status, 303);
  const ben = await get(b.url);
  assert.ok(statuses(ben.body).includes('Cancelled'));
  assert.ok(!ben.body.includes('name="occurrence"'), 'nothing left to cancel');
  assert.ok(statuses((await get(d.url)).body).includes('Apstiprināts: 1 vieta'));
  assert.equal(sql(`SELECT confirmed FROM occurrence WHERE id = '${occ}'`), '3');

  // A CSRF failure on the private page changes nothing.
  const forged = await post(d.url, { csrf: 'f'.repeat(32), action: 'cancel' }, { cookie });
  assert.equal(forged.status, 400);
  assert.ok(statuses((await get(d.url)).body).includes('Apstiprināts: 1 vieta'));
});

test('a whole series, and approval mode', async () => {
  const s = await privatePage((await register('en', familyId, '', { name: 'Series person' })).res);
  const dates = sql(`SELECT count(*) FROM occurrence WHERE event_id = '${familyId}' AND starts_at > '${nowUtc()}' AND status = 'scheduled'`);
  assert.equal(statuses(s.html).filter((x) => x === 'Confirmed: 1 place').length, Number(dates));
  assert.ok(Number(dates) > 1);
  assert.match(s.html, /Cancel every date/);

  // The person's own calendar: every date held, each with a reminder the day before, private.
  assert.match(s.html, new RegExp(`href="${s.url.replace(server.origin, '')}/calendar.ics"`));
  const ics = await get(`${s.url}/calendar.ics`);
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type'), /^text\/calendar/);
  assert.match(ics.headers.get('cache-control') ?? '', /private, no-store/);
  assert.match(ics.headers.get('x-robots-tag') ?? '', /noindex/);
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import sys, json
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = []
for e in cal.walk('VEVENT'):
    alarms = [a for a in e.walk('VALARM')]
    out.append({'uid': str(e['UID']), 'status': str(e['STATUS']), 'tz': e['DTSTART'].params.get('TZID'),
                'trigger': [str(a['TRIGGER'].dt) for a in alarms]})
print(json.dumps(out))
`], { input: ics.body, encoding: 'utf8' }));
  assert.equal(parsed.length, Number(dates));
  assert.equal(new Set(parsed.map((e) => e.uid)).size, parsed.length, 'one UID per date');
  for (const e of parsed) {
    assert.equal(e.status, 'CONFIRMED');
    assert.equal(e.tz, 'Europe/Riga');
    assert.deepEqual(e.trigger, ['-1 day, 0:00:00']);
  }
  // After cancelling one date it leaves the calendar file.
  const page = await get(s.url);
  const cookie = page.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf='))?.split(';')[0];
  const token = /name="csrf" value="([0-9a-f]{32})"/.exec(page.body)[1];
  const first = /name="occurrence" value="([^"]+)"/.exec(page.body)[1];
  const cancelled = await post(s.url, { csrf: token, action: 'cancel', occurrence: first }, { cookie });
  assert.equal(cancelled.status, 303, excerpt(cancelled.body));
  const after1 = await get(`${s.url}/calendar.ics`);
  assert.equal((after1.body.match(/BEGIN:VEVENT/g) ?? []).length, Number(dates) - 1);
  assert.equal((await get(`${server.origin}/en/registrations/${'C'.repeat(43)}/calendar.ics`)).status, 404);

  const p = await privatePage((await register('ru', digitalId, dateOf(digitalId), { name: 'Марина' })).res);
  assert.ok(statuses(p.html).includes('Ожидает подтверждения библиотеки'));
  assert.equal(sql(`SELECT confirmed FROM occurrence WHERE event_id = '${digitalId}' ORDER BY starts_at LIMIT 1`), '0');
});

test('a wrong or malformed token is a 404 that is not cached or indexed', async () => {
  for (const token of ['A'.repeat(43), 'short', '../../etc/passwd']) {
    const res = await get(`${server.origin}/en/registrations/${encodeURIComponent(token)}`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
  }
  const post404 = await post(`${server.origin}/en/registrations/${'B'.repeat(43)}`, { action: 'cancel' });
  assert.equal(post404.status, 404);
});

test('race: 200 clients for the last 10 places — exactly 10 confirmed, the rest waitlisted in order, no 5xx', async () => {
  const on = dateOf(speedId);
  const occ = sql(`SELECT id FROM occurrence WHERE event_id = '${speedId}' AND original_start = '${on}'`);
  // Capacity 20: fill 10 so the last 10 remain.
  for (let i = 0; i < 10; i++) await register('en', speedId, on, { name: `Early ${i}` });
  assert.equal(sql(`SELECT capacity - confirmed FROM occurrence WHERE id = '${occ}'`), '10');
  const url = registerUrl('lv', speedId, on);
  const { cookie, token } = await openForm(url);
  const results = await Promise.all(Array.from({ length: 200 }, (_, i) =>
    post(url, { csrf: token, name: `Racer ${i}`, party_size: '1', language: 'lv' }, { cookie })));
  const byStatus = {};
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  assert.deepEqual(byStatus, { 303: 200 }, JSON.stringify(byStatus));
  const rows = sql(`SELECT p.status || ':' || coalesce(CAST(p.waitlist_seq AS TEXT), '') FROM registration r JOIN registration_place p ON p.registration_id = r.id WHERE r.name LIKE 'Racer %' AND p.occurrence_id = '${occ}' ORDER BY r.rowid`).split('\n');
  assert.equal(rows.length, 200);
  assert.deepEqual(rows.slice(0, 10), Array(10).fill('confirmed:'), 'the first ten accepted got the places');
  assert.deepEqual(rows.slice(10), Array.from({ length: 190 }, (_, i) => `waitlisted:${i + 1}`), 'then the waitlist 1..190 in order, no gaps');
  assert.equal(sql(`SELECT confirmed FROM occurrence WHERE id = '${occ}'`), '20');
  assert.equal(sql(`SELECT count(*) FROM registration_place WHERE occurrence_id = '${occ}' AND status = 'confirmed'`), '20');
});

test('rate limit: too many registrations from one address get a clear message and change nothing', async () => {
  const limitedDb = await makeDemoDb(makeTempDir());
  const limited = await startServer({ db: limitedDb, args: ['--registration-limit', '2'] });
  try {
    const id = sqlOf(limitedDb)("SELECT id FROM event WHERE title = 'Ģimeņu kultūru vakars'");
    const url = `${limited.origin}/uk/events/${id}/register`;
    const res0 = await get(url);
    const cookie = res0.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf=')).split(';')[0];
    const token = /name="csrf" value="([0-9a-f]{32})"/.exec(res0.body)[1];
    const send = (name) => get(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: limited.origin, cookie }, body: new URLSearchParams({ csrf: token, name, party_size: '1', language: 'uk' }).toString() });
    assert.equal((await send('Перший')).status, 303);
    assert.equal((await send('Другий')).status, 303);
    const third = await send('Третій');
    assert.equal(third.status, 429);
    assert.ok(third.body.includes('Забагато реєстрацій'));
    assert.ok(third.body.includes('value="Третій"'), 'input kept');
    const count = sqlOf(limitedDb)('SELECT count(*) FROM registration');
    assert.equal(count, '2');
  } finally {
    await stopAndCheck(limited);
  }
});
