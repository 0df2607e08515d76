// The HSDS 3.0 API (/api/v1): every endpoint, validated against the HSDS compiled schemas that
// tests/hsds/ holds a copy of (see tests/hsds/SOURCE.txt), plus the failure paths, caching and
// NDJSON.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { startDemoServer, stopAndCheck, get, excerpt, REPO_ROOT } from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));

// The HSDS schemas carry Frictionless Data keywords (name, core, constraints, example...) that
// are not JSON Schema: strict mode off. They declare no $schema, so draft-07 (Ajv's default).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// The uncompiled taxonomy schemas refer to their neighbours by file name.
for (const name of ['metadata', 'taxonomy']) {
  ajv.addSchema(JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'hsds', `${name}.json`), 'utf8')), `${name}.json`);
}
const validators = {};
function validator(name) {
  if (!validators[name] && ajv.getSchema(`${name}.json`)) validators[name] = ajv.getSchema(`${name}.json`);
  if (!validators[name]) {
    const file = path.join(REPO_ROOT, 'tests', 'hsds', `${name}.json`);
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    delete schema.$id;
    validators[name] = ajv.compile(schema);
  }
  return validators[name];
}

function assertValid(name, value) {
  const validate = validator(name);
  assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)}\n${excerpt(JSON.stringify(value))}`);
}

function assertPage(body, { page = 1 } = {}) {
  for (const k of ['total_items', 'total_pages', 'page_number', 'size']) {
    assert.equal(typeof body[k], 'number', k);
  }
  for (const k of ['first_page', 'last_page', 'empty']) assert.equal(typeof body[k], 'boolean', k);
  assert.ok(Array.isArray(body.contents));
  assert.equal(body.page_number, page);
  assert.equal(body.size, body.contents.length);
  assert.equal(body.empty, body.contents.length === 0);
}

async function getJson(p, opts) {
  const res = await get(server.url(p), opts);
  assert.equal(res.status, 200, `${p}: ${excerpt(res.body)}`);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  return { res, body: JSON.parse(res.body) };
}

async function getProblem(p, status) {
  const res = await get(server.url(p));
  assert.equal(res.status, status, `${p}: ${excerpt(res.body)}`);
  assert.match(res.headers.get('content-type'), /^application\/problem\+json/);
  const body = JSON.parse(res.body);
  for (const k of ['type', 'title', 'detail']) assert.equal(typeof body[k], 'string', k);
  assert.equal(body.status, status);
  return body;
}

const LATGALE = 'Latgales Centrālā bibliotēka';

describe('HSDS API: meta and lists', () => {
  test('the root says HSDS 3.0 with the profile\'s URL and the OpenAPI URL', async () => {
    const { body } = await getJson('/api/v1/');
    assert.equal(body.version, '3.0');
    assert.equal(body.profile, server.url('/api/v1/profile'));
    assert.match(body.openapi_url, /^https:\/\//);
  });

  test('the profile URL serves docs/hsds-profile.md as Markdown', async () => {
    const res = await get(server.url('/api/v1/profile'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/markdown; charset=utf-8/);
    assert.match(res.headers.get('etag') ?? '', /^"[0-9a-f]+"$/);
    assert.equal(res.body, readFileSync(path.join(REPO_ROOT, 'docs', 'hsds-profile.md'), 'utf8'));
    assert.match(res.body, /^# Tilti's HSDS 3\.0 profile/);
  });

  test('the profile names every tilti: extension the API returns', async () => {
    const profile = (await get(server.url('/api/v1/profile'))).body;
    const seen = new Set();
    const collect = (v) => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k.startsWith('tilti:')) seen.add(k);
          collect(x);
        }
      }
    };
    collect((await getJson('/api/v1/services?full=true&per_page=500')).body);
    collect((await getJson('/api/v1/organizations?full=true&per_page=500')).body);
    collect((await getJson('/api/v1/service_at_locations?latitude=56.95&longitude=24.1&proximity=500&full=true')).body);
    for (const k of ['tilti:language', 'tilti:kind', 'tilti:schedule_exceptions', 'tilti:distance_km']) {
      assert.ok(seen.has(k), `the API no longer returns ${k}`);
    }
    for (const k of seen) assert.match(profile, new RegExp(`${k}(?![A-Za-z_])`), `the profile does not document ${k}`);
  });

  test('the profile URL follows --public-url', async () => {
    const other = await startDemoServer({ args: ['--public-url', 'https://tilti.example/'] });
    try {
      const res = await get(other.url('/api/v1/'));
      assert.equal(JSON.parse(res.body).profile, 'https://tilti.example/api/v1/profile');
    } finally {
      await stopAndCheck(other);
    }
  });

  for (const lang of ['lv', 'uk']) {
    test(`services list (lang=${lang}) is a valid page of service_list items`, async () => {
      const { body } = await getJson(`/api/v1/services?lang=${lang}&per_page=10`);
      assertPage(body);
      assert.ok(body.total_items >= 10);
      assert.equal(body.size, 10);
      for (const s of body.contents) assertValid('service_list', s);
      // Ukrainian readers get Ukrainian, else English, else Latvian — never Russian.
      for (const s of body.contents) {
        const l = s['tilti:language'].name;
        if (lang === 'uk') assert.ok(['uk', 'en', 'lv'].includes(l), l);
        else assert.equal(l, 'lv');
      }
    });
  }

  test('services: minimal and full, and paging math', async () => {
    const minimal = (await getJson('/api/v1/services?minimal=true&per_page=500')).body;
    assertPage(minimal);
    assert.equal(minimal.total_pages, 1);
    assert.ok(minimal.last_page);
    for (const s of minimal.contents) {
      assertValid('service_list', s);
      assert.deepEqual(Object.keys(s).filter((k) => !k.startsWith('tilti:')).sort(),
        ['id', 'last_modified', 'name', 'status']);
    }
    const full = (await getJson('/api/v1/services?full=true&per_page=3&page=2')).body;
    assertPage(full, { page: 2 });
    assert.equal(full.total_pages, Math.ceil(minimal.total_items / 3));
    for (const s of full.contents) {
      assertValid('service', s);
      assert.ok(Array.isArray(s.service_at_locations));
      assert.ok(s.organization);
    }
    const last = (await getJson(`/api/v1/services?per_page=3&page=${full.total_pages}`)).body;
    assert.ok(last.last_page);
    const beyond = (await getJson(`/api/v1/services?per_page=3&page=${full.total_pages + 1}`)).body;
    assert.ok(beyond.empty);
  });

  test('organizations list and service_at_locations list validate', async () => {
    const orgs = (await getJson('/api/v1/organizations?lang=uk')).body;
    assertPage(orgs);
    for (const o of orgs.contents) assertValid('organization_list', o);
    const sals = (await getJson('/api/v1/service_at_locations?lang=lv')).body;
    assertPage(sals);
    for (const r of sals.contents) assertValid('service_at_location_list', r);
  });

  test('taxonomies and taxonomy terms, filtered by taxonomy', async () => {
    const tax = (await getJson('/api/v1/taxonomies?lang=uk')).body;
    assertPage(tax);
    assert.ok(tax.total_items >= 3);
    for (const t of tax.contents) assertValid('taxonomy', t);
    const all = (await getJson('/api/v1/taxonomy_terms?per_page=500')).body;
    const id = tax.contents[0].id;
    const some = (await getJson(`/api/v1/taxonomy_terms?taxonomy_id=${id}&per_page=500`)).body;
    assertPage(some);
    assert.ok(some.total_items > 0 && some.total_items < all.total_items);
    for (const t of some.contents) {
      assertValid('taxonomy_term', t);
      assert.equal(t.taxonomy_id, id);
    }
    const one = (await getJson(`/api/v1/taxonomy_terms/${some.contents[0].id}`)).body;
    assertValid('taxonomy_term', one);
    assertValid('taxonomy', (await getJson(`/api/v1/taxonomies/${id}`)).body);
  });

  test('services filter by taxonomy term, organization and search', async () => {
    const full = (await getJson('/api/v1/services?full=true&per_page=500')).body;
    const withTerm = full.contents.find((s) => s.attributes.length > 0);
    assert.ok(withTerm, 'no service has an attribute');
    const termId = withTerm.attributes[0].taxonomy_term.id;
    const byTerm = (await getJson(`/api/v1/services?taxonomy_term_id=${termId}&full=true`)).body;
    assert.ok(byTerm.total_items > 0 && byTerm.total_items < full.total_items);
    for (const s of byTerm.contents) assert.ok(s.attributes.some((a) => a.taxonomy_term.id === termId));
    const orgId = withTerm.organization_id;
    const byOrg = (await getJson(`/api/v1/services?organization_id=${orgId}`)).body;
    for (const s of byOrg.contents) assert.equal(s.organization_id, orgId);
    // Folded search: no diacritics needed.
    const search = (await getJson('/api/v1/services?search=datori%20interneta')).body;
    assert.ok(search.total_items > 0);
    for (const s of search.contents) assert.match(s.name, /Datori/);
    const future = (await getJson('/api/v1/services?modified_after=2999-01-01T00:00:00Z')).body;
    assert.ok(future.empty);
    const past = (await getJson('/api/v1/services?modified_after=2000-01-01T00:00:00%2B02:00')).body;
    assert.equal(past.total_items, full.total_items);
  });

  test('search: any locale and script, word prefixes, every word, FTS syntax is plain text', async () => {
    const lv = (await getJson('/api/v1/services?search=datori%20interneta%20piesl%C4%93gumu')).body;
    assert.ok(lv.total_items > 0);
    for (const q of ['Компьютеры интернету', 'computers internet access', 'dator intern piesl']) {
      const { body } = await getJson(`/api/v1/services?search=${encodeURIComponent(q)}`);
      assertPage(body);
      assert.equal(body.total_items, lv.total_items, q);
      assert.deepEqual(body.contents.map((s) => s.id), lv.contents.map((s) => s.id), q);
    }
    // A word must start a word of the text, and every word must match.
    assert.ok((await getJson('/api/v1/services?search=atori')).body.empty);
    assert.ok((await getJson('/api/v1/services?search=datori%20zzzqqq')).body.empty);
    for (const q of ['"', '*', 'AND', 'NEAR(', 'datori"', 'NEAR(datori AND', '{name}:x']) {
      for (const list of ['services', 'organizations', 'service_at_locations']) {
        // getJson asserts 200 and JSON: never a 500 from an FTS5 syntax error.
        assertPage((await getJson(`/api/v1/${list}?search=${encodeURIComponent(q)}`)).body);
      }
    }
    // Pages of a search add up to the whole result, in id order.
    const all = (await getJson('/api/v1/services?search=inform&per_page=500')).body;
    assert.ok(all.total_items > 2);
    const ids = [];
    for (let page = 1; page <= all.total_items; page++) {
      const { body } = await getJson(`/api/v1/services?search=inform&per_page=2&page=${page}`);
      if (body.empty) break;
      assert.equal(body.total_items, all.total_items);
      for (const s of body.contents) {
        assertValid('service_list', s);
        ids.push(s.id);
      }
    }
    assert.deepEqual(ids, all.contents.map((s) => s.id));
  });

  test('proximity around Daugavpils finds Latgales Centrālā bibliotēka', async () => {
    const q = 'latitude=55.875&longitude=26.536&proximity=10&full=true&per_page=100';
    const { body } = await getJson(`/api/v1/service_at_locations?${q}`);
    assertPage(body);
    assert.ok(body.total_items > 0);
    for (const r of body.contents) {
      assertValid('service_at_location_list', r);
      assert.ok(r['tilti:distance_km'] <= 10);
    }
    assert.ok(body.contents.some((r) => r.location.name === LATGALE),
      excerpt(JSON.stringify(body.contents.map((r) => r.location.name))));
    const far = (await getJson('/api/v1/service_at_locations?latitude=0&longitude=0&proximity=10')).body;
    assert.ok(far.empty);
  });
});

describe('HSDS API: items', () => {
  test('a service in full, in Latvian and Ukrainian, validates against service.json', async () => {
    const list = (await getJson('/api/v1/services?per_page=500&full=true')).body;
    const withSal = list.contents.find((s) => s.service_at_locations.length > 0);
    assert.ok(withSal);
    for (const lang of ['lv', 'uk']) {
      const { body } = await getJson(`/api/v1/services/${withSal.id}?lang=${lang}`);
      assertValid('service', body);
      assert.equal(body.id, withSal.id);
      assert.ok(body.organization && body.organization.name);
      assert.ok(body.service_at_locations[0].location.id);
      if (lang === 'uk') assert.notEqual(body['tilti:language'].name, 'ru');
    }
  });

  test('an organization and a service_at_location validate', async () => {
    const orgs = (await getJson('/api/v1/organizations?per_page=500')).body;
    const latgale = orgs.contents.find((o) => o.name === LATGALE);
    assert.ok(latgale);
    for (const lang of ['lv', 'uk']) {
      const { body } = await getJson(`/api/v1/organizations/${latgale.id}?lang=${lang}`);
      assertValid('organization', body);
      assert.ok(body.locations.length > 0);
    }
    const sals = (await getJson('/api/v1/service_at_locations?per_page=1')).body;
    const { body } = await getJson(`/api/v1/service_at_locations/${sals.contents[0].id}?lang=uk`);
    assertValid('service_at_location', body);
    assert.ok(body.service && body.location);
  });
});

describe('HSDS API: failures, caching, NDJSON', () => {
  test('unknown ids and unknown paths are 404 problem JSON', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const p of ['services', 'organizations', 'service_at_locations', 'taxonomies', 'taxonomy_terms']) {
      await getProblem(`/api/v1/${p}/${id}`, 404);
    }
    await getProblem('/api/v1/no-such-thing', 404);
    await getProblem('/api/v1/services/x/y', 404);
  });

  test('other methods on API endpoints are 405 problem JSON with Allow', async () => {
    for (const [method, p] of [['POST', '/api/v1/services'], ['DELETE', '/api/v1/services'],
      ['PUT', '/api/v1/'], ['PATCH', '/api/v1/organizations/00000000-0000-4000-8000-000000000000']]) {
      const res = await get(server.url(p), {
        method, headers: { 'content-type': 'application/json' }, body: '{}',
      });
      assert.equal(res.status, 405, `${method} ${p}: ${excerpt(res.body)}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.deepEqual((res.headers.get('allow') ?? '').split(/,\s*/).sort(), ['GET', 'HEAD']);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const body = JSON.parse(res.body);
      assert.equal(body.type, 'about:blank');
      assert.equal(body.title, 'Method Not Allowed');
      assert.equal(body.status, 405);
      assert.ok(body.detail.includes(method) && body.detail.includes('GET'), body.detail);
    }
  });

  test('an unknown API path is 404 problem JSON whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await get(server.url('/api/v1/xyz'), { method, body: method === 'GET' ? undefined : 'x' });
      assert.equal(res.status, 404, `${method}: ${excerpt(res.body)}`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(res.headers.get('allow'), null);
      const body = JSON.parse(res.body);
      assert.deepEqual({ type: body.type, title: body.title, status: body.status },
        { type: 'about:blank', title: 'Not Found', status: 404 });
      assert.equal(typeof body.detail, 'string');
    }
  });

  test('the HTML pages keep their HTML 405 page with Allow', async () => {
    const res = await get(server.url('/en/libraries'), { method: 'POST', body: 'x' });
    assert.equal(res.status, 405);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.deepEqual((res.headers.get('allow') ?? '').split(/,\s*/).sort(), ['GET', 'HEAD']);
  });

  test('bad parameters are 400 problem JSON naming the parameter', async () => {
    const cases = {
      'page=0': 'page',
      'per_page=100000': 'per_page',
      'per_page=abc': 'per_page',
      'modified_after=yesterday': 'modified_after',
      'latitude=91&longitude=26&proximity=10': 'latitude',
      'latitude=55.8&longitude=26.5': 'proximity',
      'lang=xx': 'lang',
      'format=xml': 'format',
    };
    for (const [q, param] of Object.entries(cases)) {
      const endpoint = param === 'latitude' || param === 'proximity' ? 'service_at_locations' : 'services';
      const body = await getProblem(`/api/v1/${endpoint}?${q}`, 400);
      assert.ok(body.detail.includes(`'${param}'`), `${q}: ${body.detail}`);
    }
  });

  test('ETag and If-None-Match give 304; Cache-Control is public', async () => {
    const { res } = await getJson('/api/v1/services?per_page=5');
    const etag = res.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]+"$/);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    const again = await get(server.url('/api/v1/services?per_page=5'), { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const other = await get(server.url('/api/v1/services?per_page=5&lang=uk'), { headers: { 'If-None-Match': etag } });
    assert.equal(other.status, 200);
  });

  test('format=ndjson: one valid service per line, no envelope', async () => {
    const res = await get(server.url('/api/v1/services?format=ndjson&per_page=500'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/x-ndjson/);
    const lines = res.body.split('\n').filter((l) => l !== '');
    assert.ok(lines.length >= 10);
    assert.ok(res.body.endsWith('\n'));
    for (const l of lines) assertValid('service_list', JSON.parse(l));
    const full = await get(server.url('/api/v1/services?format=ndjson&full=true&per_page=3'));
    for (const l of full.body.split('\n').filter((x) => x)) assertValid('service', JSON.parse(l));
  });
});
