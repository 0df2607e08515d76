// QUALITY.md R2 for bookings: kill -9 the server 20 times while many clients book. After each
// restart every booking the server acknowledged (a 303 to the private page) is in the database,
// no slot holds more than its capacity or two bookings of a one-person slot, the counters agree
// with the bookings, and PRAGMA integrity_check is ok.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeTempDir, makeDemoDb, startServer, isPostgresDb } from './harness.mjs';
import { sqlOf, formSession, freeSlots, hold, completeBooking } from './booking_steps.mjs';

const KILLS = 20;
const WORKERS = 24;

test(`kill -9 under booking load, ${KILLS} times: nothing acknowledged is lost, nothing doubled`, async (t) => {
  const db = await makeDemoDb(makeTempDir());
  const sql = sqlOf(db);
  const id = sql("SELECT r.id FROM resource r JOIN organization o ON o.id = r.organization_id WHERE o.slug = 'ventspils-biblioteka' AND r.kind = 'consultation'");
  sql(`UPDATE resource SET book_ahead_days = 365, min_notice_minutes = 0 WHERE id = '${id}'`);
  const acknowledged = new Set();
  let pool = [];
  for (let round = 0; round < KILLS; round++) {
    const server = await startServer({ db, args: ['--registration-limit', '1000000'] });
    if (pool.length === 0) {
      for (let d = 1; pool.length < 400 && d < 366; d++) {
        const date = new Date(Date.now() + d * 86400000).toISOString().slice(0, 10);
        for (const s of await freeSlots(server, 'en', id, date)) pool.push({ date, start: s.value });
      }
    }
    const session = await formSession(`${server.origin}/en/resources/${id}/book?date=${pool[0].date}`);
    let running = true;
    let n = 0;
    const worker = async (w) => {
      while (running) {
        // Several workers aim at the same few slots, so they also race.
        const { date, start } = pool[(round * 7 + Math.floor(n++ / 3) + w) % pool.length];
        try {
          const held = await hold(server, 'en', id, date, start, session);
          if (held.status !== 303) continue;
          const done = await completeBooking(server, held.headers.get('location'), { name: `Crash ${round}-${w}`, language: 'en' }, session);
          if (done.status === 303) {
            const token = /\/bookings\/([A-Za-z0-9_-]{43})/.exec(done.headers.get('location'))[1];
            acknowledged.add(createHash('sha256').update(token).digest('hex'));
          }
        } catch {
          // The connection died with the server: not acknowledged.
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
    // Kill while bookings are in flight, after this round acknowledged one at least (on a busy
    // machine that can take longer than the spread below).
    const before = acknowledged.size;
    await sleep(300 + ((round * 137) % 500));
    for (let waited = 0; acknowledged.size === before && waited < 30_000; waited += 20) await sleep(20);
    server.process.kill('SIGKILL');
    const { signal } = await server.exited;
    assert.equal(signal, 'SIGKILL');
    running = false;
    await Promise.all(workers);

    if (!isPostgresDb(db)) assert.equal(sql('PRAGMA integrity_check'), 'ok', `after kill ${round + 1}`);
    const stored = new Set(sql(`SELECT token_hash FROM booking WHERE resource_id = '${id}'`).split('\n').filter(Boolean));
    for (const hash of acknowledged) assert.ok(stored.has(hash), `an acknowledged booking is missing after kill ${round + 1}`);
    assert.equal(sql(`SELECT count(*) FROM slot WHERE resource_id = '${id}' AND taken > capacity`), '0');
    assert.equal(sql(`SELECT count(*) FROM (SELECT starts_at FROM booking WHERE resource_id = '${id}' AND status IN ('confirmed', 'pending') GROUP BY starts_at HAVING count(*) > 1) AS d`), '0', 'a doubled booking');
    assert.equal(sql(`SELECT count(*) FROM slot s WHERE s.resource_id = '${id}' AND s.taken <> (SELECT coalesce(sum(party_size), 0) FROM booking b WHERE b.resource_id = s.resource_id AND b.starts_at = s.starts_at AND b.status IN ('confirmed', 'pending'))`), '0', 'counters agree with bookings');
  }
  assert.ok(acknowledged.size >= KILLS, `only ${acknowledged.size} bookings were acknowledged under load`);
  t.diagnostic(`${acknowledged.size} bookings acknowledged across ${KILLS} kills, all present`);
});
