// `tilti export --format hsds-json|hsds-tabular` and `tilti import --format ...`: the demo data
// exported as HSDS JSON validates against the HSDS 3.0 organization schema (tests/hsds/), and
// both formats survive export -> import into a fresh database -> export byte for byte. A broken
// file is refused with exit 1, its line on stderr, and nothing written.
// Skipped (with a note) while the commands are not yet wired into src/app (RunHsdsExport and
// RunHsdsImport in src/app/hsds_commands.h).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { runTilti, makeTempDir, makeDemoDb, REPO_ROOT } from './harness.mjs';

const dir = makeTempDir();
const demoDb = await makeDemoDb(dir);
const probe = await runTilti(['export', '--format', 'hsds-json', '--out', path.join(dir, 'probe.json'), '--db', demoDb]);
const wired = probe.code === 0;

async function ok(args) {
  const r = await runTilti(args);
  assert.equal(r.code, 0, `tilti ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
  return r;
}

async function freshDb(name) {
  const db = path.join(dir, `${name}.db`);
  await ok(['migrate', '--db', db]);
  return db;
}

function folderBytes(folder) {
  const out = {};
  for (const f of readdirSync(folder).sort()) out[f] = readFileSync(path.join(folder, f), 'utf8');
  return out;
}

describe('HSDS export and import', { skip: wired ? false : 'tilti export/import --format hsds-* not wired yet' }, () => {
  let json;
  before(async () => {
    json = path.join(dir, 'demo.json');
    await ok(['export', '--format', 'hsds-json', '--out', json, '--db', demoDb]);
  });

  test('the JSON export is an array of valid HSDS 3.0 organizations', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'hsds', 'organization.json'), 'utf8'));
    delete schema.$id;
    const validate = ajv.compile(schema);
    const orgs = JSON.parse(readFileSync(json, 'utf8'));
    assert.ok(Array.isArray(orgs) && orgs.length > 0);
    for (const o of orgs) assert.ok(validate(o), `${o.id}: ${ajv.errorsText(validate.errors)}`);
    // Tilti's extensions travel as extra properties.
    assert.ok(orgs.some((o) => o.slug && o.kind && Array.isArray(o.translations)));
  });

  test('JSON: export, import into a fresh database, export again is byte-identical', async () => {
    const db = await freshDb('from-json');
    await ok(['import', '--format', 'hsds-json', json, '--db', db]);
    const again = path.join(dir, 'again.json');
    await ok(['export', '--format', 'hsds-json', '--out', again, '--db', db]);
    assert.equal(readFileSync(again, 'utf8'), readFileSync(json, 'utf8'));
    // The same import twice duplicates nothing.
    await ok(['import', '--format', 'hsds-json', json, '--db', db]);
    await ok(['export', '--format', 'hsds-json', '--out', again, '--db', db]);
    assert.equal(readFileSync(again, 'utf8'), readFileSync(json, 'utf8'));
  });

  test('tabular: export, import into a fresh database, export again is byte-identical', async () => {
    const first = path.join(dir, 'package');
    await ok(['export', '--format', 'hsds-tabular', '--out', first, '--db', demoDb]);
    const db = await freshDb('from-tabular');
    await ok(['import', '--format', 'hsds-tabular', first, '--db', db]);
    const second = path.join(dir, 'package-again');
    await ok(['export', '--format', 'hsds-tabular', '--out', second, '--db', db]);
    const a = folderBytes(first);
    assert.ok('datapackage.json' in a && 'organizations.csv' in a && 'translation.csv' in a);
    assert.deepEqual(folderBytes(second), a);
  });

  test('a broken file is refused with its place, and nothing is written', async () => {
    const db = await freshDb('refused');
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(json, 'utf8').replace('"name": ', '"name": true, "x": '));
    const r = await runTilti(['import', '--format', 'hsds-json', broken, '--db', db]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /\$\[0\]\.name: expected a string or a number/);
    const empty = path.join(dir, 'empty.json');
    await ok(['export', '--format', 'hsds-json', '--out', empty, '--db', db]);
    assert.equal(readFileSync(empty, 'utf8'), '[]\n');
  });
});
