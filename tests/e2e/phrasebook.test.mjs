// The front-desk phrasebook (issue 8): every phrase has audio in every language the site speaks
// (a real WAV, audio/wav, nosniff, long caching), made once by espeak-ng and then served from the
// database (the synthesis counter and the table's rows stop growing, and a second node on the
// same database makes none); the page in four languages
// with every phrase side by side, each text marked with its language; search across languages
// without diacritics, and a clear answer when nothing matches; "show the visitor"; 404 in the
// reader's language for an unknown phrase or language; the service worker for offline use; a
// language espeak-ng cannot speak is marked; a phrase missing a language stops the start.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, decodeEntities, LANGS, WEB_DIR,
  copyWebDir, runTilti, ENDONYMS,
} from './harness.mjs';
import { metric, assertWav } from './audio_checks.mjs';
import { sqlOf } from './booking_steps.mjs';

const BOOK = JSON.parse(readFileSync(path.join(WEB_DIR, 'phrasebook', 'phrases.json'), 'utf8'));
const PHRASES = BOOK.situations.flatMap((s) => s.phrases);
const dir = makeTempDir();
const db = await makeDemoDb(dir);
const sql = sqlOf(db);
const server = await startServer({ db });
after(() => stopAndCheck(server));
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const KB = 1024;

test('every phrase has audio in every language, synthesised once, then served from the database', async () => {
  assert.equal(await metric(server, 'tilti_speech_syntheses'), 0);
  assert.equal(sql('SELECT count(*) FROM speech_audio'), '0');
  const distinct = new Set();
  const first = new Map();
  for (const phrase of PHRASES) {
    for (const code of LANGS) {
      distinct.add(`${code}\n${phrase[code]}`);
      const url = `/en/phrasebook/audio/${phrase.id}/${code}.wav`;
      const res = await get(server.url(url));
      assertWav(res, url);
      first.set(`${phrase.id}/${code}`, res.bytes);
    }
  }
  assert.ok(PHRASES.length >= 30);
  assert.equal(await metric(server, 'tilti_speech_syntheses'), distinct.size, 'one synthesis per (voice, text)');
  assert.equal(sql('SELECT count(*) FROM speech_audio'), String(distinct.size));
  assert.equal(await metric(server, 'tilti_speech_audio_stored'), distinct.size);
  assert.equal(sql("SELECT count(DISTINCT voice) FROM speech_audio"), '4');

  // Again, through another page language: the same bytes, and nothing synthesised or stored.
  for (const phrase of PHRASES) {
    for (const code of LANGS) {
      const url = `/uk/phrasebook/audio/${phrase.id}/${code}.wav`;
      const res = await get(server.url(url));
      assertWav(res, url);
      assert.ok(res.bytes.equals(first.get(`${phrase.id}/${code}`)), `${url}: the stored file`);
    }
  }
  assert.equal(await metric(server, 'tilti_speech_syntheses'), distinct.size, 'the second round came from the database');
  assert.equal(sql('SELECT count(*) FROM speech_audio'), String(distinct.size));

  // A second node on the same database finds every file made by the first and makes none.
  const second = await startServer({ db });
  try {
    for (const phrase of PHRASES.slice(0, 5)) {
      const res = await get(second.url(`/ru/phrasebook/audio/${phrase.id}/lv.wav`));
      assertWav(res, `second node: ${phrase.id}`);
      assert.ok(res.bytes.equals(first.get(`${phrase.id}/lv`)));
    }
    assert.equal(await metric(second, 'tilti_speech_syntheses'), 0, 'the second node synthesised nothing');
    assert.equal(await metric(second, 'tilti_speech_audio_stored'), distinct.size);
  } finally {
    await stopAndCheck(second);
  }

  // A browser that has the file is told it is still good.
  const again = await get(server.url('/lv/phrasebook/audio/hello/uk.wav'));
  const etag = again.headers.get('etag');
  assert.ok(etag, 'an ETag');
  const revalidated = await get(server.url('/lv/phrasebook/audio/hello/uk.wav'), { headers: { 'If-None-Match': etag } });
  assert.equal(revalidated.status, 304);
  assert.equal(revalidated.bytes.length, 0);
});

test('an unknown phrase, language or file name is a 404 page in the reader\'s language', async () => {
  for (const lang of LANGS) {
    const missing = await get(server.url(`/${lang}/no-such-page`));
    const notFoundHeading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(missing.body)[1];
    for (const url of [
      `/${lang}/phrasebook/audio/no-such-phrase/${lang}.wav`,
      `/${lang}/phrasebook/audio/hello/de.wav`,
      `/${lang}/phrasebook/audio/hello/${lang}.mp3`,
      `/${lang}/phrasebook/audio/hello/${lang}`,
      `/${lang}/phrasebook/audio/hello/..%2F${lang}.wav`,
      `/${lang}/phrasebook/no-such-phrase`,
      `/${lang}/phrasebook/hello?to=de`,
    ]) {
      const res = await get(server.url(url));
      assert.equal(res.status, 404, url);
      assert.match(res.headers.get('content-type'), /^text\/html/, url);
      assert.match(res.body, new RegExp(`<html lang="${lang}"`), url);
      assert.ok(res.body.includes(`<h1>${notFoundHeading}</h1>`) || res.body.includes(notFoundHeading), `${url}: the 404 page in ${lang}`);
    }
  }
  assert.equal(await get(server.url('/de/phrasebook')).then((r) => r.status), 404);
});

for (const lang of LANGS) {
  test(`${lang}: the phrasebook lists every phrase in every language, the page's first`, async () => {
    const res = await get(server.url(`/${lang}/phrasebook`));
    assert.equal(res.status, 200, excerpt(res.body));
    assert.match(res.body, new RegExp(`<html lang="${lang}" dir="ltr">`));
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy'), /script-src 'self'/);
    assert.equal((res.body.match(/<h1[ >]/g) ?? []).length, 1);
    assert.ok(gzipSync(res.bytes).length <= 40 * KB, `${gzipSync(res.bytes).length} bytes gzipped`);
    for (const s of BOOK.situations) {
      assert.ok(res.body.includes(`id="${s.id}"`), s.id);
      assert.ok(text(res.body).includes(s.title[lang]), `${s.id} titled in ${lang}`);
    }
    const items = res.body.split('<li class="phrase" id="phrase-').slice(1);
    assert.equal(items.length, PHRASES.length);
    for (const item of items) {
      const id = item.slice(0, item.indexOf('"'));
      const phrase = PHRASES.find((p) => p.id === id);
      assert.ok(phrase, id);
      const texts = [...item.matchAll(/<p class="phrase-text" lang="([a-z]+)">([^<]*)<\/p>/g)];
      assert.deepEqual(texts.map((m) => m[1]).sort(), [...LANGS].sort(), `${id}: every language`);
      assert.equal(texts[0][1], lang, `${id}: the page's language first`);
      for (const [, code, t] of texts) assert.equal(decodeEntities(t), phrase[code], `${id} ${code}`);
      for (const code of LANGS) {
        assert.ok(item.includes(`href="/${lang}/phrasebook/audio/${id}/${code}.wav"`), `${id}: audio in ${code}`);
      }
      for (const code of LANGS.filter((c) => c !== lang)) {
        assert.ok(item.includes(`href="/${lang}/phrasebook/${id}?to=${code}" lang="${code}"`), `${id}: show in ${code}`);
      }
    }
    assert.ok(!res.body.includes('class="phrase-audio no-audio"'), 'espeak-ng speaks all four languages');
    // The service worker that keeps it for offline use, from this origin, scoped to this page.
    assert.match(res.body, new RegExp(`<script src="/static/phrasebook\\.[0-9a-f]+\\.js" data-worker="/phrasebook-sw\\.js" data-scope="/${lang}/phrasebook" defer></script>`));
    // Linked from every page's navigation.
    const home = await get(server.url(`/${lang}/`));
    assert.ok(home.body.includes(`<a href="/${lang}/phrasebook">`), 'the navigation links the phrasebook');
  });
}

test('search finds a phrase typed in another language, without diacritics or capitals', async () => {
  const cases = [
    ['en', 'lasitaja karti', 'card-free'],         // Latvian without its long vowels
    ['lv', 'ЧИТАТЕЛЬСКИЙ БИЛЕТ', 'card-free'],     // Russian, in capitals
    ['ru', 'безкоштовно', 'internet-free'],         // Ukrainian
    ['uk', 'Library Card', 'card-free'],            // English
    ['en', 'sensora telpa', 'sensory-book'],        // a situation's title finds its phrases
  ];
  for (const [lang, q, id] of cases) {
    const res = await get(server.url(`/${lang}/phrasebook?q=${encodeURIComponent(q)}`));
    assert.equal(res.status, 200);
    assert.ok(res.body.includes(`id="phrase-${id}"`), `${lang} ?q=${q} finds ${id}`);
    const found = (res.body.match(/<li class="phrase" id=/g) ?? []).length;
    assert.ok(found < PHRASES.length, `${q}: not everything`);
    assert.match(res.body, /<p class="search-summary" role="status">/);
    assert.ok(decodeEntities(res.body).includes(q), 'the query is kept in the box and the summary');
  }
  // Exactly one phrase: the summary's plural.
  const one = await get(server.url('/en/phrasebook?q=parole'));
  assert.ok(text(one.body).includes('1 phrase matches “parole”'), excerpt(text(one.body)));
  const lvOne = await get(server.url('/lv/phrasebook?q=parole'));
  assert.ok(text(lvOne.body).includes('Meklējumam “parole” atbilst 1 frāze'), excerpt(text(lvOne.body)));
});

test('a search with no result says so in the reader\'s language, and a hostile query stays text', async () => {
  const expected = {
    lv: 'Neviena frāze neatbilst meklējumam “zzqxj”.',
    ru: 'Ни одна фраза не соответствует запросу «zzqxj».',
    uk: 'Жодна фраза не відповідає запиту «zzqxj».',
    en: 'No phrase matches “zzqxj”.',
  };
  for (const lang of LANGS) {
    const res = await get(server.url(`/${lang}/phrasebook?q=zzqxj`));
    assert.equal(res.status, 200);
    assert.ok(text(res.body).includes(expected[lang]), `${lang}: ${excerpt(text(res.body))}`);
    assert.equal((res.body.match(/<li class="phrase" id=/g) ?? []).length, 0);
    assert.ok(res.body.includes(`<a href="/${lang}/phrasebook">`), 'a way back to every phrase');
  }
  const hostile = await get(server.url(`/en/phrasebook?q=${encodeURIComponent('<script>alert(1)</script>')}`));
  assert.equal(hostile.status, 200);
  assert.ok(!hostile.body.includes('<script>alert(1)'), 'escaped');
  assert.ok(hostile.body.includes('&lt;script&gt;alert(1)'));
});

test('show the visitor: the phrase large in the visitor\'s language, the librarian\'s beneath, audio playable', async () => {
  for (const lang of LANGS) {
    for (const to of LANGS.filter((c) => c !== lang)) {
      const res = await get(server.url(`/${lang}/phrasebook/card-free?to=${to}`));
      assert.equal(res.status, 200, excerpt(res.body));
      const card = PHRASES.find((p) => p.id === 'card-free');
      const big = /<p class="show-visitor" lang="([a-z]+)" dir="ltr">([^<]*)<\/p>/.exec(res.body);
      assert.ok(big, 'the large text');
      assert.equal(big[1], to);
      assert.equal(decodeEntities(big[2]), card[to]);
      assert.ok(decodeEntities(res.body).includes(`<span lang="${lang}">${card[lang]}</span>`), 'the librarian\'s language beneath');
      assert.ok(res.body.includes(`<audio class="show-audio no-print" controls preload="none" src="/${lang}/phrasebook/audio/card-free/${to}.wav"`));
      assert.ok(res.body.includes(`<span lang="${to}" aria-current="page">${ENDONYMS[to]}</span>`));
    }
  }
  // Without a chosen language: the phrase and the choice of languages.
  const choose = await get(server.url('/en/phrasebook/hello'));
  assert.equal(choose.status, 200);
  assert.ok(!choose.body.includes('class="show-visitor"'));
  for (const to of ['lv', 'ru', 'uk']) assert.ok(choose.body.includes(`href="/en/phrasebook/hello?to=${to}"`));
});

test('the service worker comes from this origin, is never cached long and the CSP allows it', async () => {
  const sw = await get(server.url('/phrasebook-sw.js'));
  assert.equal(sw.status, 200);
  assert.match(sw.headers.get('content-type'), /^text\/javascript/);
  assert.equal(sw.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(sw.headers.get('cache-control'), 'no-cache');
  assert.match(sw.body, /addEventListener\('fetch'/);
  assert.ok(!/https?:\/\//.test(sw.body.replace(/^\/\/.*$/gm, '')), 'no other host');
  const page = await get(server.url('/lv/phrasebook'));
  const csp = page.headers.get('content-security-policy');
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /worker-src 'none'/);
});

test('a language espeak-ng cannot speak is marked, and its audio is a 404', async () => {
  // A fifth site language (Estonian; no voice in speech/voices.cpp): a catalogue and texts.
  const d = makeTempDir();
  const web = copyWebDir(d);
  const en = readFileSync(path.join(web, 'locales', 'en.po'), 'utf8');
  writeFileSync(path.join(web, 'locales', 'et.po'), en.replace('"Language: en\\n"', '"Language: et\\n"')
    .replace('"X-Endonym: English\\n"', '"X-Endonym: Eesti\\n"').replace('"X-Fallback: lv\\n"', '"X-Fallback: en\\n"'));
  const book = structuredClone(BOOK);
  for (const s of book.situations) {
    s.title.et = `${s.title.en} (et)`;
    for (const p of s.phrases) p.et = `${p.en} (et)`;
  }
  writeFileSync(path.join(web, 'phrasebook', 'phrases.json'), JSON.stringify(book));
  const other = await startServer({ db: await makeDemoDb(makeTempDir()), args: ['--web-dir', web] });
  try {
    const res = await get(other.url('/lv/phrasebook'));
    assert.equal(res.status, 200, excerpt(res.body));
    assert.ok(text(res.body).includes('Šajās valodās audio nav pieejams: Eesti.'));
    assert.equal((res.body.match(/<p class="phrase-audio no-audio">Šajā valodā nav audio<\/p>/g) ?? []).length, PHRASES.length);
    assert.ok(!res.body.includes('/audio/hello/et.wav'));
    assert.equal((await get(other.url('/lv/phrasebook/audio/hello/et.wav'))).status, 404);
    assert.equal((await get(other.url('/lv/phrasebook/audio/hello/lv.wav'))).status, 200);
    const show = await get(other.url('/en/phrasebook/hello?to=et'));
    assert.ok(show.body.includes('<p class="no-audio">No audio in this language</p>'));
    assert.ok(!show.body.includes('<audio'));
  } finally {
    await stopAndCheck(other);
  }
});

test('a phrase without a text in one of the languages stops the start, naming it', async () => {
  const d = makeTempDir();
  const web = copyWebDir(d);
  const book = structuredClone(BOOK);
  delete book.situations[1].phrases[0].uk;
  writeFileSync(path.join(web, 'phrasebook', 'phrases.json'), JSON.stringify(book));
  const r = await runTilti(['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-dir', web]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /phrasebook\/phrases\.json: phrase 'card-free': no text in 'uk'/);
});
