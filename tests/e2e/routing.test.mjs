// Language choice, redirects, the language cookie, 404 and 405 pages.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemoServer, stopAndCheck, get, startTags, elementText, excerpt, LANGS,
} from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));

function htmlLang(html) {
  return startTags(html, 'html')[0]?.attrs.lang;
}

function locationPath(res) {
  const loc = res.headers.get('location');
  assert.ok(loc, `status ${res.status} without Location`);
  const u = new URL(loc, server.origin);
  return u.pathname + u.search;
}

describe('/ redirects to the reader\'s language', () => {
  const cases = [
    ['no Accept-Language → lv', {}, '/lv/'],
    ['uk-UA → uk', { 'accept-language': 'uk-UA' }, '/uk/'],
    ['uk-UA,uk;q=0.9,en;q=0.8 → uk', { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.8' }, '/uk/'],
    ['ru;q=0.9, en;q=0.8 → ru', { 'accept-language': 'ru;q=0.9, en;q=0.8' }, '/ru/'],
    ['en;q=0.5, ru;q=0.9 → ru (quality, not order)', { 'accept-language': 'en;q=0.5, ru;q=0.9' },
      '/ru/'],
    ['en-GB → en', { 'accept-language': 'en-GB' }, '/en/'],
    ['de, en;q=0.3 → en', { 'accept-language': 'de, en;q=0.3' }, '/en/'],
    ['de only → lv', { 'accept-language': 'de' }, '/lv/'],
    ['garbage → lv', { 'accept-language': ';;;,,=q=x, \u00ff\u00fe' }, '/lv/'],
    ['cookie en beats Accept-Language uk', { cookie: 'tilti_lang=en', 'accept-language': 'uk' },
      '/en/'],
    ['cookie among others', { cookie: 'a=1; tilti_lang=ru; b=2', 'accept-language': 'en' },
      '/ru/'],
    ['unknown cookie value is ignored', { cookie: 'tilti_lang=de', 'accept-language': 'uk' },
      '/uk/'],
  ];
  for (const [name, headers, where] of cases) {
    test(name, async () => {
      const res = await get(server.url('/'), { headers });
      assert.equal(res.status, 303, excerpt(res.body));
      assert.equal(locationPath(res), where);
    });
  }
});

for (const lang of LANGS) {
  test(`/${lang} → 301 /${lang}/`, async () => {
    const res = await get(server.url(`/${lang}`));
    assert.equal(res.status, 301);
    assert.equal(locationPath(res), `/${lang}/`);
  });
}

test('the designed back-office addresses /{lang}/admin/... lead to /{lang}/manage/...', async () => {
  for (const [from, to] of [['/uk/admin/training', '/uk/manage/training'], ['/lv/admin', '/lv/manage'],
    ['/en/admin/methods/new?x=1', '/en/manage/methods/new?x=1']]) {
    const res = await get(server.url(from));
    assert.equal(res.status, 301, from);
    assert.equal(res.headers.get('location'), to, from);
  }
  assert.equal((await get(server.url('/de/admin/training'))).status, 404);
});

test('visiting /en/ sets tilti_lang=en, and / then goes to /en/', async () => {
  const res = await get(server.url('/en/'), { headers: { 'accept-language': 'lv' } });
  assert.equal(res.status, 200);
  const cookies = res.headers.getSetCookie();
  const lang = cookies.find((c) => c.startsWith('tilti_lang='));
  assert.ok(lang, `no tilti_lang cookie in ${JSON.stringify(cookies)}`);
  assert.match(lang, /^tilti_lang=en(;|$)/);
  assert.match(lang, /Path=\//i);
  assert.match(lang, /SameSite=Lax/i);
  const again = await get(server.url('/'), {
    headers: { cookie: lang.split(';')[0], 'accept-language': 'lv' },
  });
  assert.equal(again.status, 303);
  assert.equal(locationPath(again), '/en/');
});

describe('404 pages', () => {
  test('unknown path → 404 HTML page in the Accept-Language language', async () => {
    for (const [accept, lang] of [['en', 'en'], ['ru', 'ru'], ['uk-UA', 'uk'], ['lv', 'lv']]) {
      const res = await get(server.url('/no-such-page'), { headers: { 'accept-language': accept } });
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(htmlLang(res.body), lang, `Accept-Language ${accept}: ${excerpt(res.body)}`);
      assert.ok(elementText(res.body, 'h1'), 'a 404 page has a heading');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(res.headers.get('content-security-policy'));
    }
  });

  test('the 404 heading differs between languages (it is translated)', async () => {
    const headings = new Set();
    for (const lang of LANGS) {
      const res = await get(server.url('/no/such/page'), { headers: { 'accept-language': lang } });
      assert.equal(res.status, 404);
      headings.add(elementText(res.body, 'h1'));
    }
    assert.equal(headings.size, 4, [...headings].join(' | '));
  });

  test('/de/ (a language we do not have) → 404 in the negotiated language', async () => {
    for (const [accept, lang] of [['ru', 'ru'], ['en', 'en'], [undefined, 'lv']]) {
      const headers = accept ? { 'accept-language': accept } : {};
      const res = await get(server.url('/de/'), { headers });
      assert.equal(res.status, 404, `/de/ with ${accept}`);
      assert.equal(htmlLang(res.body), lang, `/de/ with Accept-Language ${accept}`);
    }
    const deep = await get(server.url('/de/libraries'), { headers: { 'accept-language': 'uk' } });
    assert.equal(deep.status, 404);
    assert.equal(htmlLang(deep.body), 'uk');
  });

  test('a 404 under a known language prefix is in that language (W7: lang matches the URL)',
    async () => {
      for (const lang of LANGS) {
        const other = lang === 'ru' ? 'en' : 'ru';
        const res = await get(server.url(`/${lang}/no-such-page`),
          { headers: { 'accept-language': other } });
        assert.equal(res.status, 404);
        assert.equal(htmlLang(res.body), lang, `/${lang}/no-such-page`);
      }
    });

  test('unknown library slug → 404 page in the URL language', async () => {
    for (const lang of LANGS) {
      const res = await get(server.url(`/${lang}/libraries/no-such-library`));
      assert.equal(res.status, 404, `/${lang}/libraries/no-such-library`);
      assert.equal(htmlLang(res.body), lang);
    }
    for (const slug of ['..%2F..%2Fetc%2Fpasswd', 'x'.repeat(2000), 'ogres-centrala-biblioteka-x']) {
      const res = await get(server.url(`/en/libraries/${slug}`));
      assert.equal(res.status, 404, `slug ${slug.slice(0, 40)}`);
    }
    // A NUL or an invalid escape in the path may be refused as a bad request instead.
    for (const slug of ['%00', '%zz', '%C3%28']) {
      const res = await get(server.url(`/en/libraries/${slug}`));
      assert.ok([400, 404].includes(res.status), `slug ${slug}: ${res.status}`);
    }
  });
});

describe('405 Method Not Allowed', () => {
  for (const [method, path] of [['POST', '/lv/'], ['PUT', '/en/libraries'], ['DELETE', '/healthz'],
    ['POST', '/']]) {
    test(`${method} ${path} → 405 with Allow`, async () => {
      const res = await get(server.url(path), {
        method, headers: { 'accept-language': 'en', 'content-type': 'text/plain' }, body: 'x',
      });
      assert.equal(res.status, 405, excerpt(res.body));
      const allow = res.headers.get('allow');
      assert.ok(allow, 'no Allow header');
      assert.ok(allow.split(/,\s*/).includes('GET'), `Allow: ${allow}`);
      assert.ok(!allow.split(/,\s*/).includes(method), `Allow: ${allow}`);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    });
  }
  test('the 405 page for /ru/... is in Russian', async () => {
    const res = await get(server.url('/ru/'), { method: 'POST', body: '' });
    assert.equal(res.status, 405);
    assert.equal(htmlLang(res.body), 'ru');
  });
});
