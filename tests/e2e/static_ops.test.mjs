// Static assets (hashed names, caching, gzip, ETag) and the operations endpoints.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { startDemoServer, stopAndCheck, get, rawRequest, startTags, excerpt } from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));

async function cssPath() {
  const page = await get(server.url('/en/'));
  assert.equal(page.status, 200);
  const link = startTags(page.body, 'link').find((l) => l.attrs.rel === 'stylesheet');
  assert.ok(link, 'no stylesheet');
  const path = new URL(link.attrs.href, server.origin).pathname;
  assert.match(path, /^\/static\/site\.[0-9a-zA-Z_-]{6,}\.css$/, 'the stylesheet URL is hashed');
  return path;
}

function rawGet(path, extra = '') {
  return rawRequest(server.port,
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`,
    { waitForClose: true });
}

describe('static assets', () => {
  test('the hashed stylesheet is cached for a year, immutable, with an ETag', async () => {
    const res = await rawGet(await cssPath());
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /^text\/css/);
    const cc = res.headers['cache-control'] ?? '';
    assert.match(cc, /\bimmutable\b/, `Cache-Control: ${cc}`);
    assert.match(cc, /\bpublic\b|max-age/, `Cache-Control: ${cc}`);
    const maxAge = Number(/max-age=(\d+)/.exec(cc)?.[1] ?? 0);
    assert.ok(maxAge >= 31_536_000, `max-age=${maxAge}`);
    assert.ok(res.headers.etag, 'no ETag');
    assert.equal(res.headers['content-encoding'], undefined, 'gzip without Accept-Encoding');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.body.length > 100);
  });

  test('Accept-Encoding: gzip gets the same stylesheet gzipped, with Vary', async () => {
    const path = await cssPath();
    const plain = await rawGet(path);
    const gz = await rawRequest(server.port,
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, deflate\r\n` +
      'Connection: close\r\n\r\n', { waitForClose: true });
    assert.equal(gz.status, 200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(gz.headers.vary ?? '', /accept-encoding/i);
    assert.match(plain.headers.vary ?? '', /accept-encoding/i);
    // The raw body is latin1-decoded bytes in `raw`; take the bytes after the header.
    const bodyBytes = Buffer.from(gz.raw.slice(gz.raw.indexOf('\r\n\r\n') + 4), 'latin1');
    const length = Number(gz.headers['content-length']);
    assert.equal(bodyBytes.length, length);
    assert.equal(gunzipSync(bodyBytes).toString('utf8'), plain.body);
    assert.ok(length < Buffer.byteLength(plain.body), 'gzip is smaller');
    assert.notEqual(gz.headers.etag, undefined);
  });

  test('If-None-Match with the ETag → 304 without a body', async () => {
    const path = await cssPath();
    const first = await rawGet(path);
    const etag = first.headers.etag;
    assert.ok(etag);
    const again = await rawGet(path, `If-None-Match: ${etag}\r\n`);
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    const viaFetch = await get(server.url(path), { headers: { 'if-none-match': etag } });
    assert.equal(viaFetch.status, 304);
    const other = await rawGet(path, 'If-None-Match: "something-else"\r\n');
    assert.equal(other.status, 200);
  });

  test('the gzip variant also answers If-None-Match', async () => {
    const path = await cssPath();
    const gz = await rawGet(path, 'Accept-Encoding: gzip\r\n');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    const again = await rawGet(path, `Accept-Encoding: gzip\r\nIf-None-Match: ${gz.headers.etag}\r\n`);
    assert.equal(again.status, 304);
  });

  for (const path of ['/static/site.0123456789.css', '/static/nope.css', '/static/',
    '/static/..%2f..%2fCMakeLists.txt', '/static/%2e%2e/%2e%2e/etc/passwd']) {
    test(`unknown asset ${path} → 404`, async () => {
      const res = await get(server.url(path));
      assert.equal(res.status, 404, excerpt(res.body));
    });
  }
});

describe('operations endpoints', () => {
  test('/healthz answers JSON {"status":"ok"}', async () => {
    const res = await get(server.url('/healthz'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = JSON.parse(res.body);
    assert.equal(body.status, 'ok');
  });

  test('/metrics counts requests by route and reports latency and the database size', async () => {
    for (const lang of ['lv', 'en', 'ru']) {
      assert.equal((await get(server.url(`/${lang}/`))).status, 200);
    }
    assert.equal((await get(server.url('/no-such-page'))).status, 404);
    const res = await get(server.url('/metrics'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    const lines = res.body.split('\n').filter((l) => l && !l.startsWith('#'));
    // Each sample line is `name{labels} value` in the Prometheus text format.
    for (const line of lines) {
      assert.match(line,
        /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? (-?[0-9.eE+-]+|[+-]Inf|NaN)( -?[0-9]+)?$/,
        `not a Prometheus sample: ${line}`);
    }
    const home = lines.find((l) => l.startsWith('tilti_http_requests_total{') &&
      l.includes('route="/{lang}/"') && l.includes('method="GET"') && l.includes('status="200"'));
    assert.ok(home, `no counter for GET /{lang}/ 200:\n${excerpt(res.body, 3000)}`);
    assert.ok(Number(home.split(' ').pop()) >= 3, home);
    assert.ok(lines.some((l) => l.startsWith('tilti_http_requests_total{') &&
      l.includes('status="404"')), 'no 404 counter');
    assert.ok(lines.some((l) => l.startsWith('tilti_http_request_duration_seconds_bucket{')),
      'no latency histogram');
    assert.ok(lines.some((l) => /^tilti_http_request_duration_seconds_bucket\{.*le="\+Inf".*\}/
      .test(l)), 'histogram without le="+Inf"');
    const dbBytes = lines.find((l) => l.startsWith('tilti_db_file_bytes'));
    assert.ok(dbBytes, 'no tilti_db_file_bytes');
    assert.ok(Number(dbBytes.split(' ').pop()) > 0, dbBytes);
    assert.match(res.body, /# TYPE tilti_http_requests_total counter/);
  });

  test('metrics do not grow a series per unknown path (routes are patterns)', async () => {
    for (let i = 0; i < 5; i++) await get(server.url(`/random-${i}-${Date.now()}`));
    const res = await get(server.url('/metrics'));
    assert.doesNotMatch(res.body, /random-\d/, 'a raw path became a label value');
  });
});
