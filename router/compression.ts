/**
 * Response compression with Node's zlib (no dependency): whole bodies sent with `res.send`/`res.json` (GraphQL
 * answers, the REST shim, /health) are compressed with brotli (fast level) or gzip when the client accepts it and the
 * body is worth it. Streams (multipart GraphQL, the LOCAL deployment proxy, static files) are left alone. Large
 * constant bodies (the ~9 MB GraphiQL page) are compressed once and served from memory (`sendPrecompressed`).
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type express from 'express';

type Encoding = 'br' | 'gzip';
const MIN_BYTES = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** brotli if accepted, else gzip, else nothing (`q=0` refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (!q || Number(q[1]) > 0) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/** Dynamic bodies: a fast level, so compressing costs less than sending the bytes. */
function compress(encoding: Encoding, body: Buffer): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzip(body, { level: 6 });
}

export function compressResponses(): express.RequestHandler {
  return (req, res, next) => {
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      if (typeof body !== 'string' && !Buffer.isBuffer(body)) return send(body);
      res.vary('Accept-Encoding');
      // Cheap checks first: most API clients send no Accept-Encoding, and their bodies are never copied here.
      if (
        !encoding ||
        req.method === 'HEAD' ||
        body.length < MIN_BYTES ||
        res.getHeader('content-encoding') ||
        String(res.getHeader('cache-control') ?? '').includes('no-transform')
      )
        return send(body);
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      // Express would call a Buffer "application/octet-stream": keep the type a string body would have had.
      if (!res.getHeader('content-type') && typeof body === 'string') res.type('html');
      compress(encoding, bytes).then(
        (compressed) => {
          res.setHeader('Content-Encoding', encoding);
          send(compressed);
        },
        (err) => next(err),
      );
      return res;
    }) as express.Response['send'];
    next();
  };
}

const precompressed = new WeakMap<object, Partial<Record<Encoding, Promise<Buffer>>>>();

/**
 * Sends a large constant body (`key` identifies it), compressed once per encoding (GraphiQL: 9 MB → 1.9 MB brotli in ≈0.6 s, 2.4 MB gzip) and kept.
 * The handler must run before `compressResponses` would see it (it writes with `res.end`).
 */
export async function sendPrecompressed(req: express.Request, res: express.Response, key: object, type: string, body: () => string): Promise<void> {
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  res.vary('Accept-Encoding').type(type);
  if (!encoding) return void res.send(body());
  let variants = precompressed.get(key);
  if (!variants) precompressed.set(key, (variants = {}));
  const bytes = await (variants[encoding] ??=
    encoding === 'br' ? brotli(Buffer.from(body()), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } }) : gzip(Buffer.from(body()), { level: 9 }));
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', bytes.length);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
