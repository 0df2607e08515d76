// Back-office users and password resets with JavaScript off (plain HTTP), in more than one
// language: a coordinator invites someone and passes the link on; the link sets a password
// once; disabling and enabling; the "forgot password" form that never tells whether an address
// has an account; librarians and partners refused on every users route; failure paths that
// keep what was typed (never a password) and show the error summary (QUALITY W4, R6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BIN, makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt, sqlOf } from './harness.mjs';

const LIBRARY = 'ogres-centrala-biblioteka';
const NGO = 'latvijas-sarkanais-krusts';
const PASSWORD = 'a long enough passphrase';
const NEW_PASSWORD = 'zaļš kaķis skrien pa jumtu';
let server;
let db;
let coordinator;  // { cookie, csrf }

function tilti(args, input = '') {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('TILTI_')) delete env[k];
    const child = spawn(BIN, [...args, '--db', db], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function addUser(args) {
  const r = await tilti(['user', 'add', ...args, '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(r.code, 0, r.stderr);
}

const cookiePair = (res, name) =>
  res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0];
const csrfOf = (html) => /name="csrf" value="([0-9a-f]{32})"/.exec(html)?.[1];
const errorSummary = (html) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
const h1 = (html) => /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1];

function post(path, fields, cookie) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin };
  if (cookie) headers.cookie = cookie;
  return get(server.url(path), { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
}

/** Signs in through the form; returns the response and {cookie, csrf} for later requests. */
async function signIn(lang, email, password = PASSWORD, next) {
  const form = await get(server.url(`/${lang}/account/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`));
  const csrfCookie = cookiePair(form, 'tilti_csrf');
  const csrf = csrfOf(form.body);
  const fields = { csrf, email, password };
  const hidden = /name="next" value="([^"]*)"/.exec(form.body)?.[1];
  if (hidden !== undefined) fields.next = hidden.replace(/&amp;/g, '&');
  const res = await post(`/${lang}/account/sign-in`, fields, csrfCookie);
  const session = cookiePair(res, 'tilti_session');
  return { res, cookie: session ? `${session}; ${csrfCookie}` : undefined, csrf };
}

const as = (who, path) => get(server.url(path), { headers: { cookie: who.cookie } });
const postAs = (who, path, fields = {}) => post(path, { csrf: who.csrf, ...fields }, who.cookie);

async function accountId(email) {
  const list = await as(coordinator, '/en/manage/users');
  assert.equal(list.status, 200, excerpt(list.body));
  const row = new RegExp(`<a href="/en/manage/users/([0-9a-f-]{36})">[^<]*</a></td><td>${email.replace('.', '\\.')}</td>`)
    .exec(list.body);
  assert.ok(row, `${email} is not in the list`);
  return row[1];
}

const resetLink = (html) => /\/account\/reset\/([A-Za-z0-9_-]{43})/.exec(html)?.[1];

before(async () => {
  db = await makeDemoDb(makeTempDir());
  await addUser(['--email', 'coord@example.lv', '--name', 'Olga Koordinatore', '--role', 'coordinator']);
  await addUser(['--email', 'lib@example.lv', '--name', 'Līga Bibliotekāre', '--role', 'librarian',
    '--library', LIBRARY]);
  await addUser(['--email', 'partner@example.lv', '--name', 'Pēteris Partneris', '--role', 'partner',
    '--organization', NGO]);
  server = await startServer({ db });
  const signed = await signIn('en', 'coord@example.lv');
  assert.equal(signed.res.status, 303, excerpt(signed.res.body));
  coordinator = signed;
});
after(() => stopAndCheck(server));

test('librarians and partners get 403 on every users route; nobody signed in goes to sign-in', async () => {
  const target = await accountId('coord@example.lv');
  const routes = [
    ['GET', '/lv/manage/users'], ['GET', '/lv/manage/users/invite'], ['POST', '/lv/manage/users/invite'],
    ['GET', `/lv/manage/users/${target}`], ['POST', `/lv/manage/users/${target}/disable`],
    ['POST', `/lv/manage/users/${target}/enable`], ['POST', `/lv/manage/users/${target}/reset-link`],
  ];
  for (const email of ['lib@example.lv', 'partner@example.lv']) {
    const who = await signIn('lv', email);
    assert.equal(who.res.status, 303, excerpt(who.res.body));
    for (const [method, path] of routes) {
      const res = method === 'GET' ? await as(who, path)
        : await postAs(who, path, { email: 'x@example.lv', name: 'X', role: 'coordinator' });
      assert.equal(res.status, 403, `${email} ${method} ${path}`);
    }
  }
  assert.match(server.stderr(), /refused rid=\S+ account=\S+ role=partner POST \/lv\/manage\/users\/invite/);
  const list = await as(coordinator, '/lv/manage/users');
  assert.doesNotMatch(list.body, /x@example\.lv/, 'a refused invitation created nothing');
  const anonymous = await get(server.url('/lv/manage/users'));
  assert.equal(anonymous.status, 303);
  assert.equal(anonymous.headers.get('location'), '/lv/account/sign-in?next=/lv/manage/users');
});

test('sign-in honours ?next= for a path of this site only, else goes to the back office', async () => {
  const back = await signIn('en', 'coord@example.lv', PASSWORD, '/en/manage/users');
  assert.equal(back.res.headers.get('location'), '/en/manage/users');
  const evil = await signIn('en', 'coord@example.lv', PASSWORD, '//evil.example/x');
  assert.equal(evil.res.headers.get('location'), '/en/manage');
  const forged = await post('/en/account/sign-in',
    { csrf: evil.csrf, email: 'coord@example.lv', password: PASSWORD, next: 'https://evil.example' },
    evil.cookie.split('; ')[1]);
  assert.equal(forged.status, 303);
  assert.equal(forged.headers.get('location'), '/en/manage');
});

test('invite, pass the link on, set a password once, sign in (lv and uk)', async () => {
  const form = await as(coordinator, '/lv/manage/users/invite');
  assert.equal(form.status, 200, excerpt(form.body));
  assert.match(form.body, /<label for="email">E-pasta adrese<\/label>/);
  assert.match(form.body, /type="radio" id="role-1" name="role" value="librarian"/);
  assert.match(form.body, /<textarea id="organizations" name="organizations"/);

  const invited = await postAs(coordinator, '/lv/manage/users/invite', {
    email: ' Janis@Example.LV ', name: 'Jānis Kalniņš', role: 'librarian', organizations: `${LIBRARY}\n`,
  });
  assert.equal(invited.status, 200, excerpt(invited.body));
  assert.equal(invited.headers.get('cache-control'), 'private, no-store');
  assert.match(invited.body, /Uzaicinājums izveidots/);
  const token = resetLink(invited.body);
  assert.ok(token, 'no link shown');
  assert.ok(!server.stderr().includes(token), 'the token was logged');

  const list = await as(coordinator, '/lv/manage/users');
  assert.match(list.body, /janis@example\.lv<\/td><td>Bibliotekārs<\/td><td>Aktīvs<\/td><td>ogres-centrala-biblioteka<\/td>/);
  const id = await accountId('janis@example.lv');
  const page = await as(coordinator, `/en/manage/users/${id}`);
  assert.match(page.body, /Created: email/);
  assert.match(page.body, /password_reset_link/);
  assert.ok(!page.body.includes(token), 'the token is shown again');
  assert.ok(!sqlOf(db)('SELECT token_hash FROM password_reset').includes(token),
    'the token is stored as itself');

  const resetPath = `/uk/account/reset/${token}`;
  const open = await get(server.url(resetPath));
  assert.equal(open.status, 200, excerpt(open.body));
  assert.equal(open.headers.get('referrer-policy'), 'same-origin');
  assert.match(open.body, /janis@example\.lv/);
  const csrfCookie = cookiePair(open, 'tilti_csrf');
  const csrf = csrfOf(open.body);

  const weak = await post(resetPath, { csrf, password: 'short pw', confirm: 'short pw' }, csrfCookie);
  assert.equal(weak.status, 400);
  assert.match(weak.body, /<title>Помилка: /);
  assert.match(errorSummary(weak.body), /Пароль має містити щонайменше 12 символів/);
  assert.match(errorSummary(weak.body), /href="#password"/);
  assert.doesNotMatch(weak.body, /short pw/);

  const mismatch = await post(resetPath, { csrf, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }, csrfCookie);
  assert.equal(mismatch.status, 400);
  assert.match(errorSummary(mismatch.body), /Паролі не збігаються/);
  assert.match(errorSummary(mismatch.body), /href="#confirm"/);
  assert.ok(!mismatch.body.includes(NEW_PASSWORD), 'the password was echoed');

  const noCsrf = await post(resetPath, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }, csrfCookie);
  assert.equal(noCsrf.status, 400, 'no CSRF token');

  const done = await post(resetPath, { csrf, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, csrfCookie);
  assert.equal(done.status, 200, excerpt(done.body));
  assert.match(done.body, /Ваш пароль встановлено/);
  assert.ok(!server.stderr().includes(NEW_PASSWORD), 'the password was logged');

  const again = await get(server.url(resetPath));
  assert.equal(again.status, 404, 'a link works once');
  const reuse = await post(resetPath, { csrf, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, csrfCookie);
  assert.equal(reuse.status, 404);

  const janis = await signIn('lv', 'janis@example.lv', NEW_PASSWORD);
  assert.equal(janis.res.status, 303, excerpt(janis.res.body));
  assert.equal(janis.res.headers.get('location'), '/lv/manage');
});

test('a disabled account cannot sign in and its sessions end; enabling restores it', async () => {
  const lib = await signIn('en', 'lib@example.lv');
  assert.equal(lib.res.status, 303);
  assert.equal((await as(lib, '/en/manage')).status, 200);
  const id = await accountId('lib@example.lv');

  const disabled = await postAs(coordinator, `/en/manage/users/${id}/disable`);
  assert.equal(disabled.status, 303);
  assert.equal(disabled.headers.get('location'), `/en/manage/users/${id}?done=disabled`);
  const page = await as(coordinator, disabled.headers.get('location'));
  assert.match(page.body, /The account has been disabled/);
  assert.match(page.body, /<dd>Disabled<\/dd>/);
  assert.match(page.body, /disabled<\/td><td>false<\/td><td>true<\/td>/);
  assert.equal((await as(lib, '/en/manage')).status, 303, 'the session still works');
  const refused = await signIn('en', 'lib@example.lv');
  assert.equal(refused.res.status, 400);

  const enabled = await postAs(coordinator, `/ru/manage/users/${id}/enable`);
  assert.equal(enabled.status, 303);
  const ru = await as(coordinator, enabled.headers.get('location'));
  assert.match(ru.body, /Учётная запись включена/);
  const back = await signIn('en', 'lib@example.lv');
  assert.equal(back.res.status, 303, 'enabling restores the sign-in');

  const self = await postAs(coordinator, `/en/manage/users/${await accountId('coord@example.lv')}/disable`);
  assert.equal(self.status, 400, 'a coordinator cannot lock themselves out');
});

test('the forgot form answers the same for known and unknown addresses; the coordinator sees the request', async () => {
  const form = await get(server.url('/en/account/forgot'));
  assert.equal(form.status, 200);
  const csrfCookie = cookiePair(form, 'tilti_csrf');
  const csrf = csrfOf(form.body);
  const known = await post('/en/account/forgot', { csrf, email: 'Partner@example.lv' }, csrfCookie);
  const unknown = await post('/en/account/forgot', { csrf, email: 'nobody@example.lv' }, csrfCookie);
  assert.equal(known.status, 200, excerpt(known.body));
  assert.equal(unknown.status, known.status);
  assert.equal(unknown.body, known.body, 'the answers differ');
  assert.match(known.body, /your coordinator has been told/);

  const lv = await get(server.url('/lv/account/forgot'));
  assert.match(lv.body, /Aizmirsāt paroli\?/);
  const bad = await post('/lv/account/forgot', { csrf, email: 'nav adrese' }, csrfCookie);
  assert.equal(bad.status, 400);
  assert.match(bad.body, /<title>Kļūda: /);
  assert.match(errorSummary(bad.body), /href="#email"/);
  assert.match(bad.body, /value="nav adrese"/);

  const list = await as(coordinator, '/en/manage/users');
  const requests = /<table class="reset-requests">[\s\S]*?<\/table>/.exec(list.body)?.[0] ?? '';
  assert.match(requests, /partner@example\.lv/);
  assert.doesNotMatch(requests, /nobody/);
  const action = /<form method="post" action="([^"]+\/reset-link)">/.exec(requests)?.[1];
  assert.ok(action);
  const link = await postAs(coordinator, action);
  assert.equal(link.status, 200);
  assert.match(link.body, /Reset link created/);
  assert.ok(resetLink(link.body));
  const after = await as(coordinator, '/en/manage/users');
  assert.doesNotMatch(after.body, /<table class="reset-requests">/, 'the request is handled');

  // Rate limit: 3 requests for one address in an hour, then a translated refusal.
  await post('/uk/account/forgot', { csrf, email: 'partner@example.lv' }, csrfCookie);
  await post('/uk/account/forgot', { csrf, email: 'partner@example.lv' }, csrfCookie);
  const limited = await post('/uk/account/forgot', { csrf, email: 'partner@example.lv' }, csrfCookie);
  assert.equal(limited.status, 429);
  assert.match(errorSummary(limited.body), /Ви надіслали забагато запитів/);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});

test('used, expired and garbage links all get the same page', async () => {
  const id = await accountId('partner@example.lv');
  const first = resetLink((await postAs(coordinator, `/en/manage/users/${id}/reset-link`)).body);
  const second = resetLink((await postAs(coordinator, `/en/manage/users/${id}/reset-link`)).body);
  assert.equal((await get(server.url(`/en/account/reset/${second}`))).status, 200);
  const revoked = await get(server.url(`/en/account/reset/${first}`));
  assert.equal(revoked.status, 404, 'a new link revokes the older one');
  const garbage = await get(server.url('/en/account/reset/garbage'));
  const wellFormed = await get(server.url(`/en/account/reset/${'A'.repeat(43)}`));
  for (const res of [garbage, wellFormed]) {
    assert.equal(res.status, 404);
    assert.equal(h1(res.body), 'This link does not work');
    assert.equal(h1(res.body), h1(revoked.body));
  }
  const lv = await get(server.url('/lv/account/reset/garbage'));
  assert.equal(h1(lv.body), 'Šī saite nedarbojas');

  sqlOf(db)('UPDATE password_reset SET expires_at = 1 WHERE used_at IS NULL');
  const expired = await get(server.url(`/en/account/reset/${second}`));
  assert.equal(expired.status, 404);
  assert.equal(h1(expired.body), h1(garbage.body));
});

test('invitation errors keep what was typed and show the error summary (en and lv)', async () => {
  const cases = [
    ['en', { email: 'not an email', name: 'Ann', role: 'coordinator', organizations: '' },
      /Enter an email address in the correct format/, '#email', /value="not an email"/],
    ['lv', { email: 'COORD@example.lv', name: 'Olga', role: 'coordinator', organizations: '' },
      /Konts ar šo e-pasta adresi jau ir/, '#email', /value="COORD@example.lv"/],
    ['en', { email: 'new1@example.lv', name: 'Ann <b>Lee</b>', role: 'librarian', organizations: `${LIBRARY}\nno-such-library` },
      /There is no library “no-such-library”/, '#organizations', /no-such-library<\/textarea>/],
    ['lv', { email: 'new2@example.lv', name: 'Anna', role: 'librarian', organizations: NGO },
      new RegExp(`Bibliotēkas “${NGO}” nav`), '#organizations', /value="Anna"/],
    ['en', { email: 'new3@example.lv', name: 'Anna', organizations: '' },
      /Choose a role/, '#role', /value="new3@example.lv"/],
    ['en', { email: 'new4@example.lv', name: 'Anna', role: 'partner', organizations: '' },
      /Enter at least one library or organisation/, '#organizations', /value="new4@example.lv"/],
  ];
  for (const [lang, fields, message, href, kept] of cases) {
    const res = await postAs(coordinator, `/${lang}/manage/users/invite`, fields);
    assert.equal(res.status, 400, `${fields.email}: ${excerpt(res.body)}`);
    assert.match(res.body, lang === 'lv' ? /<title>Kļūda: / : /<title>Error: /);
    const summary = errorSummary(res.body);
    assert.match(summary, message);
    assert.match(summary, new RegExp(`href="${href}"`));
    assert.match(res.body, kept);
    assert.doesNotMatch(res.body, /<b>Lee/, 'typed text is escaped');
  }
  const list = await as(coordinator, '/en/manage/users');
  assert.doesNotMatch(list.body, /new[1-4]@example\.lv/, 'nothing was created');
});

test('tilti user enable re-enables an account from the command line', async () => {
  assert.equal((await tilti(['user', 'disable', '--email', 'partner@example.lv'])).code, 0);
  const r = await tilti(['user', 'enable', '--email', 'PARTNER@example.lv']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /enabled partner@example\.lv/);
  const help = await tilti(['user', '--help']);
  assert.match(help.stdout + help.stderr, /enable --email E/);
});
