// An initiative's gallery (issue 7) and the checked uploads it is the first user of: a
// coordinator adds images with their text alternative; the file is kept only when its content
// is an image of an accepted type and not over 5 MB, else the form names the problem in the
// coordinator's language, keeps the texts and stores nothing; stored files are served with their
// checked type, nosniff and a sandbox; the public page shows the images with their text
// alternatives (in the initiative's language, marked, where no translation exists).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp, decodeEntities, startTags, rawRequest,
} from './harness.mjs';
import { sqlOf } from './booking_steps.mjs';
import { png, postMultipart as postFile } from './upload_files.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
const server = await startServer({ db });
after(() => stopAndCheck(server));
let coordinatorSession;
const coordinator = async () => (coordinatorSession ??= await signInHttp(server, 'coord@example.lv', { lang: 'lv' }));
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

const postMultipart = (path, fields, files, session) =>
  postFile(get, `${server.origin}${path}`, fields, files, { cookie: session.cookie, origin: server.origin });

const NEW = '/lv/manage/initiatives/libri/images/new';
const uploads = () => Number(sql('SELECT count(*) FROM upload'));
const galleryOf = (html) => startTags(html.slice(html.indexOf('id="gallery"')), 'img');

test('a coordinator adds an image; the public page shows it with its text alternative', async () => {
  const coord = await coordinator();
  const form = await get(`${server.origin}${NEW}`, { headers: { cookie: coord.cookie } });
  assert.equal(form.status, 200, excerpt(form.body));
  assert.match(form.body, /<form method="post" action="\/lv\/manage\/initiatives\/libri\/images\/new" enctype="multipart\/form-data"/);
  assert.match(form.body, /<input type="file" id="file" name="file" accept="image\/png,image\/jpeg,image\/webp,image\/gif"/);

  const bytes = png(4, 3);
  const res = await postMultipart(NEW, { csrf: coord.csrf, alt: 'Hakatona dalībnieki pie galda ar idejām uz lapiņām', caption: 'Ogre, 2025' },
    { file: { name: '../../IMG 001.PNG', type: 'image/png', bytes } }, coord);
  assert.equal(res.status, 303, excerpt(res.body));
  assert.equal(res.headers.get('location'), '/lv/manage/initiatives/libri#gallery');
  const [stored] = sql("SELECT id || '|' || media_type || '|' || filename || '|' || width || 'x' || height || '|' || byte_size FROM upload").split('\n');
  const [id, type, filename, size, bytesStored] = stored.split('|');
  assert.deepEqual([type, filename, size, Number(bytesStored)], ['image/png', 'IMG 001.png', '4x3', bytes.length]);

  // Latvian: the text alternative as written; English: the same text, marked as Latvian.
  const lv = await get(`${server.origin}/lv/initiatives/libri`);
  const [img] = galleryOf(lv.body);
  assert.deepEqual(
    { src: img.attrs.src, alt: img.attrs.alt, width: img.attrs.width, height: img.attrs.height, lang: img.attrs.lang },
    { src: `/files/${id}.png`, alt: 'Hakatona dalībnieki pie galda ar idejām uz lapiņām', width: '4', height: '3', lang: undefined });
  assert.ok(text(lv.body).includes('Ogre, 2025'));
  assert.match(lv.body, /<h2 id="gallery">Galerija<\/h2>/);
  const en = await get(`${server.origin}/en/initiatives/libri`);
  assert.match(en.body, /<h2 id="gallery">Gallery<\/h2>/);
  assert.equal(galleryOf(en.body)[0].attrs.lang, 'lv');

  // The file: its checked type, never sniffed, never run as a page, cached for good.
  const file = await get(`${server.origin}/files/${id}.png`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'image/png');
  assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(file.headers.get('content-security-policy'), "default-src 'none'; sandbox");
  assert.match(file.headers.get('cache-control'), /immutable/);
  assert.equal(file.headers.get('content-disposition'), null, 'images are shown, not downloaded');
  assert.ok(file.bytes.equals(bytes));
  const again = await get(`${server.origin}/files/${id}.png`, { headers: { 'if-none-match': file.headers.get('etag') } });
  assert.equal(again.status, 304);
  // Another extension, an unknown id, a path: no file.
  for (const wrong of [`${id}.html`, `${id}`, 'no-such-file.png', `..%2F${id}.png`]) {
    assert.equal((await get(`${server.origin}/files/${wrong}`)).status, 404, wrong);
  }
});

test('mistakes are named in the coordinator\'s language, the texts kept, nothing stored', async () => {
  const coord = await coordinator();
  const before = uploads();
  const images = Number(sql('SELECT count(*) FROM initiative_image'));

  // No file, no text alternative.
  const empty = await postMultipart(NEW, { csrf: coord.csrf, alt: ' ', caption: 'Paraksts paliek' }, {}, coord);
  assert.equal(empty.status, 400, excerpt(empty.body));
  const e = text(empty.body);
  assert.ok(e.includes('Izvēlieties datni.'), e.slice(0, 800));
  assert.ok(e.includes('Uzrakstiet, ko attēls rāda.'));
  assert.ok(empty.body.includes('value="Paraksts paliek"'), 'caption kept');
  for (const field of ['file', 'alt']) assert.ok(empty.body.includes(`href="#${field}"`), field);

  // A page calling itself a PNG: the content decides.
  const html = await postMultipart(NEW, { csrf: coord.csrf, alt: 'Teksts' },
    { file: { name: 'photo.png', type: 'image/png', bytes: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') } }, coord);
  assert.equal(html.status, 400);
  assert.ok(text(html.body).includes('Datne “photo.png” nav derīga: der PNG, JPEG, WebP vai GIF attēls.'), text(html.body).slice(0, 900));
  assert.ok(html.body.includes('>Teksts</textarea>'), 'text alternative kept');
  // SVG can carry scripts: not an image we keep. An empty file.
  const svg = await postMultipart('/en/manage/initiatives/libri/images/new', { csrf: coord.csrf, alt: 'A logo' },
    { file: { name: 'logo.svg', type: 'image/svg+xml', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') } }, coord);
  assert.equal(svg.status, 400);
  assert.ok(text(svg.body).includes('The file “logo.svg” cannot be used: we accept a PNG, JPEG, WebP or GIF image.'));
  const zero = await postMultipart('/uk/manage/initiatives/libri/images/new', { csrf: coord.csrf, alt: 'Фото' },
    { file: { name: 'empty.png', type: 'image/png', bytes: Buffer.alloc(0) } }, coord);
  assert.equal(zero.status, 400);
  assert.ok(text(zero.body).includes('Файл «empty.png» порожній.'));

  // Over the 5 MB limit of images (6 MB): said in megabytes in the reader's number format.
  const big = Buffer.concat([png(2, 2), Buffer.alloc(6 * 1024 * 1024)]);
  const tooBig = await postMultipart('/ru/manage/initiatives/libri/images/new', { csrf: coord.csrf, alt: 'Большое фото' },
    { file: { name: 'big.png', type: 'image/png', bytes: big } }, coord);
  assert.equal(tooBig.status, 400, excerpt(tooBig.body));
  assert.ok(text(tooBig.body).includes('Файл «big.png» занимает 6 МБ; файл такого типа может быть не больше 5 МБ.'), text(tooBig.body).slice(0, 900));

  // A text alternative too long.
  const long = await postMultipart('/en/manage/initiatives/libri/images/new', { csrf: coord.csrf, alt: 'ā'.repeat(401) },
    { file: { name: 'ok.png', type: 'image/png', bytes: png(1, 1) } }, coord);
  assert.equal(long.status, 400);
  assert.ok(text(long.body).includes('The text alternative may be at most 400 characters long.'));

  assert.equal(uploads(), before, 'no file stored');
  assert.equal(Number(sql('SELECT count(*) FROM initiative_image')), images);
});

test('bodies: large forms only from signed-in users; past the upload limit a 413', async () => {
  const coord = await coordinator();
  // The header alone decides: a multipart body of 2 MiB is over the 1 MiB of anonymous requests,
  // and 21 MiB over the 20 MiB (TILTI_MAX_UPLOAD) of signed-in ones. The server answers before
  // the body is sent.
  const head = (length, cookie) => `POST ${NEW} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${server.origin}\r\n` +
    `Content-Type: multipart/form-data; boundary=b\r\nContent-Length: ${length}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`;
  assert.equal((await rawRequest(server.port, head(2 * 1024 * 1024))).status, 413);
  assert.equal((await rawRequest(server.port, head(21 * 1024 * 1024, coord.cookie))).status, 413);
  // Signed in, a 2 MiB image is fine.
  const twoMb = Buffer.concat([png(2, 2), Buffer.alloc(2 * 1024 * 1024)]);
  const ok = await postMultipart(NEW, { csrf: coord.csrf, alt: 'Otrs attēls' }, { file: { name: 'two.png', type: 'image/png', bytes: twoMb } }, coord);
  assert.equal(ok.status, 303, excerpt(ok.body));
});

test('texts changed, order changed, an image taken out', async () => {
  const coord = await coordinator();
  const order = async () => galleryOf((await get(`${server.origin}/lv/initiatives/libri`)).body).map((i) => i.attrs.alt);
  assert.deepEqual(await order(), ['Hakatona dalībnieki pie galda ar idejām uz lapiņām', 'Otrs attēls']);
  const manage = await get(`${server.origin}/lv/manage/initiatives/libri`, { headers: { cookie: coord.cookie } });
  const edits = [...manage.body.matchAll(/href="(\/lv\/manage\/images\/[0-9a-f-]+)"/g)].map((m) => m[1]);
  assert.equal(edits.length, 2);
  // Buttons say which image they act on.
  assert.match(manage.body, /Uz aizmuguri<span class="visually-hidden"> \(1\. attēls\)<\/span>/);

  const post = (path, fields) => get(`${server.origin}${path}`, {
    method: 'POST', headers: { cookie: coord.cookie, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: coord.csrf, ...fields }).toString(),
  });
  const bad = await post(edits[1], { alt: '', caption: '' });
  assert.equal(bad.status, 400);
  assert.ok(text(bad.body).includes('Uzrakstiet, ko attēls rāda.'));
  assert.equal((await post(edits[1], { alt: 'Bibliotekāri apspriež idejas', caption: '' })).status, 303);
  assert.equal((await post(`${edits[1]}/move`, { direction: 'earlier' })).status, 303);
  assert.deepEqual(await order(), ['Bibliotekāri apspriež idejas', 'Hakatona dalībnieki pie galda ar idejām uz lapiņām']);
  assert.equal((await post(`${edits[1]}/move`, { direction: 'sideways' })).status, 400);
  assert.equal((await post(`${edits[0]}/remove`, {})).status, 303);
  assert.deepEqual(await order(), ['Bibliotekāri apspriež idejas']);
  assert.equal((await post('/lv/manage/images/no-such-image/remove', {})).status, 404);
  // Without the CSRF token nothing happens.
  const forged = await get(`${server.origin}${edits[1]}/remove`, {
    method: 'POST', headers: { cookie: coord.cookie, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '',
  });
  assert.equal(forged.status, 403);
  assert.deepEqual(await order(), ['Bibliotekāri apspriež idejas']);
});
