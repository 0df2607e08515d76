// The library search's filters, "near", pagination and empty-result help, against the real
// server with the demo data: every variant in more than one language, no <script>, right lang.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemoServer, stopAndCheck, get, startTags, textOf, decodeEntities, excerpt,
} from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));

// Fetches /{lang}/libraries?{query} and checks what every variant promises.
async function search(lang, query) {
  const path = `/${lang}/libraries${query ? `?${query}` : ''}`;
  const res = await get(server.url(path));
  const html = res.body;
  assert.equal(res.status, 200, `${path}: ${excerpt(html)}`);
  assert.equal(startTags(html, 'html')[0]?.attrs.lang, lang, `${path}: <html lang>`);
  assert.equal(startTags(html, 'script').length, 0, `${path} has a <script>`);
  const list = /<ul class="library-list results">([\s\S]*?)<\/ul>/.exec(html);
  const items = list ? [...list[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]) : [];
  const slugs = items.map((li) => new RegExp(`href="/${lang}/libraries/([^"?]+)"`).exec(li)[1]);
  const status = textOf(/<p role="status">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
  return { html, path, items, slugs, status, text: textOf(html) };
}

// The links of the "remove a filter" list, decoded.
function dropLinks(html) {
  const ul = /<ul class="drop-filters">([\s\S]*?)<\/ul>/.exec(html);
  if (!ul) return [];
  return [...ul[1].matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].map((m) => ({
    href: decodeEntities(m[1]),
    label: textOf(m[2]),
  }));
}

test('a service-type filter narrows the list in two languages, with the term shown', async () => {
  const both = 'service=public-computers&service=children-activities';
  const en = await search('en', both);
  assert.deepEqual(en.slugs, ['jekabpils-novada-galvena-biblioteka'], en.status);
  assert.match(en.items[0], /Children’s activities/);
  assert.match(en.html, /<input id="service-\d+" name="service" type="checkbox" value="children-activities" checked>/);
  const lv = await search('lv', both);
  assert.deepEqual(lv.slugs, en.slugs);
  assert.match(lv.items[0], /Nodarbības bērniem/);
  assert.match(lv.status, /Atrasta 1 bibliotēka/);
  // Every library has public computers; an unknown code is ignored, not an error.
  assert.equal((await search('uk', 'service=public-computers')).slugs.length, 10);
  assert.equal((await search('uk', 'service=no-such-thing&service=%3Cb%3E')).slugs.length, 10);
});

test('the filter form has visible labels and works as a plain GET form', async () => {
  const { html } = await search('ru', '');
  assert.match(html, /<form class="search" action="\/ru\/libraries" method="get"/);
  for (const { attrs } of startTags(html, 'input')) {
    if (attrs.type === 'hidden' || attrs.type === 'submit') continue;
    assert.ok(new RegExp(`<label for="${attrs.id}">`).test(html), `no label for ${attrs.id}`);
  }
  assert.match(html, /<label for="service-1">Бесплатный интернет и Wi-Fi<\/label>/);
});

test('a municipality filter keeps only its libraries', async () => {
  const r = await search('en', 'municipality=LV-DGV');
  assert.deepEqual(r.slugs, ['latgales-centrala-biblioteka']);
  assert.match(r.html, /<option value="LV-DGV" selected>/);
  const two = await search('lv', 'municipality=LV-DGV&municipality=lv-067');
  assert.deepEqual(two.slugs.sort(), ['latgales-centrala-biblioteka', 'ogres-centrala-biblioteka']);
});

test('near=Даугавпилс puts Latgales Centrālā bibliotēka first with a distance', async () => {
  for (const lang of ['ru', 'lv']) {
    const r = await search(lang, `near=${encodeURIComponent('Даугавпилс')}&radius=300`);
    assert.equal(r.slugs[0], 'latgales-centrala-biblioteka', r.text);
    assert.ok(r.slugs.length > 1, 'more libraries within 300 km');
    const unit = lang === 'ru' ? 'км' : 'km';
    for (const li of r.items) assert.match(li, new RegExp(`class="distance">[\\d\\s ,]+ ${unit}<`));
    const km = r.items.map((li) => Number(/class="distance">([^<]*) /.exec(li)[1]
      .replace(/[\s  ]/g, '').replace(',', '.')));
    assert.deepEqual([...km].sort((a, b) => a - b), km, 'sorted by distance');
    assert.match(r.html, lang === 'ru' ? /Рядом: Даугавпилс/ : /Netālu no vietas: Daugavpils/);
  }
});

test('lat/lon out of range: 200 with the message in the page language', async () => {
  const ru = await search('ru', 'lat=123&lon=24');
  // W4: an error summary above the heading links to the field; the title says "Error:".
  assert.match(ru.html, /<div class="error-summary"[\s\S]*<a href="#near">Не удалось использовать ваше местоположение: широта должна быть числом от −90 до 90[\s\S]*<h1>/);
  assert.match(ru.html, /<title>Ошибка: /);
  const lv = await search('lv', 'lat=56.9&lon=abc');
  assert.match(lv.text, /platumam jābūt skaitlim no −90 līdz 90/);
  assert.equal(lv.slugs.length, 10, 'the rest of the search still runs');
  const ok = await search('en', 'lat=56.9496&lon=24.1052&radius=40');
  assert.deepEqual(ok.slugs, ['salaspils-novada-biblioteka', 'ogres-centrala-biblioteka']);
  assert.match(ok.html, /Near your location/);
});

test('an unknown place says so and suggests near names', async () => {
  const r = await search('uk', 'near=Daugavpilz');
  assert.match(r.html, /<a href="#near">Ми не знайшли місця з назвою «Daugavpilz»\.<\/a>/);
  assert.match(r.html, /<title>Помилка: /);
  assert.match(r.html, /<input id="near" name="near" type="text" value="Daugavpilz"/);
  assert.match(r.html, /<a href="\/uk\/libraries\?near=[^"]+">Даугавпілс<\/a>/);
  assert.equal(r.slugs.length, 0);
});

test('page 2 of a 10-result list is empty but valid, with a way back', async () => {
  for (const lang of ['en', 'lv']) {
    const r = await search(lang, 'page=2');
    assert.equal(r.slugs.length, 0);
    assert.match(r.html, new RegExp(`<a href="/${lang}/libraries" rel="prev">`));
    assert.doesNotMatch(r.html, /rel="next"/);
  }
  const first = await search('en', 'page=1');
  assert.equal(first.slugs.length, 10);
  assert.doesNotMatch(first.html, /rel="(next|prev)"/);
});

test('an empty result links to the same search without each filter', async () => {
  const r = await search('en', 'q=ogre&municipality=LV-DGV&open=now');
  assert.equal(r.slugs.length, 0);
  const links = dropLinks(r.html);
  assert.deepEqual(links.map((l) => l.href), [
    '/en/libraries?municipality=LV-DGV&open=now',
    '/en/libraries?q=ogre&open=now',
    '/en/libraries?q=ogre&municipality=LV-DGV',
  ]);
  assert.equal(links[0].label, 'Remove the search words');
  assert.match(links[1].label, /Remove “Daugavpils/);
  assert.match(links[2].label, /Remove “Open now”/);
  // The demo libraries have no opening hours, so "open now" alone finds none.
  const open = await search('lv', 'open=now');
  assert.equal(open.slugs.length, 0);
  assert.deepEqual(dropLinks(open.html).map((l) => l.href), ['/lv/libraries']);
  assert.match(dropLinks(open.html)[0].label, /Noņemt „Atvērts tagad”/);
});

test('"did you mean" for a typo the search tolerance does not catch', async () => {
  for (const lang of ['en', 'ru']) {
    const r = await search(lang, 'q=Vemtspjlz');
    assert.equal(r.slugs.length, 0);
    const m = /<p class="did-you-mean">[\s\S]*?<a href="([^"]*)">([^<]*)<\/a>/.exec(r.html);
    assert.ok(m, `${r.path}: no suggestion`);
    assert.equal(decodeEntities(m[1]), `/${lang}/libraries?q=ventspils`);
    const followed = await search(lang, 'q=ventspils');
    assert.deepEqual(followed.slugs, ['ventspils-biblioteka']);
    assert.match(followed.items[0], /ventspils/);
  }
});
