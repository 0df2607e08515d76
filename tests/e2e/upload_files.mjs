// Files for upload tests, made here rather than kept as fixtures: shared by the e2e and browser
// tests of the gallery (and later the practices, methods and guides). Not a test file itself.
import zlib from 'node:zlib';

/** A real PNG of `w`×`h` pixels of one colour (signature, IHDR, IDAT, IEND with their CRCs). */
export function png(w, h, rgb = [200, 30, 30]) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Posts a multipart form as a browser does; `files` maps a field to {name, type, bytes}. */
export function postMultipart(fetchLike, url, fields, files, { cookie, origin }) {
  const form = new FormData();
  // An array gives the field once per value (checkboxes).
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
  for (const [k, f] of Object.entries(files)) form.append(k, new Blob([f.bytes], { type: f.type }), f.name);
  const headers = { origin };
  if (cookie) headers.cookie = cookie;
  return fetchLike(url, { method: 'POST', headers, body: form });
}
