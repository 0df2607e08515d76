// "Report outdated information": the whole journey with JavaScript off (plain HTTP), in more
// than one language, and its failure paths (QUALITY W4, R4, R6: CSRF and rate limits).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, stopAndCheck, get, elementText, excerpt, sqlOf } from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));

const SLUG = 'ogres-centrala-biblioteka';

// Rows in the moderation queue, read from the database (sqlite3 reads a WAL database while the
// server runs).
function queued() {
  return Number(sqlOf(server.db)('SELECT count(*) FROM report'));
}
const formUrl = (lang) => `${server.origin}/${lang}/libraries/${SLUG}/report`;

// Opens the form like a browser: returns the CSRF cookie and the hidden token.
async function openForm(lang) {
  const res = await get(formUrl(lang));
  assert.equal(res.status, 200, excerpt(res.body));
  const setCookies = res.headers.getSetCookie();
  const cookie = setCookies.find((c) => c.startsWith('tilti_csrf='));
  assert.ok(cookie, `no CSRF cookie in ${JSON.stringify(setCookies)}`);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const token = /name="csrf" value="([0-9a-f]{32})"/.exec(res.body)?.[1];
  assert.ok(token, 'no hidden csrf field');
  return { cookie: cookie.split(';')[0], token, html: res.body };
}

function post(lang, fields, { cookie, origin = server.origin, address } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin };
  if (cookie) headers.cookie = cookie;
  return get(formUrl(lang), { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
}

test('the library page links to the form, which works without an account', async () => {
  for (const lang of ['lv', 'uk']) {
    const page = await get(`${server.origin}/${lang}/libraries/${SLUG}`);
    assert.match(page.body, new RegExp(`href="/${lang}/libraries/${SLUG}/report"`));
    const { html } = await openForm(lang);
    assert.match(html, new RegExp(`<html lang="${lang}"`));
    assert.match(html, /<textarea id="message" name="message"/);
    assert.match(html, /<label for="message">/, 'visible label');
    assert.equal((html.match(/type="radio"/g) || []).length, 6);
  }
});

test('errors: summary above the heading, "Error:" title, and what was typed is kept', async () => {
  const expected = { lv: 'Kļūda:', ru: 'Ошибка:', uk: 'Помилка:', en: 'Error:' };
  for (const lang of ['lv', 'ru', 'uk', 'en']) {
    const { cookie, token } = await openForm(lang);
    const typed = 'Īss <b>';
    const res = await post(lang, { csrf: token, message: typed }, { cookie });
    assert.equal(res.status, 400);
    assert.ok(elementText(res.body, 'title').startsWith(expected[lang]),
      `${lang}: title ${elementText(res.body, 'title')}`);
    const summary = res.body.indexOf('class="error-summary"');
    assert.ok(summary > 0 && summary < res.body.indexOf('<h1>'), 'summary before the <h1>');
    assert.match(res.body, /href="#topic-hours"/, 'the summary links to the first radio');
    assert.match(res.body, /href="#message"/);
    assert.match(res.body, /Īss &lt;b&gt;<\/textarea>/, 'input kept, escaped');
  }
});

test('a valid report is queued and the reporter sees a thank-you page', async () => {
  const before = queued();
  const { cookie, token } = await openForm('ru');
  const res = await post('ru', { csrf: token, topic: 'hours', message: 'Сейчас по субботам закрыто.' },
                         { cookie });
  assert.equal(res.status, 303, excerpt(res.body));
  assert.equal(res.headers.get('location'), `/ru/libraries/${SLUG}/report/thanks`);
  const thanks = await get(server.origin + res.headers.get('location'));
  assert.equal(thanks.status, 200);
  assert.match(thanks.body, /Спасибо/);
  assert.equal(queued(), before + 1);
});

test('without the CSRF cookie, or from a foreign Origin, nothing is stored and input is kept', async () => {
  const before = queued();
  const { cookie, token } = await openForm('lv');
  const fields = { csrf: token, topic: 'other', message: 'Šis teksts netiks saglabāts.' };
  const noCookie = await post('lv', fields, {});
  assert.equal(noCookie.status, 400);
  assert.match(noCookie.body, /Šis teksts netiks saglabāts\.<\/textarea>/);
  const foreign = await post('lv', fields, { cookie, origin: 'https://evil.example' });
  assert.equal(foreign.status, 400);
  const wrongToken = await post('lv', { ...fields, csrf: 'f'.repeat(32) }, { cookie });
  assert.equal(wrongToken.status, 400);
  assert.equal(queued(), before, 'nothing was stored');
});

test('reports are rate-limited per address with a clear message', async () => {
  const { cookie, token } = await openForm('en');
  const statuses = [];
  for (let i = 0; i < 7; i++) {
    const res = await post('en', { csrf: token, topic: 'other', message: `Report number ${i} here.` },
                           { cookie });
    statuses.push(res.status);
    if (res.status === 429) assert.match(res.body, /Wait 10 minutes/);
  }
  // One report was sent by the test above from the same address (127.0.0.1): 5 per window.
  assert.ok(statuses.includes(429), `statuses ${statuses}`);
  assert.ok(statuses.filter((s) => s === 303).length <= 4, `statuses ${statuses}`);
});

test('an unknown library gives 404, and other methods 405', async () => {
  assert.equal((await get(`${server.origin}/lv/libraries/nope/report`)).status, 404);
  const put = await get(formUrl('lv'), { method: 'PUT' });
  assert.equal(put.status, 405);
});
