// `tilti user add|list|disable|reset-password`: back-office accounts from the command line,
// against the real binary and a demo database. Passwords are generated and printed once or read
// from standard input; no hash or token is ever printed; every failure is one clear line with
// exit 2 (bad flags) or 1 (unknown or taken e-mail, unknown library, refused password).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { runTilti, makeTempDir, makeDemoDb, BIN } from './harness.mjs';

const LIBRARY = 'latgales-centrala-biblioteka';
const LIBRARY_2 = 'jelgavas-pilsetas-biblioteka';
const NGO = 'latvijas-sarkanais-krusts';

let dir;
let db;
before(async () => {
  dir = makeTempDir();
  db = await makeDemoDb(dir);
});

const user = (args) => runTilti(['user', ...args, '--db', db]);

/** Runs `tilti user ...args` with `input` on standard input. */
function userWithStdin(args, input) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, TZ: 'America/New_York' };
    for (const k of Object.keys(env)) if (k.startsWith('TILTI_')) delete env[k];
    const child = spawn(BIN, ['user', ...args, '--db', db], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Asserts exit `code` and exactly one stderr line, "tilti: ..." matching `re`. */
function assertFails(r, code, re, what) {
  const info = `${what}: exit ${r.code}, signal ${r.signal}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
  assert.equal(r.signal, null, info);
  assert.equal(r.code, code, info);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  assert.equal(lines.length, 1, info);
  assert.match(lines[0], /^tilti: /, info);
  assert.match(lines[0], re, info);
}

/** The password printed once by add or reset-password. */
function printedPassword(stdout) {
  const m = stdout.match(/shown only now; pass it on safely\): (\S+)\n/);
  assert.ok(m, `no password line in:\n${stdout}`);
  return m[1];
}

/** `tilti user list` as rows keyed by e-mail; asserts nothing secret is in it. */
async function list() {
  const r = await user(['list']);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /\$argon2|argon2id|\$v=19/, 'list printed a hash');
  const rows = {};
  for (const line of r.stdout.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [email, role, status, created, members, ...name] = line.split(/\s+/);
    rows[email] = { role, status, created, members, name: name.join(' ') };
  }
  return { rows, stdout: r.stdout };
}

test('an empty database lists no accounts', async () => {
  const fresh = path.join(makeTempDir(), 'empty.db');
  const migrate = await runTilti(['migrate', '--db', fresh]);
  assert.equal(migrate.code, 0, migrate.stderr);
  const r = await runTilti(['user', 'list', '--db', fresh]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /no accounts/);
});

test('add prints a strong generated password once; list shows the account without secrets', async () => {
  const r = await user(['add', '--email', '  Anna.Berzina@Example.ORG ', '--name', 'Anna Bērziņa',
    '--role', 'librarian', '--library', LIBRARY, '--library', LIBRARY_2]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /added librarian anna\.berzina@example\.org \(Anna Bērziņa\)/);
  const password = printedPassword(r.stdout);
  assert.match(password, /^[A-Za-z0-9_-]{20}$/);

  const { rows, stdout } = await list();
  const anna = rows['anna.berzina@example.org'];
  assert.ok(anna, stdout);
  assert.equal(anna.role, 'librarian');
  assert.equal(anna.status, 'active');
  assert.equal(anna.name, 'Anna Bērziņa');
  assert.deepEqual(anna.members.split(',').sort(), [LIBRARY_2, LIBRARY].sort());
  assert.ok(!stdout.includes(password), 'list printed the password');
});

test('coordinators and partners; a password from standard input is not printed', async () => {
  const c = await userWithStdin(['add', '--email', 'koord@example.lv', '--name', 'Koordinatore',
    '--role', 'coordinator', '--password-stdin'], 'a long enough passphrase\n');
  assert.equal(c.code, 0, c.stderr);
  assert.doesNotMatch(c.stdout, /password/i);
  assert.doesNotMatch(c.stdout, /a long enough passphrase/);
  const p = await user(['add', '--email', 'partner@example.lv', '--name', 'Partneris',
    '--role', 'partner', '--organization', NGO]);
  assert.equal(p.code, 0, p.stderr);
  const { rows } = await list();
  assert.equal(rows['koord@example.lv'].role, 'coordinator');
  assert.equal(rows['koord@example.lv'].members, '-');
  assert.equal(rows['partner@example.lv'].members, NGO);
});

test('add refuses a taken e-mail address in any case, and changes nothing', async () => {
  const first = await user(['add', '--email', 'dup@example.lv', '--name', 'First', '--role', 'partner']);
  assert.equal(first.code, 0, first.stderr);
  const again = await user(['add', '--email', 'DUP@example.lv', '--name', 'Second', '--role', 'partner']);
  assertFails(again, 1, /an account with the e-mail address dup@example\.lv exists/, 'duplicate');
  assert.doesNotMatch(again.stdout, /password/);
  const { rows } = await list();
  assert.equal(rows['dup@example.lv'].name, 'First');
});

test('add refuses an unknown library or organisation, and creates nothing', async () => {
  const r = await user(['add', '--email', 'ghost@example.lv', '--name', 'G', '--role', 'librarian',
    '--library', LIBRARY, '--library', 'no-such-library']);
  assertFails(r, 1, /--library: no library "no-such-library"/, 'unknown library');
  const notLibrary = await user(['add', '--email', 'ghost@example.lv', '--name', 'G',
    '--role', 'librarian', '--library', NGO]);
  assertFails(notLibrary, 1, /no library/, 'an NGO is not a library');
  const org = await user(['add', '--email', 'ghost@example.lv', '--name', 'G', '--role', 'partner',
    '--organization', 'no-such-org']);
  assertFails(org, 1, /--organization: no organisation "no-such-org"/, 'unknown organisation');
  const { rows } = await list();
  assert.equal(rows['ghost@example.lv'], undefined);
});

test('bad flags exit 2 with one line', async () => {
  const cases = [
    [['add', '--email', 'x@example.lv', '--name', 'X', '--role', 'admin'], /unknown role "admin"/],
    [['add', '--name', 'X', '--role', 'partner'], /--email is needed/],
    [['add', '--email', 'x@example.lv', '--role', 'partner'], /--name is needed/],
    [['add', '--email', 'x@example.lv', '--name', 'X'], /--role is needed/],
    [['add', '--email', 'x@example.lv', '--name', 'X', '--role', 'librarian'], /at least one --library/],
    [['add', '--email', 'not-an-address', '--name', 'X', '--role', 'partner'], /--email: not an e-mail address/],
    [['add', '--email', 'x@example.lv', '--name', 'X', '--role', 'partner', '--password', 'hunter2hunter2'],
      /never taken as a flag/],
    [['remove', '--email', 'x@example.lv'], /unknown action "remove"/],
    [[], /an action is needed/],
    [['disable'], /--email is needed/],
    [['reset-password'], /--email is needed/],
    [['list', '--bogus'], /--bogus: unknown option/],
  ];
  for (const [args, re] of cases) {
    assertFails(await user(args), 2, re, args.join(' '));
  }
  const { rows } = await list();
  assert.equal(rows['x@example.lv'], undefined);
});

test('a password from standard input must meet the policy', async () => {
  const cases = [
    ['short pass\n', /at least 12 characters/],
    ['aaaaaaaaaaaaaaaa', /repeats one character/],
    ['weak@example.lv\n', /is the e-mail address/],
    ['', /no password on standard input/],
  ];
  for (const [input, re] of cases) {
    const r = await userWithStdin(['add', '--email', 'weak@example.lv', '--name', 'W',
      '--role', 'partner', '--password-stdin'], input);
    assertFails(r, 1, re, JSON.stringify(input));
  }
  const { rows } = await list();
  assert.equal(rows['weak@example.lv'], undefined);
});

test('disable marks the account disabled; unknown e-mail fails', async () => {
  const add = await user(['add', '--email', 'leaver@example.lv', '--name', 'L', '--role', 'partner']);
  assert.equal(add.code, 0, add.stderr);
  const r = await user(['disable', '--email', 'Leaver@Example.lv']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /disabled leaver@example\.lv/);
  assert.equal((await list()).rows['leaver@example.lv'].status, 'disabled');
  const again = await user(['disable', '--email', 'leaver@example.lv']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /already disabled/);
  assertFails(await user(['disable', '--email', 'nobody@example.lv']), 1,
    /no account with the e-mail address nobody@example\.lv/, 'unknown e-mail');
});

test('reset-password prints a new password once, or takes one from standard input', async () => {
  const add = await user(['add', '--email', 'forgot@example.lv', '--name', 'F', '--role', 'partner']);
  const old = printedPassword(add.stdout);
  const r = await user(['reset-password', '--email', 'forgot@example.lv']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /new password set for forgot@example\.lv/);
  const fresh = printedPassword(r.stdout);
  assert.notEqual(fresh, old);
  const stdin = await userWithStdin(['reset-password', '--email', 'forgot@example.lv',
    '--password-stdin'], 'my own new passphrase\r\n');
  assert.equal(stdin.code, 0, stdin.stderr);
  assert.doesNotMatch(stdin.stdout, /passphrase|shown only now/);
  const weak = await userWithStdin(['reset-password', '--email', 'forgot@example.lv',
    '--password-stdin'], 'short');
  assertFails(weak, 1, /at least 12 characters/, 'weak reset');
  assertFails(await user(['reset-password', '--email', 'nobody@example.lv']), 1,
    /no account with the e-mail address nobody@example\.lv/, 'unknown e-mail');
});

test('user commands other than add need an existing database', async () => {
  const missing = path.join(makeTempDir(), 'missing.db');
  assertFails(await runTilti(['user', 'list', '--db', missing]), 1, /no such database/, 'list');
});

test('tilti user --help names every action', async () => {
  const r = await runTilti(['user', '--help']);
  assert.equal(r.code, 0);
  for (const action of ['add', 'list', 'disable', 'reset-password', '--password-stdin']) {
    assert.ok(r.stdout.includes(action), action);
  }
});
