// The coordinator dashboard (issue 7): initiatives and their progress, seed 004's hackathons
// (5, 124 participants) as chart and table, ideas by category and status, participation by
// target group and month with small groups hidden, freshness and translation gaps; the CSV of
// the same figures with formula-looking cells neutralised; coordinators only.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, decodeEntities,
} from './harness.mjs';
import { sqlOf } from './booking_steps.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
await addUser(db, ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian', '--library', 'ogres-centrala-biblioteka']);
const server = await startServer({ db });
after(() => stopAndCheck(server));
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

test('the dashboard shows the programme in figures, each chart with its table', async () => {
  const coord = await signInHttp(server, 'coord@example.lv', { lang: 'en' });
  const res = await get(`${server.origin}/en/manage/programme`, { headers: { cookie: coord.cookie } });
  assert.equal(res.status, 200, excerpt(res.body));
  assert.match(res.headers.get('cache-control'), /no-store/);
  const t = text(res.body);
  assert.match(t, /LIBRI ended 10 10 5 14, of which 0 running or done/, 'LIBRI ended on 30 April 2026');
  assert.ok(t.includes('Local partnerships in all: 10.'));
  assert.ok(t.includes('No library has recorded diagnostics or a strategy yet.'), 'the demo has no diagnostics');
  assert.ok(t.includes('In all: 5 hackathons 124'));
  // Every chart is an accessible image with its table beside it.
  const svgs = res.body.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
  assert.equal(svgs.length, 2, 'hackathons and ideas; nobody counted at events yet');
  assert.ok(t.includes('People by target group No participation has been recorded in these months.'), t.slice(t.indexOf('People by target group'), t.indexOf('People by target group') + 200));
  for (const id of ['chart-hackathons', 'chart-ideas']) {
    assert.ok(res.body.includes(`aria-labelledby="${id}-title ${id}-desc"`), id);
  }
  // The hackathon chart's longest bar is one of the two hackathons with 29 people.
  assert.match(res.body, /<title id="chart-hackathons-title">Participants at each hackathon<\/title>/);
  // Ideas: 14 in four categories, all still ideas.
  assert.match(t, /Access to information 5 0 0 0 0 5/);
  assert.match(t, /Digital skills with interpreter support 1 0 0 0 0 1/);
  assert.match(t, /Libraries: 10; never checked: \d+; not checked in 12 months: \d+\./);
  assert.match(t, /Українська \d+ \d+/);
  // In Latvian and Ukrainian too.
  for (const [lang, phrase] of [['lv', 'Kopā: 5 hakatoni 124'], ['uk', 'Разом: 5 хакатонів 124']]) {
    const page = await get(`${server.origin}/${lang}/manage/programme`, { headers: { cookie: coord.cookie } });
    assert.equal(page.status, 200);
    assert.ok(text(page.body).includes(phrase), lang);
  }
});

test('participation by group never shows fewer than 5 people; the CSV neither, and neutralises formulas', async () => {
  // An event of a library with two head counts this month: 3 people of one group (hidden, and
  // the next smallest with it) and 12 of another.
  const org = sql("SELECT id FROM organization WHERE slug = 'ogres-centrala-biblioteka'");
  const loc = sql(`SELECT id FROM location WHERE organization_id = '${org}'`);
  const category = sql("SELECT t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id WHERE x.code = 'event-category' LIMIT 1");
  const today = new Date().toISOString().slice(0, 10);
  sql(`INSERT INTO event (id, organization_id, location_id, title, category_id, starts_on, start_time, duration_minutes, source_locale, created, last_modified)
       VALUES ('dash-event', '${org}', '${loc}', 'Sarunu klubs', '${category}', '${today}', '10:00', 60, 'lv', '${today}T00:00:00Z', '${today}T00:00:00Z')`);
  const groups = sql("SELECT group_concat(id) FROM (SELECT t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id WHERE x.code = 'target-group' ORDER BY t.code LIMIT 2) AS g").split(',');
  assert.equal(groups.length, 2, 'two target groups in the demo taxonomy');
  sql(`INSERT INTO occurrence (id, event_id, organization_id, original_start, starts_at, ends_at, local_date) VALUES ('dash-occ', 'dash-event', '${org}', '${today}T10:00', '${today}T08:00:00Z', '${today}T09:00:00Z', '${today}')`);
  sql(`INSERT INTO attendance_count (occurrence_id, taxonomy_term_id, count, recorded_by, recorded_at) VALUES ('dash-occ', '${groups[0]}', 3, 'test', '${today}T10:00:00Z'), ('dash-occ', '${groups[1]}', 12, 'test', '${today}T10:00:00Z')`);
  // A diagnostic interview with 3 people at Ogre: counted, the people hidden.
  sql(`INSERT INTO diagnostic_activity (id, organization_id, held_on, method, notes, findings, created, last_modified, recorded_by) VALUES ('dash-diag', '${org}', '${today}', 'interviews', '', '', '${today}T00:00:00Z', '${today}T00:00:00Z', 'test')`);
  sql(`INSERT INTO diagnostic_participants (activity_id, taxonomy_term_id, count) VALUES ('dash-diag', '${groups[0]}', 3)`);
  // A name that looks like a spreadsheet formula.
  sql(`INSERT INTO initiative (id, slug, name, source_locale, last_modified) VALUES ('dash-init', 'formula', '=HYPERLINK("http://x")', 'lv', '${today}T00:00:00Z')`);

  const coord = await signInHttp(server, 'coord@example.lv', { lang: 'en' });
  const html = (await get(`${server.origin}/en/manage/programme`, { headers: { cookie: coord.cookie } })).body;
  assert.equal((html.match(/<svg [^>]*role="img"/g) ?? []).length, 4, 'and now by group and by month');
  const page = text(html);
  assert.match(page, /Diagnostics and strategy by library Library Activities Participants Report Strategy goals Ogre Central Library 1 fewer than 5 not published 0/);
  const section = page.slice(page.indexOf('People by target group'), page.indexOf('People by month'));
  assert.ok(!/\b3\b/.test(section.replace(/fewer than 5/g, '')), section);
  assert.ok(section.includes('fewer than 5'));
  const csv = await get(`${server.origin}/en/manage/programme?format=csv`, { headers: { cookie: coord.cookie } });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /attachment; filename="programme-\d{4}-\d{2}-\d{2}\.csv"/);
  assert.equal(csv.headers.get('x-content-type-options'), 'nosniff');
  const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.ok(lines.includes('hackathon-participants,total,In all: 5 hackathons,124'), lines.filter((l) => l.startsWith('hackathon')).join('\n'));
  const groupLines = lines.filter((l) => l.startsWith('participation-group,'));
  assert.ok(groupLines.length >= 2);
  assert.ok(!groupLines.some((l) => l.endsWith(',3')), groupLines.join('\n'));
  // No cell starts with a formula character, the initiative named like a formula included.
  assert.ok(lines.some((l) => l.includes('HYPERLINK')), 'the formula-like name is in the CSV');
  for (const line of lines) for (const cell of line.split(',')) assert.ok(!/^"?[=+\-@]/.test(cell), line);
});

test('only coordinators see the dashboard', async () => {
  const lib = await signInHttp(server, 'lib@example.lv', { lang: 'lv' });
  assert.equal((await get(`${server.origin}/lv/manage/programme`, { headers: { cookie: lib.cookie } })).status, 403);
  assert.equal((await get(`${server.origin}/lv/manage/programme?format=csv`, { headers: { cookie: lib.cookie } })).status, 403);
  const home = await get(`${server.origin}/lv/manage`, { headers: { cookie: lib.cookie } });
  assert.ok(!home.body.includes('/lv/manage/programme'), 'no link for librarians');
});
