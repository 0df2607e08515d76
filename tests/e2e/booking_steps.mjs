// The steps of booking a resource over plain HTTP, as a browser without JavaScript takes them:
// shared by the bookings, race and crash tests. Not a test file itself.
import { get, decodeEntities, sqlOf } from './harness.mjs';

export { sqlOf };

export const resourceId = (db, key) =>
  sqlOf(db)(`SELECT id FROM resource WHERE name = '${key}' LIMIT 1`);

/** A cookie and CSRF token from any page that has a form. */
export async function formSession(url) {
  const res = await get(url);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tilti_csrf='))?.split(';')[0];
  const token = /name="csrf" value="([0-9a-f]{32})"/.exec(res.body)?.[1];
  return { cookie, token, res };
}

export function post(server, path, fields, { cookie, origin = server.origin } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin };
  if (cookie) headers.cookie = cookie;
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [].concat(v)) body.append(k, x);
  return get(`${server.origin}${path}`, { method: 'POST', headers, body: body.toString() });
}

/** The bookable dates listed on a resource's page (YYYY-MM-DD), in order. */
export async function bookableDates(server, lang, id) {
  const res = await get(`${server.origin}/${lang}/resources/${id}`);
  return [...res.body.matchAll(/\/book\?date=(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]);
}

/** The free slots of a day: [{value, label}] from the radio buttons. */
export async function freeSlots(server, lang, id, date) {
  const res = await get(`${server.origin}/${lang}/resources/${id}/book?date=${date}`);
  return [...res.body.matchAll(/<input type="radio" id="start-\d+" name="start" value="([^"]+)"> <label for="start-\d+">([^<]+)<\/label>/g)]
    .map((m) => ({ value: m[1], label: decodeEntities(m[2]) }));
}

/** Holds a slot; resolves to the response (303 to the details page when held). */
export function hold(server, lang, id, date, start, session) {
  return post(server, `/${lang}/resources/${id}/book`, { csrf: session.token, date, start }, session);
}

/** Takes a held slot to a booking: details, then check and confirm. Resolves to the final response. */
export async function completeBooking(server, holdPath, fields, session) {
  const details = await post(server, holdPath, { csrf: session.token, party_size: '1', ...fields }, session);
  if (details.status !== 303) return details;
  return post(server, `${holdPath}/check`, { csrf: session.token }, session);
}
