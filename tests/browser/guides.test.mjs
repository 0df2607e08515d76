// A guide for newcomers with a video, captions in every language and what the video shows, and
// its easy-language version, in a real browser: four languages, JavaScript on and off, 0 axe
// violations, no horizontal scroll at 320 px; with JavaScript on the video's metadata and the
// reader's captions load (same origin, text/vtt). The text read aloud: a labelled <audio> per
// part in the text's language (Latvian on every page), and with JavaScript on its WAV loads
// (the page's policy lets media come from this origin). The back office's video form sent without a
// file comes back with its error summary (JavaScript off, one coordinator account per language:
// sign-ins are limited per account).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, addUser, signInHttp, launchBrowser,
  newContext, expectNoViolations, navigate, expectFormError, horizontalOverflow, signInPage,
  LANGS, REPO_ROOT, TEST_PASSWORD,
} from './harness.mjs';
import { postMultipart } from '../e2e/upload_files.mjs';

const WEBM = readFileSync(`${REPO_ROOT}/tests/fixtures/test-pattern.webm`);
const vtt = (text) => Buffer.from(`WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${text}\n`);
const CAPTIONS = { lv: 'Krāsu joslas', ru: 'Цветные полосы', uk: 'Кольорові смуги', en: 'Colour bars' };

const dir = makeTempDir();
const db = await makeDemoDb(dir);
for (const lang of LANGS) {
  await addUser(db, ['--email', `coord-${lang}@example.lv`, '--name', `Coordinator ${lang}`, '--role', 'coordinator']);
}
await addUser(db, ['--email', 'setup@example.lv', '--name', 'Setup', '--role', 'coordinator']);
const server = await startServer({ db });
let browser;

before(async () => {
  browser = await launchBrowser();
  // The guide, its video with captions in every language, and its easy-language version.
  const s = await signInHttp(server, 'setup@example.lv');
  const form = (path, fields) => get(server.url(path), {
    method: 'POST', headers: { cookie: s.cookie, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: s.csrf, source_locale: 'lv', position: '0', summary: '', easy_version_of: '', published: '1', ...fields }).toString(),
  });
  let r = await form('/lv/manage/guides/new', { slug: 'e-pakalpojumi', topic: 'e-services', title: 'Palīdzība e-pakalpojumos',
    body: '## Kur palīdz\n\nBibliotēkā darbinieki palīdz lietot [Latvija.gov.lv](https://www.latvija.gov.lv/).\n\n- dators\n- internets' });
  assert.equal(r.status, 303);
  const files = { video: { name: 'pattern.webm', type: 'video/webm', bytes: WEBM } };
  for (const [l, text] of Object.entries(CAPTIONS)) files[`captions_${l}`] = { name: `${l}.vtt`, type: 'text/vtt', bytes: vtt(text) };
  r = await postMultipart(get, server.url('/lv/manage/guides/e-pakalpojumi/video'),
    { csrf: s.csrf, video_description: 'Krāsainas joslas uz ekrāna, bez skaņas.' }, files, { cookie: s.cookie, origin: server.origin });
  assert.equal(r.status, 303);
  const { body } = await get(server.url('/lv/manage/guides/new'), { headers: { cookie: s.cookie } });
  const original = /<option value="([0-9a-f-]{36})"[^>]*>Palīdzība e-pakalpojumos<\/option>/.exec(body)[1];
  r = await form('/lv/manage/guides/new', { slug: 'e-pakalpojumi-viegli', topic: 'e-services', title: 'E-pakalpojumi vieglā valodā',
    body: 'Bibliotēkā palīdz ar datoru.', easy_version_of: original });
  assert.equal(r.status, 303);
});
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

test('the guide page lets media come from this origin (its audio plays under the policy)', async () => {
  for (const lang of LANGS) {
    const res = await get(server.url(`/${lang}/guides/e-pakalpojumi`));
    const csp = res.headers.get('content-security-policy');
    const media = /(?:^|;)\s*media-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)[1];
    assert.ok(media.split(/\s+/).includes("'self'"), csp);
  }
});

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: a guide with video and captions, its easy-language version`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      try {
        const page = await context.newPage();
        await page.goto(server.url(`/${lang}/guides`), { waitUntil: 'load' });
        await expectNoViolations(browser, page, js, lang);
        await navigate(page, page.click(`main a[href="/${lang}/guides/e-pakalpojumi"]`));
        assert.equal(await page.locator('video[controls][preload="metadata"]').count(), 1);
        const tracks = await page.locator('video track[kind="captions"]').evaluateAll(
          (ts) => ts.map((t) => [t.srclang, t.default]));
        assert.deepEqual(tracks, ['en', 'lv', 'ru', 'uk'].map((l) => [l, l === lang]));
        assert.equal(await page.locator('#video-text-heading').count(), 1);
        // Read aloud: one labelled <audio> per part, in the language of the text (Latvian).
        assert.equal(await page.locator('section.read-aloud h2#read-aloud-heading').count(), 1);
        const audios = page.locator('section.read-aloud audio[controls][preload="none"][lang="lv"]');
        assert.equal(await audios.count(), 2, 'a heading with its paragraph, and a list');
        const labels = await audios.evaluateAll((as) => as.map(
          (a) => document.getElementById(a.getAttribute('aria-labelledby'))?.textContent.trim() ?? ''));
        assert.ok(labels.every((l) => l.length > 10), labels.join(' | '));
        const srcs = await audios.evaluateAll((as) => as.map((a) => a.getAttribute('src')));
        for (const src of srcs) assert.match(src, new RegExp(`^/${lang}/guides/e-pakalpojumi/audio/\\d-[0-9a-f]{8}\\.wav$`));
        if (js) {
          const got = await page.evaluate(async (u) => {
            const r = await fetch(u);
            const b = new Uint8Array(await r.arrayBuffer());
            return { status: r.status, type: r.headers.get('content-type'), size: b.length,
              riff: String.fromCharCode(...b.slice(0, 4)) };
          }, srcs[0]);
          assert.deepEqual({ ...got, size: got.size > 1024 }, { status: 200, type: 'audio/wav', size: true, riff: 'RIFF' });
          // The <audio> element itself loads and decodes it.
          await page.evaluate(() => {
            const a = document.querySelector('section.read-aloud audio');
            a.preload = 'metadata';
            a.load();
          });
          await page.waitForFunction(() => {
            const a = document.querySelector('section.read-aloud audio');
            return a.readyState >= 1 && a.duration > 0.5 && !a.error;
          });
        }
        if (js) {
          // The browser reads the video's metadata and the reader's captions from our origin.
          await page.waitForFunction(() => document.querySelector('video').readyState >= 1);
          await page.waitForFunction(() => [...document.querySelector('video').textTracks]
            .some((t) => t.mode === 'showing' && t.cues && t.cues.length > 0));
          const cue = await page.evaluate(() => [...document.querySelector('video').textTracks]
            .find((t) => t.mode === 'showing').cues[0].text);
          assert.equal(cue, CAPTIONS[lang]);
        }
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'horizontal scroll at 320 px');
        await page.setViewportSize({ width: 1280, height: 800 });

        await navigate(page, page.click(`main a[href="/${lang}/guides/e-pakalpojumi-viegli"]`));
        assert.equal(await page.locator('main .tag').count(), 1, 'marked as easy language');
        await expectNoViolations(browser, page, js, lang);
        await page.setViewportSize({ width: 320, height: 800 });
        assert.ok(await horizontalOverflow(page) <= 0, 'horizontal scroll at 320 px (easy)');
        await navigate(page, page.click(`main a[href="/${lang}/guides/e-pakalpojumi"]`));
        assert.ok(page.url().endsWith(`/${lang}/guides/e-pakalpojumi`));

        if (!js) {
          // The back office's video form: sent without a description, it names the mistake.
          await signInPage(page, server, lang, `coord-${lang}@example.lv`, TEST_PASSWORD);
          await page.goto(server.url(`/${lang}/manage/guides/e-pakalpojumi/video`), { waitUntil: 'load' });
          await expectNoViolations(browser, page, js, lang);
          await page.fill('#video_description', '');
          await navigate(page, page.click('main button[type=submit]'));
          await expectFormError(page, 'video_description');
          await expectNoViolations(browser, page, js, lang);
          assert.ok(await horizontalOverflow(page) <= 0, 'horizontal scroll at 320 px (form)');
          // The list with each language's state, the guide's form and a translation beside its source.
          for (const path of ['/manage/guides', '/manage/guides/new', '/manage/guides/e-pakalpojumi/translations/en',
            '/manage/guides/e-pakalpojumi/translations/uk']) {
            await page.goto(server.url(`/${lang}${path}`), { waitUntil: 'load' });
            assert.equal(await page.locator('h1').count(), 1, path);
            await expectNoViolations(browser, page, js, lang);
          }
        }
      } finally {
        await context.close();
      }
    });
  }
}
