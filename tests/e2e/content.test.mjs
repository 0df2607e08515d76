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

describe('home page plural forms (golden strings, W9)', () => {
  // The demo data holds 10 libraries in 10 municipalities. 10 is CLDR "zero" in lv (whose form
  // here is the nominative plural, as Latvian says "10 bibliotēkas"), "many" in ru and uk.
  const golden = {
    en: '10 libraries in 10 municipalities',
    lv: '10 bibliotēkas 10 pašvaldībās',
    ru: '10 библиотек в 10 самоуправлениях',
    uk: '10 бібліотек у 10 самоврядуваннях',
  };
  for (const lang of LANGS) {
    test(lang, async () => {
      const html = await homePage(lang);
      const m = /id="libraries-heading"[^>]*>[\s\S]*?<\/h2>\s*<p[^>]*>([\s\S]*?)<\/p>/.exec(html);
      assert.ok(m, 'no count paragraph after the "libraries" heading');
      assert.equal(textOf(m[1]), golden[lang]);
    });
  }
});

describe('search result counts use the right plural form (golden strings, W9)', () => {
  // CLDR cardinal categories for whole numbers.
  const category = {
    en: (n) => (n === 1 ? 'one' : 'other'),
    lv: (n) => (n % 10 === 0 || (n % 100 >= 11 && n % 100 <= 19) ? 'zero'
      : n % 10 === 1 && n % 100 !== 11 ? 'one' : 'other'),
    ru: (n) => (n % 10 === 1 && n % 100 !== 11 ? 'one'
      : n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14) ? 'few' : 'many'),
  };
  category.uk = category.ru;
  // The sentence for each category; # is the number.
  const golden = {
    en: { one: '# library found', other: '# libraries found', none: 'No libraries found' },
    lv: { zero: 'Atrastas # bibliotēkas', one: 'Atrasta # bibliotēka', other: 'Atrastas # bibliotēkas',
      none: 'Nav atrasta neviena bibliotēka' },
    ru: { one: 'Найдена # библиотека', few: 'Найдено # библиотеки', many: 'Найдено # библиотек',
      none: 'Библиотеки не найдены' },
    uk: { one: 'Знайдено # бібліотеку', few: 'Знайдено # бібліотеки', many: 'Знайдено # бібліотек',
      none: 'Бібліотек не знайдено' },
  };
  // Queries giving different counts in the demo data (0, 1, 2, several, 10); the count is read
  // from the result links, so the test does not depend on exactly what each query finds.
  const queries = ['zzzzqqqq', 'Ogre', 'Jelgava', 'pils', 'Centr', ''];
  for (const lang of LANGS) {
    test(lang, async () => {
      const seen = new Set();
      for (const q of queries) {
        const res = await get(server.url(`/${lang}/libraries?q=${encodeURIComponent(q)}`));
        assert.equal(res.status, 200);
        const status = /<p role="status">([\s\S]*?)<\/p>/.exec(res.body);
        assert.ok(status, `?q=${q}: no role=status count`);
        const n = new Set([...res.body.matchAll(
          new RegExp(`href="/${lang}/libraries/([^"?#/]+)"`, 'g'))].map((m) => m[1])).size;
        const cat = n === 0 ? 'none' : category[lang](n);
        seen.add(cat);
        assert.equal(textOf(status[1]), golden[lang][cat].replace('#', String(n)),
          `/${lang}/libraries?q=${q}: ${n} results (${cat})`);
      }
      assert.ok(seen.size >= 3, `only categories ${[...seen]} were exercised`);
    });
  }
});

describe('every library linked from the home page has its page', () => {
  for (const lang of LANGS) {
    test(lang, async () => {
      const links = await homeLibraryLinks(lang);
      assert.equal(new Set(links.map((l) => l.href)).size, 10,
        `expected the 10 demo libraries, got ${JSON.stringify(links)}`);
      const tels = new Set();
      for (const { href, name } of links) {
        const res = await get(server.url(href));
        assert.equal(res.status, 200, href);
        assert.equal(startTags(res.body, 'html')[0].attrs.lang, lang, href);
        const h1 = elementText(res.body, 'h1');
        assert.ok(h1 && h1.includes(name.replace(/\s*\(.*\)$/, '')),
          `${href}: <h1> "${h1}" does not name "${name}"`);
        for (const m of res.body.matchAll(/href="tel:([^"]*)"/g)) tels.add(m[1]);
      }
      // W12: phone numbers are tel: links, in international form without spaces. (Only some
      // demo libraries have a phone.)
      assert.ok(tels.size >= 1, 'no library page has a tel: link');
      for (const tel of tels) assert.match(tel, /^\+[0-9]{7,15}$/, `tel:${tel}`);
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

  test('search works from every language (names are shown translated)', async () => {
    for (const lang of LANGS) {
      for (const q of ['ogre', 'OGRE', 'Ogres']) {
        const res = await get(server.url(`/${lang}/libraries?q=${q}`));
        assert.equal(res.status, 200);
        const links = [...res.body.matchAll(new RegExp(`href="/${lang}/libraries/([^"?#/]+)"`, 'g'))]
          .map((m) => m[1]);
        assert.deepEqual(links, ['ogres-centrala-biblioteka'], `/${lang}/libraries?q=${q}`);
      }
    }
  });

  test('search folds diacritics and Cyrillic (W11): Rezekne, rēzekne, Резекне', async () => {
    for (const q of ['Rēzekne', 'Rezekne', 'rēzekne', 'REZEKNE', 'Резекне']) {
      for (const lang of ['lv', 'ru']) {
        const res = await get(server.url(`/${lang}/libraries?q=${encodeURIComponent(q)}`));
        assert.equal(res.status, 200);
        assert.match(res.body, new RegExp(`href="/${lang}/libraries/rezeknes-centrala-biblioteka"`),
          `/${lang}/libraries?q=${q} does not find Rēzekne`);
      }
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
      // With every quoted attribute value blanked out, no onerror attribute may be left: a
      // quote that escaped unescaped would end the value early and leave one behind.
      const outsideValues = res.body.replace(/"[^"]*"/g, '""');
      assert.doesNotMatch(outsideValues, /\sonerror=/i, 'an onerror attribute got through');
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

// What a language is called in each of our languages (CLDR, as ICU gives it), lower case.
const LANGUAGE_NAMES = {
  en: { lv: 'latvian', en: 'english', ru: 'russian', uk: 'ukrainian' },
  lv: { lv: 'latviešu', en: 'angļu', ru: 'krievu', uk: 'ukraiņu' },
  ru: { lv: 'латышский', en: 'английский', ru: 'русский', uk: 'украинский' },
  uk: { lv: 'латиська', en: 'англійська', ru: 'російська', uk: 'українська' },
};

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
            // The note names the language the text is in, in the reader's language (CLDR).
            const name = LANGUAGE_NAMES[lang]?.[m[2]];
            if (name) {
              assert.ok(after.toLowerCase().includes(name), `the note "${after}" does not name ` +
                `${name}`);
            }
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
