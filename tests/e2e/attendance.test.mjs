// The librarians' registrations and attendance pages and the participation statistics, over
// plain HTTP like a browser without JavaScript: approve and decline requests, mark who came,
// record head counts by target group (bad numbers refused in the reader's language, input kept),
// and the coordinator's totals where groups under 5 never show (page and CSV).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, sqlOf } from './harness.mjs';

const OGRE = 'ogres-centrala-biblioteka';
const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = (q) => sqlOf(db)(q);
const eventId = sql("SELECT id FROM event WHERE title = 'Digitālās prasmes ar tulka atbalstu: e-pakalpojumi'");
const on = sql(`SELECT original_start FROM occurrence WHERE event_id = '${eventId}' ORDER BY starts_at LIMIT 1`);
const occ = sql(`SELECT id FROM occurrence WHERE event_id = '${eventId}' ORDER BY starts_at LIMIT 1`);
const month = sql(`SELECT substr(local_date, 1, 7) FROM occurrence WHERE id = '${occ}'`);
const groups = sql("SELECT tt.id FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE t.code = 'target-group' ORDER BY tt.position, tt.code").split('\n');

let server;
let librarian;
let coordinator;
before(async () => {
  await addUser(db, ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian', '--library', OGRE]);
  await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
  server = await startServer({ db, args: ['--registration-limit', '100'] });
  librarian = await signInHttp(server, 'lib@example.lv');
  coordinator = await signInHttp(server, 'coord@example.lv', { lang: 'en' });
});
after(() => stopAndCheck(server));

async function registerPublic(name, party = '1') {
  const url = `${server.origin}/en/events/${eventId}/register?on=${on}`;
  const form = await get(url);
  const cookie = form.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf=')).split(';')[0];
  const csrf = /name="csrf" value="([0-9a-f]{32})"/.exec(form.body)[1];
  const res = await get(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie },
    body: new URLSearchParams({ csrf, name, party_size: party, language: 'uk', needs: 'interpreter:uk' }).toString(),
  });
  assert.equal(res.status, 303, excerpt(res.body));
  return server.origin + res.headers.get('location').replace(/\?.*/, '');
}

function post(session, path, fields) {
  return get(`${server.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: session.cookie },
    body: new URLSearchParams({ csrf: session.csrf, ...fields }).toString(),
  });
}
const page = (session, path) => get(`${server.origin}${path}`, { headers: { cookie: session.cookie } });

test('approve, decline and mark attendance; the person sees the decision', async () => {
  const hostile = await registerPublic('<img src=x onerror=alert(1)>', '2');
  const second = await registerPublic('Petro');

  const list = await page(librarian, `/lv/manage/libraries/${OGRE}/registrations`);
  assert.equal(list.status, 200, excerpt(list.body));
  assert.ok(list.body.includes(`href="/lv/manage/occurrences/${occ}"`));
  const overview = await page(librarian, `/lv/manage/libraries/${OGRE}`);
  assert.ok(overview.body.includes(`/lv/manage/libraries/${OGRE}/registrations`), 'linked from the library overview');

  const before = await page(librarian, `/lv/manage/occurrences/${occ}`);
  assert.equal(before.status, 200);
  assert.equal(before.headers.get('cache-control'), 'private, no-store');
  assert.ok(before.body.includes('&lt;img src=x onerror=alert(1)&gt;'), 'names are escaped');
  assert.ok(!before.body.includes('<img src=x'));
  assert.ok(before.body.includes('Gaida bibliotēkas apstiprinājumu'));
  assert.ok(before.body.includes('Tulks: ukraiņu'), 'needs in the librarian\'s language');
  const regIds = [...before.body.matchAll(/name="registration" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
  const unique = [...new Set(regIds)];
  assert.equal(unique.length, 2);

  const hostileId = sql("SELECT id FROM registration WHERE name LIKE '<img%'");
  const petroId = sql("SELECT id FROM registration WHERE name = 'Petro'");
  let res = await post(librarian, `/lv/manage/occurrences/${occ}/registrations`, { registration: hostileId, action: 'approve' });
  assert.equal(res.status, 303);
  res = await post(librarian, `/lv/manage/occurrences/${occ}/registrations`, { registration: petroId, action: 'decline' });
  assert.equal(res.status, 303);
  // Deciding twice is refused: nothing pending any more.
  res = await post(librarian, `/lv/manage/occurrences/${occ}/registrations`, { registration: petroId, action: 'approve' });
  assert.equal(res.status, 404);
  assert.ok((await get(hostile)).body.includes('Confirmed: 2 places'));
  assert.ok((await get(second)).body.includes('Not accepted by the library'));
  assert.equal(sql(`SELECT confirmed FROM occurrence WHERE id = '${occ}'`), '2');

  res = await post(librarian, `/lv/manage/occurrences/${occ}/registrations`, { registration: hostileId, action: 'came' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT attended FROM registration_place WHERE registration_id = '${hostileId}'`), '1');
  res = await post(librarian, `/lv/manage/occurrences/${occ}/registrations`, { registration: petroId, action: 'came' });
  assert.equal(res.status, 404, 'a declined request cannot be marked');
  res = await post(librarian, `/lv/manage/occurrences/${occ}/registrations`, { registration: hostileId, action: 'bogus' });
  assert.equal(res.status, 400);
});

test('head counts: bad numbers refused in two languages with input kept, good ones saved', async () => {
  const expected = { lv: 'Kļūda:', en: 'Error:' };
  for (const lang of ['lv', 'en']) {
    const res = await post(librarian, `/${lang}/manage/occurrences/${occ}/head-counts`,
      { [`count-${groups[0]}`]: '-3', [`count-${groups[1]}`]: '6' });
    assert.equal(res.status, 400);
    assert.match(res.body, new RegExp(`<title>${expected[lang]}`));
    assert.ok(res.body.includes(`href="#count-${groups[0]}"`), 'the summary links to the field');
    assert.ok(res.body.includes('value="-3"') && res.body.includes('value="6"'), 'typed values kept');
  }
  assert.equal(sql(`SELECT count(*) FROM attendance_count WHERE occurrence_id = '${occ}'`), '0', 'nothing saved');
  const ok = await post(librarian, `/lv/manage/occurrences/${occ}/head-counts`,
    { [`count-${groups[0]}`]: '7', [`count-${groups[1]}`]: '6', 'count-unspecified': '2' });
  assert.equal(ok.status, 303);
  const shown = await page(librarian, `/en/manage/occurrences/${occ}?done=saved`);
  assert.ok(shown.body.includes('Head counts saved.'));
  assert.ok(shown.body.includes(`name="count-${groups[0]}" value="7"`));
});

test('statistics: totals by library, kind, group and month; groups under 5 hidden, also in CSV', async () => {
  const res = await page(coordinator, `/en/manage/statistics?from=${month}&to=${month}`);
  assert.equal(res.status, 200, excerpt(res.body));
  assert.ok(res.body.includes('People in all: <strong>15</strong>'), excerpt(res.body.slice(res.body.indexOf('People in all'))));
  // By group: 7, 6 and 2 — the 2 is hidden and, so it cannot be worked out from the total,
  // the 6 with it.
  const byGroup = res.body.slice(res.body.indexOf('id="by-group"'));
  const cells = [...byGroup.slice(0, byGroup.indexOf('</table>')).matchAll(/<td>([^<]+)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(cells.sort(), ['7', 'fewer than 5', 'fewer than 5'].sort());
  assert.ok(!byGroup.slice(0, byGroup.indexOf('</table>')).includes('<td>2</td>'));

  const csv = await page(coordinator, `/en/manage/statistics?from=${month}&to=${month}&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /attachment; filename="participation-/);
  assert.ok(csv.body.startsWith('\uFEFFtable,code,name,people\r\n'));
  assert.ok(csv.body.includes('fewer than 5'));
  assert.ok(!/,2\r\n/.test(csv.body), 'the small group is not in the file');

  const lv = await page(librarian, `/lv/manage/statistics?from=${month}&to=${month}`);
  assert.ok(lv.body.includes('mazāk nekā 5'));
  const bad = await page(coordinator, '/uk/manage/statistics?from=2026-13&to=x');
  assert.equal(bad.status, 400);
  assert.match(bad.body, /<title>Помилка:/);
  assert.ok(bad.body.includes('href="#from"'));
});

test('a librarian of another library sees none of it', async () => {
  await addUser(db, ['--email', 'other@example.lv', '--name', 'Other', '--role', 'librarian', '--library', 'ventspils-biblioteka']);
  const other = await signInHttp(server, 'other@example.lv');
  assert.equal((await page(other, `/lv/manage/occurrences/${occ}`)).status, 403);
  const stats = await page(other, `/lv/manage/statistics?from=${month}&to=${month}`);
  assert.equal(stats.status, 200);
  assert.ok(stats.body.includes('Šajos mēnešos dalība nav reģistrēta.'), 'only their own libraries count');
});
