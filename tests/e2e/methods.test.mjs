// The methodology library (issue 8): documents for librarians with versions that stay readable;
// files checked by content and size, served as downloads with nosniff; every mistake named in the
// coordinator's language with nothing stored; only coordinators edit.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, decodeEntities,
} from './harness.mjs';
import { sqlOf } from './booking_steps.mjs';
import { postMultipart as postFile } from './upload_files.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
await addUser(db, ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian', '--library', 'ogres-centrala-biblioteka']);
const server = await startServer({ db });
after(() => stopAndCheck(server));
let coordinatorSession;
const coordinator = async () => (coordinatorSession ??= await signInHttp(server, 'coord@example.lv', { lang: 'lv' }));
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const post = (path, fields, files, session) =>
  postFile(get, `${server.origin}${path}`, fields, files, { cookie: session.cookie, origin: server.origin });
const counts = () => sql("SELECT (SELECT count(*) FROM method_document) || '/' || (SELECT count(*) FROM method_version) || '/' || (SELECT count(*) FROM upload)");
const pdf = (extra = 0) => Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(extra, 0x20), Buffer.from('\n%%EOF\n')]);

test('the demo: seed 004\'s partnership handbook, as the seed describes it', async () => {
  const lv = await get(`${server.origin}/lv/methods`);
  assert.equal(lv.status, 200, excerpt(lv.body));
  const t = text(lv.body);
  assert.ok(t.includes('Vietējā partnerība Partnerības rokasgrāmata Kā izveidot vietējo partnerību un kopīgi izstrādāt vietējo stratēģiju cilvēku ar migrācijas pieredzi integrācijai? 1. versija · datums nav zināms'), t.slice(0, 900));
  const page = await get(`${server.origin}/lv/methods/partnership-handbook`);
  assert.equal(page.status, 200);
  assert.ok(text(page.body).includes('Iekļauti praktiski padomi un nacionālo valstu pieredzes stāsti.'));
  assert.ok(!page.body.includes('Lejupielādēt'), 'the seeds do not hold the file: no download');
  // In English the Latvian texts, each marked as Latvian.
  const en = await get(`${server.origin}/en/methods/partnership-handbook`);
  assert.match(en.body, /<h1><span lang="lv">Partnerības rokasgrāmata<\/span>/);
  assert.ok(text(en.body).includes('The text is in Latvian: it is not available in this language yet.'));
  assert.match(en.body, /<div class="markdown" lang="lv">/);
  assert.equal((await get(`${server.origin}/en/methods/no-such-document`)).status, 404);
});

test('a coordinator adds a document with a file and a second version; the first stays readable', async () => {
  const coord = await coordinator();
  const created = await post('/lv/manage/methods/new', {
    csrf: coord.csrf, topic: 'hackathon', title: 'Kā organizēt hakatonu', summary: 'Soli pa solim', published_on: '1.3.2026', note: '', body: '# Sagatavošanās\n\nSarunas ar partneriem.',
  }, { file: { name: 'Hakatons "v1".PDF', type: 'application/pdf', bytes: pdf() } }, coord);
  assert.equal(created.status, 303, excerpt(created.body));
  const slug = sql("SELECT slug FROM method_document WHERE title = 'Kā organizēt hakatonu'");
  assert.equal(slug, 'ka-organizet-hakatonu');
  const first = await get(`${server.origin}/lv/methods/${slug}`);
  assert.ok(text(first.body).includes('1. versija · 2026. gada 1. marts'), text(first.body).slice(0, 600));
  assert.match(first.body, /<h2>Sagatavošanās<\/h2>/, 'Markdown headings move below the h1');
  const href = /<a class="button" href="(\/files\/[0-9a-f-]+\.pdf)">Lejupielādēt<\/a> <span class="small">Hakatons v1\.pdf \(PDF, 1 kB\)<\/span>/.exec(first.body)?.[1];
  assert.ok(href, excerpt(first.body.slice(first.body.indexOf('<h1'))));
  const file = await get(`${server.origin}${href}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(file.headers.get('content-disposition'), 'attachment; filename="Hakatons v1.pdf"; filename*=UTF-8\'\'Hakatons%20v1.pdf');
  assert.ok(file.bytes.equals(pdf()));

  // A second version: text only, saying what changed.
  const second = await post(`/lv/manage/methods/${slug}/versions/new`, {
    csrf: coord.csrf, published_on: '15.4.2026', note: 'Pievienota vērtēšana', body: '# Sagatavošanās\n\nSarunas ar partneriem.\n\n# Vērtēšana\n\nAnketa dalībniekiem.',
  }, {}, coord);
  assert.equal(second.status, 303, excerpt(second.body));
  const now = await get(`${server.origin}/en/methods/${slug}`);
  const t = text(now.body);
  assert.ok(t.includes('Version 2 · 15 April 2026'), t.slice(0, 700));
  assert.ok(t.includes('Vērtēšana'));
  assert.ok(!now.body.includes(href), 'the current version has no file');
  assert.ok(t.includes('Version 2 (current) 15 April 2026 Pievienota vērtēšana (shown in Latvian) Version 1 1 March 2026'), t);
  const old = await get(`${server.origin}/en/methods/${slug}/versions/1`);
  assert.equal(old.status, 200);
  assert.ok(text(old.body).includes('This is version 1; the current one is version 2.'));
  assert.ok(old.body.includes(href), 'the old version keeps its file');
  assert.ok(!text(old.body).includes('Anketa dalībniekiem'));
  const current = await get(`${server.origin}/en/methods/${slug}/versions/2`);
  assert.equal(current.status, 301);
  assert.equal(current.headers.get('location'), `/en/methods/${slug}`);
  assert.equal((await get(`${server.origin}/en/methods/${slug}/versions/9`)).status, 404);
  // The list shows the current version.
  assert.ok(text((await get(`${server.origin}/lv/methods`)).body).includes('Hakatonu organizēšana Kā organizēt hakatonu Soli pa solim 2. versija · 2026. gada 15. aprīlis'));
});

test('mistakes are named in the coordinator\'s language and nothing is stored', async () => {
  const coord = await coordinator();
  const before = counts();
  // No title, a topic that does not exist, neither text nor file, a date that is none.
  const empty = await post('/lv/manage/methods/new', { csrf: coord.csrf, topic: 'cooking', title: ' ', summary: 'paliek', published_on: '31.2.2026', body: '' }, {}, coord);
  assert.equal(empty.status, 400);
  const e = text(empty.body);
  for (const msg of ['Izvēlieties tēmu.', 'Ierakstiet dokumenta nosaukumu.', 'Ierakstiet tekstu vai pievienojiet datni.']) assert.ok(e.includes(msg), msg);
  assert.ok(empty.body.includes('>paliek</textarea>') && empty.body.includes('value="31.2.2026"'), 'input kept');
  for (const field of ['topic', 'title', 'body', 'published_on']) assert.ok(empty.body.includes(`href="#${field}"`), field);

  // A program calling itself a PDF; a document over 10 MB; in English and Ukrainian.
  const exe = await post('/en/manage/methods/new', { csrf: coord.csrf, topic: 'other', title: 'Tool' },
    { file: { name: 'tool.pdf', type: 'application/pdf', bytes: Buffer.from('MZ\x90\x00 this is a program') } }, coord);
  assert.equal(exe.status, 400);
  assert.ok(text(exe.body).includes('The file “tool.pdf” cannot be used: we accept a PDF, OpenDocument or Word, Excel, PowerPoint document.'), text(exe.body).slice(0, 900));
  const big = await post('/uk/manage/methods/new', { csrf: coord.csrf, topic: 'other', title: 'Великий' },
    { file: { name: 'big.pdf', type: 'application/pdf', bytes: pdf(11 * 1024 * 1024) } }, coord);
  assert.equal(big.status, 400);
  assert.ok(text(big.body).includes('Файл «big.pdf» займає 11 МБ; файл такого типу може бути не більшим за 10 МБ.'), text(big.body).slice(0, 900));

  // A later version must say what changed.
  const noNote = await post('/lv/manage/methods/partnership-handbook/versions/new', { csrf: coord.csrf, note: '', body: 'Jauns teksts' }, {}, coord);
  assert.equal(noNote.status, 400);
  assert.ok(text(noNote.body).includes('Uzrakstiet, kas šajā versijā mainījies.'));
  assert.ok(noNote.body.includes('>Jauns teksts</textarea>'));
  assert.equal(counts(), before, 'documents/versions/files unchanged');
});

test('the document\'s texts change without touching its versions; only coordinators edit', async () => {
  const coord = await coordinator();
  const res = await post('/lv/manage/methods/partnership-handbook/edit', { csrf: coord.csrf, topic: 'partnership', title: 'Partnerības rokasgrāmata (LIBRI)', summary: '' }, {}, coord);
  assert.equal(res.status, 303, excerpt(res.body));
  assert.equal(sql("SELECT title || '|' || (SELECT count(*) FROM method_version v WHERE v.document_id = d.id) FROM method_document d WHERE slug = 'partnership-handbook'"), 'Partnerības rokasgrāmata (LIBRI)|1');
  const lib = await signInHttp(server, 'lib@example.lv', { lang: 'lv' });
  assert.equal((await get(`${server.origin}/lv/manage/methods`, { headers: { cookie: lib.cookie } })).status, 403);
  const manage = await get(`${server.origin}/lv/manage/methods`, { headers: { cookie: coord.cookie } });
  assert.equal(manage.status, 200);
  assert.ok(manage.body.includes('href="/lv/manage/methods/partnership-handbook/versions/new"'));
  assert.ok(manage.body.includes('href="/lv/manage/methods"'), 'in the back-office navigation');
  // The language switcher of a back-office page (and of its forms) leads to the same page.
  assert.ok(manage.body.includes('href="/en/manage/methods"') && !manage.body.includes('/en/lv/'), 'language switcher');
  const form = await get(`${server.origin}/lv/manage/methods/new`, { headers: { cookie: coord.cookie } });
  assert.ok(form.body.includes('href="/uk/manage/methods/new"') && !form.body.includes('/uk/lv/'));
});
