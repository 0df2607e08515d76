// The moderation queue of public reports and "last checked" with JavaScript off (plain HTTP):
// who sees which reports, closing with a required note, refusals for another library's
// librarian, confirming a record is still true and the freshness view, in several languages
// (issue 4; QUALITY W4, R6, R7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, elementText, excerpt, addUser, TEST_PASSWORD, sqlOf } from './harness.mjs';

const A = 'ogres-centrala-biblioteka';
const B = 'jelgavas-pilsetas-biblioteka';
const PASSWORD = TEST_PASSWORD;
const HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> Darba laiks mainīts';
let server;
let db;

const sql = (q) => sqlOf(db)(q);

before(async () => {
  db = await makeDemoDb(makeTempDir());
  await addUser(db, ['--email', 'anna@example.lv', '--name', 'Anna Bērziņa', '--role', 'librarian', '--library', A]);
  await addUser(db, ['--email', 'boris@example.lv', '--name', 'Boriss', '--role', 'librarian', '--library', B]);
  await addUser(db, ['--email', 'olga@example.lv', '--name', 'Olga', '--role', 'coordinator']);
  server = await startServer({ db });
  anna = await signIn('anna@example.lv');
  boris = await signIn('boris@example.lv');
  olga = await signIn('olga@example.lv');
  await publicReport('uk', A, 'hours', HOSTILE);
  await publicReport('lv', B, 'contacts', 'Tālrunis vairs nedarbojas.');
  reportA = sql(`SELECT r.id FROM report r JOIN organization o ON o.id = r.organization_id WHERE o.slug = '${A}'`);
  assert.match(reportA, /^[0-9a-f-]{36}$/);
  // An older report of B (written directly: the public form stamps the current second).
  sql(`INSERT INTO report (id, organization_id, topic, message, locale, created_at) SELECT 'old-b', id, ` +
      `'other', 'Старое сообщение о библиотеке', 'ru', '2026-01-05T08:00:00Z' FROM organization WHERE slug = '${B}'`);
});
after(() => stopAndCheck(server));

const csrfOf = (html) => /name="csrf" value="([0-9a-f]{32})"/.exec(html)?.[1];
const cookieOf = (res, name) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0];
const errorSummary = (html) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

function post(url, fields, cookie, origin = server.origin) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin };
  if (cookie) headers.cookie = cookie;
  return get(url, { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
}

/** Signs in; returns {cookie, csrf} usable for back-office GETs and POSTs. */
async function signIn(email) {
  const form = await get(`${server.origin}/en/account/sign-in`);
  const csrfCookie = cookieOf(form, 'tilti_csrf');
  const res = await post(`${server.origin}/en/account/sign-in`,
    { csrf: csrfOf(form.body), email, password: PASSWORD }, csrfCookie);
  assert.equal(res.status, 303, excerpt(res.body));
  let cookie = `${cookieOf(res, 'tilti_session')}; ${cookieOf(res, 'tilti_csrf') ?? csrfCookie}`;
  // The freshness view has POST forms, hence the CSRF token (the dashboard has none).
  const page = await get(`${server.origin}/en/manage/freshness`, { headers: { cookie } });
  assert.equal(page.status, 200, excerpt(page.body));
  const fresh = cookieOf(page, 'tilti_csrf');
  if (fresh) cookie = `${cookieOf(res, 'tilti_session')}; ${fresh}`;
  return { cookie, csrf: csrfOf(page.body) };
}

async function publicReport(lang, slug, topic, message) {
  const url = `${server.origin}/${lang}/libraries/${slug}/report`;
  const form = await get(url);
  const res = await post(url, { csrf: csrfOf(form.body), topic, message }, cookieOf(form, 'tilti_csrf'));
  assert.equal(res.status, 303, excerpt(res.body));
}

const page = (who, p) => get(`${server.origin}${p}`, { headers: { cookie: who.cookie } });
const rigaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());

let anna, boris, olga, reportA;

test('the queue shows a report to its library\'s librarian and the coordinator only, as text', async () => {
  const mine = await page(anna, '/lv/manage/reports');
  assert.equal(mine.status, 200, excerpt(mine.body));
  assert.equal(mine.headers.get('cache-control'), 'private, no-store');
  assert.match(mine.body, /<html lang="lv"/);
  assert.match(mine.body, /<h1>Ziņojumi par novecojušu informāciju<\/h1>/);
  assert.ok(mine.body.includes(`href="/lv/manage/reports/${reportA}"`));
  assert.ok(mine.body.includes(`href="/lv/manage/libraries/${A}"`));
  assert.match(mine.body, /<td lang="uk">&lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;&gt;&lt;img src=x onerror=alert\(1\)&gt; Darba laiks mainīts<\/td>/);
  assert.doesNotMatch(mine.body, /<script>alert|<img src=x/);
  assert.match(mine.body, /Darba laiks/);
  assert.match(mine.body, /<td>Darba laiks<\/td>/, 'the topic in the reader\'s language');
  assert.doesNotMatch(mine.body, /Tālrunis vairs nedarbojas/, 'library B\'s report');

  const theirs = await page(boris, '/uk/manage/reports');
  assert.equal(theirs.status, 200);
  assert.match(theirs.body, /<html lang="uk"/);
  assert.ok(!theirs.body.includes(reportA), 'B\'s librarian sees A\'s report');
  assert.match(theirs.body, /Tālrunis vairs nedarbojas/);

  const all = await page(olga, '/en/manage/reports');
  assert.ok(all.body.includes(reportA));
  assert.match(all.body, /Tālrunis vairs nedarbojas/);
  assert.ok(all.body.indexOf('Старое сообщение') < all.body.indexOf('Darba laiks mainīts'), 'oldest first');
  assert.match(all.body, /<td lang="ru">Старое сообщение о библиотеке<\/td>/);
});

test('another library\'s librarian is refused A\'s report and A\'s "checked"', async () => {
  assert.equal((await page(boris, `/lv/manage/reports/${reportA}`)).status, 403);
  const close = await post(`${server.origin}/lv/manage/reports/${reportA}`,
    { csrf: boris.csrf, note: 'not mine' }, boris.cookie);
  assert.equal(close.status, 403);
  const checked = await post(`${server.origin}/lv/manage/libraries/${A}/checked`,
    { csrf: boris.csrf }, boris.cookie);
  assert.equal(checked.status, 403);
  assert.equal(sql(`SELECT status FROM report WHERE id = '${reportA}'`), 'open');
  assert.equal(sql(`SELECT coalesce(assured_date, '') FROM organization WHERE slug = '${A}'`), '');
  assert.match(server.stderr(), /refused .*\/lv\/manage\/libraries\/ogres-centrala-biblioteka\/checked: confirm-checked on library /);
  assert.match(server.stderr(), new RegExp(`refused .*POST /lv/manage/reports/${reportA}: moderate on report `));
  const anonymous = await get(`${server.origin}/lv/manage/reports`);
  assert.equal(anonymous.status, 303);
  const noToken = await post(`${server.origin}/lv/manage/reports/${reportA}`, { note: 'x' }, anna.cookie);
  assert.equal(noToken.status, 403, 'no CSRF token');
});

test('closing needs a note: the error summary, then closed with who, when and the note', async () => {
  const url = `${server.origin}/lv/manage/reports/${reportA}`;
  const show = await page(anna, `/lv/manage/reports/${reportA}`);
  assert.equal(show.status, 200, excerpt(show.body));
  assert.match(show.body, /<blockquote class="report-message" lang="uk">/);
  assert.ok(show.body.includes(`href="/lv/libraries/${A}"`), 'the public page');
  assert.ok(show.body.includes(`href="/lv/manage/libraries/${A}"`), 'the back-office page');
  assert.doesNotMatch(show.body, /<script>alert|<img src=x/);

  const empty = await post(url, { csrf: anna.csrf, note: '   ' }, anna.cookie);
  assert.equal(empty.status, 400);
  assert.ok(elementText(empty.body, 'title').startsWith('Kļūda:'));
  const summary = errorSummary(empty.body);
  assert.match(summary, /href="#note"/);
  assert.match(summary, /Ievadiet piezīmi par slēgšanu/);
  assert.ok(empty.body.indexOf('error-summary') < empty.body.indexOf('<h1>'));
  assert.match(empty.body, /<textarea id="note" name="note"[^>]*>   <\/textarea>/, 'typed note kept');
  assert.equal(sql(`SELECT status FROM report WHERE id = '${reportA}'`), 'open');

  const uk = await post(`${server.origin}/uk/manage/reports/${reportA}`, { csrf: anna.csrf, note: '' }, anna.cookie);
  assert.equal(uk.status, 400);
  assert.match(errorSummary(uk.body), /Введіть коментар до закриття/);

  const closed = await post(url, { csrf: anna.csrf, note: 'Piezvanījām <b>bibliotēkai</b>' }, anna.cookie);
  assert.equal(closed.status, 303, excerpt(closed.body));
  assert.equal(closed.headers.get('location'), `/lv/manage/reports/${reportA}?closed=1`);
  const after = await page(anna, closed.headers.get('location'));
  assert.match(after.body, /Ziņojums ir slēgts\./);
  assert.match(after.body, /Slēdza: Anna Bērziņa, /);
  assert.match(after.body, /Piezvanījām &lt;b&gt;bibliotēkai&lt;\/b&gt;/);
  assert.doesNotMatch(after.body, /<textarea id="note"/, 'no close form on a closed report');
  assert.match(after.body, /<h2 id="history">Izmaiņu vēsture<\/h2>/);
  assert.match(after.body, /<td>Anna Bērziņa<\/td>/);

  const [status, by, note] = sql(`SELECT status, closed_by, closing_note FROM report WHERE id = '${reportA}'`).split('|');
  assert.equal(status, 'closed');
  assert.equal(by, sql("SELECT id FROM account WHERE email = 'anna@example.lv'"));
  assert.equal(note, 'Piezvanījām <b>bibliotēkai</b>');
  assert.equal(sql(`SELECT count(*) FROM metadata WHERE resource_type = 'report' AND resource_id = '${reportA}'`), '2');

  const open = await page(anna, '/lv/manage/reports');
  assert.ok(!open.body.includes(reportA), 'gone from the open queue');
  const closedList = await page(anna, '/lv/manage/reports?status=closed');
  assert.ok(closedList.body.includes(reportA));
  assert.match(closedList.body, /id="status-closed" name="status" value="closed" checked/);

  const reopen = await post(`${url}/reopen`, { csrf: anna.csrf }, anna.cookie);
  assert.equal(reopen.status, 303);
  assert.equal(sql(`SELECT status FROM report WHERE id = '${reportA}'`), 'open');
  assert.equal(sql(`SELECT count(*) FROM metadata WHERE resource_type = 'report' AND resource_id = '${reportA}'`), '4');
});

test('the freshness view: months are validated and kept', async () => {
  for (const bad of ['abc', '0', '121', '1.5']) {
    const res = await page(anna, `/en/manage/freshness?months=${encodeURIComponent(bad)}`);
    assert.equal(res.status, 400, bad);
    assert.ok(elementText(res.body, 'title').startsWith('Error:'));
    assert.match(errorSummary(res.body), /href="#months"/);
    assert.match(errorSummary(res.body), /Enter a whole number of months from 1 to 120/);
    assert.ok(res.body.includes(`name="months" value="${bad}"`), `${bad} kept`);
  }
  const ru = await page(anna, '/ru/manage/freshness?months=abc');
  assert.match(errorSummary(ru.body), /Введите количество месяцев/);
  const ok = await page(anna, '/lv/manage/freshness');
  assert.equal(ok.status, 200, excerpt(ok.body));
  assert.match(ok.body, /name="months" value="12"/);
  assert.match(ok.body, /nav pārbaudīti 12 mēnešus/);
});

test('confirming a library sets today\'s date: public page, freshness view and history', async () => {
  const today = rigaToday();
  const before = await page(anna, '/lv/manage/freshness?months=12');
  assert.ok(before.body.includes(`action="/lv/manage/libraries/${A}/checked"`), excerpt(before.body));
  assert.ok(!before.body.includes(`/libraries/${B}/checked`), 'only her own library');
  assert.match(before.body, /Nekad nav pārbaudīts/);
  const coordinator = await page(olga, '/uk/manage/freshness?months=12');
  const libraries = new Set([...coordinator.body.matchAll(/action="\/uk\/manage\/libraries\/([^"/]+)\/checked"/g)].map((m) => m[1]));
  assert.ok(libraries.size > 1, 'the coordinator sees every library');

  const next = '/lv/manage/freshness?months=12&page=1';
  const res = await post(`${server.origin}/lv/manage/libraries/${A}/checked`, { csrf: anna.csrf, next }, anna.cookie);
  assert.equal(res.status, 303, excerpt(res.body));
  assert.equal(res.headers.get('location'), `${next}&checked=1`);
  assert.equal(sql(`SELECT assured_date FROM organization WHERE slug = '${A}'`), today);
  assert.equal(sql(`SELECT count(*) FROM location l JOIN organization o ON o.id = l.organization_id WHERE o.slug = '${A}' AND l.assured_date IS DISTINCT FROM '${today}'`), '0');
  assert.ok(Number(sql(`SELECT count(*) FROM metadata WHERE last_action_type = 'confirm' AND field_name = 'assured_date' AND replacement_value = '${today}'`)) >= 2);

  const after = await page(anna, res.headers.get('location'));
  assert.match(after.body, /Šodien apstiprināts/);
  assert.ok(!after.body.includes(`action="/lv/manage/libraries/${A}/checked"`), 'no longer stale');

  const [y, m, d] = today.split('-').map(Number);
  const longEn = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, d)));
  const publicPage = await get(`${server.origin}/en/libraries/${A}`);
  assert.ok(publicPage.body.includes(`Information last checked on ${longEn}.`), excerpt(publicPage.body.slice(-3000)));

  // A foreign or odd `next` is never followed.
  for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
    const r = await post(`${server.origin}/lv/manage/libraries/${A}/checked`, { csrf: anna.csrf, next: bad }, anna.cookie);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), `/lv/manage/libraries/${A}?checked=1`, bad);
  }
});

test('confirming a service from the freshness view', async () => {
  const view = await page(anna, '/en/manage/freshness?months=12');
  const id = /action="\/en\/manage\/services\/([^"/]+)\/checked"/.exec(view.body)?.[1];
  assert.ok(id, 'a service of her library waits to be checked');
  const res = await post(`${server.origin}/en/manage/services/${id}/checked`,
    { csrf: anna.csrf, next: '/en/manage/freshness?months=12' }, anna.cookie);
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT assured_date FROM service WHERE id = '${id}'`), rigaToday());
  const again = await page(anna, '/en/manage/freshness?months=12');
  assert.ok(!again.body.includes(`/services/${id}/checked`));
  const foreign = sql(`SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id WHERE o.slug = '${B}' LIMIT 1`);
  assert.ok(foreign);
  const refused = await post(`${server.origin}/en/manage/services/${foreign}/checked`, { csrf: anna.csrf }, anna.cookie);
  assert.equal(refused.status, 403);
  assert.equal(sql(`SELECT coalesce(assured_date, '') FROM service WHERE id = '${foreign}'`), '');
});
