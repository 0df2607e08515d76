// `tilti import --format england|uk|swiss-osm|us-imls FILE`: the real binary on small files in
// the real formats. A good file is imported and shows on the site (search and library page,
// in two languages); running it again duplicates nothing; a file with bad rows is refused with
// every bad row's line and nothing written; bad flags exit 2.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runTilti, makeTempDir, makeDemoDb, startServer, stopAndCheck, get } from './harness.mjs';

const dir = makeTempDir();
const ENGLAND_HEADER =
  'name,id,authority_id,address,postcode,lat,lng,statutory2010,statutory2016,type,closed,' +
  'closed_year,opened_year,replacement,notes,hours,staffhours,url,email\n';
const UK_HEADER =
  'Local authority,Library name,Address 1,Address 2,Address 3,Postcode,Unique property ' +
  'reference number,Statutory,Type of library,Year opened,Year closed,Monday staffed hours,' +
  'Tuesday staffed hours,Wednesday staffed hours,Thursday staffed hours,Friday staffed hours,' +
  'Saturday staffed hours,Sunday staffed hours,URL,Email address\n';

function file(name, text) {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

// The whole directory as HSDS JSON, to compare before and after.
async function directoryOf(db) {
  const out = path.join(dir, 'x.json');
  const r = await runTilti(['export', '--format', 'hsds-json', '--out', out, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  return readFileSync(out, 'utf8');
}

describe('tilti import', () => {
  const servers = [];
  after(async () => { for (const s of servers) await stopAndCheck(s); });

  test('imports a UK list, shows it on the site, and a second run duplicates nothing', async () => {
    const db = await makeDemoDb(makeTempDir());
    const uk = file('uk.csv', UK_HEADER +
      'Test Borough Council,Quayside Library,1 Quay Street,,Testington,TE1 1ST,,Yes,LAL,,,' +
      '09:00-17:00,09:00-17:00,,09:00-19:00,09:00-17:00,"10:00-13:00,14:00-16:00",,' +
      'https://library.example/quayside,quayside@library.example\n' +
      'Test Borough Council,Old Library,2 Old Street,,Testington,TE1 2ST,,Yes,LAL,1950,2012,' +
      ',,,,,,,,\n');
    const first = await runTilti(['import', '--db', db, '--format', 'uk', uk]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /1 libraries imported \(1 new, 0 already known; 1 with opening hours/);
    assert.match(first.stdout, /1 left out on purpose/);
    const again = await runTilti(['import', '--db', db, '--format', 'uk', uk]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /\(0 new, 1 already known/);

    const server = await startServer({ db });
    servers.push(server);
    for (const lang of ['en', 'lv']) {
      const search = await get(server.url(`/${lang}/libraries?q=quayside`));
      assert.equal(search.status, 200);
      assert.match(search.body, /href="\/(en|lv)\/libraries\/quayside-library-testington"/);
      const page = await get(server.url(`/${lang}/libraries/quayside-library-testington`));
      assert.equal(page.status, 200);
      assert.match(page.body, /1 Quay Street/);
      assert.match(page.body, /Europe\/London/);  // the hours are London wall-clock times
      assert.match(page.body, /"addressCountry":"GB"/);
    }
    // The closed library was left out.
    const closed = await get(server.url('/en/libraries?q=old+library+testington'));
    assert.doesNotMatch(closed.body, /old-library/);
  });

  test('refuses a file with bad rows, lists each with its line, and writes nothing', async () => {
    const db = await makeDemoDb(makeTempDir());
    const before = await directoryOf(db);
    const bad = file('england-bad.csv', ENGLAND_HEADER +
      'Good,1,1,"1 Street, Town",AB1 2CD,51.5,-0.1,t,t,LAL,,,,f,,,,,\n' +
      'North,2,1,"2 Street, Town",AB1 2CD,north,-0.1,t,t,LAL,,,,f,,,,,\n' +
      ',3,1,"3 Street, Town",AB1 2CD,51.5,-0.1,t,t,LAL,,,,f,,,,,\n' +
      'Again,1,1,"4 Street, Town",AB1 2CD,51.5,-0.1,t,t,LAL,,,,f,,,,,\n');
    const r = await runTilti(['import', '--db', db, '--format', 'england', bad]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /england-bad\.csv:3: coordinates 'north'/);
    assert.match(r.stderr, /england-bad\.csv:4: the library has no name/);
    assert.match(r.stderr, /england-bad\.csv:5: the id '1' was already used on line 2/);
    assert.match(r.stderr, /3 row\(s\) cannot be imported .*nothing was imported/);
    assert.equal(await directoryOf(db), before);
  });

  test('refuses a file of another format, an unreadable file and bad flags', async () => {
    const db = path.join(makeTempDir(), 'x.db');
    const wrong = file('wrong.csv', UK_HEADER);
    let r = await runTilti(['import', '--db', db, '--format', 'england', wrong]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /wrong\.csv:1: the header lacks the column\(s\) name, id/);
    r = await runTilti(['import', '--db', db, '--format', 'swiss-osm', file('osm.json', '{"elements": [}')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not JSON/);
    r = await runTilti(['import', '--db', db, '--format', 'england', path.join(dir, 'missing.csv')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /missing\.csv: cannot read the file/);
    r = await runTilti(['import', '--db', db, '--format', 'france', wrong]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown format "france" \(one of: england, uk, swiss-osm, us-imls/);
    r = await runTilti(['import', '--db', db, wrong]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format is needed/);
    r = await runTilti(['import', '--db', db, '--format', 'uk']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the file or folder to import is needed/);
  });
});
