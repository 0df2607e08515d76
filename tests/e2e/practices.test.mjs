// Good practices (issue 8): librarians and partners submit, a coordinator returns or publishes;
// the public list searches every language and filters; the Atom feed; images through the checked
// uploads; links to the library's events and services; who may see and change what; every
// mistake named in the user's language with nothing stored; hostile Markdown rendered safely.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, decodeEntities,
} from './harness.mjs';
import { sqlOf } from './booking_steps.mjs';
import { png, postMultipart } from './upload_files.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
await addUser(db, ['--email', 'ogre@example.lv', '--name', 'Ogre librarian', '--role', 'librarian', '--library', 'ogres-centrala-biblioteka']);
await addUser(db, ['--email', 'ogre2@example.lv', '--name', 'Ogre colleague', '--role', 'librarian', '--library', 'ogres-centrala-biblioteka']);
await addUser(db, ['--email', 'partner@example.lv', '--name', 'Municipality partner', '--role', 'partner', '--organization', 'jekabpils-novada-pasvaldiba']);
await addUser(db, ['--email', 'venta@example.lv', '--name', 'Ventspils librarian', '--role', 'librarian', '--library', 'ventspils-biblioteka']);
const server = await startServer({ db });
after(() => stopAndCheck(server));
const sessions = {};
const as = async (email, lang = 'lv') => (sessions[email] ??= await signInHttp(server, email, { lang }));
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const post = (path, fields, session, files = {}) =>
  postMultipart(get, `${server.origin}${path}`, { csrf: session.csrf, ...fields }, files, { cookie: session.cookie, origin: server.origin });
const page = (path, session) => get(`${server.origin}${path}`, session ? { headers: { cookie: session.cookie } } : {});
const practices = () => Number(sql('SELECT count(*) FROM practice'));
const ogre = sql("SELECT id FROM organization WHERE slug = 'ogres-centrala-biblioteka'");
const ogreService = sql(`SELECT id FROM service WHERE organization_id = '${ogre}' ORDER BY name LIMIT 1`);
const ventspilsService = sql("SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id WHERE o.slug = 'ventspils-biblioteka' LIMIT 1");
const children = sql("SELECT tt.id FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE t.code = 'target-group' AND tt.code = 'children'");

const good = {
  text_lang: 'lv', title: 'Sarunu klubs ģimenēm', category: 'language-culture', organization: ogre, library_name: '',
  country: 'LV', problem: 'Vecākiem trūkst prakses latviešu valodā.\n\n<script>alert(1)</script> [klikšķis](javascript:alert(1))',
  audience: 'Ģimenes ar bērniem', what_done: '- Tikšanās **katru otrdienu**\n- Galda spēles', cost: 'Bibliotekāres laiks',
  results: '', watch_out: '', target_groups: [children],
};

test('the demo practice: seed 003 in Latvian, listed, searchable and marked in other languages', async () => {
  const lv = await page('/lv/practices');
  assert.equal(lv.status, 200, excerpt(lv.body));
  const t = text(lv.body);
  assert.ok(t.includes('1 piemērs'), t.slice(0, 800));
  assert.ok(t.includes('Interaktīvās izglītības telpa bērniem no sociālā riska ģimenēm (OPEN UP)'));
  assert.ok(t.includes('Bērni, jaunieši un ģimenes · Jēkabpils novada Galvenā bibliotēka, Latvija'), t);
  const one = await page('/lv/practices/open-up-jekabpils');
  assert.equal(one.status, 200);
  const body = text(one.body);
  for (const heading of ['Kāda bija problēma', 'Kam', 'Kas tika darīts', 'Cik tas maksāja', 'Rezultāti']) {
    assert.match(one.body, new RegExp(`<h2 id="s-[a-z_]+">${heading}</h2>`), heading);
  }
  assert.ok(!one.body.includes('Kam pievērst uzmanību'), 'an empty section is left out');
  assert.ok(body.includes('176 680,75 EUR'));
  assert.ok(!body.includes('29113614') && !body.includes('Ilona'), 'no person\'s name or phone from the seed');
  assert.match(one.body, /<a href="\/lv\/libraries\/jekabpils-novada-galvena-biblioteka">/);
  // Other languages: the page is theirs, the texts are Latvian and say so.
  for (const lang of ['en', 'uk']) {
    const other = await page(`/${lang}/practices/open-up-jekabpils`);
    assert.equal(other.status, 200);
    assert.match(other.body, new RegExp(`<html lang="${lang}"`));
    assert.match(other.body, /<div class="markdown" lang="lv">/);
    assert.match(other.body, /<h1><span lang="lv">Interaktīvās/);
  }
  assert.ok(text((await page('/en/practices/open-up-jekabpils')).body).includes('Children, young people and families'));
  assert.equal((await page('/lv/practices/no-such-practice')).status, 404);
});

test('search finds words in any case and without diacritics; filters narrow; nothing found says so', async () => {
  const found = async (query) => text((await page(`/en/practices?${query}`)).body);
  assert.ok((await found('q=berni+mebeles')).includes('1 practice'), 'folded: bērni, mēbeles');
  assert.ok((await found('q=JĒKABPILS')).includes('1 practice'));
  assert.ok((await found('q=OPEN+dators')).includes('0 practices'), 'every word must match');
  assert.ok((await found('category=children-families&group=children&country=LV')).includes('1 practice'));
  assert.ok((await found('category=digital-skills')).includes('0 practices'));
  assert.ok((await found('group=seniors')).includes('0 practices'));
  const none = await page('/en/practices?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  assert.equal(none.status, 200);
  assert.ok(!none.body.includes('<script>alert'), 'the query is escaped');
  assert.ok(text(none.body).includes('Nothing was found. Show every practice'));
  // Values outside the closed lists are ignored, not an error.
  assert.ok((await found('category=cooking&country=XX&group=nobody')).includes('1 practice'));
});

test('a librarian\'s mistakes are named in their language and nothing is stored', async () => {
  const librarian = await as('ogre@example.lv');
  const before = practices();
  const uk = await post('/uk/manage/practices/new', {
    text_lang: 'lv', title: ' ', category: 'cooking', organization: '', library_name: '', country: 'US', problem: '', what_done: '',
    cost: 'x'.repeat(1001),
  }, librarian);
  assert.equal(uk.status, 400, excerpt(uk.body));
  const t = text(uk.body);
  for (const m of ['Введіть назву', 'Виберіть напрям', 'Виберіть бібліотеку або впишіть її назву', 'Виберіть країну',
    'Опишіть, яку проблему розв’язували', 'Опишіть, що було зроблено']) {
    assert.ok(t.includes(m), `${m} in ${t.slice(0, 1500)}`);
  }
  assert.match(t, /Текст має бути не довшим за 1\s000 символів/, 'the limit, written the Ukrainian way');
  assert.match(uk.body, /<title>Помилка: /);
  assert.ok(uk.body.includes('x'.repeat(1001)), 'what was typed is kept');
  // Another library's organisation, service or an unknown target group: refused, named.
  const en = await post('/en/manage/practices/new', {
    ...good, organization: sql("SELECT id FROM organization WHERE slug = 'ventspils-biblioteka'"), target_groups: ['nope'],
  }, librarian);
  assert.equal(en.status, 400);
  assert.ok(text(en.body).includes('Choose one of the libraries the list offers'));
  assert.ok(text(en.body).includes('Choose target groups from the list'));
  const links = await post('/en/manage/practices/new', { ...good, services: [ventspilsService] }, librarian);
  assert.equal(links.status, 400);
  assert.ok(text(links.body).includes('Choose only events and services of this library'));
  assert.equal(practices(), before, 'nothing stored');
  // The form itself, in Russian: the librarian's one library is chosen, its services offered.
  const form = await page('/ru/manage/practices/new', librarian);
  assert.equal(form.status, 200);
  assert.match(form.body, new RegExp(`<option value="${ogre}" selected`));
  assert.ok(form.body.includes(`value="${ogreService}"`), 'the library\'s services may be linked');
});

test('submit, return with a note, change, publish: the whole review, with access checked at each step', async () => {
  const librarian = await as('ogre@example.lv');
  const coordinator = await as('coord@example.lv');
  const sent = await post('/lv/manage/practices/new', { ...good, services: [ogreService] }, librarian);
  assert.equal(sent.status, 303, excerpt(sent.body));
  assert.equal(sent.headers.get('location'), '/lv/manage/practices/sarunu-klubs-gimenem');
  assert.equal(sql("SELECT status || '/' || source_locale || '/' || country FROM practice WHERE slug = 'sarunu-klubs-gimenem'"), 'submitted/lv/LV');
  // The coordinators' dashboard counts it (librarians do not review: no count for them).
  assert.ok(text((await page('/en/manage', coordinator)).body).includes('1 good practice waiting for review'));
  assert.ok(!text((await page('/en/manage', librarian)).body).includes('good practice waiting'));
  // Not public while it waits.
  assert.equal((await page('/lv/practices/sarunu-klubs-gimenem')).status, 404);
  assert.ok(!text((await page('/lv/practices?q=sarunu')).body).includes('Sarunu klubs'));
  // The author and a colleague of the same library see it; another library's librarian does not.
  assert.equal((await page('/lv/manage/practices/sarunu-klubs-gimenem', librarian)).status, 200);
  assert.equal((await page('/lv/manage/practices/sarunu-klubs-gimenem/edit', await as('ogre2@example.lv'))).status, 200);
  const venta = await as('venta@example.lv');
  assert.equal((await page('/lv/manage/practices/sarunu-klubs-gimenem', venta)).status, 403);
  assert.equal((await post('/lv/manage/practices/sarunu-klubs-gimenem/edit', good, venta)).status, 403);
  assert.ok(!text((await page('/lv/manage/practices', venta)).body).includes('Sarunu klubs'));
  // Only coordinators review.
  assert.equal((await post('/lv/manage/practices/sarunu-klubs-gimenem/review', { decision: 'publish' }, librarian)).status, 403);

  // Returned without a note: named, nothing changes.
  const noNote = await post('/en/manage/practices/sarunu-klubs-gimenem/review', { decision: 'return', note: ' ' }, coordinator);
  assert.equal(noNote.status, 400);
  assert.ok(text(noNote.body).includes('Tell the author what to change'));
  assert.equal(sql("SELECT status FROM practice WHERE slug = 'sarunu-klubs-gimenem'"), 'submitted');
  const returned = await post('/lv/manage/practices/sarunu-klubs-gimenem/review', { decision: 'return', note: 'Lūdzu, pievienojiet rezultātus.' }, coordinator);
  assert.equal(returned.status, 303);
  const mine = text((await page('/lv/manage/practices', librarian)).body);
  assert.ok(mine.includes('Atgriezts labošanai Koordinatora piezīme: Lūdzu, pievienojiet rezultātus.'), mine);
  // The author changes it: it waits again.
  const changed = await post('/lv/manage/practices/sarunu-klubs-gimenem/edit', { ...good, results: 'Klubā nāk 12 ģimenes.', services: [ogreService] }, librarian);
  assert.equal(changed.status, 303, excerpt(changed.body));
  assert.equal(sql("SELECT status FROM practice WHERE slug = 'sarunu-klubs-gimenem'"), 'submitted');
  const published = await post('/lv/manage/practices/sarunu-klubs-gimenem/review', { decision: 'publish', note: '' }, coordinator);
  assert.equal(published.status, 303);

  // Public now: hostile Markdown is inert, the service is linked, the target group named.
  const pub = await page('/en/practices/sarunu-klubs-gimenem');
  assert.equal(pub.status, 200);
  assert.ok(!pub.body.includes('<script>alert'), 'raw HTML is not passed through');
  assert.ok(!/href="javascript:/i.test(pub.body), 'unsafe links are dropped');
  assert.match(pub.body, /<strong>katru otrdienu<\/strong>/);
  assert.ok(pub.body.includes(`href="/en/services/${ogreService}"`));
  assert.ok(text(pub.body).includes('Klubā nāk 12 ģimenes.'));
  assert.ok(text((await page('/en/practices?q=sarunu')).body).includes('1 practice'));
  // Published: the author may no longer change it; a coordinator may.
  assert.equal((await page('/lv/manage/practices/sarunu-klubs-gimenem/edit', librarian)).status, 403);
  assert.equal((await page('/lv/manage/practices/sarunu-klubs-gimenem', librarian)).status, 200);
  assert.equal((await page('/lv/manage/practices/sarunu-klubs-gimenem/edit', coordinator)).status, 200);

  // The Atom feed has it, newest first, escaped.
  const feed = await page('/en/practices.atom');
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^application\/atom\+xml/);
  assert.equal(feed.headers.get('x-content-type-options'), 'nosniff');
  const titles = [...feed.body.matchAll(/<entry>[\s\S]*?<title type="text">([^<]*)<\/title>/g)].map((m) => m[1]);
  assert.deepEqual(titles.slice(0, 2), ['Sarunu klubs ģimenēm', 'Interaktīvās izglītības telpa bērniem no sociālā riska ģimenēm (OPEN UP)']);
  assert.ok(feed.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;') || !feed.body.includes('<script>'));
  assert.ok(feed.body.includes(`${server.origin.replace(/:\d+$/, '')}`) || feed.body.includes('/en/practices/sarunu-klubs-gimenem'));
  const filtered = await page('/en/practices.atom?category=language-culture');
  assert.equal([...filtered.body.matchAll(/<entry>/g)].length, 1);

  // The history: who submitted, returned, changed and published it, and what changed.
  const history = text((await page('/en/manage/practices/sarunu-klubs-gimenem', coordinator)).body);
  for (const row of ['Ogre librarian Created: status submitted', 'Coordinator Rejected: status submitted returned',
    'Coordinator Rejected: review_note Lūdzu, pievienojiet rezultātus.', 'Ogre librarian Changed: status returned submitted',
    'Ogre librarian Changed: results Klubā nāk 12 ģimenes.', 'Coordinator Approved: status submitted published']) {
    assert.ok(history.includes(row), `${row} in ${history.slice(history.indexOf('History'))}`);
  }

  // Unpublishing needs a note and takes it off the public list.
  const off = await post('/lv/manage/practices/sarunu-klubs-gimenem/review', { decision: 'unpublish', note: 'Jāprecizē izmaksas.' }, coordinator);
  assert.equal(off.status, 303);
  assert.equal((await page('/lv/practices/sarunu-klubs-gimenem')).status, 404);
  const bad = await post('/lv/manage/practices/sarunu-klubs-gimenem/review', { decision: 'delete' }, coordinator);
  assert.equal(bad.status, 400);
  assert.ok(text(bad.body).includes('Izvēlieties lēmumu'));
});

test('images: a required text alternative, checked files, removed only by those who may change', async () => {
  const librarian = await as('ogre@example.lv');
  const slug = 'sarunu-klubs-gimenem';
  const uploads = () => Number(sql('SELECT count(*) FROM upload'));
  const before = uploads();
  const noAlt = await post(`/ru/manage/practices/${slug}/images/new`, { alt: ' ', caption: '' }, librarian,
    { file: { name: 'klubs.png', type: 'image/png', bytes: png(40, 30) } });
  assert.equal(noAlt.status, 400);
  assert.ok(text(noAlt.body).length > 0);
  const notImage = await post(`/en/manage/practices/${slug}/images/new`, { alt: 'Galda spēles', caption: '' }, librarian,
    { file: { name: 'klubs.png', type: 'image/png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') } });
  assert.equal(notImage.status, 400);
  assert.equal(uploads(), before, 'nothing stored');
  const ok = await post(`/lv/manage/practices/${slug}/images/new`, { alt: 'Ģimenes spēlē galda spēles', caption: 'Otrdienas klubs' }, librarian,
    { file: { name: 'klubs.png', type: 'image/png', bytes: png(40, 30) } });
  assert.equal(ok.status, 303, excerpt(ok.body));
  const image = sql(`SELECT g.id FROM practice_image g JOIN practice p ON p.id = g.practice_id WHERE p.slug = '${slug}'`);
  assert.ok(image);
  // Public again after a coordinator publishes: the figure with its alt, and a thumbnail on the list.
  const coordinator = await as('coord@example.lv');
  assert.equal((await post(`/lv/manage/practices/${slug}/review`, { decision: 'publish' }, coordinator)).status, 303);
  const pub = await page(`/en/practices/${slug}`);
  assert.match(pub.body, /<img src="\/files\/[0-9a-f-]+\.png" alt="Ģimenes spēlē galda spēles" lang="lv" width="40" height="30"/);
  assert.match((await page('/en/practices')).body, /<img src="\/files\/[0-9a-f-]+\.png" alt="Ģimenes spēlē galda spēles"/);
  // Published: the author can no longer remove it; another library never could.
  assert.equal((await post(`/lv/manage/practices/${slug}/images/${image}/remove`, {}, librarian)).status, 403);
  assert.equal((await post(`/lv/manage/practices/${slug}/images/${image}/remove`, {}, await as('venta@example.lv'))).status, 403);
  assert.equal((await post(`/lv/manage/practices/open-up-jekabpils/images/${image}/remove`, {}, coordinator)).status, 404,
    'an image of another practice');
  assert.equal((await post(`/lv/manage/practices/${slug}/images/${image}/remove`, {}, coordinator)).status, 303);
  assert.equal(sql(`SELECT count(*) FROM practice_image WHERE id = '${image}'`), '0');
});

test('a coordinator adds a practice of a library abroad; its country becomes a filter', async () => {
  const coordinator = await as('coord@example.lv');
  const sent = await post('/en/manage/practices/new', {
    ...good, title: 'Bibliotekų tiltai', organization: '', library_name: 'Rokiškio rajono savivaldybės biblioteka', country: 'LT',
    target_groups: [], services: [],
  }, coordinator);
  assert.equal(sent.status, 303, excerpt(sent.body));
  const slug = sql("SELECT slug FROM practice WHERE title = 'Bibliotekų tiltai'");
  assert.equal((await post(`/en/manage/practices/${slug}/review`, { decision: 'publish' }, coordinator)).status, 303);
  const list = await page('/en/practices');
  assert.match(list.body, /<option value="LT">Lithuania<\/option>/);
  assert.ok(text((await page('/lv/practices?country=LT')).body).includes('Rokiškio rajono savivaldybės biblioteka, Lietuva'));
  // Without a session the back office asks to sign in.
  const anonymous = await get(`${server.origin}/lv/manage/practices/new`, { redirect: 'manual' });
  assert.equal(anonymous.status, 303);
});

test('a translation shows in its language, is searchable, and is flagged outdated when the original changes', async () => {
  const coordinator = await as('coord@example.lv');
  const form = await page('/en/manage/practices/open-up-jekabpils/translations/en', coordinator);
  assert.equal(form.status, 200, excerpt(form.body));
  assert.ok(text(form.body).includes('Interaktīvās izglītības telpa'), 'the original beside the field');
  const tooLong = await post('/en/manage/practices/open-up-jekabpils/translations/en', { title: 'x'.repeat(201) }, coordinator);
  assert.equal(tooLong.status, 400);
  assert.ok(text(tooLong.body).includes('The text must be 200 characters or fewer'));
  const saved = await post('/en/manage/practices/open-up-jekabpils/translations/en', {
    title: 'An interactive learning room for children from families at social risk (OPEN UP)',
  }, coordinator);
  assert.equal(saved.status, 303, excerpt(saved.body));
  const en = await page('/en/practices/open-up-jekabpils');
  assert.match(en.body, /<h1>An interactive learning room/);
  assert.match(en.body, /<div class="markdown" lang="lv">/, 'untranslated sections stay marked Latvian');
  assert.ok(text((await page('/lv/practices?q=interactive+learning')).body).includes('1 piemērs'), 'found in any page language');
  // Ukrainian readers fall back to English before Latvian.
  assert.match((await page('/uk/practices/open-up-jekabpils')).body, /<h1><span lang="en">An interactive learning room/);
  // The original changes: the translation is flagged on its form.
  assert.equal((await post('/lv/manage/practices/open-up-jekabpils/edit', {
    text_lang: 'lv', title: 'Interaktīvās izglītības telpa (OPEN UP)', category: 'children-families',
    organization: sql("SELECT id FROM organization WHERE slug = 'jekabpils-novada-galvena-biblioteka'"), country: 'LV',
    problem: 'Problēma.', what_done: 'Darīts.',
  }, coordinator)).status, 303);
  assert.ok(text((await page('/en/manage/practices/open-up-jekabpils/translations/en', coordinator)).body)
    .includes('The original has changed since this translation'));
  // Not a locale of ours; the source locale leads to the edit form.
  assert.equal((await page('/en/manage/practices/open-up-jekabpils/translations/xx', coordinator)).status, 404);
  assert.equal((await page('/en/manage/practices/open-up-jekabpils/translations/lv', coordinator)).status, 303);
});

test('a partner submits for its own organisation; a coordinator changes it and the organisation stays', async () => {
  const partner = await as('partner@example.lv');
  const municipality = sql("SELECT id FROM organization WHERE slug = 'jekabpils-novada-pasvaldiba'");
  const form = await page('/lv/manage/practices/new', partner);
  assert.equal(form.status, 200);
  assert.match(form.body, new RegExp(`<option value="${municipality}" selected`), 'its one organisation is chosen');
  assert.ok(!form.body.includes(`value="${ogre}"`), 'no other organisation is offered');
  const sent = await post('/lv/manage/practices/new', { ...good, title: 'Pašvaldības un bibliotēkas tikšanās', organization: municipality, target_groups: [] }, partner);
  assert.equal(sent.status, 303, excerpt(sent.body));
  const slug = sql("SELECT slug FROM practice WHERE title = 'Pašvaldības un bibliotēkas tikšanās'");
  const coordinator = await as('coord@example.lv');
  const edit = await page(`/lv/manage/practices/${slug}/edit`, coordinator);
  assert.match(edit.body, new RegExp(`<option value="${municipality}" selected`), 'a partner\'s organisation stays offered');
  const changed = await post(`/lv/manage/practices/${slug}/edit`, { ...good, title: 'Pašvaldības un bibliotēkas tikšanās', organization: municipality, cost: 'Bez maksas', target_groups: [] }, coordinator);
  assert.equal(changed.status, 303, excerpt(changed.body));
  assert.equal(sql(`SELECT organization_id || '/' || cost FROM practice WHERE slug = '${slug}'`), `${municipality}/Bez maksas`);
});
