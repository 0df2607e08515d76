// Checks shared by the tests of spoken audio (the phrasebook, guides read aloud).
import assert from 'node:assert/strict';
import { get, excerpt } from './harness.mjs';

/** The value of a /metrics line of `node` (a started server). */
export async function metric(node, name) {
  const r = await get(node.url('/metrics'));
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(r.body);
  assert.ok(m, `${name} in /metrics`);
  return Number(m[1]);
}

/** A RIFF/WAVE file of 16-bit mono PCM whose sizes agree with its length, with at least half a
 *  second of sound, served as audio/wav with nosniff, an ETag and a month's caching. */
export function assertWav(res, what) {
  assert.equal(res.status, 200, `${what}: ${excerpt(res.body)}`);
  assert.equal(res.headers.get('content-type'), 'audio/wav', what);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=2592000', what);
  assert.ok(res.headers.get('etag'), `${what}: an ETag`);
  const b = res.bytes;
  assert.equal(b.toString('latin1', 0, 4), 'RIFF', what);
  assert.equal(b.toString('latin1', 8, 12), 'WAVE', what);
  assert.equal(b.toString('latin1', 12, 16), 'fmt ', what);
  assert.equal(b.readUInt16LE(20), 1, `${what}: PCM`);
  assert.equal(b.readUInt16LE(22), 1, `${what}: mono`);
  assert.equal(b.readUInt16LE(34), 16, `${what}: 16-bit`);
  assert.equal(b.readUInt32LE(4), b.length - 8, `${what}: RIFF size`);
  assert.equal(b.toString('latin1', 36, 40), 'data', what);
  assert.equal(b.readUInt32LE(40), b.length - 44, `${what}: data size`);
  const rate = b.readUInt32LE(24);
  assert.ok(b.length - 44 > rate, `${what}: at least half a second of sound`);
}
