// Initiatives in public (issue 7, first part): the four initiatives of the seeds with exactly
// the figures the seeds give — the programme and call, the period, the partners with their
// country, the ten libraries and partnerships of LIBRI, the budget by funding source with its
// shares (seed 002: 124 562,30 EUR, 80 % / 10 % / 10 %) — in several languages.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, stopAndCheck, get, excerpt, decodeEntities } from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

test('the list names the four initiatives of the seeds', async () => {
  for (const lang of ['lv', 'uk']) {
    const res = await get(`${server.origin}/${lang}/initiatives`);
    assert.equal(res.status, 200);
    for (const slug of ['libri', 'ieklaujosu-biblioteku-tikls', 'open-up', 'publisko-biblioteku-pakalpojumi-2014']) {
      assert.ok(res.body.includes(`href="/${lang}/initiatives/${slug}"`), slug);
    }
  }
});

test('LIBRI: the call, the period, partners with their country, ten libraries and partnerships', async () => {
  const en = await get(`${server.origin}/en/initiatives/libri`);
  assert.equal(en.status, 200, excerpt(en.body));
  const t = text(en.body);
  assert.ok(t.includes('AMIF-2023-TF2-AG-CALL-AMIF'));
  assert.ok(t.includes('1 May 2024 – 30 April 2026'), 'the period of seed 001:10');
  assert.match(t, /Libraries Without Borders[^,]*, France/);
  assert.match(t, /EBLIDA|European Bureau of Library/);
  assert.match(t, /Netherlands/);
  assert.equal((en.body.match(/<tr><th scope="row"><a href="\/en\/libraries\//g) ?? []).length, 10, 'ten local partnerships');
  const lv = await get(`${server.origin}/lv/initiatives/libri`);
  assert.match(text(lv.body), /Francija/, 'countries in the reader\'s language');
  // The library page links its initiatives.
  const lib = await get(`${server.origin}/ru/libraries/latgales-centrala-biblioteka`);
  assert.ok(lib.body.includes('href="/ru/initiatives/libri"'));
});

test('the budget as the seeds print it: amounts and shares exact, overlaps said plainly', async () => {
  const lv = text((await get(`${server.origin}/lv/initiatives/ieklaujosu-biblioteku-tikls`)).body);
  assert.ok(lv.includes('124 562,30 €'), lv.slice(0, 400));
  assert.ok(lv.includes('99 649,84 € 80%'), 'shares as Latvian writes them (CLDR: no space before %)');
  assert.equal((lv.match(/12 456,23 € 10%/g) ?? []).length, 2);
  const en = text((await get(`${server.origin}/en/initiatives/ieklaujosu-biblioteku-tikls`)).body);
  assert.ok(en.includes('€124,562.30'));
  assert.ok(en.includes('Pasvalys'), 'the lead');
  assert.match(en, /Lithuania/);
  // OPEN UP (seed 003:19): the municipality's sum includes EU money, so the sources overlap.
  const open = text((await get(`${server.origin}/en/initiatives/open-up`)).body);
  assert.ok(open.includes('€176,680.75'));
  assert.ok(open.includes('€150,178.64'));
  assert.match(open, /they overlap in the source/);
  assert.equal((await get(`${server.origin}/en/initiatives/nothing-here`)).status, 404);
});

test('the partnerships: seed 004\'s ten, in a table that is the page and on a map of the libraries', async () => {
  for (const [lang, count, integration] of [['lv', '10 partnerību', 'Sabiedrības integrācijas fonds'], ['uk', '10 партнерств', 'Фонд інтеграції суспільства']]) {
    const res = await get(`${server.origin}/${lang}/partnerships`);
    assert.equal(res.status, 200, excerpt(res.body));
    const t = text(res.body);
    assert.ok(t.includes(count), lang);
    assert.ok(t.includes(integration), `${lang}: ${integration}`);
    assert.equal((res.body.match(/<tr><th scope="row"><a href="\/[a-z]{2}\/libraries\//g) ?? []).length, 10);
    const markers = JSON.parse(decodeEntities(/data-markers="([^"]*)"/.exec(res.body)[1]));
    assert.equal(markers.length, 10, 'every partnership library has a place on the map');
    assert.ok(markers.every((m) => m.href.startsWith(`/${lang}/libraries/`) && m.lat > 55 && m.lat < 58.2));
  }
  const list = await get(`${server.origin}/en/initiatives`);
  assert.ok(list.body.includes('href="/en/partnerships"'));
});

test('the partnerships name the organisations\' contact points where the directory has them', async () => {
  const res = await get(`${server.origin}/en/partnerships`);
  const rows = res.body.split('<tr>').slice(1);
  const row = (name) => rows.find((r) => r.includes(name)) ?? '';
  // Jēkabpils has a website in the directory, Latgale Central Library a phone at its location.
  assert.match(row('Jēkabpils'), /<ul class="contact-points"><li><span class="visually-hidden">Website: <\/span><a href="http:\/\/www\.jgb\.lv">http:\/\/www\.jgb\.lv<\/a><\/li><\/ul>/);
  assert.match(row('Latgale Central Library'), /<a href="tel:\+37165426422">\+371 65426422<\/a>/);
  // Where nothing is known, nothing is shown (no empty links).
  assert.ok(!res.body.includes('href="https://"'));
  assert.equal((res.body.match(/class="contact-points"/g) ?? []).length, 2);
});
