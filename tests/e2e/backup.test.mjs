// `tilti backup`: an online copy of the embedded database while the server runs and writes; the
// copy is whole and checked, never overwrites, and says clearly why when it cannot be made.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runTilti, makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt } from './harness.mjs';
import { sqlOf } from './booking_steps.mjs';

const dir = makeTempDir();
const db = await makeDemoDb(dir);
const server = await startServer({ db });
after(() => stopAndCheck(server));
const counts = (file) => sqlOf(file)(
  "SELECT (SELECT count(*) FROM organization) || '/' || (SELECT count(*) FROM translation) || '/' || " +
  "(SELECT count(*) FROM practice) || '/' || (SELECT max(version) FROM schema_migrations)");

test('a backup made while the server runs equals the database and opens as one', async () => {
  // The server holds the database open and keeps answering during the copy.
  let serving = true;
  const requests = (async () => {
    let n = 0;
    while (serving && n < 200) {
      assert.equal((await get(`${server.origin}/lv/libraries`)).status, 200);
      n += 1;
    }
    return n;
  })();
  const out = path.join(dir, 'copy.db');
  const made = await runTilti(['backup', '--db', db, '--out', out]);
  serving = false;
  await requests;
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /copied to .*copy\.db \(\d+ pages, checked\)/);
  assert.equal(sqlOf(out)('PRAGMA integrity_check'), 'ok');
  assert.equal(sqlOf(out)('PRAGMA journal_mode'), 'delete', 'one self-contained file');
  assert.ok(!existsSync(`${out}.partial`));
  assert.equal(counts(out), counts(db));
  // The copy serves as a database of its own.
  const second = await startServer({ db: out });
  try {
    const page = await get(`${second.origin}/lv/practices/open-up-jekabpils`);
    assert.equal(page.status, 200, excerpt(page.body));
  } finally {
    await stopAndCheck(second);
  }
});

test('a backup never overwrites, and says why it cannot be made', async () => {
  const existing = path.join(dir, 'existing.db');
  writeFileSync(existing, 'keep me');
  const refused = await runTilti(['backup', '--db', db, '--out', existing]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^tilti: backup: .*existing\.db exists already: a backup never overwrites a file/m);
  assert.equal(readFileSync(existing, 'utf8'), 'keep me');
  const itself = await runTilti(['backup', '--db', db, '--out', db]);
  assert.equal(itself.code, 1);
  assert.match(itself.stderr, /is the database itself/);
  const missing = await runTilti(['backup', '--db', path.join(dir, 'nope.db'), '--out', path.join(dir, 'x.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.db: no such database/);
  assert.ok(!existsSync(path.join(dir, 'x.db')));
  const noFolder = await runTilti(['backup', '--db', db, '--out', path.join(dir, 'no-such-folder', 'x.db')]);
  assert.equal(noFolder.code, 1);
  assert.match(noFolder.stderr, /^tilti: backup: /m);
  const noOut = await runTilti(['backup', '--db', db]);
  assert.notEqual(noOut.code, 0);
  assert.match(noOut.stderr, /backup: --out is needed/);
  const help = await runTilti(['backup', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /tilti backup: copy the database/);
});
