// Booking a resource (issue 6) against the real server: the one-thing-per-page journey in
// several languages with its errors (input kept, nothing stored), the hold and when it ends,
// the private page (change, change of time, cancel, calendar file with a reminder), the
// library page's links, the librarian's day view (approve, decline with a reason, no-show,
// block time, book at the desk, bookings that no longer fit after a new closed day), usage
// counts, and retention: after the period the person is gone from the database file and the
// counts stay.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, runTilti, addUser, signInHttp,
  isPostgresDb,
} from './harness.mjs';
import {
  sqlOf, resourceId, formSession, post, bookableDates, freeSlots, hold, completeBooking,
} from './booking_steps.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
const room = resourceId(db, 'Sensorā lasītava');
const interpreter = resourceId(db, 'E-pakalpojumi ar tulka atbalstu');
const ogreComputers = sql("SELECT r.id FROM resource r JOIN organization o ON o.id = r.organization_id WHERE o.slug = 'ogres-centrala-biblioteka' AND r.kind = 'workstation'");
await addUser(db, ['--email', 'desk@example.lv', '--name', 'Desk', '--role', 'librarian', '--library', 'latgales-centrala-biblioteka']);
await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
const server = await startServer({ db, args: ['--registration-limit', '1000'] });
after(() => stopAndCheck(server));

test('the library page and the list link each resource; the resource page says what to expect', async () => {
  const lib = await get(`${server.origin}/uk/libraries/ogres-centrala-biblioteka`);
  assert.ok(lib.body.includes(`href="/uk/resources/${ogreComputers}"`), 'the library links its computers');
  const list = await get(`${server.origin}/ru/resources`);
  assert.ok(list.body.includes(`href="/ru/resources/${room}"`));
  for (const lang of ['uk', 'lv']) {
    const page = await get(`${server.origin}/${lang}/resources/${room}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /class="visual-story"/);
    assert.match(page.body, /class="notice sample"/, 'marked as a demo sample');
    assert.ok((await bookableDates(server, lang, room)).length > 5);
  }
  assert.equal((await get(`${server.origin}/en/resources/none`)).status, 404);
});

test('a typed date that is not a date is a clear error that keeps the input', async () => {
  for (const [lang, message] of [['uk', 'Введіть справжню дату'], ['lv', 'Ierakstiet īstu datumu']]) {
    const res = await get(`${server.origin}/${lang}/resources/${room}/book?date=${encodeURIComponent('31.02.2027')}`);
    assert.equal(res.status, 400);
    assert.ok(res.body.includes(message), excerpt(res.body));
    assert.ok(res.body.includes('value="31.02.2027"'));
    assert.match(res.body, /<title>[^<]*(Помилка|Kļūda)/);
  }
  // The Latvian way of typing a date works.
  const [date] = await bookableDates(server, 'lv', room);
  const [y, m, d] = date.split('-');
  const typed = await get(`${server.origin}/lv/resources/${room}/book?date=${Number(d)}.${Number(m)}.${y}`);
  assert.equal(typed.status, 200);
  assert.match(typed.body, /name="start"/);
});

test('the whole journey in Ukrainian: hold, errors, check your answers, book, change, calendar, cancel', async () => {
  // A day with two free times at least (late in the day, today may have only one left).
  let date;
  let slots = [];
  for (const d of await bookableDates(server, 'uk', room)) {
    slots = await freeSlots(server, 'uk', room, d);
    if (slots.length >= 2) {
      date = d;
      break;
    }
  }
  assert.ok(date, 'a day with two free times');
  assert.match(slots[0].label, /^\d\d:\d\d–\d\d:\d\d, 3 вільні місця$/, 'each slot says its time and free places');
  const session = await formSession(`${server.origin}/uk/resources/${room}/book?date=${date}`);
  // No time chosen.
  const none = await post(server, `/uk/resources/${room}/book`, { csrf: session.token, date }, session);
  assert.equal(none.status, 400);
  assert.ok(none.body.includes('Виберіть час'));
  // A forged form changes nothing.
  const forged = await post(server, `/uk/resources/${room}/book`, { csrf: 'f'.repeat(32), date, start: slots[0].value }, session);
  assert.equal(forged.status, 400);
  assert.equal(sql('SELECT count(*) FROM slot_hold'), '0');

  const held = await hold(server, 'uk', room, date, slots[0].value, session);
  assert.equal(held.status, 303, excerpt(held.body));
  const holdPath = held.headers.get('location');
  assert.match(holdPath, new RegExp(`^/uk/resources/${room}/book/[A-Za-z0-9_-]{43}$`));
  const details = await get(`${server.origin}${holdPath}`, { headers: { cookie: session.cookie } });
  assert.match(details.body, /Ми тримаємо цей час для вас до \d\d:\d\d\./, 'the page states when the hold ends');
  assert.match(details.headers.get('cache-control'), /no-store/);
  // Others now see one place fewer.
  assert.match((await freeSlots(server, 'uk', room, date))[0].label, /2 вільні місця/);

  const bad = await post(server, holdPath, { csrf: session.token, name: '', party_size: '9', language: 'uk', contact: 'not a contact' }, session);
  assert.equal(bad.status, 400);
  assert.ok(bad.body.includes('value="not a contact"'), 'input kept');
  assert.ok(bad.body.includes('Тут одночасно можуть бути лише 3'));
  assert.equal(sql('SELECT count(*) FROM booking'), '0');

  const done = await completeBooking(server, holdPath, { name: 'Оксана', language: 'uk', needs: 'step-free', target_group: 'temporary-protection' }, session);
  assert.equal(done.status, 303, excerpt(done.body));
  const mine = done.headers.get('location');
  assert.match(mine, /^\/uk\/bookings\/[A-Za-z0-9_-]{43}\?new=1$/);
  const page = await get(`${server.origin}${mine}`);
  assert.ok(page.body.includes('Заброньовано'), excerpt(page.body));
  assert.match(page.headers.get('x-robots-tag') ?? '', /noindex/);
  assert.equal(sql('SELECT taken FROM slot WHERE starts_at = \'' + slots[0].value + '\''), '1');
  assert.equal(sql('SELECT count(*) FROM slot_hold'), '0', 'the hold became the booking');

  const base = mine.replace(/\?.*/, '');
  const ics = await get(`${server.origin}${base}/calendar.ics`);
  assert.match(ics.headers.get('content-type'), /^text\/calendar/);
  assert.match(ics.body, /BEGIN:VALARM\r\nACTION:DISPLAY\r\n/);
  assert.match(ics.body, /DTSTART;TZID=Europe\/Riga:/);

  // Change the party: within the places.
  const own = await formSession(`${server.origin}${base}`);
  const changed = await post(server, base, { csrf: own.token, action: 'change', name: 'Оксана', party_size: '2', language: 'uk' }, own);
  assert.equal(changed.status, 303);
  assert.equal(sql('SELECT taken FROM slot WHERE starts_at = \'' + slots[0].value + '\''), '2');
  const tooMany = await post(server, base, { csrf: own.token, action: 'change', name: 'Оксана', party_size: '4', language: 'uk' }, own);
  assert.equal(tooMany.status, 400);

  // Change the time: the new slot is booked and the old one freed in one step.
  const move = await get(`${server.origin}${base}`);
  const moveHref = /href="([^"]+\?move=[^"]+)"/.exec(move.body)[1];
  const moveDay = await get(`${server.origin}${moveHref.replace('/book?', `/book?date=${date}&`)}`);
  assert.match(moveDay.body, /name="move"/);
  const moveSession = await formSession(`${server.origin}${moveHref.replace('/book?', `/book?date=${date}&`)}`);
  const token = base.split('/').pop();
  const moved = await post(server, `/uk/resources/${room}/book`, { csrf: moveSession.token, date, start: slots[1].value, move: token }, moveSession);
  assert.equal(moved.status, 303);
  const movedDone = await completeBooking(server, moved.headers.get('location'), { name: 'Оксана', language: 'uk', party_size: '2' }, moveSession);
  assert.equal(movedDone.status, 303);
  assert.equal(sql(`SELECT group_concat(CAST(taken AS TEXT)) FROM (SELECT taken FROM slot WHERE starts_at IN ('${slots[0].value}', '${slots[1].value}') ORDER BY starts_at) AS s`), '0,2');

  // Cancel the new booking: its places are free again.
  const newBase = movedDone.headers.get('location').replace(/\?.*/, '');
  const again = await formSession(`${server.origin}${newBase}`);
  const cancelled = await post(server, newBase, { csrf: again.token, action: 'cancel' }, again);
  assert.equal(cancelled.status, 303);
  assert.equal(sql(`SELECT taken FROM slot WHERE starts_at = '${slots[1].value}'`), '0');
  assert.ok((await get(`${server.origin}${newBase}`)).body.includes('Скасовано'));
  assert.equal((await get(`${server.origin}/uk/bookings/${'A'.repeat(43)}`)).status, 404);
});

test('a slot someone else took meanwhile: a clear message and another time to choose', async () => {
  const [date] = await bookableDates(server, 'lv', interpreter);
  const [slot] = await freeSlots(server, 'lv', interpreter, date);
  const a = await formSession(`${server.origin}/lv/resources/${interpreter}/book?date=${date}`);
  const b = await formSession(`${server.origin}/lv/resources/${interpreter}/book?date=${date}`);
  assert.equal((await hold(server, 'lv', interpreter, date, slot.value, a)).status, 303);
  const lost = await hold(server, 'lv', interpreter, date, slot.value, b);
  assert.equal(lost.status, 409);
  assert.ok(lost.body.includes('Šo laiku tikko aizņēma'), excerpt(lost.body));
});

test('the librarian: day view, approve or decline, block time, book at the desk, affected bookings, usage', async () => {
  const desk = await signInHttp(server, 'desk@example.lv', { lang: 'lv' });
  const [date] = await bookableDates(server, 'en', interpreter);
  const visitor = await formSession(`${server.origin}/en/resources/${interpreter}/book?date=${date}`);
  const slots = await freeSlots(server, 'en', interpreter, date);
  const held = await hold(server, 'en', interpreter, date, slots.at(-1).value, visitor);
  const booked = await completeBooking(server, held.headers.get('location'), { name: 'Mykola', language: 'uk', needs: 'interpreter:uk' }, visitor);
  assert.equal(booked.status, 303);
  const mine = booked.headers.get('location');
  assert.ok((await get(`${server.origin}${mine}`)).body.includes('Waiting for the library'));

  const dayPath = `/lv/manage/libraries/latgales-centrala-biblioteka/bookings?date=${date}`;
  const day = await get(`${server.origin}${dayPath}`, { headers: { cookie: desk.cookie } });
  assert.equal(day.status, 200, excerpt(day.body));
  assert.ok(day.body.includes('Mykola'));
  assert.match(day.headers.get('cache-control'), /no-store/);
  const bookingId = sql("SELECT id FROM booking WHERE name = 'Mykola'");
  const decline = await post(server, `/lv/manage/bookings/${bookingId}`, { csrf: desk.csrf, action: 'decline', reason: 'Tulks nav pieejams', back: dayPath }, desk);
  assert.equal(decline.status, 303);
  assert.ok((await get(`${server.origin}${mine}`)).body.includes('Tulks nav pieejams'), 'the person sees the reason');
  // Approving it now (a second desk still showing it as waiting) is refused on the desk page itself.
  const stale = await post(server, `/lv/manage/bookings/${bookingId}`, { csrf: desk.csrf, action: 'approve', back: dayPath }, desk);
  assert.equal(stale.status, 409);
  assert.match(stale.body, /Šī rezervācija pa to laiku ir mainījusies/);
  assert.match(stale.body, new RegExp(`href="#booking-${bookingId}"`));
  assert.equal(sql(`SELECT status FROM booking WHERE id = '${bookingId}'`), 'declined');

  // Another library's librarian or nobody signed in gets nothing.
  assert.notEqual((await get(`${server.origin}/lv/manage/libraries/ogres-centrala-biblioteka/bookings`, { headers: { cookie: desk.cookie } })).status, 200);
  assert.notEqual((await get(`${server.origin}${dayPath}`)).status, 200);

  // A block with mistakes: the desk page again, the form open with what was typed, in the
  // librarian's language, and nothing stored.
  const blocksBefore = sql('SELECT count(*) FROM resource_block');
  for (const [lang, bad, wrongTime, wrongOrder] of [['lv', { from: '25:00', to: '09:00' }, 'Ierakstiet laiku kā 10:00.', null],
    ['uk', { from: '12:00', to: '11:00' }, null, 'Кінець має бути пізніше за початок.']]) {
    const page = await post(server, `/${lang}/manage/resources/${interpreter}/blocks`, { csrf: desk.csrf, date, reason: 'Remonts <b>', ...bad }, desk);
    assert.equal(page.status, 400, excerpt(page.body));
    if (wrongTime) assert.ok(page.body.includes(wrongTime));
    if (wrongOrder) assert.ok(page.body.includes(wrongOrder));
    assert.match(page.body, /<details open>/);
    assert.ok(page.body.includes(`value="${bad.from}"`) && page.body.includes('value="Remonts &lt;b&gt;"'), 'input kept, escaped');
    assert.match(page.body, new RegExp(`href="#block-(from|to)-${interpreter}"`));
  }
  const badDate = await post(server, `/en/manage/resources/${interpreter}/blocks`, { csrf: desk.csrf, date: '31.02.2026', from: '10:00', to: '11:00' }, desk);
  assert.equal(badDate.status, 400);
  assert.ok(badDate.body.includes('value="31.02.2026"'));
  assert.equal(sql('SELECT count(*) FROM resource_block'), blocksBefore);

  // Block an hour: it is no longer offered.
  const before = await freeSlots(server, 'en', interpreter, date);
  const first = before[0];
  const hhmm = new Date(first.value).toLocaleTimeString('en-GB', { timeZone: 'Europe/Riga', hour: '2-digit', minute: '2-digit' });
  const blocked = await post(server, `/lv/manage/resources/${interpreter}/blocks`, { csrf: desk.csrf, date, from: hhmm, to: `${String(Number(hhmm.slice(0, 2)) + 1).padStart(2, '0')}:${hhmm.slice(3)}`, reason: 'Remonts' }, desk);
  assert.equal(blocked.status, 303, excerpt(blocked.body));
  assert.ok(!(await freeSlots(server, 'en', interpreter, date)).some((s) => s.value === first.value));

  // Book at the desk: confirmed at once, and the visitor's link is shown.
  const computers = sql("SELECT r.id FROM resource r JOIN organization o ON o.id = r.organization_id WHERE o.slug = 'latgales-centrala-biblioteka' AND r.kind = 'workstation'");
  const [cdate] = await bookableDates(server, 'lv', computers);
  const cslots = await freeSlots(server, 'lv', computers, cdate);
  const form = await get(`${server.origin}/lv/manage/resources/${computers}/book?date=${cdate}`, { headers: { cookie: desk.cookie } });
  assert.equal(form.status, 200);
  const missing = await post(server, `/lv/manage/resources/${computers}/book`, { csrf: desk.csrf, date: cdate, name: 'Anna', party_size: '1', language: 'lv' }, desk);
  assert.equal(missing.status, 400, 'no time chosen');
  const atDesk = await post(server, `/lv/manage/resources/${computers}/book`, { csrf: desk.csrf, date: cdate, start: cslots[0].value, name: 'Anna', party_size: '1', language: 'ru' }, desk);
  assert.equal(atDesk.status, 200, excerpt(atDesk.body));
  assert.match(atDesk.body, /\/ru\/bookings\/[A-Za-z0-9_-]{43}/);
  assert.equal(sql("SELECT status || ':' || CASE WHEN booked_by IS NOT NULL THEN 1 ELSE 0 END FROM booking WHERE name = 'Anna'"), 'confirmed:1');

  // A day closed after the booking: listed for the librarian, not dropped.
  const location = sql(`SELECT location_id FROM resource WHERE id = '${computers}'`);
  sql(`INSERT INTO schedule_exception (id, location_id, date, closed, note) VALUES ('closed-test', '${location}', '${cdate}', 1, 'Inventarizācija')`);
  const affected = await get(`${server.origin}/lv/manage/libraries/latgales-centrala-biblioteka/bookings`, { headers: { cookie: desk.cookie } });
  assert.match(affected.body, /Rezervācijas, kas vairs neatbilst darba laikam/);
  assert.ok(affected.body.includes('Anna'));
  assert.equal(sql("SELECT status FROM booking WHERE name = 'Anna'"), 'confirmed');

  // Usage: the coordinator sees counts, small groups hidden.
  const coord = await signInHttp(server, 'coord@example.lv', { lang: 'en' });
  const usage = await get(`${server.origin}/en/manage/bookings/usage`, { headers: { cookie: coord.cookie } });
  assert.equal(usage.status, 200);
  assert.match(usage.body, /By resource/);
  assert.match(usage.body, /fewer than 5/);
  const csv = await get(`${server.origin}/en/manage/bookings/usage?format=csv`, { headers: { cookie: coord.cookie } });
  assert.match(csv.headers.get('content-type'), /text\/csv/);
});

test('retention: past the period the person is gone from the database file, the counts stay', async () => {
  const retentionDb = await makeDemoDb(makeTempDir());
  const s = await startServer({ db: retentionDb });
  const rsql = sqlOf(retentionDb);
  const id = resourceId(retentionDb, 'Sensorā lasītava');
  const [date] = await bookableDates(s, 'en', id);
  const [slot] = await freeSlots(s, 'en', id, date);
  const session = await formSession(`${s.origin}/en/resources/${id}/book?date=${date}`);
  const held = await hold(s, 'en', id, date, slot.value, session);
  const name = 'Unmistakable-Nickname-For-Retention';
  const done = await completeBooking(s, held.headers.get('location'), { name, language: 'en', contact: 'retention-test@example.org', target_group: 'seniors' }, session);
  assert.equal(done.status, 303);
  await stopAndCheck(s);
  // The file checks are SQLite's; PostgreSQL keeps a database in files of its own.
  const onFile = !isPostgresDb(retentionDb);
  const fileHolds = (text) => readFileSync(retentionDb).includes(Buffer.from(text));
  if (onFile) {
    rsql('PRAGMA wal_checkpoint(TRUNCATE)');
    assert.ok(fileHolds(name), 'the name is in the file while the booking is kept');
  }
  // 29 days after the slot: kept.
  const slotEnd = new Date(rsql('SELECT ends_at FROM slot LIMIT 1'));
  const at = (days) => new Date(slotEnd.getTime() + days * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
  const early = await runTilti(['retention', '--db', retentionDb, '--now', at(29)]);
  assert.equal(early.code, 0, early.stderr);
  assert.equal(rsql('SELECT count(*) FROM booking'), '1');
  const late = await runTilti(['retention', '--db', retentionDb, '--now', at(31)]);
  assert.equal(late.code, 0, late.stderr);
  assert.match(late.stdout, /erased 1 booking/);
  assert.equal(rsql('SELECT count(*) FROM booking'), '0');
  if (onFile) {
    assert.ok(!fileHolds(name), 'the name is gone from the database file');
    assert.ok(!fileHolds('retention-test@example.org'), 'the contact too');
  }
  assert.equal(rsql(`SELECT count(*) FROM booking WHERE name = '${name}'`), '0');
  assert.equal(rsql("SELECT month || ':' || target_group || ':' || bookings || ':' || people FROM booking_tally"), `${date.slice(0, 7)}:seniors:1:1`);
  if (onFile) assert.equal(rsql('PRAGMA integrity_check'), 'ok');
  const bad = await runTilti(['retention', '--db', retentionDb, '--now', 'yesterday']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /expected a UTC time/);
});

test('the librarian adds and edits a resource; hours typed per weekday, mistakes named, bookings never dropped', async () => {
  const desk = await signInHttp(server, 'desk@example.lv', { lang: 'en' });
  const newPath = '/en/manage/libraries/latgales-centrala-biblioteka/resources/new';
  const form = await get(`${server.origin}${newPath}`, { headers: { cookie: desk.cookie } });
  assert.equal(form.status, 200);
  const fields = {
    csrf: desk.csrf, kind: 'consultation', name: 'Help with e-signatures', what_to_expect: 'A librarian helps.', capacity: '1',
    slot_minutes: '30', buffer_minutes: '0', book_ahead_days: '60', min_notice_minutes: '0',
    'hours-2': '10:00–12:00', 'hours-4': '25:00-26:00', languages: ['lv', 'uk'],
  };
  const bad = await post(server, newPath, fields, desk);
  assert.equal(bad.status, 400);
  assert.ok(bad.body.includes('Type times as 10:00–13:00'), excerpt(bad.body));
  assert.ok(bad.body.includes('value="25:00-26:00"'), 'input kept');
  assert.equal(sql("SELECT count(*) FROM resource WHERE name = 'Help with e-signatures'"), '0');
  const ok = await post(server, newPath, { ...fields, 'hours-4': '' }, desk);
  assert.equal(ok.status, 303, excerpt(ok.body));
  const id = sql("SELECT id FROM resource WHERE name = 'Help with e-signatures'");
  assert.ok(id);
  assert.equal(sql(`SELECT group_concat(weekday || ' ' || opens_min || '-' || closes_min) FROM resource_hours WHERE resource_id = '${id}'`), '2 600-720');
  // Its slots are Tuesdays 10:00–12:00 in half hours; book one.
  const tuesday = (await bookableDates(server, 'en', id))[0];
  const slots = await freeSlots(server, 'en', id, tuesday);
  assert.equal(slots.length, tuesday === new Date().toISOString().slice(0, 10) ? slots.length : 4);
  const visitor = await formSession(`${server.origin}/en/resources/${id}/book?date=${tuesday}`);
  const held = await hold(server, 'en', id, tuesday, slots.at(-1).value, visitor);
  assert.equal((await completeBooking(server, held.headers.get('location'), { name: 'Signer', language: 'en' }, visitor)).status, 303);
  // Narrow the hours: the booking is kept and listed as no longer fitting.
  const edit = await post(server, `/en/manage/resources/${id}/edit`, { ...fields, 'hours-2': '10:00–11:00', 'hours-4': '' }, desk);
  assert.equal(edit.status, 303, excerpt(edit.body));
  assert.equal(sql("SELECT status FROM booking WHERE name = 'Signer'"), 'confirmed');
  const day = await get(`${server.origin}/en/manage/libraries/latgales-centrala-biblioteka/bookings`, { headers: { cookie: desk.cookie } });
  assert.match(day.body, /Bookings that no longer fit the hours/);
  assert.match(day.body, /Signer[^<]*<\/strong>[^<]*– The time no longer fits the hours/);
  // Its texts are translated like every other record's, and the pages show the translation.
  const tr = await post(server, `/en/manage/translations/resource/${id}?locale=uk`, { csrf: desk.csrf, name: 'Допомога з е-підписом', what_to_expect: 'Бібліотекар допоможе.' }, desk);
  assert.equal(tr.status, 303, excerpt(tr.body));
  assert.ok((await get(`${server.origin}/uk/resources/${id}`)).body.includes('Допомога з е-підписом'));
  assert.ok((await get(`${server.origin}/uk/resources/${id}`)).body.includes('Бібліотекар допоможе.'));
  // Another library's librarian cannot edit it.
  await addUser(db, ['--email', 'other@example.lv', '--name', 'Other', '--role', 'librarian', '--library', 'ogres-centrala-biblioteka']);
  const other = await signInHttp(server, 'other@example.lv', { lang: 'en' });
  assert.equal((await post(server, `/en/manage/resources/${id}/edit`, { ...fields, csrf: other.csrf }, other)).status, 403);
});
