// HTTP framing and limits over raw sockets (QUALITY.md R4, R5): what a proxy and this server
// could disagree about is rejected with 400 and the connection closed; oversized headers and
// bodies get 431 and 413; keep-alive and pipelining work.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startDemoServer, stopAndCheck, get, rawRequest, openConnection, startTags, excerpt,
} from './harness.mjs';

const MAX_BODY = 2048;
const server = await startDemoServer({ args: ['--max-body', String(MAX_BODY)] });
after(() => stopAndCheck(server));

// A slow client that sends half a header and stops. Started now, checked at the end, so the
// wait for the server's header timeout overlaps the other tests.
const slowClient = rawRequest(server.port, 'GET /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ',
  { waitForClose: true, timeoutMs: 90_000 });

const send = (bytes, opts = {}) => rawRequest(server.port, bytes, opts);

function assertHtmlError(res, status, what) {
  assert.equal(res.status, status, `${what}: got ${res.status}, raw:\n${excerpt(res.raw)}`);
  assert.match(res.headers['content-type'] ?? '', /^text\/html/, `${what}: an HTML page`);
  assert.ok(startTags(res.body, 'h1').length === 1, `${what}: the page has a heading`);
}

describe('limits (R4)', () => {
  test('a 9 KB header → 431', async () => {
    const res = await send('GET /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      `X-Big: ${'a'.repeat(9 * 1024)}\r\n\r\n`, { waitForClose: true });
    assertHtmlError(res, 431, '9 KB header');
    assert.ok(res.closed, 'connection closed after 431');
  });

  test('many small headers adding up to 9 KB → 431', async () => {
    let headers = '';
    for (let i = 0; i < 180; i++) headers += `X-H${i}: ${'b'.repeat(48)}\r\n`;
    const res = await send(`GET /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`);
    assert.equal(res.status, 431, `${headers.length} bytes of headers: ${excerpt(res.raw, 300)}`);
  });

  test('a very long request line → 431 or 414, not a crash', async () => {
    const res = await send(`GET /lv/libraries?q=${'x'.repeat(9000)} HTTP/1.1\r\n` +
      'Host: 127.0.0.1\r\n\r\n', { waitForClose: true });
    assert.ok([414, 431].includes(res.status), `status ${res.status}`);
  });

  test('a header just under the limit is fine', async () => {
    const res = await send('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      `X-Big: ${'a'.repeat(6 * 1024)}\r\nConnection: close\r\n\r\n`, { waitForClose: true });
    assert.equal(res.status, 200);
  });

  test(`Content-Length beyond --max-body ${MAX_BODY} → 413 before the body is sent`, async () => {
    const res = await send('POST /lv/libraries HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n',
    { waitForClose: true });
    assertHtmlError(res, 413, 'Content-Length 100000');
    assert.ok(res.closed, 'connection closed after 413');
  });

  test('the 413 page is in the language of Accept-Language (R4: a clear message)', async () => {
    const res = await send('POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: uk\r\n' +
      'Content-Length: 100000\r\n\r\n', { waitForClose: true });
    assertHtmlError(res, 413, 'Content-Length 100000');
    assert.equal(startTags(res.body, 'html')[0]?.attrs.lang, 'uk');
  });

  test('a chunked body growing beyond --max-body → 413', async () => {
    const chunk = 'z'.repeat(1000);
    const body = `${(1000).toString(16)}\r\n${chunk}\r\n`.repeat(3) + '0\r\n\r\n';
    const res = await send('POST /lv/libraries HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      `Transfer-Encoding: chunked\r\n\r\n${body}`, { waitForClose: true });
    assert.equal(res.status, 413, excerpt(res.raw));
    assert.ok(res.closed);
  });

  test('a body within --max-body reaches routing (405 for POST to a GET page)', async () => {
    const res = await send('POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n' +
      `Connection: close\r\n\r\n${'y'.repeat(1000)}`, { waitForClose: true });
    assert.equal(res.status, 405, excerpt(res.raw));
  });
});

describe('framing that must be rejected with 400 and a closed connection (R5)', () => {
  const cases = [
    ['Transfer-Encoding: gzip, chunked',
      'POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n' +
      '0\r\n\r\n'],
    ['Transfer-Encoding: gzip',
      'POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\n'],
    ['Transfer-Encoding: chunked twice (two fields)',
      'POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n' +
      'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['Transfer-Encoding: chunked, chunked',
      'POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked, chunked\r\n\r\n' +
      '0\r\n\r\n'],
    ['Transfer-Encoding on HTTP/1.0',
      'POST /lv/ HTTP/1.0\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['Transfer-Encoding together with Content-Length',
      'POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n' +
      'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['Content-Length twice with different values',
      'POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'],
    ['Content-Length not a number',
      'POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1x\r\n\r\na'],
    ['no Host on HTTP/1.1', 'GET /lv/ HTTP/1.1\r\nAccept: text/html\r\n\r\n'],
    ['two Host headers', 'GET /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.org\r\n\r\n'],
    ['garbage request line', 'HELLO THERE\r\nHost: 127.0.0.1\r\n\r\n'],
    ['binary garbage', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n'],
    ['HTTP/2.0 in a text request line', 'GET /lv/ HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n'],
    ['a space before the colon', 'GET /lv/ HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n'],
  ];
  for (const [name, bytes] of cases) {
    test(name, async () => {
      const res = await send(bytes, { waitForClose: true });
      assert.equal(res.status, 400, `${name}: raw response:\n${excerpt(res.raw)}`);
      assert.ok(res.closed, `${name}: connection left open after 400`);
      assert.ok(!res.timedOut, `${name}: the server did not close the connection`);
    });
  }

  test('the 400 page is HTML (in the language of Accept-Language)', async () => {
    const res = await send('GET /lv/ HTTP/1.1\r\nAccept-Language: en\r\n\r\n', { waitForClose: true });
    assertHtmlError(res, 400, 'no Host');
    assert.equal(startTags(res.body, 'html')[0]?.attrs.lang, 'en');
  });

  test('a smuggled second request after TE+CL is never answered', async () => {
    const smuggled = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const res = await send('POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ' +
      `${5 + smuggled.length}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`,
    { waitForClose: true });
    assert.equal(res.status, 400);
    assert.equal(res.responses.length, 1, `more than one response:\n${excerpt(res.raw)}`);
  });
});

describe('well-formed requests', () => {
  test('HTTP/1.0 without Host is fine and the connection closes after the answer', async () => {
    const res = await send('GET /healthz HTTP/1.0\r\n\r\n', { waitForClose: true });
    assert.equal(res.status, 200, excerpt(res.raw));
    assert.ok(res.closed);
  });

  test('a valid chunked body is accepted (405 for POST to a GET page)', async () => {
    const res = await send('POST /lv/ HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
    { waitForClose: true });
    assert.equal(res.status, 405, excerpt(res.raw));
  });

  test('keep-alive: two requests on one connection, one after the other', async () => {
    const conn = await openConnection(server.port);
    try {
      await conn.send('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const [first] = await conn.responses(1);
      assert.equal(first.status, 200);
      assert.ok(!conn.closed, 'closed after the first response');
      await conn.send('GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const both = await conn.responses(2);
      assert.equal(both[1].status, 200);
      assert.match(both[1].body, /<html lang="en"/);
    } finally {
      conn.close();
    }
  });

  test('pipelining: three requests in one write are answered in order', async () => {
    const res = await send(
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' +
      'HEAD /ru/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' +
      'GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
      { waitForClose: true });
    assert.deepEqual(res.responses.map((r) => r.status), [200, 200, 404], excerpt(res.raw, 2000));
    assert.match(res.responses[0].body, /"status"\s*:\s*"ok"/);
    assert.equal(res.responses[1].body, '');
    assert.ok(res.closed, 'Connection: close honoured');
  });

  test('Connection: close is honoured', async () => {
    const res = await send('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
      { waitForClose: true });
    assert.equal(res.status, 200);
    assert.match(res.headers.connection ?? '', /close/i);
    assert.ok(res.closed && !res.timedOut);
  });

  test('a request split into many small writes is answered', async () => {
    const req = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    const res = await send(req.match(/.{1,3}/gs), { waitForClose: true });
    assert.equal(res.status, 200);
  });
});

describe('after all that', () => {
  test('a slow client that never finishes its header is disconnected', async () => {
    const res = await slowClient;
    assert.ok(!res.timedOut, 'the server kept a half-sent request open for 90 s');
    assert.ok(res.closed);
    assert.ok(res.status === null || res.status === 408, `status ${res.status}`);
  });

  test('the server still answers', async () => {
    const res = await get(server.url('/healthz'));
    assert.equal(res.status, 200);
  });
});
