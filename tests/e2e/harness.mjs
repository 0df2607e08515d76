// The end-to-end harness: runs the real `tilti` binary against a temporary database and talks to
// it over real HTTP. Test files start one server each (at the top level, stopped in `after`), so
// the suite stays fast; helpers here never assert on timing.
//
//   const server = await startDemoServer();   // temp dir + `tilti demo` + `tilti serve` on :0
//   after(() => server.stop());
//   const res = await get(server.url('/en/'));
//   const raw = await rawRequest(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
//
// Environment: TILTI_BIN (default build/tilti), TILTI_E2E_KEEP=1 keeps the temporary
// directories, TILTI_E2E_VERBOSE=1 prints each server's stderr when it stops.
// TILTI_E2E_POSTGRES=postgresql://…/postgres (a server's admin database, as scripts/postgres.sh
// prints it): every demo database is then a new PostgreSQL database on that server instead of an
// SQLite file, dropped at exit, and `sqlOf(db)` queries it with psql.
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.TILTI_BIN || path.join(REPO_ROOT, 'build', 'tilti');
export const WEB_DIR = path.join(REPO_ROOT, 'web');
export const LANGS = ['lv', 'ru', 'uk', 'en'];
export const ENDONYMS = { lv: 'Latviešu', ru: 'Русский', uk: 'Українська', en: 'English' };

// Generous: the machines running this are small and shared.
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 20_000;
const COMMAND_TIMEOUT_MS = 60_000;

if (!existsSync(BIN)) {
  throw new Error(`tilti binary not found at ${BIN}: build it (make build) or set TILTI_BIN`);
}

// Children still alive when this process exits (a crash, an interrupted run) are killed.
const liveChildren = new Set();
process.on('exit', () => {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

// The server reads TILTI_* settings from the environment; a developer's own settings must not
// leak into tests.
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('TILTI_')) env[k] = v;
  }
  return { ...env, TZ: 'America/New_York', ...extra };
}

/** A new empty temporary directory, removed at exit unless TILTI_E2E_KEEP is set. */
export function makeTempDir(prefix = 'tilti-e2e-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  if (!process.env.TILTI_E2E_KEEP) {
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return dir;
}

/** A copy of web/ (templates, locales, static) that a test may break, for --web-dir. */
export function copyWebDir(dir) {
  const dest = path.join(dir, 'web');
  cpSync(WEB_DIR, dest, { recursive: true });
  return dest;
}

/**
 * Runs `tilti ...args` to completion.
 * Resolves to {code, signal, stdout, stderr}; never rejects on a non-zero exit.
 */
export function runTilti(args, { timeoutMs = COMMAND_TIMEOUT_MS, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    liveChildren.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tilti ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export const POSTGRES = process.env.TILTI_E2E_POSTGRES || '';
export const isPostgresDb = (db) => /^postgres(ql)?:\/\//.test(db);

/** The admin URL with another database name. */
function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A new empty database: an SQLite path in `dir`, or (TILTI_E2E_POSTGRES) a new PostgreSQL
 * database, dropped when this process exits. Returns its path or URL for --db.
 */
export function newDatabase(dir = makeTempDir()) {
  if (!POSTGRES) return path.join(dir, 'tilti.db');
  const name = `tilti_e2e_${randomBytes(6).toString('hex')}`;
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', POSTGRES, '-c', `CREATE DATABASE ${name}`]);
  if (!process.env.TILTI_E2E_KEEP) {
    process.on('exit', () => {
      spawnSync('psql', ['-X', '-q', POSTGRES, '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    });
  }
  return withDatabase(POSTGRES, name);
}

/**
 * Runs one SQL statement on the test's database and returns what it prints, rows as lines and
 * columns joined by '|' (sqlite3's default output; psql -At prints the same).
 */
export const sqlOf = (db) => (q) =>
  (isPostgresDb(db)
    ? execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', db, '-c', q], { encoding: 'utf8' })
    : execFileSync('sqlite3', ['-cmd', '.timeout 5000', db, q], { encoding: 'utf8' })
  ).trim();

/** Runs `tilti demo --db DB` on a new database (newDatabase) and returns its path or URL. */
export async function makeDemoDb(dir = makeTempDir()) {
  const db = newDatabase(dir);
  const r = await runTilti(['demo', '--db', db]);
  if (r.code !== 0) {
    throw new Error(`tilti demo failed (exit ${r.code}, signal ${r.signal}):\n${r.stderr}`);
  }
  return db;
}

/**
 * Starts `tilti serve --db DB --listen 127.0.0.1:0 ...args` and waits for its
 * "tilti: listening on http://HOST:PORT" line. Rejects with the stderr if it exits first.
 * Returns a handle: {port, origin, url(path), stderr(), exited, stop(signal)}.
 */
export function startServer({ db, args = [], env = {}, timeoutMs = START_TIMEOUT_MS } = {}) {
  const argv = ['serve', '--db', db, '--listen', '127.0.0.1:0', ...args];
  const child = spawn(BIN, argv, { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  let stdout = '';
  let stderr = '';
  // Keep the log bounded; the tail is what diagnoses a failure.
  const appendErr = (d) => {
    stderr += d;
    if (stderr.length > 2_000_000) stderr = stderr.slice(-1_000_000);
  };
  child.stderr.setEncoding('utf8').on('data', appendErr);
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      liveChildren.delete(child);
      resolve({ code, signal });
    });
  });

  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`tilti serve printed no address in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(e);
    });
    exited.then(({ code, signal }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const err = new Error(`tilti serve exited (code ${code}, signal ${signal}) before ` +
                            `listening:\n${stderr}`);
      err.code = code;
      err.stderr = stderr;
      reject(err);
    });
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
      const m = /tilti: listening on (http:\/\/([^\s:]+|\[[^\]]+\]):(\d+))/.exec(stdout);
      if (!m || settled) return;
      settled = true;
      clearTimeout(timer);
      const origin = m[1];
      const port = Number(m[3]);
      let stopping = null;
      const handle = {
        port,
        origin,
        db,
        process: child,
        exited,
        url: (p = '/') => origin + p,
        stderr: () => stderr,
        stderrTail: (lines = 40) => stderr.split('\n').slice(-lines).join('\n'),
        stdout: () => stdout,
        /** Sends `signal` (SIGTERM) and resolves to {code, signal}; SIGKILL after a grace. */
        stop(sig = 'SIGTERM') {
          if (stopping) return stopping;
          if (child.exitCode !== null || child.signalCode !== null) {
            stopping = exited;
          } else {
            child.kill(sig);
            const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
            stopping = exited.then((r) => {
              clearTimeout(killer);
              return r;
            });
          }
          return stopping.then((r) => {
            if (process.env.TILTI_E2E_VERBOSE) {
              process.stderr.write(`--- tilti serve stderr (${origin}):\n${stderr}\n`);
            }
            return r;
          });
        },
      };
      resolve(handle);
    });
  });
}

/**
 * The usual test-file setup: a temporary demo database and one server on it.
 * `args` are extra `serve` flags (e.g. ['--max-body', '2048']).
 */
export async function startDemoServer({ args = [], env = {} } = {}) {
  const dir = makeTempDir();
  const db = await makeDemoDb(dir);
  const server = await startServer({ db, args, env });
  server.dir = dir;
  server.db = db;
  return server;
}

/**
 * Stops `server` and fails (throws) unless it exits 0 on SIGTERM; includes the stderr tail.
 * Meant for `after(() => stopAndCheck(server))`.
 */
export async function stopAndCheck(server) {
  if (!server) return;
  const { code, signal } = await server.stop('SIGTERM');
  if (code !== 0) {
    throw new Error(`tilti serve exited with code ${code}, signal ${signal} on SIGTERM; ` +
                    `stderr tail:\n${server.stderrTail()}`);
  }
}

/**
 * fetch() without following redirects; resolves to {status, headers, body (string), bytes,
 * url, response}. `opts` are fetch options (method, headers, body).
 */
export async function get(url, opts = {}) {
  const response = await fetch(url, { redirect: 'manual', ...opts });
  const buf = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    body: buf.toString('utf8'),
    bytes: buf,
    url,
    response,
  };
}

// ---------------------------------------------------------------------------------------------
// Raw sockets.

/** Parses as many complete HTTP responses as `buf` holds. `headFlags[i]` marks HEAD answers. */
function parseResponses(buf, headFlags, closed) {
  const out = [];
  let pos = 0;
  while (pos < buf.length) {
    const end = buf.indexOf('\r\n\r\n', pos, 'latin1');
    if (end < 0) break;
    const head = buf.subarray(pos, end).toString('latin1');
    const lines = head.split('\r\n');
    const m = /^HTTP\/(\d\.\d) (\d{3})(?: (.*))?$/.exec(lines[0]);
    if (!m) throw new Error(`not an HTTP response: ${JSON.stringify(lines[0])}`);
    const status = Number(m[2]);
    const headers = {};
    const rawHeaders = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      rawHeaders.push([name, value]);
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    let bodyStart = end + 4;
    let body;
    const isHead = headFlags[out.length] === true;
    if (isHead || status === 204 || status === 304 || (status >= 100 && status < 200)) {
      body = Buffer.alloc(0);
    } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const chunks = [];
      let p = bodyStart;
      let done = false;
      while (true) {
        const lineEnd = buf.indexOf('\r\n', p, 'latin1');
        if (lineEnd < 0) break;
        const size = parseInt(buf.subarray(p, lineEnd).toString('latin1'), 16);
        if (Number.isNaN(size)) throw new Error('bad chunk size');
        if (size === 0) {
          const trailerEnd = buf.indexOf('\r\n\r\n', lineEnd, 'latin1');
          if (trailerEnd < 0) break;
          p = trailerEnd + 4;
          done = true;
          break;
        }
        if (lineEnd + 2 + size + 2 > buf.length) break;
        chunks.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
        p = lineEnd + 2 + size + 2;
      }
      if (!done) break;
      body = Buffer.concat(chunks);
      bodyStart = p;
      pos = p;
      out.push({ httpVersion: m[1], status, statusText: m[3] ?? '', headers, rawHeaders, body });
      continue;
    } else if (headers['content-length'] !== undefined) {
      const len = Number(headers['content-length']);
      if (bodyStart + len > buf.length) break;
      body = buf.subarray(bodyStart, bodyStart + len);
      bodyStart += len;
    } else {
      // Delimited by the connection closing.
      if (!closed) break;
      body = buf.subarray(bodyStart);
      bodyStart = buf.length;
    }
    pos = bodyStart;
    out.push({ httpVersion: m[1], status, statusText: m[3] ?? '', headers, rawHeaders, body });
  }
  return out;
}

/**
 * Writes `bytes` (string, sent as latin1 unless a Buffer; or an array of pieces written in
 * order) to 127.0.0.1:port and reads responses.
 *
 * Resolves when the server closes the connection, or, unless `waitForClose`, as soon as
 * `responses` complete responses have arrived, or after `timeoutMs` (then `timedOut` is true).
 * Returns the first response's {status, headers, body (string)} plus `responses` (all parsed),
 * `closed` (the server closed or reset the connection) and `raw` (every byte received).
 * `status` is null if no complete response arrived.
 */
export function rawRequest(port, bytes, {
  timeoutMs = 15_000,
  responses: wanted = 1,
  waitForClose = false,
  head,
} = {}) {
  const pieces = (Array.isArray(bytes) ? bytes : [bytes]).map((b) =>
    Buffer.isBuffer(b) ? b : Buffer.from(b, 'latin1'));
  const all = Buffer.concat(pieces).toString('latin1');
  // Which responses answer HEAD requests (they have no body); guessed from the request lines.
  const headFlags = head ?? [...all.matchAll(/(?:^|\r\n\r\n)([A-Z]+) \S+ HTTP\//g)]
    .map((m) => m[1] === 'HEAD');
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    let closed = false;
    let finished = false;
    let error = null;
    const finish = (timedOut = false) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      let parsed = [];
      let parseError = null;
      try {
        parsed = parseResponses(received, headFlags, closed);
      } catch (e) {
        parseError = e;
      }
      socket.destroy();
      const first = parsed[0];
      resolve({
        status: first ? first.status : null,
        headers: first ? first.headers : {},
        body: first ? first.body.toString('utf8') : '',
        responses: parsed.map((r) => ({ ...r, body: r.body.toString('utf8') })),
        closed,
        timedOut,
        error,
        parseError,
        raw: received.toString('latin1'),
      });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (socket.destroyed) break;
        await new Promise((r) => socket.write(piece, () => r()));
      }
    });
    socket.on('data', (d) => {
      received = Buffer.concat([received, d]);
      if (waitForClose) return;
      try {
        if (parseResponses(received, headFlags, false).length >= wanted) finish();
      } catch {
        // Incomplete or garbled; wait for more or for the close.
      }
    });
    socket.on('error', (e) => {
      // ECONNRESET after the server answered and closed is normal for a rejected request.
      error = e;
      closed = true;
      finish();
    });
    socket.on('end', () => {
      closed = true;
      finish();
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
  });
}

/**
 * An open raw connection for keep-alive tests: `send(bytes)`, `responses(n)` (resolves once n
 * complete responses have arrived in total, or rejects after timeoutMs), `closed`, `close()`.
 */
export async function openConnection(port, { head = [] } = {}) {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let received = Buffer.alloc(0);
  const conn = {
    closed: false,
    head,
    waiters: [],
    send(bytes) {
      const s = String(bytes);
      const headFlags = [...s.matchAll(/(?:^|\r\n\r\n)([A-Z]+) \S+ HTTP\//g)]
        .map((m) => m[1] === 'HEAD');
      conn.head.push(...headFlags);
      return new Promise((r) => socket.write(Buffer.from(s, 'latin1'), () => r()));
    },
    parsed() {
      try {
        return parseResponses(received, conn.head, conn.closed)
          .map((r) => ({ ...r, body: r.body.toString('utf8') }));
      } catch {
        return [];
      }
    },
    responses(n, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const got = conn.parsed();
          if (got.length >= n) {
            clearTimeout(timer);
            resolve(got);
            return true;
          }
          if (conn.closed) {
            clearTimeout(timer);
            reject(new Error(`connection closed after ${got.length} of ${n} responses`));
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          conn.waiters = conn.waiters.filter((w) => w !== check);
          reject(new Error(`${conn.parsed().length} of ${n} responses in ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) conn.waiters.push(check);
      });
    },
    close() {
      socket.destroy();
    },
  };
  const poke = () => {
    conn.waiters = conn.waiters.filter((w) => !w());
  };
  socket.on('data', (d) => {
    received = Buffer.concat([received, d]);
    poke();
  });
  socket.on('error', () => {
    conn.closed = true;
    poke();
  });
  socket.on('close', () => {
    conn.closed = true;
    poke();
  });
  return conn;
}

/** A port that is bound (and held) by this process until `close()`; for "port in use". */
export async function holdPort() {
  const srv = net.createServer();
  await new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', resolve);
  });
  return { port: srv.address().port, close: () => new Promise((r) => srv.close(r)) };
}

// ---------------------------------------------------------------------------------------------
// HTML helpers: enough to read the server's own markup, not a general parser.

/** The attributes of one start tag string `<a href="x" lang=y>` as an object. */
export function attrsOf(tag) {
  const attrs = {};
  const inner = tag.replace(/^<[A-Za-z][\w-]*/, '').replace(/\/?>$/, '');
  const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  let m;
  while ((m = re.exec(inner))) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Every start tag `<name ...>` in `html`, as {tag, attrs, index}. */
export function startTags(html, name) {
  const re = new RegExp(`<${name}(?=[\\s>/])[^>]*>`, 'gi');
  return [...html.matchAll(re)].map((m) => ({ tag: m[0], attrs: attrsOf(m[0]), index: m.index }));
}

/** The text of the first `<name ...>...</name>` (tags stripped, entities decoded), or null. */
export function elementText(html, name) {
  const m = new RegExp(`<${name}(?=[\\s>])[^>]*>([\\s\\S]*?)</${name}>`, 'i').exec(html);
  return m ? textOf(m[1]) : null;
}

/** The inner HTML of the first `<name ...>...</name>`, or null. */
export function elementHtml(html, name) {
  const m = new RegExp(`<${name}(?=[\\s>])[^>]*>([\\s\\S]*?)</${name}>`, 'i').exec(html);
  return m ? m[1] : null;
}

/** Tags stripped, entities decoded, white space collapsed. */
export function textOf(fragment) {
  return decodeEntities(fragment.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

export function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** The `<link rel="alternate" hreflang>` map of a page: {lv: href, ..., 'x-default': href}. */
export function hreflangAlternates(html) {
  const out = {};
  for (const { attrs } of startTags(html, 'link')) {
    if ((attrs.rel ?? '').toLowerCase().split(/\s+/).includes('alternate') && attrs.hreflang) {
      out[attrs.hreflang] = attrs.href;
    }
  }
  return out;
}

/** The first focusable element in the body (a[href], button, input, select, textarea, tabindex>=0). */
export function firstFocusable(html) {
  const bodyStart = html.search(/<body[\s>]/i);
  const body = bodyStart >= 0 ? html.slice(bodyStart) : html;
  const re = /<(a|button|input|select|textarea|summary|[a-z][\w-]*)(?=[\s>/])[^>]*>/gi;
  let m;
  while ((m = re.exec(body))) {
    const name = m[1].toLowerCase();
    const attrs = attrsOf(m[0]);
    const tabindex = attrs.tabindex !== undefined ? Number(attrs.tabindex) : undefined;
    if (tabindex !== undefined && tabindex < 0) continue;
    if (name === 'input' && (attrs.type ?? '').toLowerCase() === 'hidden') continue;
    if ((name === 'a' && 'href' in attrs) || ['button', 'input', 'select', 'textarea', 'summary']
      .includes(name) || tabindex !== undefined) {
      return { name, attrs, tag: m[0] };
    }
  }
  return null;
}

/** A short excerpt of `s` for assertion messages. */
export function excerpt(s, max = 600) {
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

/** The password test accounts are made with (long enough for the password policy). */
export const TEST_PASSWORD = 'a long enough passphrase';

/**
 * `tilti user add ARGS --password-stdin --db DB`, the password given on standard input.
 * Rejects with the command's stderr when it fails.
 */
export function addUser(db, args, password = TEST_PASSWORD) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['user', 'add', ...args, '--password-stdin', '--db', db],
      { env: cleanEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
    liveChildren.add(child);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      liveChildren.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`tilti user add failed (${code}): ${stderr}`));
    });
    child.stdin.end(`${password}\n`);
  });
}

/**
 * Signs in through the sign-in form over plain HTTP, like a browser without JavaScript.
 * Resolves to {cookie, csrf}: the Cookie header (CSRF and session cookies) and the form token
 * for later posts. Throws when no session cookie comes back.
 */
export async function signInHttp(server, email, { lang = 'lv', password = TEST_PASSWORD } = {}) {
  const form = await get(`${server.origin}/${lang}/account/sign-in`);
  const csrfCookie = form.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf='))
    .split(';')[0];
  const csrf = /name="csrf" value="([0-9a-f]{32})"/.exec(form.body)[1];
  const res = await get(`${server.origin}/${lang}/account/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin,
               cookie: csrfCookie },
    body: new URLSearchParams({ csrf, email, password }).toString(),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('tilti_session='));
  if (!session) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return { cookie: `${csrfCookie}; ${session.split(';')[0]}`, csrf };
}
