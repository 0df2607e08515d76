// The load of bench/cluster.sh: page reads and bookings through the load balancer for SECONDS,
// node 1 killed (SIGKILL) halfway. Exits 1 unless reads and bookings keep succeeding through
// node 2 after the kill and every acknowledged booking is in the database.
//   TILTI_DB_URL=postgresql://… node bench/cluster_load.mjs LB_ORIGIN SECONDS NODE1_PID
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { get, sqlOf } from '../tests/e2e/harness.mjs';
import { formSession, freeSlots, hold, completeBooking } from '../tests/e2e/booking_steps.mjs';

const [origin, secondsArg, node1] = process.argv.slice(2);
const seconds = Number(secondsArg || 30);
const sql = sqlOf(process.env.TILTI_DB_URL);
const lb = { origin };
const READERS = 8;
const BOOKERS = 8;

const id = sql("SELECT r.id FROM resource r JOIN organization o ON o.id = r.organization_id WHERE o.slug = 'ventspils-biblioteka' AND r.kind = 'consultation'");
sql(`UPDATE resource SET book_ahead_days = 365, min_notice_minutes = 0 WHERE id = '${id}'`);
const slugs = sql("SELECT slug FROM organization WHERE kind = 'library' AND slug IS NOT NULL ORDER BY slug").split('\n');
const pages = [
  '/lv/', '/en/libraries?q=biblioteka', '/uk/libraries?q=rezekne', '/ru/events', '/en/events',
  '/api/v1/services?search=bibl', ...slugs.map((s, i) => `/${['lv', 'ru', 'uk', 'en'][i % 4]}/libraries/${s}`),
];
const pool = [];
for (let d = 1; pool.length < 800 && d < 366; d++) {
  const date = new Date(Date.now() + d * 86400000).toISOString().slice(0, 10);
  for (const s of await freeSlots(lb, 'en', id, date)) pool.push({ date, start: s.value });
}
if (pool.length === 0) throw new Error('no free slots to book');

const started = Date.now();
const killAt = started + (seconds * 1000) / 2;
const endAt = started + seconds * 1000;
let killed = false;
const phase = () => (killed ? 'after' : 'before');
const tally = { before: { reads: 0, readFailures: 0, bookings: 0, bookingFailures: 0, ms: [] },
  after: { reads: 0, readFailures: 0, bookings: 0, bookingFailures: 0, ms: [] } };
const acknowledged = new Set();
const failures = [];

async function reader(w) {
  for (let n = w; Date.now() < endAt; n += READERS) {
    const p = phase();
    const t0 = performance.now();
    try {
      const res = await get(`${origin}${pages[n % pages.length]}`);
      if (res.status === 200) {
        tally[p].reads++;
        tally[p].ms.push(performance.now() - t0);
      } else {
        tally[p].readFailures++;
        failures.push(`${p}: GET ${pages[n % pages.length]} ${res.status}`);
      }
    } catch (e) {
      tally[p].readFailures++;
      failures.push(`${p}: GET ${pages[n % pages.length]} ${e.cause?.code || e.message}`);
    }
  }
}

async function booker(w) {
  let session = await formSession(`${origin}/en/resources/${id}/book?date=${pool[0].date}`);
  for (let n = w; Date.now() < endAt; n += BOOKERS) {
    const p = phase();
    const { date, start } = pool[n % pool.length];
    try {
      const held = await hold(lb, 'en', id, date, start, session);
      if (held.status !== 303) continue;  // taken by another worker: not a failure
      const done = await completeBooking(lb, held.headers.get('location'), { name: `Cluster ${w}-${n}`, language: 'en' }, session);
      const token = /\/bookings\/([A-Za-z0-9_-]{43})/.exec(done.headers.get('location') || '')?.[1];
      if (done.status === 303 && token) {
        acknowledged.add(createHash('sha256').update(token).digest('hex'));
        tally[p].bookings++;
      } else {
        tally[p].bookingFailures++;
      }
    } catch (e) {
      // A POST in flight on the killed node: not acknowledged, and nginx does not resend it.
      tally[p].bookingFailures++;
      failures.push(`${p}: booking ${e.cause?.code || e.message}`);
      session = await formSession(`${origin}/en/resources/${id}/book?date=${pool[0].date}`).catch(() => session);
    }
  }
}

const killer = (async () => {
  await sleep(killAt - Date.now());
  process.kill(Number(node1), 'SIGKILL');
  killed = true;
})();
await Promise.all([killer, ...Array.from({ length: READERS }, (_, w) => reader(w)),
  ...Array.from({ length: BOOKERS }, (_, w) => booker(w))]);

const stored = new Set(sql(`SELECT token_hash FROM booking WHERE resource_id = '${id}'`).split('\n').filter(Boolean));
const lost = [...acknowledged].filter((h) => !stored.has(h)).length;
const doubled = Number(sql(`SELECT count(*) FROM (SELECT starts_at FROM booking WHERE resource_id = '${id}' AND status IN ('confirmed', 'pending') GROUP BY starts_at HAVING count(*) > 1) AS d`));
const pct = (xs, q) => (xs.length ? xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))].toFixed(1) : '-');
console.log('| phase | reads ok | reads failed | read p50 ms | read p99 ms | bookings acknowledged | bookings failed |');
console.log('|---|---|---|---|---|---|---|');
for (const p of ['before', 'after']) {
  const t = tally[p];
  console.log(`| ${p} the kill | ${t.reads} | ${t.readFailures} | ${pct(t.ms, 0.5)} | ${pct(t.ms, 0.99)} | ${t.bookings} | ${t.bookingFailures} |`);
}
console.log(`acknowledged ${acknowledged.size}, all in the database: ${lost === 0}; doubled slots: ${doubled}`);
if (failures.length) console.log(`failures (first 10):\n  ${failures.slice(0, 10).join('\n  ')}`);

const problems = [];
if (lost > 0) problems.push(`${lost} acknowledged booking(s) missing`);
if (doubled > 0) problems.push(`${doubled} slot(s) booked twice`);
if (tally.after.reads === 0) problems.push('no read succeeded after the kill');
if (tally.after.bookings === 0) problems.push('no booking succeeded after the kill');
if (tally.after.readFailures > tally.after.reads * 0.01) problems.push('more than 1% of reads failed after the kill');
if (problems.length) {
  console.error(`FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('PASSED: requests kept succeeding through node 2, nothing acknowledged was lost');
