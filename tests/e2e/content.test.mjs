// What the pages say: plural forms on the home page (W9), every library reachable from the home
// page, search, output escaping, and text shown in a fallback language (W7).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemoServer, stopAndCheck, get, startTags, elementText, elementHtml, textOf, excerpt, LANGS,
} from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));

const home = {};
async function homePage(lang) {
  home[lang] ??= get(server.url(`/${lang}/`));
  const res = await home[lang];
  assert.equal(res.status, 200);
  return res.body;
}

/** The library links of the home page: [{href, name}] in page order. */
async function homeLibraryLinks(lang) {
  const html = await homePage(lang);
  const re = new RegExp(`<a href="(/${lang}/libraries/[^"?#/]+)">([\\s\\S]*?)</a>`, 'g');
  return [...html.matchAll(re)].map((m) => ({ href: m[1], name: textOf(m[2]) }));
}

describe('home page plural forms (golden strings)', () => {
  // The demo data holds 10 libraries. lv: 10 is the "zero" category (bibliotēku); ru/uk: 10 is
  // "many" (библиотек / бібліотек); en: other.
  const golden = {
    en: /\b10 libraries in \d+ municipalities\b/,
    lv: /\b10 bibliotēku \d+ pašvaldībās\b/,
    ru: /\b10 библиотек в \d+ муниципалитетах\b/,
    uk: /\b10 бібліотек у \d+ муніципалітетах\b/,
  };
  for (const lang of LANGS) {
    test(lang, async () => {
      const text = textOf(await homePage(lang));
      assert.match(text, golden[lang], excerpt(text, 2000));
    });
  }
});

describe('every library linked from the home page has its page', () => {
  for (const lang of LANGS) {
    test(lang, async () => {
      const links = await homeLibraryLinks(lang);
      assert.equal(new Set(links.map((l) => l.href)).size, 10,
        `expected the 10 demo libraries, got ${JSON.stringify(links)}`);
      for (const { href, name } of links) {
        const res = await get(server.url(href));
        assert.equal(res.status, 200, href);
        assert.equal(startTags(res.body, 'html')[0].attrs.lang, lang, href);
        const h1 = elementText(res.body, 'h1');
        assert.ok(h1 && h1.includes(name.replace(/\s*\(.*\)$/, '')),
          `${href}: <h1> "${h1}" does not name "${name}"`);
        // W12: a tel: link if the library has a phone (the demo libraries all have one).
        assert.match(res.body, /href="tel:\+?[0-9]+"/, `${href}: no tel: link`);
      }
    });
  }
});

describe('the home page groups libraries by municipality', () => {
  test('lv: each library list follows an <h3> heading', async () => {
    const html = await homePage('lv');
    const section = /<section[^>]*aria-labelledby="libraries-heading"[\s\S]*?<\/section>/.exec(html);
    assert.ok(section, excerpt(html));
    const headings = startTags(section[0], 'h3');
    assert.ok(headings.length >= 2, 'libraries are grouped under several municipality headings');
    assert.ok(headings.length <= 10);
  });
});

describe('search', () => {
  test('?q=Ogre finds Ogres Centrālā bibliotēka', async () => {
    const res = await get(server.url('/lv/libraries?q=Ogre'));
    assert.equal(res.status, 200);
    const main = textOf(elementHtml(res.body, 'main') ?? '');
    assert.match(main, /Ogres Centrālā bibliotēka/, excerpt(main, 2000));
    // The search box keeps the query.
    assert.match(res.body, /<input[^>]*name="q"[^>]*value="Ogre"/);
  });

  test('search works from every language', async () => {
    for (const lang of LANGS) {
      const res = await get(server.url(`/${lang}/libraries?q=ogre`));
      assert.equal(res.status, 200);
      assert.match(textOf(elementHtml(res.body, 'main') ?? ''), /Ogres Centrālā bibliotēka/,
        `/${lang}/libraries?q=ogre`);
    }
  });

  test('a query that matches nothing says so and finds nothing', async () => {
    const res = await get(server.url('/en/libraries?q=zzzzqqqq'));
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.body, /href="\/en\/libraries\/[^"]+"/);
  });

  test('an empty query lists all ten libraries', async () => {
    const res = await get(server.url('/en/libraries?q='));
    assert.equal(res.status, 200);
    const links = new Set([...res.body.matchAll(/href="(\/en\/libraries\/[^"]+)"/g)]
      .map((m) => m[1]));
    assert.equal(links.size, 10);
  });

  test('hostile input is echoed only escaped', async () => {
    const hostile = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>';
    for (const lang of LANGS) {
      const res = await get(server.url(`/${lang}/libraries?q=${encodeURIComponent(hostile)}`));
      assert.equal(res.status, 200);
      assert.doesNotMatch(res.body, /<script/i, 'the script tag came back unescaped');
      assert.doesNotMatch(res.body, /<img/i, 'the img tag came back unescaped');
      // The attribute may only appear inside escaped text, never as a real attribute.
      assert.doesNotMatch(res.body, /<[a-z][^>]*\sonerror=/i, 'an onerror attribute got through');
      assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/,
        'the query is shown back, escaped');
    }
  });

  test('odd query strings do not break the page', async () => {
    for (const q of ['%', '%ZZ', '%00', '%C3%28', '&&&', 'q=a&q=b', 'a'.repeat(3000), '\u0000']) {
      const res = await get(server.url(`/en/libraries?q=${q}`));
      assert.ok([200, 400].includes(res.status), `?q=${q.slice(0, 20)} → ${res.status}`);
    }
  });
});

describe('text in a fallback language (W7)', () => {
  for (const lang of LANGS) {
    test(`${lang}: every foreign-language span in <main> carries a visible "shown in" note`,
      async () => {
        const links = await homeLibraryLinks(lang);
        const pages = [await homePage(lang)];
        for (const { href } of links.slice(0, 3)) pages.push((await get(server.url(href))).body);
        for (const html of pages) {
          const main = elementHtml(html, 'main') ?? '';
          const re = /<(span|p|strong|div)\s+lang="([^"]+)"[^>]*>[\s\S]*?<\/\1>(\s*<[^>]+>[^<]*)?/g;
          for (const m of main.matchAll(re)) {
            if (m[2] === lang) continue;
            const after = textOf(m[3] ?? '');
            assert.match(after, /^\(.+\)$/, `a ${m[2]} text on a ${lang} page has no note: ${m[0]}`);
          }
        }
      });
  }

  test('uk pages never fall back to Russian', async () => {
    const pages = [await homePage('uk')];
    for (const { href } of await homeLibraryLinks('uk')) pages.push((await get(server.url(href))).body);
    for (const html of pages) {
      const main = elementHtml(html, 'main') ?? '';
      assert.doesNotMatch(main, /lang="ru"/, 'Russian text shown on a Ukrainian page');
    }
  });
});
