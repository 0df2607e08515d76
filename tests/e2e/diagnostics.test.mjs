// Local diagnostics and the local strategy of a library (issue 7): a librarian records a
// diagnostic activity with head counts by target group (every mistake named in the librarian's
// language, the input kept and nothing stored), writes the diagnostic report in Markdown (hostile
// Markdown renders inert; an unpublished report is never public), and sets strategy goals and
// actions linked to the library's own events or services. The public page shows only what is
// public: the published report, the strategy, and activities without notes, small groups hidden.
// Another library's librarian and partners are refused; anonymous visitors are sent to sign in.
// The demo has no diagnostics (the seeds hold none): every record here is made by the test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, decodeEntities,
} from './harness.mjs';
import { sqlOf, post } from './booking_steps.mjs';

const OGRE = 'ogres-centrala-biblioteka';
const SIGULDA = 'siguldas-novada-biblioteka';
const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
await addUser(db, ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian', '--library', OGRE]);
await addUser(db, ['--email', 'lib-en@example.lv', '--name', 'Librarian', '--role', 'librarian', '--library', OGRE]);
await addUser(db, ['--email', 'other@example.lv', '--name', 'Other', '--role', 'librarian', '--library', SIGULDA]);
await addUser(db, ['--email', 'partner@example.lv', '--name', 'Partner', '--role', 'partner', '--organization', OGRE]);
await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
const server = await startServer({ db });
after(() => stopAndCheck(server));
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const groups = sql("SELECT tt.id FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE t.code = 'target-group' ORDER BY tt.position, tt.code").split('\n');
const ogreId = sql(`SELECT id FROM organization WHERE slug = '${OGRE}'`);
const manage = (lang, tail = '') => `/${lang}/manage/libraries/${OGRE}/diagnostics${tail}`;
const strategy = (lang, tail) => `/${lang}/manage/libraries/${OGRE}/strategy${tail}`;
const markdownDiv = (html) => /<div class="markdown" lang="([a-z]+)">([\s\S]*?)<\/div>\n<\/section>/.exec(html);

test('the demo has no diagnostics: a friendly page, no link from the library page', async () => {
  assert.equal(sql('SELECT (SELECT count(*) FROM diagnostic_activity) + (SELECT count(*) FROM diagnostic_report) + (SELECT count(*) FROM strategy_goal)'), '0');
  const en = await get(`${server.origin}/en/libraries/${OGRE}/diagnostics`);
  assert.equal(en.status, 200, excerpt(en.body));
  assert.ok(text(en.body).includes('The library has not published a diagnostic report or a local strategy yet.'));
  const lv = await get(`${server.origin}/lv/libraries/${OGRE}/diagnostics`);
  assert.ok(text(lv.body).includes('Bibliotēka vēl nav publicējusi'));
  assert.match(lv.body, /<html lang="lv"/);
  assert.ok(!(await get(`${server.origin}/en/libraries/${OGRE}`)).body.includes('/diagnostics"'));
  assert.equal((await get(`${server.origin}/en/libraries/no-such-library/diagnostics`)).status, 404);
});

test('a librarian records a diagnostic activity; mistakes are named and nothing is stored', async () => {
  const lib = await signInHttp(server, 'lib@example.lv', { lang: 'lv' });
  const page = await get(`${server.origin}${manage('lv')}`, { headers: { cookie: lib.cookie } });
  assert.equal(page.status, 200, excerpt(page.body));
  assert.match(page.headers.get('cache-control'), /no-store/);
  const overview = await get(`${server.origin}/lv/manage/libraries/${OGRE}`, { headers: { cookie: lib.cookie } });
  assert.ok(overview.body.includes(`href="${manage('lv')}"`), 'the library\'s back-office page links its diagnostics');
  const form = await get(`${server.origin}${manage('lv', '/new')}`, { headers: { cookie: lib.cookie } });
  assert.equal(form.status, 200);
  for (const g of [...groups, 'unspecified']) assert.ok(form.body.includes(`name="count-${g}"`), g);
  assert.ok(form.body.includes('name="csrf"'));

  // Latvian: a date that is not a date, an unknown method, a negative head count.
  const bad = await post(server, manage('lv', '/new'), { csrf: lib.csrf, held_on: 'rīt', method: 'party', [`count-${groups[0]}`]: '-3', notes: 'Piezīme <b>' }, lib);
  assert.equal(bad.status, 400, excerpt(bad.body));
  const b = text(bad.body);
  assert.match(b, /^\s*Kļūda: /, 'the title says Error first');
  for (const message of ['Ierakstiet īstu datumu, piemēram, 2.10.2025', 'Izvēlieties metodi', 'Ierakstiet cilvēku skaitu kā veselu skaitli no 0 līdz']) {
    assert.ok(b.includes(message), message);
  }
  for (const field of ['held_on', 'method', `count-${groups[0]}`]) assert.ok(bad.body.includes(`href="#${field}"`), field);
  assert.ok(bad.body.includes('value="rīt"') && bad.body.includes('value="-3"'), 'input kept');
  assert.ok(bad.body.includes('Piezīme &lt;b&gt;'), 'notes kept and escaped');
  // English: an impossible date, a count that is not a whole number, no method.
  const en = await signInHttp(server, 'lib-en@example.lv', { lang: 'en' });
  const badEn = await post(server, manage('en', '/new'), { csrf: en.csrf, held_on: '31.02.2025', [`count-${groups[1]}`]: '2.5', 'count-unspecified': '100001' }, en);
  assert.equal(badEn.status, 400);
  const e = text(badEn.body);
  for (const message of ['Enter a real date, for example 2.10.2025', 'Choose the method', 'Enter the number of people as a whole number from 0 to 100,000']) {
    assert.ok(e.includes(message), message);
  }
  assert.equal(sql('SELECT count(*) FROM diagnostic_activity'), '0', 'nothing stored');
  // A field for a group that does not exist is ignored, never stored.
  const forged = await post(server, manage('en', '/new'), { csrf: en.csrf, held_on: '2.10.2025', method: 'interviews', 'count-not-a-group': '4', 'count-unspecified': '1' }, en);
  assert.equal(forged.status, 303, excerpt(forged.body));
  assert.equal(sql("SELECT group_concat(taxonomy_term_id) FROM diagnostic_participants"), 'unspecified');
  sql('DELETE FROM diagnostic_participants; DELETE FROM diagnostic_activity');

  const ok = await post(server, manage('lv', '/new'), {
    csrf: lib.csrf, held_on: '2.10.2025', method: 'focus-group', [`count-${groups[0]}`]: '7', [`count-${groups[1]}`]: '3',
    'count-unspecified': '', notes: 'Anonīmas piezīmes: vajag vakara stundas', findings: 'Vakara nodarbības',
  }, lib);
  assert.equal(ok.status, 303, excerpt(ok.body));
  assert.equal(ok.headers.get('location'), `${manage('lv')}?saved=activity`);
  const id = sql('SELECT id FROM diagnostic_activity');
  assert.equal(sql(`SELECT held_on || ':' || method || ':' || organization_id || ':' || source_locale FROM diagnostic_activity WHERE id = '${id}'`), `2025-10-02:focus-group:${ogreId}:lv`);
  assert.equal(sql(`SELECT group_concat(CAST(count AS TEXT), ',') FROM (SELECT count FROM diagnostic_participants WHERE activity_id = '${id}' ORDER BY count) AS p`), '3,7');
  // The back office shows the groups, three people as "fewer than 5".
  const list = text((await get(`${server.origin}${manage('en')}`, { headers: { cookie: en.cookie } })).body);
  assert.ok(list.includes('2 October 2025 Focus groups'), list.slice(0, 2000));
  assert.ok(list.includes('fewer than 5'));
  assert.ok(list.includes('In all: 1 activity 10'));
  // The form comes back filled in; a change keeps the texts' language.
  const edit = await get(`${server.origin}${manage('en', `/${id}`)}`, { headers: { cookie: en.cookie } });
  assert.equal(edit.status, 200);
  assert.ok(edit.body.includes('value="2.10.2025"') && edit.body.includes('value="7"'));
  assert.match(edit.body, /<textarea[^>]*lang="lv"/, 'the notes are marked as Latvian');
  const changed = await post(server, manage('en', `/${id}`), { csrf: en.csrf, held_on: '2025-10-03', method: 'interviews', [`count-${groups[0]}`]: '12', notes: 'x' }, en);
  assert.equal(changed.status, 303);
  assert.equal(sql(`SELECT held_on || ':' || method || ':' || source_locale || ':' || (SELECT sum(count) FROM diagnostic_participants WHERE activity_id = '${id}') FROM diagnostic_activity`), '2025-10-03:interviews:lv:12');
  assert.equal((await get(`${server.origin}${manage('en', '/no-such-activity')}`, { headers: { cookie: en.cookie } })).status, 404);

  // In public: the date, the method and the total; never the notes or the findings.
  const pub = text((await get(`${server.origin}/en/libraries/${OGRE}/diagnostics`)).body);
  assert.ok(pub.includes('3 October 2025 Interviews 12'), pub);
  assert.ok(!pub.includes('Anonīm') && !pub.includes('Vakara'));
});

test('the report: hostile Markdown renders inert, and only a published report is public', async () => {
  const lib = await signInHttp(server, 'lib@example.lv', { lang: 'lv' });
  const path = manage('lv', '/report');
  assert.equal((await get(`${server.origin}${path}`, { headers: { cookie: lib.cookie } })).status, 200);
  const empty = await post(server, path, { csrf: lib.csrf, markdown: '  ', published: '1' }, lib);
  assert.equal(empty.status, 400);
  assert.ok(text(empty.body).includes('Uzrakstiet pārskatu, pirms to publicējat'));
  assert.equal(sql('SELECT count(*) FROM diagnostic_report'), '0', 'nothing stored');

  const hostile = [
    '# Pārskats par Ogri', '', 'Sarunās ar **jauniešiem** un ģimenēm — Сім’ї та діти.', '',
    '<script>alert(1)</script>', '', '<img src=x onerror=alert(1)>', '',
    '[klikšķis](javascript:alert(1)) [otrs](JaVaScRiPt:alert(2)) [trešais](&#106;avascript:alert(3))', '',
    '![bilde](http://evil.example/x.png)', '', '<iframe src="https://evil.example"></iframe>', '',
    '<!-- slēpts -->', '', '[LNB](https://www.lnb.lv/)',
  ].join('\n');
  const draft = await post(server, path, { csrf: lib.csrf, markdown: hostile }, lib);
  assert.equal(draft.status, 303, excerpt(draft.body));
  assert.equal(sql('SELECT published FROM diagnostic_report'), '0');
  // The preview after saving shows the rendered report, inert.
  const preview = await get(`${server.origin}${draft.headers.get('location')}`, { headers: { cookie: lib.cookie } });
  assert.ok(preview.body.includes('<h2>Pārskats par Ogri</h2>'), excerpt(preview.body));
  assert.ok(preview.body.includes('Pārskats saglabāts.'));
  // Not published: the public page does not show it, nor does the library page link to it.
  const hidden = await get(`${server.origin}/lv/libraries/${OGRE}/diagnostics`);
  assert.ok(!hidden.body.includes('Pārskats par Ogri'));
  assert.ok(!(await get(`${server.origin}/lv/libraries/${OGRE}`)).body.includes('/diagnostics"'));

  const published = await post(server, path, { csrf: lib.csrf, markdown: hostile, published: '1' }, lib);
  assert.equal(published.status, 303);
  for (const lang of ['lv', 'en']) {
    const pub = await get(`${server.origin}/${lang}/libraries/${OGRE}/diagnostics`);
    assert.equal(pub.status, 200);
    const div = markdownDiv(pub.body);
    assert.ok(div, excerpt(pub.body, 3000));
    assert.equal(div[1], 'lv', 'the report is marked as Latvian');
    const html = div[2];
    assert.ok(html.includes('<h2>Pārskats par Ogri</h2>'));
    assert.ok(html.includes('<strong>jauniešiem</strong>') && html.includes('Сім’ї та діти'));
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/javascript:/i.test(html), 'no javascript: target');
    assert.ok(!/<(img|iframe)/i.test(html), 'no image, no frame');
    assert.ok(!/<[^>]*\son[a-z]+=/i.test(html), 'no event handler attribute');
    assert.ok(!html.includes('<!--'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'raw HTML shown as text');
    assert.ok(html.includes('>klikšķis') || html.includes('klikšķis'), 'the link text stays');
    assert.ok(html.includes('bilde') && !html.includes('evil.example/x.png'), 'alt text only');
    assert.ok(html.includes('<a href="https://www.lnb.lv/" rel="nofollow noopener">LNB</a>'));
  }
  assert.ok((await get(`${server.origin}/en/libraries/${OGRE}`)).body.includes(`href="/en/libraries/${OGRE}/diagnostics"`), 'linked from the library page');
});

test('strategy goals and actions, linked to the library’s own events and services', async () => {
  const lib = await signInHttp(server, 'lib@example.lv', { lang: 'lv' });
  const uk = await signInHttp(server, 'coord@example.lv', { lang: 'uk' });
  const noTitle = await post(server, strategy('uk', '/goals/new'), { csrf: uk.csrf, title: '   ' }, uk);
  assert.equal(noTitle.status, 400);
  assert.ok(text(noTitle.body).includes('Введіть назву'));
  assert.equal(sql('SELECT count(*) FROM strategy_goal'), '0');
  const goal = await post(server, strategy('lv', '/goals/new'), { csrf: lib.csrf, title: 'Vairāk jauniešu <b>', description: 'Pēc diagnostikas' }, lib);
  assert.equal(goal.status, 303, excerpt(goal.body));
  const goalId = sql('SELECT id FROM strategy_goal');

  const event = sql(`SELECT id FROM event WHERE organization_id = '${ogreId}' ORDER BY id LIMIT 1`);
  const service = sql(`SELECT id FROM service WHERE organization_id = '${ogreId}' ORDER BY id LIMIT 1`);
  const foreignService = sql(`SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id WHERE o.slug = '${SIGULDA}' LIMIT 1`);
  assert.ok(event && service && foreignService);
  const form = await get(`${server.origin}${strategy('lv', '/actions/new')}`, { headers: { cookie: lib.cookie } });
  assert.ok(form.body.includes(`value="${event}"`) && form.body.includes(`value="${service}"`));
  assert.ok(!form.body.includes(`value="${foreignService}"`), 'only the library’s own services');
  // Running with nothing that carries it; then a forged link to another library's service.
  const running = await post(server, strategy('uk', '/actions/new'), { csrf: uk.csrf, goal: goalId, title: 'Розмовний клуб', status: 'running' }, uk);
  assert.equal(running.status, 400);
  assert.ok(text(running.body).includes('Для дії, що триває або виконана, виберіть ініціативу, захід або послугу'));
  assert.ok(running.body.includes('value="Розмовний клуб"'));
  const forged = await post(server, strategy('lv', '/actions/new'), { csrf: lib.csrf, goal: goalId, title: 'Klubs', status: 'running', service: foreignService }, lib);
  assert.equal(forged.status, 400);
  assert.ok(text(forged.body).includes('Šīs bibliotēkas sarakstā tāda vairs nav'));
  const noGoal = await post(server, strategy('lv', '/actions/new'), { csrf: lib.csrf, goal: 'nope', title: 'Klubs', status: 'planned' }, lib);
  assert.equal(noGoal.status, 400);
  assert.equal(sql('SELECT count(*) FROM strategy_action'), '0', 'nothing stored');

  const ok = await post(server, strategy('lv', '/actions/new'), { csrf: lib.csrf, goal: goalId, title: 'Sarunu klubs', status: 'running', event }, lib);
  assert.equal(ok.status, 303, excerpt(ok.body));
  const ok2 = await post(server, strategy('lv', '/actions/new'), { csrf: lib.csrf, goal: goalId, title: 'Datorkursi', status: 'done', service }, lib);
  assert.equal(ok2.status, 303);
  const actionId = sql("SELECT id FROM strategy_action WHERE title = 'Sarunu klubs'");
  const edit = await get(`${server.origin}${strategy('lv', `/actions/${actionId}`)}`, { headers: { cookie: lib.cookie } });
  assert.ok(edit.body.includes('value="Sarunu klubs"'));
  const planned = await post(server, strategy('lv', `/actions/${actionId}`), { csrf: lib.csrf, goal: goalId, title: 'Sarunu klubs', status: 'planned', event }, lib);
  assert.equal(planned.status, 303);
  assert.equal(sql(`SELECT status FROM strategy_action WHERE id = '${actionId}'`), 'planned');

  const pub = await get(`${server.origin}/en/libraries/${OGRE}/diagnostics`);
  const t = text(pub.body);
  assert.ok(t.includes('Local strategy Vairāk jauniešu <b> Pēc diagnostikas'), t);
  assert.ok(pub.body.includes('Vairāk jauniešu &lt;b&gt;'), 'escaped');
  assert.match(pub.body, /<h3 lang="lv">Vairāk jauniešu/);
  assert.ok(t.includes('Sarunu klubs (planned)') && t.includes('Datorkursi (done)'));
  assert.ok(pub.body.includes(`href="/en/events/${event}"`) && pub.body.includes(`href="/en/services/${service}"`));
});

test('only the library’s librarians and coordinators; another library’s objects are not found', async () => {
  const other = await signInHttp(server, 'other@example.lv', { lang: 'lv' });
  const partner = await signInHttp(server, 'partner@example.lv', { lang: 'lv' });
  const activity = sql('SELECT id FROM diagnostic_activity LIMIT 1');
  const goal = sql('SELECT id FROM strategy_goal LIMIT 1');
  const paths = [manage('lv'), manage('lv', '/new'), manage('lv', '/report'), manage('lv', `/${activity}`),
    strategy('lv', '/goals/new'), strategy('lv', `/goals/${goal}`), strategy('lv', '/actions/new')];
  for (const who of [other, partner]) {
    for (const path of paths) {
      const res = await get(`${server.origin}${path}`, { headers: { cookie: who.cookie } });
      assert.equal(res.status, 403, path);
    }
  }
  const before = sql('SELECT markdown FROM diagnostic_report');
  const refused = await post(server, manage('lv', '/report'), { csrf: other.csrf, markdown: 'Pārrakstīts' }, other);
  assert.equal(refused.status, 403);
  const refusedGoal = await post(server, strategy('lv', `/goals/${goal}`), { csrf: partner.csrf, title: 'X' }, partner);
  assert.equal(refusedGoal.status, 403);
  assert.equal(sql('SELECT markdown FROM diagnostic_report'), before);
  // Ogre's records through Sigulda's own pages: not found, and not changed.
  const mine = (tail) => `/lv/manage/libraries/${SIGULDA}${tail}`;
  assert.equal((await get(`${server.origin}${mine(`/diagnostics/${activity}`)}`, { headers: { cookie: other.cookie } })).status, 404);
  assert.equal((await get(`${server.origin}${mine(`/strategy/goals/${goal}`)}`, { headers: { cookie: other.cookie } })).status, 404);
  const sneaky = await post(server, mine(`/strategy/goals/${goal}`), { csrf: other.csrf, title: 'Pārņemts' }, other);
  assert.equal(sneaky.status, 404);
  const sneakyAction = await post(server, mine('/strategy/actions/new'), { csrf: other.csrf, goal, title: 'X', status: 'planned' }, other);
  assert.equal(sneakyAction.status, 400, 'another library’s goal is not a choice');
  assert.equal(sql(`SELECT title FROM strategy_goal WHERE id = '${goal}'`), 'Vairāk jauniešu <b>');
  assert.equal(sql(`SELECT count(*) FROM strategy_action a JOIN strategy_goal g ON g.id = a.goal_id WHERE g.organization_id <> '${ogreId}'`), '0');
  // Sigulda's own page works for its librarian.
  assert.equal((await get(`${server.origin}${mine('/diagnostics')}`, { headers: { cookie: other.cookie } })).status, 200);
  const anonymous = await get(`${server.origin}${manage('lv')}`);
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location'), /\/account\/sign-in/);
});
