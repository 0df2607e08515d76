// Calendar feeds (QUALITY C1–C4) against the demo's sample events with a cancelled, a moved and
// a removed date, the server in New York: python3-icalendar (Debian's, /usr/bin/python3) reads
// each feed, and its occurrences, expanded on the Riga clock across 28 March 2027, equal the
// server's materialised occurrences; languages share UIDs; lines are folded; short URLs work.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { makeTempDir, makeDemoDb, startServer, stopAndCheck, get, REPO_ROOT, sqlOf } from './harness.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = (q) => sqlOf(db)(q);
const friday = sql("SELECT id FROM event WHERE title LIKE '%Nāc, pievienojies%'");
const starts = sql(`SELECT original_start FROM occurrence WHERE event_id = '${friday}' ORDER BY starts_at LIMIT 3`).split('\n');
const moved = starts[1].slice(0, 10) === '' ? null : starts[1];
sql(`INSERT INTO event_exception (event_id, original_start, kind, reason, sequence, last_modified) VALUES
  ('${friday}', '${starts[0]}', 'cancelled', 'Slimība; ar komatu, un jaunu\nrindu', 1, '2026-11-22T00:00:00Z'),
  ('${friday}', '${starts[2]}', 'removed', NULL, 1, '2026-11-22T00:00:00Z');
  INSERT INTO event_exception (event_id, original_start, kind, starts_on, start_time, duration_minutes, sequence, last_modified)
  VALUES ('${friday}', '${moved}', 'changed', '${moved.slice(0, 10)}', '18:30', 90, 1, '2026-11-22T00:00:00Z');
  UPDATE event SET materialised_until = NULL, sequence = 1 WHERE id = '${friday}'`);
const server = await startServer({ db, env: { TZ: 'America/New_York' } });
after(() => stopAndCheck(server));

const FROM = sql("SELECT min(local_date) FROM occurrence");
const TO = '2027-06-01';

function pythonOccurrences(body) {
  const file = path.join(dir, `feed-${Math.random()}.ics`);
  fs.writeFileSync(file, body);
  return JSON.parse(execFileSync('/usr/bin/python3', [path.join(REPO_ROOT, 'tests/feeds/check_feed.py'), file, FROM, TO], { encoding: 'utf8' }));
}

function serverOccurrences(where = '1 = 1') {
  return sql(`SELECT event_id || '@tilti', starts_at, CASE status WHEN 'cancelled' THEN 'CANCELLED' ELSE 'CONFIRMED' END
              FROM occurrence WHERE local_date >= '${FROM}' AND local_date < '${TO}' AND ${where} ORDER BY starts_at, event_id || '@tilti'`)
    .split('\n').filter(Boolean).map((l) => { const [uid, start, status] = l.split('|'); return { uid, start, status }; });
}

test('the feed parses in python icalendar and lists exactly the server\'s occurrences, across 28 March 2027', async () => {
  const res = await get(`${server.origin}/lv/events.ics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/calendar; charset=utf-8/);
  const ours = pythonOccurrences(res.body);
  const theirs = serverOccurrences();
  assert.deepEqual(ours.map((o) => `${o.uid} ${o.start} ${o.status}`), theirs.map((o) => `${o.uid} ${o.start} ${o.status}`));
  // The Friday session at 16:00 Riga is 14:00Z in winter and 13:00Z after 28 March 2027.
  const fr = ours.filter((o) => o.uid === `${friday}@tilti`);
  assert.ok(fr.some((o) => o.start === '2027-03-26T14:00:00Z'));
  assert.ok(fr.some((o) => o.start === '2027-04-02T13:00:00Z'));
  assert.ok(fr.some((o) => o.status === 'CANCELLED'));
  assert.ok(!fr.some((o) => o.start.startsWith(sql(`SELECT starts_at FROM occurrence WHERE event_id='${friday}' ORDER BY starts_at LIMIT 1`)) && o.status === 'CONFIRMED'));
});

test('feeds are well formed: CRLF, folded at 75 octets, escaped, TZID times, one UID set in every language', async () => {
  const lv = (await get(`${server.origin}/lv/events.ics`)).body;
  const uk = (await get(`${server.origin}/uk/events.ics`)).body;
  for (const body of [lv, uk]) {
    assert.ok(body.startsWith('BEGIN:VCALENDAR\r\n') && body.endsWith('END:VCALENDAR\r\n'));
    for (const line of body.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, `long line: ${line}`);
      assert.ok(!line.includes('\n'));
    }
    assert.match(body, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Riga/);
    assert.match(body, /REFRESH-INTERVAL;VALUE=DURATION:PT6H/);
    assert.ok(!/DTSTART:\d{8}T\d{6}\r\n/.test(body.split('END:VTIMEZONE')[1]), 'no floating DTSTART');
    assert.match(body, /EXDATE;TZID=Europe\/Riga:/);
    assert.match(body, /RECURRENCE-ID;TZID=Europe\/Riga:/);
    assert.match(body, /STATUS:CANCELLED/);
  }
  const unfolded = lv.replace(/\r\n /g, '');
  assert.match(unfolded, /Slimība\\; ar komatu\\, un jaunu\\nrindu/);
  const uids = (b) => [...new Set([...b.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]))].sort();
  assert.deepEqual(uids(lv), uids(uk));
  assert.ok(uk.replace(/\r\n /g, '').includes('SUMMARY:Клуб розмовної латиської мови'));
  assert.ok(unfolded.includes('SUMMARY:Latviešu sarunvalodas klubs'));
  assert.match(unfolded, new RegExp(`UID:${friday}@tilti\\r\\nDTSTAMP:\\d{8}T\\d{6}Z\\r\\nSEQUENCE:\\d+`));
});

test('filtered, short and single-event feeds; unknown ones are 404', async () => {
  const lib = 'jekabpils-novada-galvena-biblioteka';
  const short = await get(`${server.origin}/f/${lib}.uk.ics`);
  assert.equal(short.status, 200);
  assert.ok(`${server.origin}/f/${lib}.uk.ics`.length < 256);
  assert.deepEqual([...new Set([...short.body.matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]))], [`${friday}@tilti`]);
  const quiet = await get(`${server.origin}/f/liepajas-centrala-zinatniska-biblioteka.en.ics`);
  assert.equal(quiet.status, 200, 'a library without events has a feed to subscribe to ahead');
  assert.ok(!quiet.body.includes('BEGIN:VEVENT'));
  assert.ok(quiet.body.includes('X-WR-CALNAME:Liep'), 'named after the library');
  const filtered = await get(`${server.origin}/en/events.ics?category=conversation-club`);
  assert.deepEqual(pythonOccurrences(filtered.body).map((o) => o.uid).filter((v, i, a) => a.indexOf(v) === i).length, 2);
  const one = await get(`${server.origin}/lv/events/${friday}/calendar.ics?on=${moved}`);
  assert.equal(one.status, 200);
  const occ = pythonOccurrences(one.body);
  assert.equal(occ.length, 1);
  assert.equal(occ[0].start, sql(`SELECT starts_at FROM occurrence WHERE event_id = '${friday}' AND original_start = '${moved}'`));
  assert.match(one.body.replace(/\r\n /g, ''), /DTSTART;TZID=Europe\/Riga:\d{8}T183000/);
  const series = await get(`${server.origin}/lv/events/${friday}/calendar.ics`);
  assert.match(series.body, /RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=/);
  for (const p of ['/f/nope.lv.ics', `/f/${lib}.xx.ics`, `/f/${lib}.lv`, '/lv/events/00000000-0000-4000-8000-000000000000/calendar.ics', `/lv/events/${friday}/calendar.ics?on=2020-01-01T10:00`]) {
    assert.equal((await get(server.origin + p)).status, 404, p);
  }
  const page = await get(`${server.origin}/lv/events?library=${lib}`);
  assert.match(page.body, new RegExp(`href="/f/${lib}\\.lv\\.ics"`));
  assert.match(page.body, /href="webcal:\/\/127\.0\.0\.1:\d+\/lv\/events\.ics\?library=/);
});

test('the Atom feed of new events is well formed, escaped, per language and per filter', async () => {
  const all = await get(`${server.origin}/uk/events.atom`);
  assert.equal(all.status, 200);
  assert.match(all.headers.get('content-type'), /^application\/atom\+xml/);
  // Parsed by Python's XML parser: well formed, in the Atom namespace, one entry per event.
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, sys, xml.etree.ElementTree as ET
ns = {'a': 'http://www.w3.org/2005/Atom'}
root = ET.fromstring(sys.stdin.buffer.read())
print(json.dumps({'lang': root.get('{http://www.w3.org/XML/1998/namespace}lang'),
  'ids': [e.find('a:id', ns).text for e in root.findall('a:entry', ns)],
  'titles': [e.find('a:title', ns).text for e in root.findall('a:entry', ns)],
  'links': [e.find('a:link', ns).get('href') for e in root.findall('a:entry', ns)]}))`], { input: all.bytes, encoding: 'utf8' }));
  assert.equal(parsed.lang, 'uk');
  const events = Number(sql('SELECT count(*) FROM event'));
  assert.equal(parsed.ids.length, events);
  assert.ok(parsed.ids.every((id) => /^urn:uuid:[0-9a-f-]{36}$/.test(id)));
  assert.ok(parsed.titles.includes('Клуб розмовної латиської мови'));
  assert.ok(parsed.links.every((l) => l.startsWith(`${server.origin}/uk/events/`)));
  const one = await get(`${server.origin}/en/events.atom?library=ventspils-biblioteka`);
  assert.equal((one.body.match(/<entry>/g) || []).length, 1);
  assert.ok(one.body.includes('Family culture evening'));
  const page = await get(`${server.origin}/en/events?library=ventspils-biblioteka`);
  assert.ok(page.body.includes('href="/en/events.atom?library=ventspils-biblioteka"'), 'the list links its Atom feed');
});

test('a filter gets a short, stable feed address (made by a POST with the form token, never on GET)', async () => {
  const list = await get(`${server.origin}/en/events?category=conversation-club&interpreter=1&from=2026-12-01`);
  const link = /href="(\/en\/events\/short-feed\?[^"]+)"/.exec(list.body)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(link, 'the list links to the short address page');
  assert.ok(!link.includes('from='), 'fixed dates are left out of a subscription');
  const before = sql('SELECT count(*) FROM event_feed');
  const offer = await get(server.origin + link);
  assert.equal(offer.status, 200);
  assert.equal(sql('SELECT count(*) FROM event_feed'), before, 'GET writes nothing');
  const cookie = offer.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf=')).split(';')[0];
  const csrf = /name="csrf" value="([0-9a-f]{32})"/.exec(offer.body)[1];
  const q = /name="q" value="([^"]+)"/.exec(offer.body)[1].replaceAll('&amp;', '&');
  const send = (token) => get(`${server.origin}/en/events/short-feed`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie },
    body: new URLSearchParams({ csrf: token, q }).toString() });
  assert.equal((await send('f'.repeat(32))).status, 400, 'a forged form is refused');
  const made = await send(csrf);
  assert.equal(made.status, 303);
  const shown = await get(server.origin + made.headers.get('location'));
  const url = /id="short-url" type="text" readonly value="([^"]+)"/.exec(shown.body)[1];
  assert.match(url, /\/f\/feed-[0-9a-f]{10}\.en\.ics$/);
  assert.ok(url.length < 256);
  assert.equal((await send(csrf)).status, 303);
  assert.equal(Number(sql('SELECT count(*) FROM event_feed')), Number(before) + 1, 'the same filter keeps its one address');
  const feed = await get(url.replace(/^https?:\/\/[^/]+/, server.origin));
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  const full = await get(`${server.origin}/en/events.ics?${q}`);
  assert.equal(feed.body, full.body, 'the short address serves the filter\'s feed');
});
