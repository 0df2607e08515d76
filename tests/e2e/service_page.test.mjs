// The service-at-location page, reached the way a reader does: from a library's page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, stopAndCheck, get, elementText, excerpt } from './harness.mjs';

const server = await startDemoServer();
after(() => stopAndCheck(server));

async function libraryLinks(lang) {
  const home = await get(`${server.origin}/${lang}/`);
  return [...new Set([...home.body.matchAll(/href="(\/[a-z]{2}\/libraries\/[a-z0-9-]+)"/g)]
    .map((m) => m[1]))];
}

test('every service listed on a library page has its own page, in two languages', async () => {
  let seen = 0;
  for (const lang of ['lv', 'uk']) {
    for (const lib of await libraryLinks(lang)) {
      const page = await get(server.origin + lib);
      const services = [...page.body.matchAll(/href="(\/[a-z]{2}\/services\/[0-9a-f-]{36})"/g)]
        .map((m) => m[1]);
      assert.ok(services.length > 0, `${lib} links no service`);
      for (const href of services) {
        const res = await get(server.origin + href);
        assert.equal(res.status, 200, `${href}: ${excerpt(res.body)}`);
        assert.match(res.body, new RegExp(`<html lang="${lang}"`));
        assert.ok(elementText(res.body, 'h1').length > 0, `${href}: empty <h1>`);
        assert.ok(res.body.includes(`href="${lib}"`), `${href} does not link back to ${lib}`);
        assert.match(res.body, /href="https:\/\/t\.me\/share\/url\?url=/);
        seen++;
      }
    }
  }
  assert.ok(seen >= 20, `only ${seen} service pages`);
});

test('an unknown or malformed service id is a 404 page in the reader\'s language', async () => {
  for (const id of ['00000000-0000-4000-8000-000000000000', "x' OR '1'='1", 'nope']) {
    const res = await get(`${server.origin}/ru/services/${encodeURIComponent(id)}`);
    assert.equal(res.status, 404);
    assert.match(res.body, /<html lang="ru"/);
  }
});
