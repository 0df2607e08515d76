// The command line: help, bad flags, start-up failures that must stop the start with one clear
// line (a port in use, a missing or corrupt database, a broken template or catalogue), graceful
// shutdown and data surviving a restart.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync, readFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import {
  runTilti, makeTempDir, makeDemoDb, startServer, stopAndCheck, get, holdPort, copyWebDir,
  openConnection, excerpt, sqlOf, isPostgresDb,
} from './harness.mjs';

let dir;
let demoDb;
before(async () => {
  dir = makeTempDir();
  demoDb = await makeDemoDb(dir);
});

/** The non-empty lines of a stderr. */
const lines = (s) => s.split('\n').filter((l) => l.trim() !== '');

/** Asserts a start-up failure: exit `code`, no signal, and one "tilti: ..." line matching `re`. */
function assertFails(r, code, re, what) {
  const info = `${what}: exit ${r.code}, signal ${r.signal}, stderr:\n${r.stderr}`;
  assert.equal(r.signal, null, `${info}\n(crashed)`);
  assert.equal(r.code, code, info);
  assert.match(r.stderr, re, info);
  const errors = lines(r.stderr).filter((l) => /error|tilti:/i.test(l));
  assert.ok(errors.length >= 1, info);
  assert.ok(lines(r.stderr).some((l) => /^tilti: /.test(l) && re.test(l)),
    `${info}\n(expected one "tilti: ..." line matching ${re})`);
  assert.ok(!/listening on/.test(r.stdout), `${what}: printed a listening line`);
}

/** Runs `tilti serve` expecting it to exit by itself (a failed start). */
function serveExpectingExit(args, opts = {}) {
  return runTilti(['serve', '--listen', '127.0.0.1:0', ...args], { timeoutMs: 30_000, ...opts });
}

describe('help', () => {
  test('tilti --help → exit 0 and lists the commands', async () => {
    const r = await runTilti(['--help']);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout + r.stderr;
    for (const cmd of ['serve', 'migrate', 'demo']) assert.match(out, new RegExp(cmd));
  });

  test('tilti serve --help → exit 0 and lists the serve options', async () => {
    const r = await runTilti(['serve', '--help']);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout + r.stderr;
    for (const opt of ['--listen', '--db', '--threads', '--max-body', '--web-dir']) {
      assert.ok(out.includes(opt), `serve --help lacks ${opt}:\n${out}`);
    }
  });

  test('tilti demo --help and tilti migrate --help → exit 0', async () => {
    for (const cmd of ['demo', 'migrate']) {
      const r = await runTilti([cmd, '--help']);
      assert.equal(r.code, 0, `${cmd} --help: ${r.stderr}`);
    }
  });
});

describe('bad command lines → exit 2 with one line', () => {
  const cases = [
    ['unknown flag', ['serve', '--bogus', 'x']],
    ['unknown command', ['frobnicate']],
    ['flag without a value', ['serve', '--db']],
    ['listen without a port', ['serve', '--db', 'x.db', '--listen', 'localhost']],
    ['listen port out of range', ['serve', '--db', 'x.db', '--listen', '127.0.0.1:70000']],
    ['threads not a number', ['serve', '--db', 'x.db', '--threads', 'many']],
    ['max-body too small', ['serve', '--db', 'x.db', '--max-body', '10']],
    ['stray argument', ['serve', 'extra']],
  ];
  for (const [name, args] of cases) {
    test(`${name}: tilti ${args.join(' ')}`, async () => {
      const r = await runTilti(args, { timeoutMs: 20_000 });
      assert.equal(r.signal, null, r.stderr);
      assert.equal(r.code, 2, `exit ${r.code}; stderr:\n${r.stderr}`);
      const l = lines(r.stderr);
      assert.equal(l.length, 1, `expected one line, got:\n${r.stderr}`);
      assert.match(l[0], /^tilti: /);
    });
  }
  test('an unknown flag is called unknown, even without a value', async () => {
    for (const args of [['serve', '--bogus'], ['serve', '--bogus', 'x'], ['demo', '--colour=red']]) {
      const r = await runTilti(args, { timeoutMs: 20_000 });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /unknown/i, `tilti ${args.join(' ')}: ${r.stderr.trim()}`);
      assert.match(r.stderr, /--(bogus|colour)/, 'the message names the flag');
    }
  });

  test('a bad TILTI_* environment variable is named', async () => {
    const r = await runTilti(['serve', '--db', 'x.db'], { env: { TILTI_THREADS: 'lots' } });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /TILTI_THREADS/);
  });
});

describe('start-up failures → exit 1 with a clear message', () => {
  test('the port is in use', async () => {
    const held = await holdPort();
    try {
      const r = await runTilti(['serve', '--db', demoDb, '--listen', `127.0.0.1:${held.port}`],
        { timeoutMs: 30_000 });
      assertFails(r, 1, /in use/i, 'port in use');
      assert.match(r.stderr, new RegExp(String(held.port)), 'the message names the port');
    } finally {
      await held.close();
    }
  });

  test('a missing database file is refused, pointing at `tilti demo`', async () => {
    const missing = path.join(dir, 'nope', 'missing.db');
    const r = await serveExpectingExit(['--db', missing]);
    assertFails(r, 1, /tilti demo/, 'missing db');
    assert.ok(r.stderr.includes(missing), 'the message names the path');
  });

  test('a corrupt database file (4 KB of random bytes) → exit 1, not a crash', async () => {
    const corrupt = path.join(dir, 'corrupt.db');
    writeFileSync(corrupt, randomBytes(4096));
    const before = readFileSync(corrupt);
    const r = await serveExpectingExit(['--db', corrupt]);
    assertFails(r, 1, /corrupt\.db|not a database|malformed|corrupt/i, 'corrupt db');
    assert.ok(r.stderr.length < 2000, `a short message, not a dump:\n${r.stderr}`);
    assert.ok(readFileSync(corrupt).equals(before), 'the corrupt file was modified');
  });

  test('a text file as the database → exit 1', async () => {
    const text = path.join(dir, 'text.db');
    writeFileSync(text, 'this is not a database\n'.repeat(300));
    const r = await serveExpectingExit(['--db', text]);
    assertFails(r, 1, /text\.db|not a database/i, 'text file db');
  });

  test('a directory as the database → exit 1', async () => {
    const r = await serveExpectingExit(['--db', dir]);
    assert.equal(r.signal, null, r.stderr);
    assert.equal(r.code, 1, r.stderr);
  });

  test('`tilti migrate` on a corrupt file → exit 1, not a crash', async () => {
    const corrupt = path.join(dir, 'corrupt2.db');
    writeFileSync(corrupt, randomBytes(4096));
    const r = await runTilti(['migrate', '--db', corrupt]);
    assertFails(r, 1, /corrupt2\.db|not a database|malformed|corrupt/i, 'migrate corrupt db');
  });
});

describe('--web-dir: broken templates and catalogues stop the start', () => {
  test('an intact copy of web/ serves (the control for the tests below)', async () => {
    const web = copyWebDir(makeTempDir());
    const server = await startServer({ db: demoDb, args: ['--web-dir', web] });
    try {
      const res = await get(server.url('/en/'));
      assert.equal(res.status, 200);
    } finally {
      await stopAndCheck(server);
    }
  });

  test('an unclosed section in templates/home.mustache names the file and line', async () => {
    const web = copyWebDir(makeTempDir());
    const file = path.join(web, 'templates', 'home.mustache');
    const lineCount = readFileSync(file, 'utf8').split('\n').length;
    appendFileSync(file, '\n{{#unclosed}}\n');
    const r = await serveExpectingExit(['--db', demoDb, '--web-dir', web]);
    assertFails(r, 1, /templates\/home\.mustache:\d+:/, 'broken template');
    const line = Number(/templates\/home\.mustache:(\d+):/.exec(r.stderr)[1]);
    assert.ok(line >= 1 && line <= lineCount + 2, `line ${line} is outside the file`);
    assert.match(r.stderr, /unclosed/, 'the message names the section');
  });

  test('an unknown message key in a template names the file and line', async () => {
    const web = copyWebDir(makeTempDir());
    const file = path.join(web, 'templates', 'home.mustache');
    const text = readFileSync(file, 'utf8').split('\n');
    // Put the bad key on line 3, so the exact line can be checked.
    text.splice(2, 0, '<p>{{t.home.no_such_key_anywhere}}</p>');
    writeFileSync(file, text.join('\n'));
    const r = await serveExpectingExit(['--db', demoDb, '--web-dir', web]);
    assertFails(r, 1, /templates\/home\.mustache:3:/, 'unknown key');
    assert.match(r.stderr, /no_such_key_anywhere/);
  });

  test('an unterminated string in locales/ru.po names the file and line', async () => {
    const web = copyWebDir(makeTempDir());
    const file = path.join(web, 'locales', 'ru.po');
    const text = readFileSync(file, 'utf8').split('\n');
    const idx = text.findIndex((l, i) => i > 0 && /^msgstr "./.test(l));
    assert.ok(idx > 0, 'ru.po has a one-line msgstr to break');
    text[idx] = text[idx].replace(/"$/, '');
    writeFileSync(file, text.join('\n'));
    const r = await serveExpectingExit(['--db', demoDb, '--web-dir', web]);
    assertFails(r, 1, /locales\/ru\.po:\d+:/, 'broken catalogue');
    const line = Number(/locales\/ru\.po:(\d+):/.exec(r.stderr)[1]);
    assert.equal(line, idx + 1, `reported line ${line}, broken line ${idx + 1}`);
  });

  test('a broken plural in locales/lv.po names the file', async () => {
    const web = copyWebDir(makeTempDir());
    const file = path.join(web, 'locales', 'lv.po');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace(/\{count, plural,/, '{count, plural, zero {# x');
    assert.notEqual(broken, text, 'lv.po has a plural message to break');
    writeFileSync(file, broken);
    const r = await serveExpectingExit(['--db', demoDb, '--web-dir', web]);
    assertFails(r, 1, /locales\/lv\.po:\d+:/, 'broken plural');
  });

  test('a --web-dir that does not exist → exit 1 naming it', async () => {
    const missing = path.join(dir, 'no-web-here');
    const r = await serveExpectingExit(['--db', demoDb, '--web-dir', missing]);
    assertFails(r, 1, /no-web-here/, 'missing web dir');
  });
});

describe('lifecycle', () => {
  // The signal is sent as soon as the "listening" line appears: a script that waits for that
  // line and then stops the server must get a clean exit, so the handlers must already be
  // installed by then.
  for (const sig of ['SIGTERM', 'SIGINT']) {
    test(`${sig} right after the listening line → exit 0`, async () => {
      const server = await startServer({ db: demoDb });
      const { code, signal } = await server.stop(sig);
      assert.equal(signal, null, `the process died of ${signal} instead of shutting down (signal ` +
        `handler not yet installed when "listening" was printed?); stderr:\n${server.stderrTail()}`);
      assert.equal(code, 0, server.stderrTail());
    });
  }

  test('SIGTERM while idle after serving → exit 0, stdout is just the listening line', async () => {
    const server = await startServer({ db: demoDb });
    assert.equal((await get(server.url('/healthz'))).status, 200);
    const { code, signal } = await server.stop('SIGTERM');
    assert.equal(signal, null, `killed by ${signal}; stderr:\n${server.stderrTail()}`);
    assert.equal(code, 0, server.stderrTail());
    assert.deepEqual(lines(server.stdout()), [`tilti: listening on ${server.origin}`]);
  });

  test('an idle keep-alive connection does not hold up SIGTERM', async () => {
    const server = await startServer({ db: demoDb });
    const conn = await openConnection(server.port);
    try {
      await conn.send('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const [res] = await conn.responses(1);
      assert.equal(res.status, 200);
      // The stop helper sends SIGKILL after 20 s; an exit code of 0 means it shut down itself.
      const { code, signal } = await server.stop('SIGTERM');
      assert.equal(signal, null, `needed SIGKILL; stderr:\n${server.stderrTail()}`);
      assert.equal(code, 0);
    } finally {
      conn.close();
    }
  });

  test('data persists across a restart on the same database', async () => {
    const db = await makeDemoDb(makeTempDir());
    const count = (html) => new Set([...html.matchAll(/href="\/en\/libraries\/([^"]+)"/g)]
      .map((m) => m[1])).size;
    const first = await startServer({ db });
    const before = await get(first.url('/en/'));
    await stopAndCheck(first);
    assert.equal(count(before.body), 10);
    const second = await startServer({ db });
    try {
      const after = await get(second.url('/en/'));
      assert.equal(after.status, 200);
      assert.equal(count(after.body), 10, excerpt(after.body));
    } finally {
      await stopAndCheck(second);
    }
  });

  test('`tilti demo` twice on one database still gives ten libraries', async () => {
    const d = makeTempDir();
    const db = await makeDemoDb(d);
    const again = await runTilti(['demo', '--db', db]);
    assert.equal(again.code, 0, again.stderr);
    const server = await startServer({ db });
    try {
      const res = await get(server.url('/en/libraries'));
      const slugs = new Set([...res.body.matchAll(/href="\/en\/libraries\/([^"]+)"/g)]
        .map((m) => m[1]));
      assert.equal(slugs.size, 10);
    } finally {
      await stopAndCheck(server);
    }
  });

  test('`tilti migrate` makes an empty database that serves pages', async () => {
    const db = path.join(makeTempDir(), 'sub', 'empty.db');
    const r = await runTilti(['migrate', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const again = await runTilti(['migrate', '--db', db]);
    assert.equal(again.code, 0, `migrating twice: ${again.stderr}`);
    const server = await startServer({ db });
    try {
      for (const p of ['/lv/', '/en/libraries', '/ru/accessibility']) {
        const res = await get(server.url(p));
        assert.equal(res.status, 200, `${p} on an empty database`);
      }
      const hz = await get(server.url('/healthz'));
      assert.equal(hz.status, 200);
    } finally {
      await stopAndCheck(server);
    }
  });

  test('a database that breaks under a command ends it with one line, not an abort', async () => {
    // The tables are there when the command starts (the schema version is right), then one is
    // gone: the store's error reaches the command line as "tilti retention: …", exit 1.
    const db = await makeDemoDb(makeTempDir());
    sqlOf(db)(isPostgresDb(db) ? 'DROP TABLE booking CASCADE' : 'DROP TABLE booking');
    const r = await runTilti(['retention', '--db', db]);
    const info = `exit ${r.code}, signal ${r.signal}, stderr:\n${r.stderr}`;
    assert.equal(r.signal, null, `${info}\n(crashed)`);
    assert.equal(r.code, 1, info);
    assert.doesNotMatch(r.stderr, /terminate called/, info);
    assert.ok(lines(r.stderr).some((l) => /^tilti retention: .*booking/.test(l)), info);
  });
});
