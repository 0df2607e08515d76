// The access matrix of QUALITY.md R6, generated from the route table: `tilti routes` lists every
// back-office route with the action it performs and the kind of object it acts on. Each route is
// requested by an anonymous visitor, a librarian of library A, a librarian of library B, a
// partner of A and a coordinator, on an object of A and an object of B. The expected answer
// follows the written policy below (an oracle independent of src/accounts/permissions.cpp):
// no unauthorised request succeeds, and every refusal is logged with its request id. Every POST
// route is also sent without the CSRF token and with a foreign Origin: both are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeTempDir, makeDemoDb, startServer, stopAndCheck, get, runTilti, addUser, signInHttp, sqlOf } from './harness.mjs';

const A = 'ogres-centrala-biblioteka';
const B = 'ventspils-biblioteka';
let server;
let db;
let routes = [];
const objects = { A: {}, B: {} };
const sessions = {};

function sql(query) {
  return sqlOf(db)(query);
}

// The written policy (issue 4): coordinators everything; librarians their own organisations;
// partners see and propose on their own; site-wide actions are the coordinators'.
const SITE_WIDE = new Set(['review', 'manage-users', 'edit-taxonomies', 'create-organizations',
  'see-everything', 'edit-programme']);
const PARTNER = new Set(['view', 'edit-text', 'add-service']);
function allowed(role, action, owner) {
  if (role === 'anonymous') return false;
  if (role === 'coordinator') return true;
  if (action === 'see-own') return true;
  if (SITE_WIDE.has(action)) return false;
  const member = owner === 'A';  // every non-coordinator test account belongs to A only
  if (role === 'librarianB') return owner === 'B';
  if (role === 'librarianA') return member;
  if (role === 'partnerA') return member && PARTNER.has(action);
  return false;
}

function pathFor(route, owner, lang) {
  const o = objects[owner];
  const idByScope = {
    service: o.service, report: o.report, 'pending-change': o.pending, account: objects.account,
    record: o.organization, event: o.event, occurrence: o.occurrence,
    resource: o.resource, booking: o.booking,
  };
  return route.pattern
    .replace('{lang}', lang)
    .replace('{slug}', o.slug)
    .replace('{entity}', 'organization')
    .replace('{taxonomy}', 'accessibility')
    .replace('{term}', 'parking')
    .replace('{module}', objects.training.module)
    .replace('{lesson}', objects.training.lesson)
    .replace('{question}', objects.training.question)
    .replace('{locale}', 'en')
    .replace(/\{id(\.\.\.)?\}/, idByScope[route.scope] ?? 'none');
}

before(async () => {
  const dir = makeTempDir();
  db = await makeDemoDb(dir);
  const listed = await runTilti(['routes']);
  assert.equal(listed.code, 0, listed.stderr);
  routes = listed.stdout.trim().split('\n').map((line) => {
    const [method, pattern, action, scope] = line.split('\t');
    return { method, pattern, action, scope };
  });
  await addUser(db, ['--email', 'coord@example.lv', '--name', 'Coordinator', '--role', 'coordinator']);
  await addUser(db, ['--email', 'liba@example.lv', '--name', 'Librarian A', '--role', 'librarian',
    '--library', A]);
  await addUser(db, ['--email', 'libb@example.lv', '--name', 'Librarian B', '--role', 'librarian',
    '--library', B]);
  await addUser(db, ['--email', 'partner@example.lv', '--name', 'Partner A', '--role', 'partner',
    '--organization', A]);
  await addUser(db, ['--email', 'target@example.lv', '--name', 'Target', '--role', 'librarian',
    '--library', B]);
  for (const [key, slug] of [['A', A], ['B', B]]) {
    const o = objects[key];
    o.slug = slug;
    o.organization = sql(`SELECT id FROM organization WHERE slug = '${slug}'`);
    o.service = sql(`SELECT id FROM service WHERE organization_id = '${o.organization}' LIMIT 1`);
    o.report = `report-${key}`;
    o.pending = `pending-${key}`;
    sql(`INSERT INTO report (id, organization_id, topic, message, locale, created_at) VALUES ` +
        `('${o.report}', '${o.organization}', 'hours', 'Test report', 'lv', '2026-11-20T10:00:00Z')`);
    sql(`INSERT INTO pending_change (id, kind, entity, entity_id, organization_id, payload, ` +
        `summary, proposed_by, proposed_at) VALUES ('${o.pending}', 'library-texts', ` +
        `'organization', '${o.organization}', '${o.organization}', '{"form":""}', 'x', ` +
        `'nobody', '2026-11-20T10:00:00Z')`);
    assert.ok(o.service, `demo library ${slug} has a service`);
    // The demo's sample events: Ogre and Ventspils each hold one.
    o.event = sql(`SELECT id FROM event WHERE organization_id = '${o.organization}' LIMIT 1`);
    o.occurrence = sql(`SELECT id FROM occurrence WHERE event_id = '${o.event}' ORDER BY starts_at LIMIT 1`);
    assert.ok(o.event && o.occurrence, `demo library ${slug} has an event with a date`);
    // The demo's sample resources: Ogre and Ventspils each have one; a booking of it.
    o.resource = sql(`SELECT id FROM resource WHERE organization_id = '${o.organization}' ORDER BY position LIMIT 1`);
    assert.ok(o.resource, `demo library ${slug} has a bookable resource`);
    o.booking = `booking-${key}`;
    sql(`INSERT INTO slot (resource_id, starts_at, ends_at, local_date, capacity, taken) VALUES ` +
        `('${o.resource}', '2030-01-07T08:00:00Z', '2030-01-07T09:00:00Z', '2030-01-07', 2, 1); ` +
        `INSERT INTO booking (id, token_hash, resource_id, starts_at, party_size, name, language, status, ` +
        `created, last_modified) VALUES ('${o.booking}', '${key.toLowerCase().repeat(64)}', '${o.resource}', ` +
        `'2030-01-07T08:00:00Z', 1, 'Test', 'lv', 'confirmed', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')`);
  }
  objects.account = sql(`SELECT id FROM account WHERE email = 'target@example.lv'`);
  // Training (site-wide routes): a demo module, its first lesson and that lesson's first question.
  const moduleId = sql("SELECT id FROM training_module WHERE slug = 'hakatonu-organizesana'");
  const lesson = sql(`SELECT id FROM training_lesson WHERE module_id = '${moduleId}' ORDER BY position LIMIT 1`);
  objects.training = {
    module: 'hakatonu-organizesana', lesson,
    question: sql(`SELECT id FROM training_question WHERE lesson_id = '${lesson}' ORDER BY position LIMIT 1`),
  };
  assert.ok(objects.training.lesson && objects.training.question, 'the demo has a training module with questions');
  server = await startServer({ db });
  sessions.coordinator = await signInHttp(server, 'coord@example.lv');
  sessions.librarianA = await signInHttp(server, 'liba@example.lv');
  sessions.librarianB = await signInHttp(server, 'libb@example.lv');
  sessions.partnerA = await signInHttp(server, 'partner@example.lv');
  const anon = await get(`${server.origin}/en/account/sign-in`);
  sessions.anonymous = {
    cookie: anon.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf=')).split(';')[0],
    csrf: /name="csrf" value="([0-9a-f]{32})"/.exec(anon.body)[1],
  };
});
after(() => stopAndCheck(server));

function request(route, path, session, { csrf = session.csrf, origin = server.origin } = {}) {
  const headers = { cookie: session.cookie };
  if (route.method === 'GET') return get(`${server.origin}${path}`, { headers });
  headers['content-type'] = 'application/x-www-form-urlencoded';
  if (origin) headers.origin = origin;
  const body = csrf === null ? '' : new URLSearchParams({ csrf }).toString();
  return get(`${server.origin}${path}`, { method: route.method, headers, body });
}

test('the route table lists the back office', () => {
  assert.ok(routes.length >= 15, `only ${routes.length} back-office routes`);
  for (const r of routes) {
    assert.match(r.pattern, /^\/\{lang\}\/manage/, `${r.pattern} is outside /{lang}/manage`);
    assert.ok(['GET', 'POST'].includes(r.method), r.method);
  }
});

test('no role gets what the policy refuses, and every refusal is logged', async () => {
  const roles = ['anonymous', 'librarianA', 'librarianB', 'partnerA', 'coordinator'];
  let checked = 0;
  for (const route of routes) {
    const owners = route.scope === 'site' || route.scope === 'account' ? [null] : ['A', 'B'];
    for (const owner of owners) {
      for (const [i, role] of roles.entries()) {
        const lang = i % 2 ? 'uk' : 'lv';
        const path = pathFor(route, owner ?? 'A', lang);
        const res = await request(route, path, sessions[role]);
        const what = `${role} ${route.method} ${path} (${route.action} on ${owner ?? 'site'})`;
        const rid = res.headers.get('x-request-id');
        if (allowed(role, route.action, owner)) {
          assert.notEqual(res.status, 403, `${what} was refused`);
          assert.ok(res.status < 500, `${what}: ${res.status}`);
          assert.ok(!(res.headers.get('location') ?? '').includes('/account/sign-in'),
            `${what} was sent to sign in`);
        } else if (role === 'anonymous') {
          assert.equal(res.status, 303, `${what}: ${res.status}`);
          assert.match(res.headers.get('location'), /\/account\/sign-in/, what);
        } else {
          assert.equal(res.status, 403, `${what}: ${res.status}`);
          assert.match(res.body, new RegExp(`<html lang="${lang}"`), `${what}: page language`);
        }
        if (!allowed(role, route.action, owner)) {
          assert.ok(server.stderr().includes(`refused rid=${rid}`), `${what}: refusal not logged`);
        }
        assert.equal(res.headers.get('cache-control'), 'private, no-store', what);
        checked += 1;
      }
    }
  }
  assert.ok(checked >= routes.length * 5);
});

test('every state change needs the form token and our own origin', async () => {
  const posts = routes.filter((r) => r.method !== 'GET');
  assert.ok(posts.length >= 8);
  for (const route of posts) {
    const path = pathFor(route, 'A', 'en');
    const missing = await request(route, path, sessions.coordinator, { csrf: null });
    assert.equal(missing.status, 403, `${path} without a token: ${missing.status}`);
    const wrong = await request(route, path, sessions.coordinator, { csrf: '0'.repeat(32) });
    assert.equal(wrong.status, 403, `${path} with a wrong token: ${wrong.status}`);
    const foreign = await request(route, path, sessions.coordinator,
      { origin: 'https://evil.example' });
    assert.equal(foreign.status, 403, `${path} from a foreign origin: ${foreign.status}`);
  }
});
