// Information for newcomers (issue 8): guides in Markdown per locale with fallback and the
// outdated flag, the easy-language version linked both ways, a video with captions per locale and
// what it shows. The demo guide is seed 000 word for word in Latvian; other locales show it marked.
// Hostile Markdown renders as text; files that are not what the form takes, or too large, get a
// clear message in the user's language and nothing is stored; only coordinators may edit.
// Read aloud: every part of the text is a real WAV in the voice of the text's own language
// (Latvian on every page of the untranslated demo guide), made once and then served from the
// database; its address carries a hash of the words, so an edited guide never serves old audio;
// a language espeak-ng cannot speak gets a sentence instead of audio.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, addUser, signInHttp,
  startTags, textOf, copyWebDir, REPO_ROOT, LANGS,
} from './harness.mjs';
import { metric, assertWav } from './audio_checks.mjs';
import { sqlOf } from './booking_steps.mjs';
import { postMultipart as postFile } from './upload_files.mjs';

// Seed 000's paragraphs as written (its heading is the guide's title; the image placeholder at
// its end is not text). Spaces are compared collapsed, as a reader sees them.
const SEED_000 = [
  "KISC projekta „Publisko bibliotēku pakalpojumi trešo valstu valstspiederīgajiem Latvijā” ietvaros portālā\u00a0www.biblioteka.lv\u00a0izveidota jauna sadaļa, kurā interesentiem latviešu, krievu un angļu valodās pieejams informatīvs materiāls par publiskajām bibliotēkām kā par lokālā un reģionālā līmenī brīvi un ērti pieejamiem informatīvā atbalsta pieejas punktiem, kuros bez maksas pieejami informācijas resursi, informācijas un komunikācijas tehnoloģijas ar ineterneta pieslēgumu, kā arī personāla konsultācijas par informācijas meklēšanu. Informāciju par bibliotēkās pieejamajiem pakalpojumiem papildina video materiāls, kurš skatītājiem draudzīgā un uzskatāmā veidā ļauj iepazīties ar to, kas ir publiskā bibliotēka un kādus pakalpojumus un atbalstu tajā var saņemt ikviens interesents neatkarīgi no tā piederības jebkādai sociālai, ekonomiskai, reliģiskai vai citai grupai.",
  "Jaunā sadaļa pieejama, izmantojot saiti:\u00a0http://www.biblioteka.lv/iepazisti-latviju-biblioteka.aspx\u00a0.",
  "Projekta īstenošanas laikā paredzēts izplatīt arī drukātus informatīvos materiālus – plakātus un bukletus – visās pašvaldībās, visās publiskajās bibliotēkās, kā arī ar integrācijas un naturalizācijas procesiem saistītās darbības iestādēs un organizācijās.",
  "Kopš 2014. gada 30. aprīļa Kultūras informācijas sistēmu centrs Eiropas Trešo valstu valstspiederīgo integrācijas fonda programmas 1.”a” aktivitātes „Valodas un adaptācijas programmu attīstības trešo valstu pilsoņu integrācijai un saliedētas sabiedrības veidošanai” ietvaros īsteno projektu „Publisko bibliotēku pakalpojumi trešo valstu valstspiederīgajiem Latvijā”. Tā mērķis ir palielināt trešo valstu valstspiederīgo informētību par integrācijas un naturalizācijas iespējām Latvijas sabiedrībā. Projekta specifiskais mērķis ir informēt trešo valstu valstpiederīgos par visās 812 Latvijas publiskajās bibliotēkās pieejamajiem informācijas, tehniskās infrastruktūras un konsultatīvā atbalsta bezmaksas resursiem savu informacionālo vajadzību apmierināšanai.",
  "Projektu paredzēts īstenot līdz 2014. gada 30. jūnijam.",
  "Projekts tiek līdzfinansēts no Eiropas Trešo valstu valstspiederīgo integrācijas fonda 1.”a” aktivitātes „Valodas un adaptācijas programmu attīstība trešo valstu pilsoņu integrācijai un saliedētas sabiedrības veidošanai”",
  "Granta līgums Nr.IF/2012_2/1.a./12",
];

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
await addUser(db, ['--email', 'lib@example.lv', '--name', 'Librarian', '--role', 'librarian',
  '--library', 'ogres-centrala-biblioteka']);
const server = await startServer({ db });
after(() => stopAndCheck(server));
let coordinatorSession;
const coordinator = async () => (coordinatorSession ??= await signInHttp(server, 'coord@example.lv'));
const uploads = () => Number(sql('SELECT count(*) FROM upload'));
const page = (path) => get(`${server.origin}${path}`);
const markdownOf = (html) => /<div class="markdown"[^>]*>([\s\S]*?)<\/div>/.exec(html)[1];

async function post(path, fields) {
  const coord = await coordinator();
  return get(`${server.origin}${path}`, {
    method: 'POST',
    headers: { cookie: coord.cookie, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: coord.csrf, ...fields }).toString(),
  });
}
async function postMultipart(path, fields, files) {
  const coord = await coordinator();
  return postFile(get, `${server.origin}${path}`, { csrf: coord.csrf, ...fields }, files,
    { cookie: coord.cookie, origin: server.origin });
}
const guideFields = (over) => ({ slug: '', source_locale: 'lv', topic: 'libraries', position: '0', title: '', summary: '', body: '', easy_version_of: '', ...over });

// A real WebM (tests/fixtures/README.md says how it was made) and captions.
const WEBM = readFileSync(`${REPO_ROOT}/tests/fixtures/test-pattern.webm`);
const vtt = (text) => Buffer.from(`WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${text}\n`);

test('the demo guide is seed 000 in Latvian, word for word, and marked as Latvian elsewhere', async () => {
  const lv = await page('/lv/guides/bibliotekas');
  assert.equal(lv.status, 200, excerpt(lv.body));
  assert.match(lv.body, /<h1>Bibliotēkas<\/h1>/);
  const md = markdownOf(lv.body);
  const paragraphs = [...md.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => collapse(textOf(m[1])));
  assert.deepEqual(paragraphs, SEED_000.map(collapse));
  const links = startTags(md, 'a').map((a) => a.attrs.href);
  assert.deepEqual(links, ['http://www.biblioteka.lv/iepazisti-latviju-biblioteka.aspx']);
  assert.ok(!lv.body.includes('class="fallback-note"'), 'Latvian is the original: no note');
  assert.ok(!lv.body.includes('<video'), 'the demo guide has no video');

  const notes = { ru: 'Эта страница ещё не переведена. (на языке: латышский)',
    uk: 'Ця сторінка ще не перекладена. (мовою: латиська)',
    en: 'This page has not been translated yet. (shown in Latvian)' };
  for (const lang of ['ru', 'uk', 'en']) {
    const res = await page(`/${lang}/guides/bibliotekas`);
    assert.equal(res.status, 200);
    assert.match(res.body, new RegExp(`<html lang="${lang}"`));
    assert.match(res.body, /<h1 lang="lv">Bibliotēkas<\/h1>/, lang);
    assert.match(res.body, /<div class="markdown" lang="lv">/, lang);
    const note = /<p class="fallback-note">([^<]*)<\/p>/.exec(res.body);
    assert.ok(note, `${lang}: no fallback note`);
    assert.equal(textOf(note[1]), notes[lang]);
    const paragraphs = [...markdownOf(res.body).matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => collapse(textOf(m[1])));
    assert.deepEqual(paragraphs, SEED_000.map(collapse), lang);
  }
  // The list: by topic, linked from the home page.
  const list = await page('/en/guides');
  assert.match(list.body, /<h2 id="topic-libraries">Public libraries<\/h2>/);
  assert.ok(list.body.includes('href="/en/guides/bibliotekas"'));
  assert.ok((await page('/ru/')).body.includes('href="/ru/guides"'));
  assert.equal((await page('/lv/guides/no-such-guide')).status, 404);
});

test('the back office lists each locale\'s state; only coordinators may edit', async () => {
  const coord = await coordinator();
  const manage = await get(`${server.origin}/lv/manage/guides`, { headers: { cookie: coord.cookie } });
  assert.equal(manage.status, 200, excerpt(manage.body));
  const row = /<tr><th scope="row"><a href="\/lv\/manage\/guides\/bibliotekas">[\s\S]*?<\/tr>/.exec(manage.body)[0];
  const states = [...row.matchAll(/<td>(?:<a href="([^"]*)">)?([^<]*)/g)].slice(3).map((m) => [m[2], m[1]]);
  assert.deepEqual(states.map((s) => s[0]), ['oriģināls', 'jātulko', 'jātulko', 'jātulko']);
  assert.ok(states.some(([, href]) => href === '/lv/manage/guides/bibliotekas/translations/en'));

  const lib = await signInHttp(server, 'lib@example.lv');
  for (const path of ['/lv/manage/guides', '/lv/manage/guides/new', '/lv/manage/guides/bibliotekas/video']) {
    assert.equal((await get(`${server.origin}${path}`, { headers: { cookie: lib.cookie } })).status, 403, path);
    const anon = await page(path);
    assert.equal(anon.status, 303, path);
    assert.match(anon.headers.get('location'), /\/account\/sign-in/);
  }
  const forged = await get(`${server.origin}/lv/manage/guides/new`, {
    method: 'POST', headers: { cookie: lib.cookie, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: lib.csrf, ...guideFields({ slug: 'x', title: 'X', body: 'Y', published: '1' }) }).toString(),
  });
  assert.equal(forged.status, 403);
  assert.equal(sql("SELECT count(*) FROM guide WHERE slug = 'x'"), '0');
});

test('mistakes in the guide form are named, the input kept, nothing stored', async () => {
  const before = sql('SELECT count(*) FROM guide');
  const empty = await post('/en/manage/guides/new', guideFields({ slug: 'Not A Slug', topic: 'cooking', position: 'x', summary: 'Kept summary' }));
  assert.equal(empty.status, 400, excerpt(empty.body));
  assert.match(empty.body, /<title>Error: /);
  const t = textOf(empty.body);
  for (const m of ['Write the address: lower-case Latin letters, digits and hyphens.', 'Choose a topic from the list.',
    'The order is a whole number from 0 to 999.', 'Write a title.', 'Write the text.']) assert.ok(t.includes(m), m);
  for (const f of ['slug', 'topic', 'position', 'title', 'body']) assert.ok(empty.body.includes(`href="#${f}"`), f);
  assert.ok(empty.body.includes('>Kept summary</textarea>'));
  const taken = await post('/lv/manage/guides/new', guideFields({ slug: 'bibliotekas', title: 'T', body: 'B' }));
  assert.equal(taken.status, 400);
  assert.ok(textOf(taken.body).includes('Šī adrese jau ir citai lapai; izvēlieties citu.'));
  assert.equal(sql('SELECT count(*) FROM guide'), before);
});

test('hostile Markdown in a guide renders as harmless text', async () => {
  const body = [
    '# Heading', '',
    '<script>alert(1)</script>', '',
    'Inline <img src=x onerror=alert(2)> and <a href="javascript:alert(3)">a</a>.', '',
    '[click](javascript:alert(4)) [data](data:text/html,<script>alert(5)</script>) [ok](https://example.lv/)', '',
    '![tracker](http://evil.example/pixel.png)', '',
    '<iframe src="https://evil.example"></iframe>',
  ].join('\n');
  const res = await post('/lv/manage/guides/new', guideFields({ slug: 'naidigs', title: '<b>Virsraksts</b>', body, published: '1' }));
  assert.equal(res.status, 303, excerpt(res.body));
  const html = (await page('/lv/guides/naidigs')).body;
  const md = markdownOf(html);
  assert.ok(!/<(script|img|iframe|b)[\s>]/i.test(md), excerpt(md, 2000));
  assert.ok(!/<(script|iframe)[\s>]/i.test(html.replace(/<script[^>]*src="\/static\/[^"]*"[^>]*><\/script>/g, '')));
  assert.deepEqual(startTags(md, 'a').map((a) => a.attrs.href), ['https://example.lv/']);
  assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'raw HTML shown as typed');
  assert.ok(md.includes('<h2>Heading</h2>'));
  assert.ok(textOf(md).includes('tracker'), 'an image leaves its alt text');
  const h1 = /<h1>([\s\S]*?)<\/h1>/.exec(html)[1];
  assert.ok(!h1.includes('<'), h1);
  assert.equal(textOf(h1), '<b>Virsraksts</b>');
});

test('a video that is not a video, captions that are not WebVTT, a video over 16 MB: named, nothing stored', async () => {
  const path = (lang) => `/${lang}/manage/guides/bibliotekas/video`;
  const before = uploads();
  const form = await get(`${server.origin}${path('lv')}`, { headers: { cookie: (await coordinator()).cookie } });
  assert.equal(form.status, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);
  assert.match(form.body, /<input type="file" id="video" name="video" accept="video\/webm,video\/mp4"/);
  for (const l of ['lv', 'ru', 'uk', 'en']) assert.ok(form.body.includes(`name="captions_${l}"`), l);

  const html = await postMultipart(path('lv'), { video_description: 'Apraksts paliek' },
    { video: { name: 'clip.webm', type: 'video/webm', bytes: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') } });
  assert.equal(html.status, 400, excerpt(html.body));
  assert.ok(textOf(html.body).includes('Datne “clip.webm” nav derīga: der WebM vai MP4 video. Izvēlieties citu datni.'), textOf(html.body).slice(0, 900));
  assert.ok(html.body.includes('>Apraksts paliek</textarea>'), 'description kept');

  const subs = await postMultipart(path('ru'), { video_description: 'Описание' },
    { video: { name: 'ok.webm', type: 'video/webm', bytes: WEBM },
      captions_ru: { name: 'subs.vtt', type: 'text/vtt', bytes: Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nSRT, not WebVTT\n') } });
  assert.equal(subs.status, 400);
  assert.ok(textOf(subs.body).includes('Файл «subs.vtt» не подходит: принимаются субтитры WebVTT. Выберите другой файл.'), textOf(subs.body).slice(0, 900));
  assert.ok(subs.body.includes('href="#captions_ru"'));

  const big = Buffer.concat([WEBM, Buffer.alloc(17 * 1024 * 1024 - WEBM.length)]);
  const tooBig = await postMultipart(path('en'), { video_description: 'What it shows' },
    { video: { name: 'big.webm', type: 'video/webm', bytes: big } });
  assert.equal(tooBig.status, 400, excerpt(tooBig.body));
  assert.ok(textOf(tooBig.body).includes('The file “big.webm” is 17 MB; a file of this kind may be at most 16 MB. Choose a smaller file.'), textOf(tooBig.body).slice(0, 900));

  const none = await postMultipart(path('uk'), { video_description: '' }, {});
  assert.equal(none.status, 400);
  assert.ok(textOf(none.body).includes('Виберіть файл.'));
  assert.ok(textOf(none.body).includes('Опишіть, що показує відео.'));

  assert.equal(uploads(), before, 'no file stored');
  assert.equal(sql("SELECT coalesce(video_upload_id, '') FROM guide WHERE slug = 'bibliotekas'"), '');
});

test('a guide with a video and captions shows <video> with a <track> per locale and what it shows', async () => {
  const created = await post('/lv/manage/guides/new', guideFields({ slug: 'video-pamacte', topic: 'e-services', title: 'Video pamācība', summary: 'Īsi', body: 'Teksts par e-pakalpojumiem.', published: '1' }));
  assert.equal(created.status, 303, excerpt(created.body));
  const res = await postMultipart('/lv/manage/guides/video-pamacte/video', { video_description: 'Krāsainas joslas uz ekrāna, bez skaņas.' },
    { video: { name: 'pattern.webm', type: 'video/webm', bytes: WEBM },
      captions_lv: { name: 'lv.vtt', type: 'text/vtt', bytes: vtt('Krāsu joslas') },
      captions_en: { name: 'en.vtt', type: 'text/vtt', bytes: vtt('Colour bars') } });
  assert.equal(res.status, 303, excerpt(res.body));
  const [videoId] = sql("SELECT video_upload_id FROM guide WHERE slug = 'video-pamacte'").split('\n');
  for (const [lang, def] of [['lv', 'lv'], ['en', 'en'], ['uk', 'en']]) {
    const html = (await page(`/${lang}/guides/video-pamacte`)).body;
    const [video] = startTags(html, 'video');
    assert.deepEqual({ controls: video.attrs.controls, preload: video.attrs.preload, src: video.attrs.src },
      { controls: '', preload: 'metadata', src: `/files/${videoId}.webm` }, lang);
    const tracks = startTags(html, 'track').map((t) => t.attrs);
    assert.deepEqual(tracks.map((t) => [t.kind, t.srclang, 'default' in t]), [['captions', 'en', def === 'en'], ['captions', 'lv', def === 'lv']], lang);
    assert.ok(html.includes('Krāsainas joslas uz ekrāna, bez skaņas.'), lang);
    const track = await page(tracks[0].src);
    assert.equal(track.status, 200);
    assert.equal(track.headers.get('content-type'), 'text/vtt');
    assert.equal(track.headers.get('x-content-type-options'), 'nosniff');
  }
  const en = (await page('/en/guides/video-pamacte')).body;
  assert.match(en, /<h3 id="video-text-heading">What the video shows<\/h3>/);
  // The video file is served as it was sent.
  const file = await page(`/files/${videoId}.webm`);
  assert.equal(file.headers.get('content-type'), 'video/webm');
  assert.ok(file.bytes.equals(WEBM));
});

test('a translation is used, outdated when the source changes, current again when saved', async () => {
  const tr = '/lv/manage/guides/video-pamacte/translations/en';
  const coord = await coordinator();
  const form = await get(`${server.origin}${tr}`, { headers: { cookie: coord.cookie } });
  assert.equal(form.status, 200);
  assert.ok(form.body.includes('<span lang="lv">Teksts par e-pakalpojumiem.</span>'), 'source beside');
  assert.equal((await post(tr, { title: 'Video guide', summary: 'Short', body: 'Text about e-services.', video_description: 'Colour bars on the screen, no sound.' })).status, 303);
  let en = (await page('/en/guides/video-pamacte')).body;
  assert.match(en, /<h1>Video guide<\/h1>/);
  assert.ok(!en.includes('class="fallback-note"'));
  assert.ok(en.includes('Colour bars on the screen, no sound.'));
  assert.ok(!en.includes('class="notice"'));
  // The source text changes: the English is kept, said to be out of date.
  assert.equal((await post('/lv/manage/guides/video-pamacte', { topic: 'e-services', position: '0', title: 'Video pamācība', summary: 'Īsi', body: 'Jauns teksts.', easy_version_of: '', published: '1' })).status, 303);
  en = (await page('/en/guides/video-pamacte')).body;
  assert.ok(en.includes('Text about e-services.'));
  assert.ok(textOf(en).includes('The original text has changed since it was translated: the translation may be out of date.'));
  const manage = (await get(`${server.origin}/en/manage/guides`, { headers: { cookie: coord.cookie } })).body;
  assert.ok(manage.includes(`href="/en/manage/guides/video-pamacte/translations/en">outdated</a>`), 'state outdated');
  assert.equal((await post(tr, { title: 'Video guide', summary: 'Short', body: 'New text.', video_description: 'Colour bars on the screen, no sound.' })).status, 303);
  en = (await page('/en/guides/video-pamacte')).body;
  assert.ok(!en.includes('class="notice"'));
  assert.ok(en.includes('New text.'));
});

test('the easy-language version is marked and linked both ways', async () => {
  const original = sql("SELECT id FROM guide WHERE slug = 'bibliotekas'");
  const res = await post('/lv/manage/guides/new', guideFields({ slug: 'bibliotekas-viegli', title: 'Bibliotēka vieglā valodā', body: 'Bibliotēkā var lasīt.', easy_version_of: original, published: '1' }));
  assert.equal(res.status, 303, excerpt(res.body));
  const full = (await page('/en/guides/bibliotekas')).body;
  assert.match(full, /<a href="\/en\/guides\/bibliotekas-viegli">Read it in easy language<\/a>/);
  const easy = (await page('/en/guides/bibliotekas-viegli')).body;
  assert.match(easy, /<span class="tag">Easy language<\/span>/);
  assert.match(easy, /<a href="\/en\/guides\/bibliotekas">Read the full text<\/a>/);
  const list = (await page('/lv/guides')).body;
  assert.match(list, /href="\/lv\/guides\/bibliotekas-viegli">Bibliotēka vieglā valodā<\/a> <span class="tag">Vieglā valodā<\/span>/);
  // A second easy version of the same guide is refused, and nothing stored.
  const second = await post('/lv/manage/guides/new', guideFields({ slug: 'otra', title: 'Otra', body: 'B', easy_version_of: original }));
  assert.equal(second.status, 400);
  assert.ok(textOf(second.body).includes('Izvēlieties citu lapu: šai jau ir vieglās valodas versija, vai tā pati ir vieglās valodas versija.'));
  assert.equal(sql("SELECT count(*) FROM guide WHERE slug = 'otra'"), '0');
});

// --- read aloud ---

// The read-aloud section of a guide page: its <audio> elements and the labels they point to.
function readAloudOf(html) {
  const m = /<section class="read-aloud no-print" aria-labelledby="read-aloud-heading">([\s\S]*?)<\/section>/.exec(html);
  if (!m) return null;
  const audios = startTags(m[1], 'audio').map((a) => a.attrs);
  const labels = audios.map((a) => {
    const label = new RegExp(`<p id="${a['aria-labelledby']}">([\\s\\S]*?)</p>`).exec(m[1]);
    return label ? textOf(label[1]) : null;
  });
  return { html: m[1], audios, labels };
}

const AUDIO_URL = /^\/(lv|ru|uk|en)\/guides\/([a-z0-9-]+)\/audio\/(\d+)-([0-9a-f]{8})\.wav$/;

test('read aloud: each part of the demo guide is a Latvian WAV, on every page language, made once', async () => {
  const headings = { lv: 'Klausīties tekstu', ru: 'Прослушать текст', uk: 'Прослухати текст', en: 'Read aloud' };
  const firstLabel = { lv: '1. daļa no 7: KISC projekta „Publisko bibliotēku pakalpojumi trešo valstu…',
    ru: 'Часть 1 из 7: KISC projekta „Publisko bibliotēku pakalpojumi trešo valstu…',
    uk: 'Частина 1 з 7: KISC projekta „Publisko bibliotēku pakalpojumi trešo valstu…',
    en: 'Part 1 of 7: KISC projekta „Publisko bibliotēku pakalpojumi trešo valstu…' };
  const language = { lv: 'valoda: latviešu', ru: 'язык: латышский', uk: 'мова: латиська', en: 'language: Latvian' };
  const files = {};
  for (const lang of LANGS) {
    const res = await page(`/${lang}/guides/bibliotekas`);
    assert.equal(res.status, 200);
    const ra = readAloudOf(res.body);
    assert.ok(ra, `${lang}: a read-aloud section`);
    assert.ok(ra.html.includes(`<h2 id="read-aloud-heading">${headings[lang]}</h2>`), lang);
    assert.ok(textOf(ra.html).includes(language[lang]), `${lang}: says the language read: ${textOf(ra.html).slice(0, 300)}`);
    assert.equal(ra.audios.length, SEED_000.length, `${lang}: one audio per paragraph`);
    assert.equal(ra.labels[0], firstLabel[lang]);
    ra.audios.forEach((a, i) => {
      const m = AUDIO_URL.exec(a.src);
      assert.ok(m, a.src);
      assert.deepEqual([m[1], m[2], Number(m[3])], [lang, 'bibliotekas', i + 1]);
      assert.deepEqual([a.controls, a.preload, a.lang], ['', 'none', 'lv'], `${lang}: spoken in Latvian whatever the page`);
      assert.ok(ra.labels[i], `${lang}: audio ${i + 1} is labelled`);
    });
    // The same voice and words: the same file names in every page language.
    files[lang] = ra.audios.map((a) => a.src.split('/').pop());
    assert.deepEqual(files[lang], files.lv, lang);
  }

  const before = await metric(server, 'tilti_speech_syntheses');
  const lv = [];
  for (const file of files.lv) {
    const res = await page(`/lv/guides/bibliotekas/audio/${file}`);
    assertWav(res, file);
    lv.push(res.bytes);
  }
  assert.equal(await metric(server, 'tilti_speech_syntheses'), before + SEED_000.length, 'one synthesis per part');
  assert.equal(sql("SELECT group_concat(DISTINCT voice) FROM speech_audio"), 'lv');
  // The English page's audio is the Latvian voice's, served from the database.
  for (const [i, file] of files.en.entries()) {
    const res = await page(`/en/guides/bibliotekas/audio/${file}`);
    assertWav(res, `en ${file}`);
    assert.ok(res.bytes.equals(lv[i]), `en ${file}: the Latvian audio`);
  }
  assert.equal(await metric(server, 'tilti_speech_syntheses'), before + SEED_000.length, 'the second round came from the cache');
  // A browser that has the file is told it is still good, without any synthesis.
  const url = `/ru/guides/bibliotekas/audio/${files.ru[4]}`;
  const etag = (await page(url)).headers.get('etag');
  const revalidated = await get(`${server.origin}${url}`, { headers: { 'If-None-Match': etag } });
  assert.equal(revalidated.status, 304);
  assert.equal(revalidated.bytes.length, 0);
});

test('read aloud: an unknown guide, part, key or file name is a 404 page', async () => {
  const { body } = await page('/lv/guides/bibliotekas');
  const src = readAloudOf(body).audios[2].src;
  const key = AUDIO_URL.exec(src)[4];
  const otherKey = key === '00000000' ? '11111111' : '00000000';
  for (const url of [
    '/lv/guides/no-such-guide/audio/1-' + key + '.wav',
    `/lv/guides/bibliotekas/audio/0-${key}.wav`,
    `/lv/guides/bibliotekas/audio/8-${key}.wav`,
    `/lv/guides/bibliotekas/audio/99999-${key}.wav`,
    `/lv/guides/bibliotekas/audio/3-${otherKey}.wav`,
    `/lv/guides/bibliotekas/audio/03-${key}.wav`,
    `/lv/guides/bibliotekas/audio/3-${key}.mp3`,
    `/lv/guides/bibliotekas/audio/3-${key.toUpperCase()}.wav`,
    `/lv/guides/bibliotekas/audio/3-${key}`,
    `/lv/guides/bibliotekas/audio/3.wav`,
    `/lv/guides/bibliotekas/audio/..%2F3-${key}.wav`,
  ]) {
    const res = await page(url);
    assert.equal(res.status, 404, url);
    assert.match(res.headers.get('content-type'), /^text\/html/, url);
  }
  assert.equal((await page(src)).status, 200, 'the page\'s own address works');
});

test('read aloud: an edited guide has new audio addresses; the old ones are 404', async () => {
  const created = await post('/lv/manage/guides/new', guideFields({ slug: 'lasit-skali', title: 'Lasīt skaļi',
    body: '## Kas jāzina\n\nBibliotēkā var **bez maksas** lietot [datoru](https://example.lv/).\n\n- Pase.\n- Lasītāja karte\n\nOtrā daļa.', published: '1' }));
  assert.equal(created.status, 303, excerpt(created.body));
  let ra = readAloudOf((await page('/uk/guides/lasit-skali')).body);
  assert.deepEqual(ra.labels, ['Частина 1 з 3: Kas jāzina. Bibliotēkā var bez maksas lietot datoru.',
    'Частина 2 з 3: Pase. Lasītāja karte.', 'Частина 3 з 3: Otrā daļa.']);
  const oldSrc = ra.audios[2].src;
  assertWav(await page(oldSrc), oldSrc);
  const edited = await post('/lv/manage/guides/lasit-skali', { topic: 'libraries', position: '0', title: 'Lasīt skaļi',
    summary: '', body: '## Kas jāzina\n\nBibliotēkā var **bez maksas** lietot [datoru](https://example.lv/).\n\n- Pase.\n- Lasītāja karte\n\nLabota otrā daļa.', easy_version_of: '', published: '1' });
  assert.equal(edited.status, 303, excerpt(edited.body));
  ra = readAloudOf((await page('/uk/guides/lasit-skali')).body);
  const newSrc = ra.audios[2].src;
  assert.notEqual(newSrc, oldSrc, 'the edited part has a new address');
  assert.equal((await page(oldSrc)).status, 404, 'the old address is gone: no stale audio');
  assertWav(await page(newSrc), newSrc);
  assert.equal(ra.audios[0].src, readAloudOf((await page('/uk/guides/lasit-skali')).body).audios[0].src);
  // A guide translated into English is read in English on the English page.
  assert.equal((await post('/lv/manage/guides/lasit-skali/translations/en', { title: 'Read aloud', summary: '',
    body: 'The library lends **books** for free.', video_description: '' })).status, 303);
  const en = readAloudOf((await page('/en/guides/lasit-skali')).body);
  assert.equal(en.audios.length, 1);
  assert.equal(en.audios[0].lang, 'en');
  const before = await metric(server, 'tilti_speech_syntheses');
  assertWav(await page(en.audios[0].src), en.audios[0].src);
  assert.equal(sql("SELECT count(*) FROM speech_audio WHERE voice = 'en'"), '1');
  assert.equal(await metric(server, 'tilti_speech_syntheses'), before + 1);
  // Its Latvian page keeps the Latvian text and voice.
  assert.equal(readAloudOf((await page('/lv/guides/lasit-skali')).body).audios[0].lang, 'lv');
});

test('read aloud: a text in a language espeak-ng cannot speak says so, and has no audio', async () => {
  // A fifth site language (Estonian; no voice in speech/voices.cpp), and a guide written in it.
  const d = makeTempDir();
  const web = copyWebDir(d);
  const enPo = readFileSync(path.join(web, 'locales', 'en.po'), 'utf8');
  writeFileSync(path.join(web, 'locales', 'et.po'), enPo.replace('"Language: en\\n"', '"Language: et\\n"')
    .replace('"X-Endonym: English\\n"', '"X-Endonym: Eesti\\n"').replace('"X-Fallback: lv\\n"', '"X-Fallback: en\\n"'));
  // The phrasebook must have every site language (the start refuses it otherwise).
  const bookPath = path.join(web, 'phrasebook', 'phrases.json');
  const book = JSON.parse(readFileSync(bookPath, 'utf8'));
  for (const s of book.situations) {
    s.title.et = `${s.title.en} (et)`;
    for (const p of s.phrases) p.et = `${p.en} (et)`;
  }
  writeFileSync(bookPath, JSON.stringify(book));
  const otherDb = await makeDemoDb(makeTempDir());
  await addUser(otherDb, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
  const other = await startServer({ db: otherDb, args: ['--web-dir', web] });
  try {
    const coord = await signInHttp(other, 'coord@example.lv');
    const created = await get(`${other.origin}/en/manage/guides/new`, {
      method: 'POST',
      headers: { cookie: coord.cookie, origin: other.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: coord.csrf, ...guideFields({ slug: 'eesti', source_locale: 'et', title: 'Raamatukogu',
        body: 'Raamatukogu on kõigile tasuta.', published: '1' }) }).toString(),
    });
    assert.equal(created.status, 303, excerpt(created.body));
    for (const lang of ['en', 'lv', 'et']) {
      const html = (await get(`${other.origin}/${lang}/guides/eesti`)).body;
      const ra = readAloudOf(html);
      assert.ok(ra, `${lang}: the section is there`);
      assert.equal(ra.audios.length, 0, lang);
      assert.match(ra.html, /<p class="no-audio">[^<]+<\/p>/, `${lang}: ${excerpt(ra.html)}`);
    }
    const en = readAloudOf((await get(`${other.origin}/en/guides/eesti`)).body);
    assert.match(textOf(en.html), /^Read aloud This text cannot be read aloud: the speech synthesiser has no voice for its language \(Estonian\)\.$/);
    // Whatever the name, there is no audio to get.
    const res = await get(`${other.origin}/en/guides/eesti/audio/1-00000000.wav`);
    assert.equal(res.status, 404);
    assert.equal(await metric(other, 'tilti_speech_syntheses'), 0);
    // Its other guides, in Latvian, are still read aloud.
    assert.equal(readAloudOf((await get(`${other.origin}/et/guides/bibliotekas`)).body).audios.length, SEED_000.length);
  } finally {
    await stopAndCheck(other);
  }
});
