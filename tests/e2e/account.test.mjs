// Signing in and out of the back office with JavaScript off (plain HTTP), in more than one
// language: the GOV.UK form pattern, the session cookie's attributes, the account page, sign
// out ending the session, one answer for unknown address and wrong password, rate limits per
// account and per address, CSRF (QUALITY W4, R6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BIN, makeTempDir, makeDemoDb, startServer, stopAndCheck, get, excerpt } from './harness.mjs';

const LIBRARY = 'ogres-centrala-biblioteka';
const PASSWORD = 'a long enough passphrase';
let server;

/** `tilti user add ... --password-stdin` with PASSWORD on standard input. */
function addUser(db, args) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('TILTI_')) delete env[k];
    const child = spawn(BIN, ['user', 'add', ...args, '--password-stdin', '--db', db],
      { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

before(async () => {
  const dir = makeTempDir();
  const db = await makeDemoDb(dir);
  await addUser(db, ['--email', 'Anna@Example.lv', '--name', 'Anna Bērziņa', '--role', 'librarian',
    '--library', LIBRARY]);
  for (const who of ['olga', 'limit', 'other']) {
    await addUser(db, ['--email', `${who}@example.lv`, '--name', who, '--role', 'coordinator']);
  }
  server = await startServer({ db });
});
after(() => stopAndCheck(server));

const signInUrl = (lang) => `${server.origin}/${lang}/account/sign-in`;

/** Opens the sign-in form like a browser: the CSRF cookie and the hidden token. */
async function openForm(lang) {
  const res = await get(signInUrl(lang));
  assert.equal(res.status, 200, excerpt(res.body));
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf='));
  assert.ok(cookie, 'no CSRF cookie');
  const token = /name="csrf" value="([0-9a-f]{32})"/.exec(res.body)?.[1];
  assert.ok(token, 'no hidden csrf field');
  return { cookie: cookie.split(';')[0], token, html: res.body };
}

function post(url, fields, { cookie, origin = server.origin } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin };
  if (cookie) headers.cookie = cookie;
  return get(url, { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
}

/** Signs in through the form; returns the response and the session cookie pair, if any. */
async function signIn(lang, email, password = PASSWORD) {
  const { cookie, token } = await openForm(lang);
  const res = await post(signInUrl(lang), { csrf: token, email, password }, { cookie });
  const set = res.headers.getSetCookie().find((c) => c.startsWith('tilti_session='));
  return { res, set, session: set?.split(';')[0], csrfCookie: cookie, csrf: token };
}

const errorSummary = (html) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

test('the form follows the GOV.UK pattern in each language', async () => {
  for (const lang of ['lv', 'uk']) {
    const { html } = await openForm(lang);
    assert.match(html, new RegExp(`<html lang="${lang}"`));
    assert.match(html, /<label for="email">/);
    assert.match(html, /<label for="password">/);
    assert.match(html, /<input type="password" id="password" name="password" autocomplete="current-password">/);
    assert.match(html, new RegExp(`<form method="post" action="/${lang}/account/sign-in"`));
  }
});

test('signing in sets a safe session cookie and shows the account, in two languages', async () => {
  const names = { lv: /Bibliotekārs/, en: /Librarian/ };
  for (const lang of ['lv', 'en']) {
    const { res, set, session } = await signIn(lang, '  anna@EXAMPLE.lv ');
    assert.equal(res.status, 303, excerpt(res.body));
    assert.equal(res.headers.get('location'), `/${lang}/manage`);
    assert.ok(set, 'no session cookie');
    assert.match(set, /^tilti_session=[A-Za-z0-9_-]{43};/);
    assert.match(set, /; HttpOnly/);
    assert.match(set, /; SameSite=Lax/);
    assert.match(set, /; Path=\//);
    assert.doesNotMatch(set, /Secure/, 'http://127.0.0.1 is not https');
    const maxAge = Number(/Max-Age=(\d+)/.exec(set)?.[1]);
    assert.ok(maxAge > 0 && maxAge <= 12 * 3600, set);
    assert.ok(!server.stderr().includes(session.split('=')[1]), 'the token was logged');
    assert.ok(!server.stderr().includes(PASSWORD), 'the password was logged');

    const page = await get(`${server.origin}/${lang}/account`, { headers: { cookie: session } });
    assert.equal(page.status, 200, excerpt(page.body));
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
    assert.match(page.body, /Anna Bērziņa/);
    assert.match(page.body, names[lang]);
    assert.match(page.body, new RegExp(`href="/${lang}/libraries/${LIBRARY}"`));
    assert.match(page.body, new RegExp(`<form method="post" action="/${lang}/account/sign-out">`));
  }
});

test('the account page sends a visitor without a session to the sign-in form', async () => {
  for (const cookie of [undefined, 'tilti_session=garbage', `tilti_session=${'A'.repeat(43)}`]) {
    const res = await get(`${server.origin}/ru/account`, { headers: cookie ? { cookie } : {} });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/ru/account/sign-in');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
  }
});

test('signing out ends the session and clears the cookie', async () => {
  const { session } = await signIn('uk', 'olga@example.lv');
  const page = await get(`${server.origin}/uk/account`, { headers: { cookie: session } });
  assert.equal(page.status, 200);
  const csrf = /name="csrf" value="([0-9a-f]{32})"/.exec(page.body)[1];
  const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf='))?.split(';')[0];
  assert.ok(csrfCookie);
  const cookie = `${session}; ${csrfCookie}`;

  const noToken = await post(`${server.origin}/uk/account/sign-out`, {}, { cookie });
  assert.equal(noToken.status, 400, 'sign-out without a CSRF token');
  assert.equal((await get(`${server.origin}/uk/account`, { headers: { cookie: session } })).status, 200);

  const out = await post(`${server.origin}/uk/account/sign-out`, { csrf }, { cookie });
  assert.equal(out.status, 303);
  assert.equal(out.headers.get('location'), '/uk/');
  const cleared = out.headers.getSetCookie().find((c) => c.startsWith('tilti_session='));
  assert.match(cleared, /^tilti_session=; /);
  assert.match(cleared, /Max-Age=0/);
  const again = await get(`${server.origin}/uk/account`, { headers: { cookie: session } });
  assert.equal(again.status, 303, 'the old cookie still works');
});

test('wrong password and unknown address get the same answer; the e-mail is kept, never the password', async () => {
  const wrong = await signIn('en', 'other@example.lv', 'not the password at all');
  const unknown = await signIn('en', 'nobody@example.lv', 'not the password at all');
  for (const { res, set } of [wrong, unknown]) {
    assert.equal(res.status, 400);
    assert.equal(set, undefined);
    assert.match(res.body, /<title>Error: /);
    assert.match(errorSummary(res.body), /The email address or password is not right/);
    assert.doesNotMatch(res.body, /not the password at all/);
  }
  assert.match(wrong.res.body, /name="email" value="other@example.lv"/);
  assert.match(unknown.res.body, /name="email" value="nobody@example.lv"/);
  assert.equal(errorSummary(wrong.res.body).replace(/other/g, ''),
    errorSummary(unknown.res.body).replace(/nobody/g, ''));

  const lv = await signIn('lv', 'nobody@example.lv', 'x');
  assert.equal(lv.res.status, 400);
  assert.match(lv.res.body, /E-pasta adrese vai parole nav pareiza/);
  assert.match(lv.res.body, /<title>Kļūda: /);
});

test('missing fields are named in the error summary, linked to the fields', async () => {
  const { cookie, token } = await openForm('ru');
  const res = await post(signInUrl('ru'), { csrf: token, email: 'не адрес <b>', password: '' }, { cookie });
  assert.equal(res.status, 400);
  const summary = errorSummary(res.body);
  assert.match(summary, /href="#email"/);
  assert.match(summary, /href="#password"/);
  assert.match(summary, /Введите пароль/);
  assert.match(res.body, /value="не адрес &lt;b&gt;"/);
  assert.doesNotMatch(res.body, /<b>/);
});

test('a missing or foreign CSRF token is refused and keeps what was typed', async () => {
  const { cookie, token } = await openForm('en');
  const fields = { email: 'anna@example.lv', password: PASSWORD };
  for (const [what, res] of [
    ['no token', await post(signInUrl('en'), fields, { cookie })],
    ['no cookie', await post(signInUrl('en'), { ...fields, csrf: token })],
    ['foreign origin', await post(signInUrl('en'), { ...fields, csrf: token }, { cookie, origin: 'https://evil.example' })],
  ]) {
    assert.equal(res.status, 400, what);
    assert.equal(res.headers.getSetCookie().find((c) => c.startsWith('tilti_session=')), undefined, what);
    assert.match(res.body, /name="email" value="anna@example.lv"/, what);
    assert.doesNotMatch(res.body, new RegExp(PASSWORD), what);
  }
});

test('after 5 attempts an account is locked for a while, with a translated message', async () => {
  for (let i = 0; i < 5; i++) {
    const { res } = await signIn('en', 'limit@example.lv', `wrong password ${i}`);
    assert.equal(res.status, 400, `attempt ${i + 1}`);
  }
  const right = await signIn('en', 'limit@example.lv');
  assert.equal(right.res.status, 429, 'even the right password is refused now');
  assert.equal(right.set, undefined);
  assert.match(errorSummary(right.res.body), /Try again in \d+ minutes?\./);
  assert.ok(Number(right.res.headers.get('retry-after')) > 0);
  const ru = await signIn('ru', 'LIMIT@example.lv');
  assert.equal(ru.res.status, 429);
  assert.match(errorSummary(ru.res.body), /Попробуйте снова через \d+ минут/);
});

test('one client address gets 20 attempts in all, whichever the accounts', async () => {
  let refused = null;
  for (let i = 0; i < 25 && !refused; i++) {
    const { res } = await signIn('en', `stranger${i}@example.lv`, 'whatever it is');
    if (res.status === 429) refused = i;
    else assert.equal(res.status, 400);
  }
  assert.ok(refused !== null, 'never refused');
  const anna = await signIn('en', 'anna@example.lv');
  assert.equal(anna.res.status, 429, 'the address limit applies to every account');
});
