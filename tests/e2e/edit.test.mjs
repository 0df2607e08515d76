// Editing a library in the back office with JavaScript off (plain HTTP), in Latvian and
// Ukrainian: hours, a closed day, contacts, the place with typed coordinates, languages and
// accessibility go live at once for a librarian; a new name or a new service goes to a
// coordinator's review and is published only when approved; bad input gets the error summary
// with what was typed kept and changes nothing; every change is in the history (QUALITY W4).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp,
} from './harness.mjs';

const A = 'ogres-centrala-biblioteka';
let server;
const who = {};

const page = (s, path) => get(`${server.origin}${path}`, { headers: { cookie: s.cookie } });
function post(s, path, fields) {
  const body = new URLSearchParams({ csrf: s.csrf });
  for (const [k, v] of Object.entries(fields)) {
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return get(`${server.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin,
               cookie: s.cookie },
    body: body.toString(),
  });
}
const summary = (html) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
const publicPage = (lang) => get(`${server.origin}/${lang}/libraries/${A}`);

before(async () => {
  const db = await makeDemoDb(makeTempDir());
  await addUser(db, ['--email', 'coord@example.lv', '--name', 'Koordinatore', '--role',
    'coordinator']);
  await addUser(db, ['--email', 'anna@example.lv', '--name', 'Bibliotekāre Anna', '--role',
    'librarian', '--library', A]);
  server = await startServer({ db });
  who.coordinator = await signInHttp(server, 'coord@example.lv');
  who.librarian = await signInHttp(server, 'anna@example.lv');
});
after(() => stopAndCheck(server));

test('the dashboard lists the librarian\'s own library only', async () => {
  const res = await page(who.librarian, '/lv/manage');
  assert.equal(res.status, 200, excerpt(res.body));
  assert.match(res.body, new RegExp(`href="/lv/manage/libraries/${A}"`));
  assert.doesNotMatch(res.body, /ventspils-biblioteka/);
  const all = await page(who.coordinator, '/uk/manage?q=Ventspils');
  assert.match(all.body, /ventspils-biblioteka/, 'the coordinator finds any library by name');
});

test('weekly hours go live at once; wrong times keep what was typed', async () => {
  const path = `/uk/manage/libraries/${A}/hours`;
  const form = await page(who.librarian, path);
  assert.equal(form.status, 200);
  assert.match(form.body, /<label for="mo-opens1">/);
  const bad = await post(who.librarian, path, { 'mo-opens1': '18:00', 'mo-closes1': '9:00',
    'tu-opens1': '10:00' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /<title>Помилка: /);
  assert.match(summary(bad.body), /href="#mo-closes1"/);
  assert.match(summary(bad.body), /href="#tu-closes1"/);
  assert.match(bad.body, /id="mo-opens1" name="mo-opens1" value="18:00"/, 'typed value kept');
  const ok = await post(who.librarian, path, { 'mo-opens1': '9:00', 'mo-closes1': '13:00',
    'mo-opens2': '14.00', 'mo-closes2': '18:00', 'sa-opens1': '10:00', 'sa-closes1': '15:00' });
  assert.equal(ok.status, 303, excerpt(ok.body));
  const shown = await publicPage('lv');
  assert.match(shown.body, /09:00[^<]*13:00/);
  assert.match(shown.body, /14:00[^<]*18:00/);
  const overview = await page(who.librarian, `/lv/manage/libraries/${A}`);
  assert.match(overview.body, /MO 09:00-13:00; MO 14:00-18:00; SA 10:00-15:00/, 'history row');
  assert.match(overview.body, /Bibliotekāre Anna/);
});

test('a closed day is added and removed', async () => {
  const path = `/lv/manage/libraries/${A}/exceptions`;
  const past = await post(who.librarian, path, { date: '01.01.2020', mode: 'closed' });
  assert.equal(past.status, 400);
  assert.match(summary(past.body), /href="#date"/);
  const ok = await post(who.librarian, path, { date: '2030-12-23', mode: 'closed',
    note: 'Inventarizācija' });
  assert.equal(ok.status, 303);
  const list = await page(who.librarian, path);
  assert.match(list.body, /Inventarizācija/);
  const id = /name="remove" value="([0-9a-f-]{36})"/.exec(list.body)?.[1];
  assert.ok(id, 'a remove button');
  assert.equal((await post(who.librarian, path, { remove: id })).status, 303);
  assert.doesNotMatch((await page(who.librarian, path)).body, /Inventarizācija/);
  // Open at the usual hours on a public holiday (26 December): the times typed are ignored.
  const usual = await post(who.librarian, path, { date: '2030-12-26', mode: 'usual',
    opens_at: 'x' });
  assert.equal(usual.status, 303, excerpt(usual.body));
  assert.match((await page(who.librarian, path)).body, /Atvērta parastajā laikā/);
});

test('contacts refuse a javascript: website and show a good one', async () => {
  const path = `/lv/manage/libraries/${A}/contacts`;
  const bad = await post(who.librarian, path, { email: 'info@example.lv',
    website: 'javascript:alert(1)', phones: '+371 65000000' });
  assert.equal(bad.status, 400);
  assert.match(summary(bad.body), /href="#website"/);
  assert.match(bad.body, /value="info@example.lv"/);
  const ok = await post(who.librarian, path, { email: 'info@example.lv',
    website: 'www.example.lv', phones: '+371 65000000' });
  assert.equal(ok.status, 303);
  const form = await page(who.librarian, path);
  assert.match(form.body, /value="https:\/\/www.example.lv"/);
});

test('the place takes typed coordinates with a comma; the map is an enhancement', async () => {
  const path = `/uk/manage/libraries/${A}/place`;
  const form = await page(who.librarian, path);
  assert.match(form.body, /id="place-map"/);
  assert.match(form.body, /<script src="\/static\/map_picker\.[^"]*\.js" defer><\/script>|map_picker/);
  const bad = await post(who.librarian, path, { address_1: 'Brīvības iela 33', city: 'Ogre',
    latitude: '156', longitude: '24.6' });
  assert.equal(bad.status, 400);
  assert.match(summary(bad.body), /href="#latitude"/);
  const ok = await post(who.librarian, path, { address_1: 'Brīvības iela 33', city: 'Ogre',
    postal_code: '5001', latitude: '56,8162', longitude: '24,6051' });
  assert.equal(ok.status, 303, excerpt(ok.body));
  const again = await page(who.librarian, path);
  assert.match(again.body, /value="56.816200"/);
  assert.match(again.body, /value="LV-5001"/);
});

test('languages and accessibility are ticked and shown on the public page', async () => {
  const path = `/lv/manage/libraries/${A}/features`;
  const bad = await post(who.librarian, path, { languages: ['uk', 'xx'] });
  assert.equal(bad.status, 400);
  const ok = await post(who.librarian, path, { languages: ['lv', 'uk'],
    accessibility: ['step-free-entrance'] });
  assert.equal(ok.status, 303);
  const shown = await publicPage('en');
  assert.match(shown.body, /Українська/);
  assert.match(shown.body, /Step-free entrance/);
});

test('a librarian\'s new name waits for review; the coordinator approves it', async () => {
  const path = `/lv/manage/libraries/${A}/texts`;
  const form = await page(who.librarian, path);
  assert.match(form.body, /koordinators pārbauda|Koordinators pārbauda/i);
  const empty = await post(who.librarian, path, { name: '  ' });
  assert.equal(empty.status, 400);
  const sent = await post(who.librarian, path, { name: 'Ogres Centrālā bibliotēka (jaunais)',
    description: 'Apraksts' });
  assert.equal(sent.status, 303);
  assert.match(sent.headers.get('location'), /proposed=1/);
  assert.doesNotMatch((await publicPage('lv')).body, /\(jaunais\)/, 'not live before review');
  const queue = await page(who.coordinator, '/uk/manage/reviews');
  const href = /href="(\/uk\/manage\/reviews\/[0-9a-f-]{36})"/.exec(queue.body)?.[1];
  assert.ok(href, excerpt(queue.body));
  const review = await page(who.coordinator, href);
  assert.match(review.body, /\(jaunais\)/);
  const noChoice = await post(who.coordinator, href, {});
  assert.equal(noChoice.status, 400);
  assert.match(summary(noChoice.body), /href="#decision"/);
  const approved = await post(who.coordinator, href, { decision: 'approve' });
  assert.equal(approved.status, 303);
  assert.match((await publicPage('lv')).body, /\(jaunais\)/, 'live after approval');
  const again = await post(who.coordinator, href, { decision: 'approve' });
  assert.notEqual(again.status, 500, 'a decided proposal is not applied twice');
});

test('a new service is proposed, and a rejection needs a reason', async () => {
  const path = `/lv/manage/libraries/${A}/services/new`;
  const form = await page(who.librarian, path);
  assert.match(form.body, /name="types" value="sensory-room"/);
  const sent = await post(who.librarian, path, { name: 'Sensorā lasītava', status: 'active',
    types: ['sensory-room'], audiences: ['children'] });
  assert.equal(sent.status, 303, excerpt(sent.body));
  const queue = await page(who.coordinator, '/lv/manage/reviews');
  const href = /href="(\/lv\/manage\/reviews\/[0-9a-f-]{36})"[^>]*>[^<]*Sensorā lasītava/
    .exec(queue.body)?.[1];
  assert.ok(href, excerpt(queue.body));
  const noReason = await post(who.coordinator, href, { decision: 'reject', note: ' ' });
  assert.equal(noReason.status, 400);
  assert.match(summary(noReason.body), /href="#note"/);
  const rejected = await post(who.coordinator, href, { decision: 'reject',
    note: 'Lūdzu, pievienojiet aprakstu' });
  assert.equal(rejected.status, 303);
  assert.doesNotMatch((await publicPage('lv')).body, /Sensorā lasītava/);
});

test('a coordinator\'s changes need no review, and a service can be edited', async () => {
  const path = `/lv/manage/libraries/${A}/services/new`;
  const made = await post(who.coordinator, path, { name: 'Valodu kafejnīca', status: 'active',
    types: ['latvian-conversation-club'] });
  assert.equal(made.status, 303);
  const overview = await page(who.coordinator, `/lv/manage/libraries/${A}`);
  const href = /href="(\/lv\/manage\/services\/[0-9a-f-]{36})">Valodu kafejnīca/
    .exec(overview.body)?.[1];
  assert.ok(href, 'the new service is listed');
  const edited = await post(who.coordinator, href, { name: 'Valodu kafejnīca', status:
    'temporarily closed', types: ['latvian-conversation-club'] });
  assert.equal(edited.status, 303);
  const history = await page(who.coordinator, href);
  assert.match(history.body, /temporarily closed/);
});

test('a coordinator adds a library, which a librarian cannot', async () => {
  const path = '/uk/manage/organizations/new';
  assert.equal((await page(who.librarian, path)).status, 403);
  const form = await page(who.coordinator, path);
  assert.equal(form.status, 200);
  const bad = await post(who.coordinator, path, { kind: 'castle', name: '', source_locale: 'lv',
    country: 'Latvia' });
  assert.equal(bad.status, 400);
  for (const field of ['kind', 'name', 'country']) {
    assert.match(summary(bad.body), new RegExp(`href="#${field}"`), field);
  }
  const made = await post(who.coordinator, path, { kind: 'library',
    name: 'Ikšķiles bibliotēka', source_locale: 'lv', country: 'lv', municipality_id: '' });
  assert.equal(made.status, 303, excerpt(made.body));
  assert.match(made.headers.get('location'), /\/uk\/manage\/libraries\/ikskiles-biblioteka\?/);
  const overview = await page(who.coordinator, '/uk/manage/libraries/ikskiles-biblioteka');
  assert.match(overview.body, /\/hours"/, 'a library gets a location, so its hours can be entered');
  assert.equal((await get(`${server.origin}/lv/libraries/ikskiles-biblioteka`)).status, 200);
});

test('taxonomy term names are edited per locale and a term is added', async () => {
  assert.equal((await page(who.librarian, '/lv/manage/taxonomies')).status, 403);
  const list = await page(who.coordinator, '/lv/manage/taxonomies');
  assert.equal(list.status, 200);
  assert.match(list.body, /Ieeja bez pakāpieniem/);
  const path = '/lv/manage/taxonomies/accessibility/terms/parking';
  const noLatvian = await post(who.coordinator, path, { name_lv: '', name_en: 'Parking' });
  assert.equal(noLatvian.status, 400);
  assert.match(summary(noLatvian.body), /href="#name_lv"/);
  const ok = await post(who.coordinator, path, { name_lv: 'Autostāvvieta pie ieejas',
    name_ru: 'Парковка у входа', name_uk: 'Паркування біля входу', name_en: 'Parking at the door' });
  assert.equal(ok.status, 303);
  const features = await page(who.coordinator, `/uk/manage/libraries/${A}/features`);
  assert.match(features.body, /Паркування біля входу/);
  const added = await post(who.coordinator, '/lv/manage/taxonomies/accessibility/new-term',
    { code: 'quiet-hours', name_lv: 'Klusās stundas', name_en: 'Quiet hours' });
  assert.equal(added.status, 303);
  const again = await post(who.coordinator, '/lv/manage/taxonomies/accessibility/new-term',
    { code: 'quiet-hours', name_lv: 'Klusās stundas' });
  assert.equal(again.status, 400, 'the code is taken');
  const badCode = await post(who.coordinator, '/lv/manage/taxonomies/accessibility/new-term',
    { code: 'Quiet Hours!', name_lv: 'x' });
  assert.match(summary(badCode.body), /href="#code"/);
  assert.match((await page(who.coordinator, `/en/manage/libraries/${A}/features`)).body,
    /Quiet hours/);
});
