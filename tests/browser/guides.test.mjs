// A guide for newcomers with a video, captions in every language and what the video shows, and
// its easy-language version, in a real browser: four languages, JavaScript on and off, 0 axe
// violations, no horizontal scroll at 320 px; with JavaScript on the video's metadata and the
// reader's captions load (same origin, text/vtt). The back office's video form sent without a
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
