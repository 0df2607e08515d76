// The front-desk phrasebook in a real browser (issue 8): the list, a search with no result, a
// search typed without diacritics, and "show the visitor", in four languages with JavaScript on
// and off: 0 axe violations, no horizontal scroll at 320 px, the large type, playable audio;
// on paper (print media) no navigation and each phrase's languages in one row that fits A4;
// with JavaScript on, a reload after the server is gone still shows the page, its stylesheet
// and the audio heard before (the service worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, launchBrowser, newContext, expectNoViolations,
  navigate, horizontalOverflow, LANGS,
} from './harness.mjs';

const db = await makeDemoDb(makeTempDir());
const server = await startServer({ db });
let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  await stopAndCheck(server);
});

const VISITOR = { lv: 'uk', ru: 'lv', uk: 'en', en: 'ru' };

async function noOverflowAt320(page) {
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await horizontalOverflow(page) <= 0, `${page.url()}: no horizontal scroll at 320 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function search(page, q) {
  await page.fill('#phrase-q', q);
  await navigate(page, page.locator('form.phrase-search button[type=submit]').click());
}

for (const lang of LANGS) {
  for (const js of [false, true]) {
    test(`${lang}, JavaScript ${js ? 'on' : 'off'}: the phrasebook, its search and "show the visitor"`, async () => {
      const context = await newContext(browser, { js, lang, bypassCSP: js });
      const dialogs = [];
      try {
        const page = await context.newPage();
        page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
        // From the navigation.
        await page.goto(server.url(`/${lang}/`), { waitUntil: 'load' });
        await navigate(page, page.locator(`.site-header a[href="/${lang}/phrasebook"]`).click());
        assert.equal(new URL(page.url()).pathname, `/${lang}/phrasebook`);
        assert.equal(await page.locator('h1').count(), 1);
        assert.ok(await page.locator('.phrase').count() >= 30);
        assert.equal(await page.locator(`.phrase-first .phrase-text[lang="${lang}"]`).count(), await page.locator('.phrase').count());
        await expectNoViolations(browser, page, js, lang);
        await noOverflowAt320(page);

        // On paper: no navigation, no search form, each phrase's four languages side by side
        // within an A4 page's width (794 CSS px at 96 dpi).
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.site-header').isVisible(), false, 'no header on paper');
        assert.equal(await page.locator('.site-footer').isVisible(), false, 'no footer on paper');
        assert.equal(await page.locator('form.phrase-search').isVisible(), false);
        assert.equal(await page.locator('.phrase-audio').first().isVisible(), false, 'no audio links on paper');
        const tops = await page.locator('.phrase').first().locator('.phrase-version').evaluateAll(
          (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
        assert.equal(tops.length, 4);
        assert.equal(new Set(tops).size, 1, `one row on paper: ${tops}`);
        assert.ok(await horizontalOverflow(page) <= 0, 'fits the width of A4');
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1280, height: 800 });

        // A search with no result.
        await search(page, 'zzqxj');
        assert.equal(await page.locator('.phrase').count(), 0);
        const summary = await page.locator('.search-summary').innerText();
        assert.ok(summary.includes('zzqxj'), summary);
        assert.equal(await page.locator(`main a[href="/${lang}/phrasebook"]`).count(), 1, 'back to all phrases');
        await expectNoViolations(browser, page, js, lang);
        await noOverflowAt320(page);

        // A search typed without diacritics in another language finds the library card.
        await search(page, 'lasitaja karti');
        assert.equal(await page.locator('#phrase-card-free').count(), 1);
        await expectNoViolations(browser, page, js, lang);

        // Show the visitor.
        const to = VISITOR[lang];
        await navigate(page, page.locator(`#phrase-card-free .phrase-show a[lang="${to}"]`).click());
        assert.equal(new URL(page.url()).search, `?to=${to}`);
        const big = page.locator(`.show-visitor[lang="${to}"]`);
        assert.equal(await big.count(), 1);
        const sizes = await page.evaluate(() => ({
          big: parseFloat(getComputedStyle(document.querySelector('.show-visitor')).fontSize),
          mine: parseFloat(getComputedStyle(document.querySelector('.show-mine')).fontSize),
        }));
        assert.ok(sizes.big >= 32, `large type: ${sizes.big}px`);
        assert.ok(sizes.mine >= 16 && sizes.mine < sizes.big, `the librarian's language smaller: ${sizes.mine}px`);
        assert.equal(await page.locator(`.show-mine [lang="${lang}"]`).count(), 1);
        assert.equal(await page.locator('audio.show-audio[controls]').count(), 1);
        await expectNoViolations(browser, page, js, lang);
        await noOverflowAt320(page);
        if (js) {
          // The browser can play it: its metadata loads and it lasts more than half a second.
          const duration = await page.evaluate(() => new Promise((resolve, reject) => {
            const a = document.querySelector('audio.show-audio');
            a.addEventListener('loadedmetadata', () => resolve(a.duration), { once: true });
            a.addEventListener('error', () => reject(new Error(`audio error ${a.error?.code}`)), { once: true });
            a.preload = 'metadata';
            a.load();
          }));
          assert.ok(duration > 0.5, `duration ${duration}`);
        }
        assert.deepEqual(dialogs, [], 'no script ran');
      } finally {
        await context.close();
      }
    });
  }
}

test('JavaScript on: a reload without the server still shows the phrasebook, its stylesheet and heard audio', async () => {
  // A server of its own, so that it can be stopped: then nothing answers on its port.
  const own = await startServer({ db: await makeDemoDb(makeTempDir()) });
  let stopped = false;
  const context = await newContext(browser, { js: true, lang: 'uk' });
  try {
    const page = await context.newPage();
    await page.goto(own.url('/uk/phrasebook'), { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true');
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Controlled from the next load on; reload once online so the worker sees the page.
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const audio = '/uk/phrasebook/audio/hello/uk.wav';
    const heard = await page.evaluate(async (u) => (await fetch(u)).status, audio);
    assert.equal(heard, 200);
    // A "show the visitor" page opened once is kept too.
    const show = own.url('/uk/phrasebook/hello?to=lv');
    await page.goto(show, { waitUntil: 'load' });
    await page.goto(own.url('/uk/phrasebook'), { waitUntil: 'load' });

    await stopAndCheck(own);
    stopped = true;
    const direct = await page.evaluate(async (u) => {
      try { await fetch(u, { cache: 'no-store' }); return 'reached'; } catch { return 'unreachable'; }
    }, own.url('/healthz'));
    assert.equal(direct, 'unreachable', 'the server is really gone');

    await page.reload({ waitUntil: 'load' });
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok(await page.locator('.phrase').count() >= 30, 'the phrases are there');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.phrase-versions')).display), 'grid',
      'the stylesheet came from the kept copy');
    const offlineAudio = await page.evaluate(async (u) => {
      const r = await fetch(u);
      const b = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, type: r.headers.get('content-type'), head: String.fromCharCode(...b.slice(0, 4)) };
    }, audio);
    assert.deepEqual(offlineAudio, { status: 200, type: 'audio/wav', head: 'RIFF' });
    await page.goto(show, { waitUntil: 'load' });
    assert.equal(await page.locator('.show-visitor[lang="lv"]').innerText(), 'Labdien! Kā varu jums palīdzēt?');
    // Audio never heard is not invented.
    const never = await page.evaluate(async () => {
      try { return (await fetch('/uk/phrasebook/audio/goodbye/lv.wav')).status; } catch { return 'failed'; }
    });
    assert.equal(never, 'failed');
  } finally {
    await context.close();
    if (!stopped) await stopAndCheck(own);
  }
});
