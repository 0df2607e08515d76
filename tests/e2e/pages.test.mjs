// Every public page type in every language: the layout promises of QUALITY.md W6, W7, W8, W13
// and the security headers, checked on the rendered HTML of the real server.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import {
  startDemoServer, stopAndCheck, get, LANGS, ENDONYMS, startTags, attrsOf, textOf,
  hreflangAlternates, firstFocusable, excerpt,
} from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));

const KB = 1024;

// One library slug, taken from the home page so the test follows the data rather than naming it.
let slugPromise;
function firstLibraryTail() {
  slugPromise ??= get(server.url('/lv/')).then((res) => {
    const m = /href="\/lv\/libraries\/([^"/?#]+)"/.exec(res.body);
    assert.ok(m, `no library link on /lv/:\n${excerpt(res.body)}`);
    return `libraries/${m[1]}`;
  });
  return slugPromise;
}

// Page "tails": the part of the path after /{lang}/.
const PAGE_KINDS = [
  { name: 'home', tail: async () => '' },
  { name: 'libraries list', tail: async () => 'libraries' },
  { name: 'library page', tail: firstLibraryTail },
  { name: 'accessibility statement', tail: async () => 'accessibility' },
  { name: 'privacy', tail: async () => 'privacy' },
];

const pageCache = new Map();
function fetchPage(path) {
  if (!pageCache.has(path)) pageCache.set(path, get(server.url(path)));
  return pageCache.get(path);
}

/** Every `<a ...>text</a>` as {attrs, text}. */
function anchors(html) {
  return [...html.matchAll(/<a(?=[\s>])[^>]*>([\s\S]*?)<\/a>/gi)].map((m) => ({
    attrs: attrsOf(m[0].slice(0, m[0].indexOf('>') + 1)),
    text: textOf(m[1]),
  }));
}

function pathOf(href, base) {
  const u = new URL(href, base);
  return u.pathname + u.search;
}

for (const kind of PAGE_KINDS) {
  describe(`${kind.name} page`, () => {
    for (const lang of LANGS) {
      test(`${lang}: 200, html lang/dir, headers, skip link, switcher, footer, hreflang, weight`,
        async () => {
          const tail = await kind.tail();
          const path = `/${lang}/${tail}`;
          const res = await fetchPage(path);
          const html = res.body;
          assert.equal(res.status, 200, `${path}: ${excerpt(html)}`);
          assert.match(res.headers.get('content-type') ?? '', /^text\/html;\s*charset=utf-8$/i);

          // W7: <html lang dir> match the URL.
          const htmlTag = startTags(html, 'html')[0];
          assert.ok(htmlTag, `${path}: no <html> tag`);
          assert.equal(htmlTag.attrs.lang, lang, `${path}: ${htmlTag.tag}`);
          assert.equal(htmlTag.attrs.dir, 'ltr', `${path}: ${htmlTag.tag}`);
          assert.match(html, /^<!DOCTYPE html>/i);

          // Security headers.
          const csp = res.headers.get('content-security-policy');
          assert.ok(csp, `${path}: no Content-Security-Policy`);
          assert.match(csp, /default-src 'self'/);
          assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
          assert.equal(res.headers.get('x-content-type-options'), 'nosniff');

          // These pages need no JavaScript at all (W1, W6): the only script element allowed is
          // schema.org data (W12), which browsers never execute.
          const scripts = startTags(html, 'script');
          for (const { attrs, tag } of scripts) {
            assert.equal(attrs.type, 'application/ld+json', `${path} has an executable ${tag}`);
            assert.equal(attrs.src, undefined, `${path}: ${tag} loads a file`);
          }

          // Exactly one <h1> and a non-empty <title>.
          assert.equal(startTags(html, 'h1').length, 1, `${path}: one <h1>`);
          const title = /<title>([\s\S]*?)<\/title>/i.exec(html);
          assert.ok(title && textOf(title[1]).length > 0, `${path}: empty <title>`);

          // W3: the skip link is the first focusable element and its target exists.
          const first = firstFocusable(html);
          assert.ok(first, `${path}: nothing focusable`);
          assert.equal(first.name, 'a', `${path}: first focusable is ${first.tag}`);
          assert.match(first.attrs.href, /^#./, `${path}: first focusable is ${first.tag}`);
          const target = first.attrs.href.slice(1);
          assert.ok(new RegExp(`\\sid="${target}"`).test(html),
            `${path}: skip link target #${target} missing`);

          // W8: the switcher names each language in its own script, links to the same page in
          // the other languages, and marks the current one; no flags.
          const links = anchors(html);
          for (const other of LANGS) {
            if (other === lang) {
              const current = new RegExp(
                `<[a-z]+[^>]*aria-current="(?:page|true)"[^>]*>\\s*${ENDONYMS[lang]}\\s*<`, 'i');
              assert.match(html, current, `${path}: current language ${ENDONYMS[lang]} not ` +
                           'marked aria-current');
              continue;
            }
            const link = links.find((a) => a.text === ENDONYMS[other]);
            assert.ok(link, `${path}: no switcher link "${ENDONYMS[other]}"`);
            assert.equal(pathOf(link.attrs.href, server.origin), `/${other}/${tail}`,
              `${path}: switcher link to ${other}`);
            assert.equal(link.attrs.lang, other, `${path}: switcher link ${other} lacks lang`);
          }
          assert.doesNotMatch(html, /[\u{1F1E6}-\u{1F1FF}]/u, `${path}: flag emoji`);

          // W13: footer links to the accessibility statement and the privacy page.
          const footer = /<footer[\s>][\s\S]*?<\/footer>/i.exec(html);
          assert.ok(footer, `${path}: no <footer>`);
          const footerHrefs = anchors(footer[0]).map((a) => pathOf(a.attrs.href, server.origin));
          assert.ok(footerHrefs.includes(`/${lang}/accessibility`),
            `${path}: footer links ${footerHrefs}`);
          assert.ok(footerHrefs.includes(`/${lang}/privacy`), `${path}: footer links ${footerHrefs}`);

          // W8: an alternate for each language and x-default, each pointing at this page.
          const alts = hreflangAlternates(html);
          assert.deepEqual(Object.keys(alts).sort(), [...LANGS, 'x-default'].sort(),
            `${path}: alternates ${JSON.stringify(alts)}`);
          for (const other of LANGS) {
            assert.equal(pathOf(alts[other], server.origin), `/${other}/${tail}`,
              `${path}: hreflang=${other}`);
          }
          assert.equal(pathOf(alts['x-default'], server.origin), `/lv/${tail}`,
            `${path}: x-default`);

          // W6: page weight; no third-party hosts in what the browser loads.
          const gz = gzipSync(res.bytes).length;
          assert.ok(gz <= 40 * KB, `${path}: ${gz} bytes gzipped > 40 KB`);
          for (const name of ['script', 'img', 'iframe', 'link', 'source', 'video', 'audio']) {
            for (const { attrs, tag } of startTags(html, name)) {
              const rel = (attrs.rel ?? '').toLowerCase();
              if (name === 'link' && (rel === 'alternate' || rel === 'canonical')) continue;
              const ref = attrs.src ?? attrs.href;
              if (!ref) continue;
              const u = new URL(ref, server.origin);
              assert.equal(u.origin, server.origin, `${path}: third-party resource ${tag}`);
            }
          }
        });
    }
  });
}

test('canonical and hreflang URLs point at the origin actually serving (listen on :0)',
  async () => {
    const res = await fetchPage('/en/');
    const alts = hreflangAlternates(res.body);
    const canonical = startTags(res.body, 'link').find((l) => l.attrs.rel === 'canonical');
    assert.ok(canonical, 'no <link rel=canonical>');
    for (const href of [canonical.attrs.href, ...Object.values(alts)]) {
      assert.equal(new URL(href, server.origin).origin, server.origin,
        `"${href}" is not on ${server.origin}`);
    }
  });

test('the interface is translated: lv, ru and uk pages do not show the English texts', async () => {
  const pick = (html) => ({
    h1: textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? ''),
    skip: textOf(/<a class="skip-link"[^>]*>([\s\S]*?)<\/a>/.exec(html)?.[1] ?? ''),
    nav: textOf(/<nav[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''),
    footer: textOf(/<footer[\s\S]*?<\/footer>/.exec(html)?.[0] ?? ''),
  });
  const problems = [];
  for (const tail of ['', 'libraries', 'accessibility', 'privacy']) {
    const en = pick((await fetchPage(`/en/${tail}`)).body);
    for (const lang of ['lv', 'ru', 'uk']) {
      const other = pick((await fetchPage(`/${lang}/${tail}`)).body);
      for (const part of Object.keys(en)) {
        if (other[part] === en[part]) problems.push(`/${lang}/${tail} ${part}: "${en[part]}"`);
      }
    }
  }
  assert.deepEqual(problems, [], `texts shown in English:\n${problems.join('\n')}`);
});

test('hreflang crawl: every alternate of every page lists that page back', async () => {
  const problems = [];
  for (const kind of PAGE_KINDS) {
    const tail = await kind.tail();
    for (const lang of LANGS) {
      const path = `/${lang}/${tail}`;
      const page = await fetchPage(path);
      assert.equal(page.status, 200, path);
      for (const [hreflang, href] of Object.entries(hreflangAlternates(page.body))) {
        const altPath = pathOf(href, server.origin);
        const alt = await fetchPage(altPath);
        if (alt.status !== 200) {
          problems.push(`${path} → ${hreflang} ${altPath}: status ${alt.status}`);
          continue;
        }
        const back = hreflangAlternates(alt.body)[lang];
        if (!back || pathOf(back, server.origin) !== path) {
          problems.push(`${altPath} does not list ${path} as hreflang=${lang} (has ${back})`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the stylesheet is under 30 KB and uses no web fonts or other hosts', async () => {
  const page = await fetchPage('/lv/');
  const link = startTags(page.body, 'link').find((l) => l.attrs.rel === 'stylesheet');
  assert.ok(link, 'no stylesheet link');
  const css = await get(server.url(pathOf(link.attrs.href, server.origin)),
    { headers: { 'accept-encoding': 'identity' } });
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  assert.ok(css.bytes.length <= 30 * KB, `CSS is ${css.bytes.length} bytes`);
  assert.doesNotMatch(css.body, /@font-face/i, 'web fonts');
  assert.doesNotMatch(css.body, /url\(\s*['"]?(https?:)?\/\//i, 'resource on another host');
});

describe('HEAD answers like GET without a body', () => {
  for (const path of ['/lv/', '/en/libraries', '/uk/accessibility', '/healthz', '/no-such-page']) {
    test(`HEAD ${path}`, async () => {
      const g = await get(server.url(path), { headers: { 'accept-encoding': 'identity' } });
      const h = await get(server.url(path),
        { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
      assert.equal(h.status, g.status);
      assert.equal(h.bytes.length, 0, 'HEAD response has a body');
      assert.equal(h.headers.get('content-type'), g.headers.get('content-type'));
      assert.equal(h.headers.get('content-length'), String(g.bytes.length),
        'HEAD Content-Length differs from the GET body length');
    });
  }
});
