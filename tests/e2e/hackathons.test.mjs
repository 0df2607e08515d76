// Hackathons and ideas (issue 7): seed 004's five LIBRI hackathons with 124 participants and
// its ideas in four categories on the public initiative page, in several languages; the
// coordinator records and changes hackathons and ideas in the back office, with every mistake
// named in the coordinator's language, the input kept and nothing stored; only coordinators
// may (librarians and partners are refused).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, decodeEntities, startTags,
} from './harness.mjs';
import { sqlOf, post } from './booking_steps.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
await addUser(db, ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian', '--library', 'ogres-centrala-biblioteka']);
const server = await startServer({ db });
after(() => stopAndCheck(server));
// One session for every test: an account may sign in only 5 times in 15 minutes.
let coordinatorSession;
const coordinator = async () => (coordinatorSession ??= await signInHttp(server, 'coord@example.lv', { lang: 'lv' }));
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

// What a browser sends back for a form left as it is (text inputs, text areas, selects; not
// checkboxes, which the tests set themselves).
function formFields(html) {
  return Object.fromEntries([
    ...startTags(html, 'input').filter(({ attrs }) => attrs.type !== 'checkbox' && attrs.type !== 'radio').map(({ attrs }) => [attrs.name, attrs.value ?? '']),
    ...[...html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1], decodeEntities(m[2]).replace(/^\n/, '')]),
    ...[...html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)].map((m) => {
      const options = startTags(m[2], 'option');
      const chosen = options.find(({ attrs }) => 'selected' in attrs) ?? options[0];
      return [m[1], chosen?.attrs.value ?? ''];
    }),
  ]);
}

test('the initiative page: five hackathons, 124 participants, the ideas by category', async () => {
  const en = await get(`${server.origin}/en/initiatives/libri`);
  assert.equal(en.status, 200, excerpt(en.body));
  const t = text(en.body);
  assert.ok(t.includes('In all: 5 hackathons 124'), t.slice(t.indexOf('Hackathons'), t.indexOf('Hackathons') + 900));
  assert.match(t, /16 September 2025 Ogre Central Library Jelgava City Library Salaspils Municipality Library Sigulda Municipality Library 29/);
  assert.match(t, /12 September 2025 Jēkabpils Municipality Main Library 12/);
  assert.match(t, /Access to information .*WhatsApp and Telegram groups \(idea\)/);
  const lv = text((await get(`${server.origin}/lv/initiatives/libri`)).body);
  assert.ok(lv.includes('Kopā: 5 hakatoni 124'));
  assert.ok(lv.includes('Kopienas iesaiste'));
  assert.ok(lv.includes('“Ģimene ģimenei” iniciatīva (ideja)'));
  const uk = text((await get(`${server.origin}/uk/initiatives/libri`)).body);
  assert.ok(uk.includes('Разом: 5 хакатонів 124'));
  assert.ok(uk.includes('Розмовні клуби (ідея)'));
  // Initiatives without hackathons show no such section.
  assert.ok(!(await get(`${server.origin}/en/initiatives/open-up`)).body.includes('Hackathons'));
});

test('a coordinator records a hackathon; mistakes are named and nothing is stored', async () => {
  const coord = await coordinator();
  const page = await get(`${server.origin}/lv/manage/initiatives/libri`, { headers: { cookie: coord.cookie } });
  assert.equal(page.status, 200, excerpt(page.body));
  assert.match(page.headers.get('cache-control'), /no-store/);
  assert.equal((page.body.match(/href="\/lv\/manage\/hackathons\//g) ?? []).length, 5);
  const ogre = sql("SELECT id FROM organization WHERE slug = 'ogres-centrala-biblioteka'");
  const sigulda = sql("SELECT id FROM organization WHERE slug = 'siguldas-novada-biblioteka'");
  const before = sql('SELECT count(*) FROM hackathon');
  const path = '/lv/manage/initiatives/libri/hackathons/new';
  assert.equal((await get(`${server.origin}${path}`, { headers: { cookie: coord.cookie } })).status, 200);

  // After the initiative ended, a head count that is not a number, no host.
  const bad = await post(server, path, { csrf: coord.csrf, held_on: '1.5.2026', host: '', participants: 'divdesmit' }, coord);
  assert.equal(bad.status, 400, excerpt(bad.body));
  const b = text(bad.body);
  assert.ok(b.includes('Iniciatīvas laiks ir 2024. gada 1. maijs – 2026. gada 30. aprīlis'), b.slice(0, 600));
  assert.ok(b.includes('Izvēlieties bibliotēku, kurā hakatons notika'));
  assert.ok(b.includes('Ierakstiet dalībnieku skaitu kā veselu skaitli'));
  assert.ok(bad.body.includes('value="divdesmit"') && bad.body.includes('value="1.5.2026"'), 'input kept');
  for (const field of ['held_on', 'host', 'participants']) assert.ok(bad.body.includes(`href="#${field}"`), field);
  // A date that is no date, in English; a library that is not in the directory (a forged form).
  const forged = await post(server, '/en/manage/initiatives/libri/hackathons/new', { csrf: coord.csrf, held_on: '31.02.2025', host: 'no-such-library', participants: '3' }, coord);
  assert.equal(forged.status, 400);
  assert.ok(text(forged.body).includes('Enter a real date, for example 16.9.2025'));
  const forged2 = await post(server, '/en/manage/initiatives/libri/hackathons/new', { csrf: coord.csrf, held_on: '1.10.2025', host: 'no-such-library', participants: '3' }, coord);
  assert.equal(forged2.status, 400);
  assert.ok(text(forged2.body).includes('That library is not in the directory'));
  assert.equal(sql('SELECT count(*) FROM hackathon'), before, 'nothing stored');

  const ok = await post(server, path, { csrf: coord.csrf, held_on: '2.10.2025', host: ogre, libraries: [sigulda, ogre], participants: '3' }, coord);
  assert.equal(ok.status, 303, excerpt(ok.body));
  assert.equal(sql("SELECT participants || ':' || (SELECT count(*) FROM hackathon_library hl WHERE hl.hackathon_id = h.id) FROM hackathon h WHERE held_on = '2025-10-02'"), '3:2');
  // Three people are a group too small to show in public; the total still is.
  const pub = text((await get(`${server.origin}/en/initiatives/libri`)).body);
  assert.match(pub, /2 October 2025 Ogre Central Library Sigulda Municipality Library fewer than 5/);
  assert.ok(pub.includes('In all: 6 hackathons 127'));

  // Change it: the form comes back filled in.
  const id = sql("SELECT id FROM hackathon WHERE held_on = '2025-10-02'");
  const edit = await get(`${server.origin}/en/manage/hackathons/${id}`, { headers: { cookie: coord.cookie } });
  assert.ok(edit.body.includes('value="2.10.2025"') && edit.body.includes('value="3"'));
  const changed = await post(server, `/en/manage/hackathons/${id}`, { csrf: coord.csrf, held_on: '2025-10-02', host: ogre, participants: '14' }, coord);
  assert.equal(changed.status, 303);
  assert.equal(sql(`SELECT participants || ':' || (SELECT count(*) FROM hackathon_library WHERE hackathon_id = '${id}') FROM hackathon WHERE id = '${id}'`), '14:1');
});

test('a coordinator records an idea and says what became of it', async () => {
  const coord = await coordinator();
  const path = '/uk/manage/initiatives/libri/ideas/new';
  const form = await get(`${server.origin}${path}`, { headers: { cookie: coord.cookie } });
  assert.equal(form.status, 200);
  const before = sql('SELECT count(*) FROM idea');
  const bad = await post(server, path, { csrf: coord.csrf, category: 'sport', title: '  ', status: 'running' }, coord);
  assert.equal(bad.status, 400);
  const b = text(bad.body);
  for (const message of ['Виберіть категорію', 'Напишіть, у чому ідея', 'Виберіть захід або послугу, у якій діє ідея']) {
    assert.ok(b.includes(message), message);
  }
  const service = sql("SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id WHERE o.slug = 'ogres-centrala-biblioteka' LIMIT 1");
  const gone = await post(server, path, { csrf: coord.csrf, category: 'digital-skills', title: 'Курси <b>', status: 'running', event: 'no-such-event' }, coord);
  assert.equal(gone.status, 400);
  assert.ok(text(gone.body).includes('Такого заходу чи послуги більше немає'));
  assert.ok(gone.body.includes('value="Курси &lt;b&gt;"'), 'kept and escaped');
  assert.equal(sql('SELECT count(*) FROM idea'), before, 'nothing stored');

  const hackathon = sql("SELECT id FROM hackathon WHERE held_on = '2025-09-16'");
  const ok = await post(server, path, { csrf: coord.csrf, hackathon, category: 'digital-skills', title: 'Курси <b>', description: 'Щосереди', status: 'running', service }, coord);
  assert.equal(ok.status, 303, excerpt(ok.body));
  const id = sql("SELECT id FROM idea WHERE title = 'Курси <b>'");
  assert.equal(sql(`SELECT source_locale || ':' || status || ':' || hackathon_id FROM idea WHERE id = '${id}'`), `uk:running:${hackathon}`);
  const pub = await get(`${server.origin}/uk/initiatives/libri`);
  assert.ok(pub.body.includes('Курси &lt;b&gt;'), 'escaped in public');
  assert.ok(pub.body.includes(`href="/uk/services/${service}"`), 'links the service it runs as');

  // A seed idea becomes planned; loading the demo data again would not undo that.
  const seedIdea = sql("SELECT id FROM idea WHERE title = 'Sarunvalodas klubi'");
  const edit = await get(`${server.origin}/en/manage/ideas/${seedIdea}`, { headers: { cookie: coord.cookie } });
  assert.match(edit.body, /lang="lv"/, 'the Latvian source text is marked as Latvian');
  const planned = await post(server, `/en/manage/ideas/${seedIdea}`, { csrf: coord.csrf, category: 'language-culture', title: 'Sarunvalodas klubi', description: '', status: 'planned' }, coord);
  assert.equal(planned.status, 303);
  assert.ok(text((await get(`${server.origin}/en/initiatives/libri`)).body).includes('Conversation clubs (planned)'));
  // An unknown idea or hackathon is a 404.
  assert.equal((await get(`${server.origin}/en/manage/ideas/nope`, { headers: { cookie: coord.cookie } })).status, 404);
});

test('only coordinators edit the programme', async () => {
  const lib = await signInHttp(server, 'lib@example.lv', { lang: 'lv' });
  for (const path of ['/lv/manage/initiatives/libri', '/lv/manage/initiatives/libri/hackathons/new']) {
    assert.equal((await get(`${server.origin}${path}`, { headers: { cookie: lib.cookie } })).status, 403, path);
  }
  const before = sql('SELECT count(*) FROM idea');
  const refused = await post(server, '/lv/manage/initiatives/libri/ideas/new', { csrf: lib.csrf, category: 'digital-skills', title: 'X', status: 'idea' }, lib);
  assert.equal(refused.status, 403);
  assert.equal(sql('SELECT count(*) FROM idea'), before);
  const anonymous = await get(`${server.origin}/lv/manage/initiatives/libri`);
  assert.equal(anonymous.status, 303);
});

test('a coordinator changes an initiative: budgets that do not add up, dates out of order and unknown organisations are named', async () => {
  const coord = await coordinator();
  const path = '/lv/manage/initiatives/ieklaujosu-biblioteku-tikls/edit';
  const form = await get(`${server.origin}${path}`, { headers: { cookie: coord.cookie } });
  assert.equal(form.status, 200, excerpt(form.body));
  // The form is filled in with what is stored: seed 002's budget, in euros.
  assert.ok(form.body.includes('value="124562.30"') && form.body.includes('value="99649.84"'), 'the budget as stored');
  const fields = formFields(form.body);
  assert.equal(fields.total, '124562.30');
  const before = sql("SELECT count(*) || ':' || coalesce(sum(amount_cents), 0) FROM initiative_funding f JOIN initiative i ON i.id = f.initiative_id WHERE i.slug = 'ieklaujosu-biblioteku-tikls'");
  const bad = await post(server, path, {
    ...fields, csrf: coord.csrf,
    starts_on: '1.9.2023', ends_on: '31.8.2022',
    'funding.1.amount': '12 000,00',
    partners: 'Nav Tādas Organizācijas\nEBLIDA',
    libraries: 'latgales-centrala-biblioteka\nSabiedrības integrācijas fonds',
  }, coord);
  assert.equal(bad.status, 400, excerpt(bad.body));
  const t = text(bad.body);
  for (const message of ['Beigām jābūt pēc sākuma', 'Finansējuma avoti kopā nedod kopējo budžetu',
    'Katalogā nav: Nav Tādas Organizācijas.', 'Šīs nav bibliotēkas katalogā: Sabiedrības integrācijas fonds.']) {
    assert.ok(t.includes(message), message);
  }
  for (const field of ['ends_on', 'total', 'partners', 'libraries']) assert.ok(bad.body.includes(`href="#${field}"`), field);
  assert.ok(bad.body.includes('value="12 000,00"') && bad.body.includes('Nav Tādas Organizācijas'), 'input kept');
  assert.equal(sql("SELECT count(*) || ':' || coalesce(sum(amount_cents), 0) FROM initiative_funding f JOIN initiative i ON i.id = f.initiative_id WHERE i.slug = 'ieklaujosu-biblioteku-tikls'"), before, 'nothing stored');

  // A new initiative in Ukrainian, with partners named in any language, a budget that adds up.
  const created = await post(server, '/uk/manage/initiatives/new', {
    csrf: coord.csrf, name: 'Мовні кафе', short_name: 'Mova', starts_on: '1.1.2027', ends_on: '31.12.2027',
    lead: 'Kultūras informācijas sistēmu centrs', partners: 'eblida', libraries: 'Огрська центральна бібліотека\nventspils-biblioteka',
    total: '1000', 'funding.0.funder': 'Pašvaldība', 'funding.0.amount': '600,50', 'funding.2.funder': 'Valsts', 'funding.2.amount': '399.50',
  }, coord);
  assert.equal(created.status, 303, excerpt(created.body));
  assert.equal(created.headers.get('location'), '/uk/manage/initiatives/mova');
  assert.equal(sql("SELECT source_locale || ':' || budget_total_cents || ':' || (SELECT slug FROM organization WHERE id = lead_organization_id) FROM initiative WHERE slug = 'mova'"), 'uk:100000:kulturas-informacijas-sistemu-centrs');
  assert.equal(sql("SELECT group_concat(o.slug || '=' || io.role, ' ') FROM (SELECT * FROM initiative_organization ORDER BY organization_id) io JOIN organization o ON o.id = io.organization_id JOIN initiative i ON i.id = io.initiative_id WHERE i.slug = 'mova'").split(' ').sort().join(' '),
    'eblida=partner kulturas-informacijas-sistemu-centrs=lead ogres-centrala-biblioteka=participant ventspils-biblioteka=participant');
  const pub = text((await get(`${server.origin}/en/initiatives/mova`)).body);
  assert.ok(pub.includes('Pašvaldība €600.50 60.05%'), pub.slice(pub.indexOf('Budget'), pub.indexOf('Budget') + 300));
});

test('the initiative page shows target groups, expected results with their status and news; the coordinator updates them', async () => {
  const en = text((await get(`${server.origin}/en/initiatives/libri`)).body);
  assert.ok(en.includes('Who it is for Third-country nationals'), en.slice(0, 1500));
  assert.ok(en.includes('(E-PANEMA) (not reported yet)'));
  assert.match(en, /News Latgales Centrālā bibliotēka piedalās projektā “Bibliotēku tilti” \(shown in Latvian\) 10 April 2025/);
  const coord = await coordinator();
  const path = '/en/manage/initiatives/libri/edit';
  const form = await get(`${server.origin}${path}`, { headers: { cookie: coord.cookie } });
  const fields = formFields(form.body);
  assert.equal(fields['results.3.text'], 'Metodoloģijas un stratēģijas izvietošana un satura izplatīšana uz īpaši izstrādātas platformas (E-PANEMA)');
  const groups = Object.fromEntries(startTags(form.body, 'input').filter(({ attrs }) => attrs.name === 'target_groups').map(({ attrs }) => [attrs.value, 'checked' in attrs]));
  const youth = sql("SELECT t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id WHERE x.code = 'target-group' AND t.code = 'youth'");
  const tcn = sql("SELECT t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id WHERE x.code = 'target-group' AND t.code = 'third-country-nationals'");
  assert.equal(groups[tcn], true);
  // A status without a result is named; nothing changes.
  const bad = await post(server, path, { ...fields, csrf: coord.csrf, target_groups: [tcn, youth], 'results.4.text': '', 'results.4.status': 'achieved' }, coord);
  assert.equal(bad.status, 400, excerpt(bad.body));
  assert.ok(text(bad.body).includes('Write the result, or leave its status at “not reported yet”'));
  assert.equal(sql("SELECT count(*) FROM initiative_target_group g JOIN initiative i ON i.id = g.initiative_id WHERE i.slug = 'libri'"), '1');
  const ok = await post(server, path, { ...fields, csrf: coord.csrf, target_groups: [tcn, youth], 'results.3.status': 'achieved' }, coord);
  assert.equal(ok.status, 303, text(ok.body).slice(text(ok.body).indexOf('There is a problem'), text(ok.body).indexOf('There is a problem') + 600));
  const after = text((await get(`${server.origin}/uk/initiatives/libri`)).body);
  assert.ok(after.includes('(E-PANEMA) (досягнуто)'), 'the status, in Ukrainian, on the translated result');
  assert.match(after, /Для кого Громадяни третіх країн Молодь/);
  // Everything else stayed as it was: the ten partnerships and LIBRI's lead among the members.
  assert.equal(sql("SELECT count(*) FROM partnership p JOIN initiative i ON i.id = p.initiative_id WHERE i.slug = 'libri'"), '10');
  assert.equal(sql("SELECT io.role FROM initiative_organization io JOIN initiative i ON i.id = io.initiative_id JOIN organization o ON o.id = io.organization_id WHERE i.slug = 'libri' AND o.slug = 'bibliotheques-sans-frontieres'"), 'administrator');
  assert.equal(sql("SELECT count(*) FROM initiative_organization io JOIN initiative i ON i.id = io.initiative_id WHERE i.slug = 'libri'"), '35');
});

test('a coordinator adds and changes a news item; it shows on the initiative page, newest first', async () => {
  const coord = await coordinator();
  const path = '/ru/manage/initiatives/libri/news/new';
  const form = await get(`${server.origin}${path}`, { headers: { cookie: coord.cookie } });
  assert.equal(form.status, 200);
  assert.ok(text(form.body).includes('Пишите на языке инициативы (латышский)'), 'says which language to write in');
  const before = sql('SELECT count(*) FROM initiative_news');
  const bad = await post(server, path, { csrf: coord.csrf, published_on: 'вчера', title: '', body: 'Teksts' }, coord);
  assert.equal(bad.status, 400);
  assert.ok(text(bad.body).includes('Напишите заголовок') && bad.body.includes('value="вчера"'));
  assert.equal(sql('SELECT count(*) FROM initiative_news'), before, 'nothing stored');
  const ok = await post(server, path, { csrf: coord.csrf, published_on: '2.6.2026', title: 'Noslēguma seminārs <i>', body: 'Projekts noslēdzās.' }, coord);
  assert.equal(ok.status, 303, excerpt(ok.body));
  const page = await get(`${server.origin}/en/initiatives/libri`);
  const t = text(page.body);
  assert.ok(page.body.includes('Noslēguma seminārs &lt;i&gt;'), 'escaped');
  assert.ok(t.indexOf('2 June 2026') < t.indexOf('10 April 2025'), 'newest first');
  const id = sql("SELECT id FROM initiative_news WHERE published_on = '2026-06-02'");
  const edit = await get(`${server.origin}/en/manage/news/${id}`, { headers: { cookie: coord.cookie } });
  assert.ok(edit.body.includes('value="2.6.2026"') && edit.body.includes('lang="lv"'));
  const changed = await post(server, `/en/manage/news/${id}`, { csrf: coord.csrf, published_on: '3.6.2026', title: 'Noslēguma seminārs', body: '' }, coord);
  assert.equal(changed.status, 303);
  assert.equal(sql(`SELECT published_on || ':' || title FROM initiative_news WHERE id = '${id}'`), '2026-06-03:Noslēguma seminārs');
});

test('a coordinator records a local partnership; unknown organisations and a second one for a library are named', async () => {
  const coord = await coordinator();
  const path = '/lv/manage/initiatives/open-up/partnerships/new';
  assert.equal((await get(`${server.origin}${path}`, { headers: { cookie: coord.cookie } })).status, 200);
  const before = sql('SELECT count(*) FROM partnership');
  const bad = await post(server, path, { csrf: coord.csrf, library: 'Sabiedrības integrācijas fonds', municipality: 'Nekur', integration: '', starts_on: '1.13.2018' }, coord);
  assert.equal(bad.status, 400, excerpt(bad.body));
  const t = text(bad.body);
  for (const m of ['Šīs nav bibliotēkas katalogā: Sabiedrības integrācijas fonds.', 'Katalogā nav: Nekur.', 'Ierakstiet īstu datumu']) assert.ok(t.includes(m), m);
  assert.equal(sql('SELECT count(*) FROM partnership'), before, 'nothing stored');
  const ok = await post(server, path, { csrf: coord.csrf, library: 'Jēkabpils novada Galvenā bibliotēka', municipality: 'jekabpils-pilsetas-pasvaldiba', integration: '', starts_on: '1.4.2018' }, coord);
  assert.equal(ok.status, 303, excerpt(ok.body));
  assert.equal(sql("SELECT p.starts_on || ':' || l.slug FROM partnership p JOIN initiative i ON i.id = p.initiative_id JOIN organization l ON l.id = p.library_organization_id WHERE i.slug = 'open-up'"), '2018-04-01:jekabpils-novada-galvena-biblioteka');
  const again = await post(server, path, { csrf: coord.csrf, library: 'jekabpils-novada-galvena-biblioteka' }, coord);
  assert.equal(again.status, 400);
  assert.ok(text(again.body).includes('Šai bibliotēkai šajā iniciatīvā jau ir partnerība'));
  const map = text((await get(`${server.origin}/en/partnerships`)).body);
  assert.ok(map.includes('11 partnerships'));
  assert.match(map, /Jēkabpils Municipality Main Library( Website: \S+)? Jēkabpils City Municipality\s+OPEN UP/);
});
