// The translation workflow of the back office with JavaScript off (plain HTTP), in more than one
// language: a record's texts beside their originals, saving shows on the public page, the
// outdated flag when the original changes, the dashboard, PO and XLIFF export and import (all
// or nothing), and a librarian refused on another library's records (issue 4, QUALITY W4, R6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, sqlOf } from './harness.mjs';

const OGRE = 'ogres-centrala-biblioteka';
const JELGAVA = 'jelgavas-pilsetas-biblioteka';
let server;
let db;
let ogreId;

const sql = (q) => sqlOf(db)(q);

before(async () => {
  db = await makeDemoDb(makeTempDir());
  ogreId = sql(`SELECT id FROM organization WHERE slug = '${OGRE}'`);
  // Nothing in Ukrainian for Ogre's description, so there is something missing to export.
  sql(`DELETE FROM translation WHERE entity = 'organization' AND entity_id = '${ogreId}'
       AND field = 'description' AND locale = 'uk'`);
  await addUser(db, ['--email', 'anna@example.lv', '--name', 'Anna', '--role', 'librarian', '--library', OGRE]);
  await addUser(db, ['--email', 'berta@example.lv', '--name', 'Berta', '--role', 'librarian', '--library', JELGAVA]);
  await addUser(db, ['--email', 'olga@example.lv', '--name', 'Olga', '--role', 'coordinator']);
  server = await startServer({ db });
});
after(() => stopAndCheck(server));

/** Signs in once per account (sign-ins are rate-limited); returns {cookie, csrf}. */
const sessions = new Map();
async function signIn(email) {
  if (!sessions.has(email)) sessions.set(email, await signInHttp(server, email, { lang: 'en' }));
  return sessions.get(email);
}
const open = (who, path) => get(`${server.origin}${path}`, { headers: { cookie: who.cookie } });
const postForm = (who, path, fields) => get(`${server.origin}${path}`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: who.cookie },
  body: new URLSearchParams({ csrf: who.csrf, ...fields }).toString(),
});
function upload(who, lang, name, content) {
  const body = new FormData();
  body.append('csrf', who.csrf);
  body.append('file', new Blob([content], { type: 'application/octet-stream' }), name);
  return get(`${server.origin}/${lang}/manage/translations/import`, {
    method: 'POST', headers: { origin: server.origin, cookie: who.cookie }, body,
  });
}
const editPath = (lang, locale, entity = 'organization', id = ogreId) =>
  `/${lang}/manage/translations/${entity}/${id}?locale=${locale}`;
const errorSummary = (html) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

test('a librarian translates a field and the public page shows it in that language', async () => {
  const anna = await signIn('anna@example.lv');
  for (const [lang, label] of [['lv', /Tulkot valodā:/], ['uk', /Перекладати мовою:/]]) {
    const page = await open(anna, editPath(lang, 'ru'));
    assert.equal(page.status, 200, excerpt(page.body));
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
    assert.match(page.body, new RegExp(`<html lang="${lang}"`));
    assert.match(page.body, label);
    assert.match(page.body, /<span lang="lv">Viena no desmit Latvijas bibliotēkām/, 'source beside');
    assert.match(page.body, /<textarea id="description" name="description" rows="5" lang="ru">Одна из десяти/);
    assert.match(page.body, /<input type="text" id="name" name="name" value="Огрская центральная библиотека" lang="ru"/);
    assert.match(page.body, /hreflang="uk"/, 'links to the other target locales');
  }
  const saved = await postForm(anna, editPath('en', 'ru'), {
    name: 'Огрская центральная библиотека', description: 'Новое описание библиотеки Огре.',
  });
  assert.equal(saved.status, 303, excerpt(saved.body));
  const after = await open(anna, saved.headers.get('location'));
  assert.match(after.body, /1 field saved/);
  const pub = await get(`${server.origin}/ru/libraries/${OGRE}`);
  assert.match(pub.body, /Новое описание библиотеки Огре\./);
  const lvPub = await get(`${server.origin}/lv/libraries/${OGRE}`);
  assert.match(lvPub.body, /Viena no desmit Latvijas bibliotēkām/, 'the original is untouched');
  assert.equal(sql(`SELECT source || outdated FROM translation WHERE entity = 'organization'
      AND entity_id = '${ogreId}' AND field = 'description' AND locale = 'ru'`), 'human0');
  assert.equal(sql(`SELECT count(*) FROM metadata WHERE resource_id = '${ogreId}'
      AND field_name = 'description@ru' AND last_action_type = 'translate'`), '1');
});

test('bad input is shown with the error summary, what was typed kept, in the user language', async () => {
  const anna = await signIn('anna@example.lv');
  const res = await postForm(anna, editPath('lv', 'en'), {
    name: 'Ogre\u0007 Library', description: 'x'.repeat(5001),
  });
  assert.equal(res.status, 400);
  assert.match(res.body, /<title>Kļūda: /);
  const summary = errorSummary(res.body);
  assert.match(summary, /href="#name"/);
  assert.match(summary, /href="#description"/);
  assert.match(summary, /vadības rakstzīmes/);
  assert.match(res.body, /value="Ogre\u0007 Library"|value="Ogre&#7; Library"|value="Ogre/);
  assert.match(res.body, /x{5001}<\/textarea>/);
  const en = sql(`SELECT value FROM translation WHERE entity = 'organization' AND entity_id = '${ogreId}'
      AND field = 'name' AND locale = 'en'`);
  assert.doesNotMatch(en, /\u0007/, 'nothing saved');
});

test('an emptied field removes the translation and the page falls back', async () => {
  const anna = await signIn('anna@example.lv');
  const before = await open(anna, editPath('en', 'en'));
  const name = /id="name" name="name" value="([^"]*)"/.exec(before.body)[1];
  const res = await postForm(anna, editPath('en', 'en'), { name, description: '' });
  assert.equal(res.status, 303);
  assert.equal(sql(`SELECT count(*) FROM translation WHERE entity = 'organization'
      AND entity_id = '${ogreId}' AND field = 'description' AND locale = 'en'`), '0');
  const pub = await get(`${server.origin}/en/libraries/${OGRE}`);
  assert.equal(pub.status, 200);
  assert.match(pub.body, /lang="lv"[^>]*>Viena no desmit/, 'shown in Latvian with its own lang');
});

test('a changed original flags the translation outdated on the dashboard and the edit page', async () => {
  const olga = await signIn('olga@example.lv');
  sql(`UPDATE translation SET value = 'Ogres Centrālā bibliotēka (jauns nosaukums)'
       WHERE entity = 'organization' AND entity_id = '${ogreId}' AND field = 'name' AND source = 'original'`);
  sql(`UPDATE organization SET name = 'Ogres Centrālā bibliotēka (jauns nosaukums)' WHERE id = '${ogreId}'`);
  for (const [lang, outdated] of [['en', /Outdated: the source changed/], ['uk', /Застаріло: вихідний текст змінився/]]) {
    const edit = await open(olga, editPath(lang, 'ru'));
    assert.equal(edit.status, 200, excerpt(edit.body));
    assert.match(edit.body, outdated);
    const dash = await open(olga, `/${lang}/manage/translations?locale=ru`);
    assert.equal(dash.status, 200, excerpt(dash.body));
    assert.match(dash.body, new RegExp(`href="/${lang}/manage/translations/organization/${ogreId}\\?locale=ru"`));
    assert.ok(/[1-9]\d* (translations? outdated|переклад(и|ів)? застар)/.test(dash.body), excerpt(dash.body));
  }
});

test('the dashboard of a librarian lists only their library', async () => {
  const anna = await signIn('anna@example.lv');
  const dash = await open(anna, '/lv/manage/translations?locale=uk');
  assert.equal(dash.status, 200);
  assert.match(dash.body, /Ogres Centrālā bibliotēka/);
  assert.doesNotMatch(dash.body, /Jelgavas/);
});

/** Fills every msgstr of a PO file (not the header) and drops the fuzzy flags. */
function fillPo(po, prefix) {
  return po.split('\n\n').map((block) => {
    if (!/^msgctxt /m.test(block)) return block;
    const key = /msgctxt "([^"]*)"/.exec(block)[1];
    return block.replace('#, fuzzy\n', '').replace(/msgstr "(?:[^"\\]|\\.)*"(\n"(?:[^"\\]|\\.)*")*/,
      `msgstr "${prefix} ${key.split('/').pop()}"`);
  }).join('\n\n');
}

test('export PO with missing and outdated fields, import it back filled in', async () => {
  const anna = await signIn('anna@example.lv');
  const res = await open(anna, '/en/manage/translations/export?locale=uk&format=po');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="tilti-uk\.po"/);
  assert.match(res.body, /"Language: uk\\n"/);
  assert.match(res.body, new RegExp(`msgctxt "organization/${ogreId}/description"\nmsgid "Viena no desmit`));
  assert.match(res.body, new RegExp(`#, fuzzy\nmsgctxt "organization/${ogreId}/name"`), 'outdated name is fuzzy');
  const jelgavaId = sql(`SELECT id FROM organization WHERE slug = '${JELGAVA}'`);
  assert.ok(!res.body.includes(jelgavaId), 'only what the librarian may translate');
  const done = await upload(anna, 'uk', 'tilti-uk.po', fillPo(res.body, 'Українською'));
  assert.equal(done.status, 200, excerpt(done.body));
  assert.match(done.body, /Збережено 2 переклади/);
  const pub = await get(`${server.origin}/uk/libraries/${OGRE}`);
  assert.match(pub.body, /Українською description/);
  assert.match(pub.body, /Українською name/);
  const again = await open(anna, '/en/manage/translations/export?locale=uk&format=po');
  assert.doesNotMatch(again.body, new RegExp(`organization/${ogreId}/`), 'nothing pending any more');
});

test('export XLIFF, import it back filled in', async () => {
  const olga = await signIn('olga@example.lv');
  sql(`DELETE FROM translation WHERE entity = 'organization' AND entity_id = '${ogreId}'
       AND field = 'description' AND locale = 'en'`);
  const res = await open(olga, '/lv/manage/translations/export?locale=en&format=xliff');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition'), /filename="tilti-en\.xlf"/);
  assert.match(res.body, /<xliff version="1\.2"/);
  assert.match(res.body, new RegExp(`<trans-unit id="organization/${ogreId}/description"`));
  assert.match(res.body, /<source xml:lang="lv">/);
  assert.match(res.body, /state="needs-translation"><\/target>/);
  const filled = res.body.replace(/<trans-unit id="([^"]*)"([\s\S]*?)<target xml:lang="en" state="[^"]*">[^<]*<\/target>/g,
    (_, id, mid) => `<trans-unit id="${id}"${mid}<target xml:lang="en" state="translated">In English &amp; ${id.split('/').pop()}</target>`);
  const done = await upload(olga, 'lv', 'tilti-en.xlf', filled);
  assert.equal(done.status, 200, excerpt(done.body));
  assert.match(done.body, /Saglabāt|Saglabāti \d+ tulkojumi|Saglabāts/);
  const pub = await get(`${server.origin}/en/libraries/${OGRE}`);
  assert.match(pub.body, /In English &amp; description/);
});

test('a bad file changes nothing and lists each problem with its line', async () => {
  const anna = await signIn('anna@example.lv');
  const before = sql(`SELECT count(*) || max(updated_at) FROM translation`);
  const po = [
    'msgid ""', 'msgstr ""', '"Language: ru\\n"', '',
    `msgctxt "organization/${ogreId}/description"`, 'msgid "not the source any more"', 'msgstr "Текст"', '',
    'msgctxt "service/no-such-service/name"', 'msgid "x"', 'msgstr "y"', '',
    `msgctxt "organization/${sql(`SELECT id FROM organization WHERE slug = '${JELGAVA}'`)}/name"`,
    `msgid "Jelgavas Pilsētas bibliotēka"`, 'msgstr "Елгава"', '',
  ].join('\n');
  const res = await upload(anna, 'en', 'bad.po', po);
  assert.equal(res.status, 400, excerpt(res.body));
  assert.match(res.body, /<title>Error: /);
  const summary = errorSummary(res.body);
  assert.match(summary, /Line 5: the source has changed, translate again/);
  assert.match(summary, /Line 9: there is no such record or text/);
  assert.match(summary, /Line 13: you may not translate this record/);
  assert.equal(sql(`SELECT count(*) || max(updated_at) FROM translation`), before);

  const broken = await upload(anna, 'ru', 'broken.po', 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgctxt "a/b/name"\nmsgid "x\nmsgstr "y"\n');
  assert.equal(broken.status, 400);
  assert.match(errorSummary(broken.body), /Строка 5:/);
  const xml = await upload(anna, 'en', 'bomb.xlf', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<xliff version="1.2"/>');
  assert.equal(xml.status, 400);
  assert.match(errorSummary(xml.body), /Line 2:/);
  const none = await upload(anna, 'en', 'empty.po', '');
  assert.equal(none.status, 400);
  assert.equal(sql(`SELECT count(*) || max(updated_at) FROM translation`), before);
});

test("a librarian of another library is refused on Ogre's records", async () => {
  const berta = await signIn('berta@example.lv');
  const page = await open(berta, editPath('en', 'ru'));
  assert.equal(page.status, 403);
  const post = await postForm(berta, editPath('en', 'ru'), { name: 'X', description: 'Y' });
  assert.equal(post.status, 403);
  const service = sql(`SELECT id FROM service WHERE organization_id = '${ogreId}' LIMIT 1`);
  assert.equal((await open(berta, editPath('lv', 'uk', 'service', service))).status, 403);
  assert.equal((await open(berta, editPath('lv', 'uk', 'taxonomy', 'x'))).status, 404);
  const noCsrf = await get(`${server.origin}${editPath('en', 'ru')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin,
      cookie: (await signIn('anna@example.lv')).cookie },
    body: 'name=X',
  });
  assert.equal(noCsrf.status, 403);
  const anonymous = await get(`${server.origin}${editPath('en', 'ru')}`);
  assert.equal(anonymous.status, 303);
});
