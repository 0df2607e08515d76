// QUALITY.md R3 for bookings: 200 clients race for one slot of a one-person consultation, 100
// rounds with a new slot each: exactly one hold (and so one booking) per round, every other
// client told the time was just taken (409), never a 5xx, and the database agrees.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeTempDir, makeDemoDb, startServer, stopAndCheck, isPostgresDb } from './harness.mjs';
import { sqlOf, formSession, freeSlots, hold, completeBooking } from './booking_steps.mjs';

const ROUNDS = 100;
const CLIENTS = 200;

const db = await makeDemoDb(makeTempDir());
const sql = sqlOf(db);
// Ventspils' consultation: one person at a time. Open it a year ahead and up to the last minute,
// so there are slots enough for every round.
const id = sql("SELECT r.id FROM resource r JOIN organization o ON o.id = r.organization_id WHERE o.slug = 'ventspils-biblioteka' AND r.kind = 'consultation'");
sql(`UPDATE resource SET book_ahead_days = 365, min_notice_minutes = 0 WHERE id = '${id}'`);
const server = await startServer({ db, args: ['--registration-limit', '1000000'] });
after(() => stopAndCheck(server));

async function slotsFor(rounds) {
  const out = [];
  for (let d = 1; out.length < rounds && d < 366; d++) {
    const date = new Date(Date.now() + d * 86400000).toISOString().slice(0, 10);
    for (const s of await freeSlots(server, 'lv', id, date)) out.push({ date, start: s.value });
  }
  return out.slice(0, rounds);
}

test(`${CLIENTS} clients for one slot, ${ROUNDS} rounds: exactly one booking per round, no 5xx`, async () => {
  const slots = await slotsFor(ROUNDS);
  assert.equal(slots.length, ROUNDS);
  const session = await formSession(`${server.origin}/lv/resources/${id}/book?date=${slots[0].date}`);
  const statuses = {};
  for (const [round, { date, start }] of slots.entries()) {
    const results = await Promise.all(Array.from({ length: CLIENTS }, () => hold(server, 'lv', id, date, start, session)));
    const held = results.filter((r) => r.status === 303);
    for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    assert.equal(held.length, 1, `round ${round}: ${JSON.stringify(statuses)}`);
    assert.ok(results.every((r) => r.status === 303 || r.status === 409), `round ${round}: ${JSON.stringify(statuses)}`);
    const done = await completeBooking(server, held[0].headers.get('location'), { name: `Round ${round}`, language: 'lv' }, session);
    assert.equal(done.status, 303, `round ${round}`);
  }
  assert.deepEqual(statuses, { 303: ROUNDS, 409: ROUNDS * (CLIENTS - 1) });
  assert.equal(sql(`SELECT count(*) FROM booking WHERE resource_id = '${id}' AND status = 'confirmed'`), String(ROUNDS));
  assert.equal(sql(`SELECT count(*) FROM slot WHERE resource_id = '${id}' AND taken = 1`), String(ROUNDS));
  assert.equal(sql(`SELECT count(*) FROM (SELECT starts_at FROM booking WHERE resource_id = '${id}' GROUP BY starts_at HAVING count(*) > 1) AS d`), '0');
  if (!isPostgresDb(db)) assert.equal(sql('PRAGMA integrity_check'), 'ok');
});
