import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpGuard, HttpGuardError, type HostResolver } from '../../../engine/sandbox/http-guard';

/** A real local server that counts TCP connections, so tests can prove a refusal happened before connecting. */
interface CountingServer {
  port: number;
  connections: number;
  close(): Promise<void>;
}

async function startServer(handler: (req: IncomingMessage, res: ServerResponse, server: CountingServer) => void): Promise<CountingServer> {
  const server: Server = createServer((req, res) => handler(req, res, state));
  const state: CountingServer = {
    port: 0,
    connections: 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connection', () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  return state;
}

async function refusal(guard: HttpGuard, url: string, extra: { method?: string; timeoutMs?: number } = {}): Promise<HttpGuardError> {
  try {
    await guard.request({ url, ...extra });
  } catch (error) {
    expect(error).toBeInstanceOf(HttpGuardError);
    return error as HttpGuardError;
  }
  throw new Error(`expected ${url} to be refused`);
}

/** Fails the test if DNS is consulted: IP literals and forbidden names must be refused without a lookup. */
const resolverThatMustNotRun: HostResolver = async (hostname) => {
  throw new Error(`unexpected DNS lookup of ${hostname}`);
};

describe('HttpGuard: refusals before connecting', () => {
  let server: CountingServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => res.end('reached'));
  });
  afterAll(() => server.close());

  it.each([
    ['127.0.0.1', 'http://127.0.0.1:PORT/'],
    ['127.0.0.2 (all of 127/8)', 'http://127.0.0.2:PORT/'],
    ['localhost', 'http://localhost:PORT/'],
    ['LOCALHOST. with root dot', 'http://LOCALHOST.:PORT/'],
    ['a *.localhost name', 'http://api.localhost:PORT/'],
    ['IPv6 loopback', 'http://[::1]:PORT/'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:PORT/'],
    ['decimal IPv4', 'http://2130706433:PORT/'],
    ['hex IPv4', 'http://0x7f.1:PORT/'],
    ['octal IPv4', 'http://0177.0.0.1:PORT/'],
    ['short IPv4', 'http://127.1:PORT/'],
    ['unspecified 0.0.0.0', 'http://0.0.0.0:PORT/'],
    ['IPv6 unspecified', 'http://[::]:PORT/'],
  ])('refuses %s without connecting', async (_label, template) => {
    const guard = new HttpGuard({ resolve: resolverThatMustNotRun });
    const error = await refusal(guard, template.replace('PORT', String(server.port)));
    expect(error.code).toBe('HTTP_FORBIDDEN_TARGET');
    expect(error.message).toMatch(/refusing to connect to .+: .*(loopback|unspecified)/);
    expect(server.connections).toBe(0);
  });

  it.each([
    ['AWS/GCP/Azure metadata', 'http://169.254.169.254/latest/meta-data/', /metadata/],
    ['Alibaba metadata', 'http://100.100.100.200/', /metadata/],
    ['AWS IPv6 metadata', 'http://[fd00:ec2::254]/', /metadata/],
    ['GCP metadata name', 'http://metadata.google.internal/computeMetadata/v1/', /metadata/],
    ['link-local', 'http://169.254.10.1/', /link-local/],
    ['10/8', 'http://10.1.2.3/', /private/],
    ['172.16/12', 'http://172.31.255.1/', /private/],
    ['192.168/16', 'https://192.168.0.1/', /private/],
    ['CGNAT 100.64/10', 'http://100.64.0.1/', /carrier-grade/],
    ['multicast', 'http://224.0.0.1/', /multicast/],
    ['broadcast', 'http://255.255.255.255/', /broadcast/],
    ['IPv6 unique-local', 'http://[fc00::1]/', /unique-local/],
    ['IPv6 link-local', 'http://[fe80::1]/', /link-local/],
    ['IPv4-mapped private', 'http://[::ffff:10.0.0.1]/', /IPv4-mapped.*private/],
    ['NAT64-embedded loopback', 'http://[64:ff9b::7f00:1]/', /embeds an IPv4/],
  ])('refuses %s', async (_label, url, reason) => {
    const error = await refusal(new HttpGuard({ resolve: resolverThatMustNotRun }), url);
    expect(error.code).toBe('HTTP_FORBIDDEN_TARGET');
    expect(error.message).toMatch(reason);
  });

  it('refuses a host name that resolves to a private address, naming host and address', async () => {
    const guard = new HttpGuard({ resolve: async () => [{ address: '10.0.0.5', family: 4 }] });
    const error = await refusal(guard, 'http://intranet.example.com/');
    expect(error.code).toBe('HTTP_FORBIDDEN_TARGET');
    expect(error.message).toContain('intranet.example.com');
    expect(error.message).toContain('10.0.0.5');
  });

  it('checks every resolved address, not only the first', async () => {
    const guard = new HttpGuard({
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
    const error = await refusal(guard, 'http://mixed.example.com/');
    expect(error.message).toContain('::1');
  });

  it('refuses non-http schemes and malformed URLs', async () => {
    const guard = new HttpGuard({ resolve: resolverThatMustNotRun });
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'gopher://127.0.0.1/', 'not a url', '']) {
      expect((await refusal(guard, url)).code).toBe('HTTP_BAD_URL');
    }
  });

  it('rejects malformed allow-list entries', () => {
    expect(() => new HttpGuard({ allow: ['10.0.0.0/99'] })).toThrow(/CIDR/);
    expect(() => new HttpGuard({ allow: ['http://x/'] })).toThrow(/allow-list/);
  });
});

describe('HttpGuard: allowed traffic', () => {
  let server: CountingServer;
  const seen: Array<{ method?: string; url?: string; auth?: string; body: string }> = [];
  beforeAll(async () => {
    server = await startServer((req, res, self) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
        const path = req.url ?? '/';
        if (path === '/hello') return res.writeHead(200, { 'content-type': 'text/plain', 'x-multi': ['a', 'b'] }).end('hello there');
        if (path === '/echo') return res.writeHead(201).end(JSON.stringify({ method: req.method, body }));
        if (path.startsWith('/hop/')) {
          const left = Number(path.slice(5));
          return res.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/hello' }).end();
        }
        if (path === '/to-metadata') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        if (path === '/to-other-loopback') return res.writeHead(307, { location: `http://localhost:${self.port}/hello` }).end();
        if (path === '/see-other') return res.writeHead(303, { location: '/echo' }).end();
        if (path === '/big') return res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end(Buffer.alloc(2 * 1024 * 1024, 97));
        if (path === '/big-chunked') {
          res.writeHead(200);
          for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 98));
          return res.end();
        }
        if (path === '/slow') return setTimeout(() => res.end('late'), 2_000).unref();
        res.writeHead(404).end('no such path');
      });
    });
  });
  afterAll(() => server.close());
  const base = () => `http://127.0.0.1:${server.port}`;

  it('reaches an allow-listed 127.0.0.1 and returns status, headers and body', async () => {
    const guard = new HttpGuard({ allow: ['127.0.0.1'] });
    const response = await guard.request({ url: `${base()}/hello` });
    expect(response.status).toBe(200);
    expect(response.body).toBe('hello there');
    expect(response.headers['content-type']).toBe('text/plain');
    expect(response.headers['x-multi']).toBe('a, b');
  });

  it('sends method, headers and body', async () => {
    const guard = new HttpGuard({ allow: ['127.0.0.0/8'] });
    const response = await guard.request({ url: `${base()}/echo`, method: 'post', headers: { authorization: 'Bearer t' }, body: 'payload' });
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toEqual({ method: 'POST', body: 'payload' });
    expect(seen.at(-1)?.auth).toBe('Bearer t');
  });

  it('connects to exactly the checked address: one DNS answer per hop, pinned into the socket', async () => {
    let lookups = 0;
    const rebinding: HostResolver = async () => (++lookups === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.5', family: 4 }]);
    const guard = new HttpGuard({ allow: ['127.0.0.1'], resolve: rebinding });
    // `pinned.test` does not exist in real DNS: reaching the server proves the connection used our checked answer.
    const response = await guard.request({ url: `http://pinned.test:${server.port}/hello` });
    expect(response.body).toBe('hello there');
    expect(lookups).toBe(1);
  });

  it('follows redirects, re-checking each hop, up to the limit', async () => {
    const guard = new HttpGuard({ allow: ['127.0.0.1'] });
    const response = await guard.request({ url: `${base()}/hop/3` });
    expect(response.status).toBe(200);
    expect(response.body).toBe('hello there');
    const error = await refusal(guard, `${base()}/hop/10`);
    expect(error.code).toBe('HTTP_FAILED');
    expect(error.message).toContain('too many redirects');
  });

  it('refuses a redirect to a forbidden host', async () => {
    const guard = new HttpGuard({ allow: ['127.0.0.1'] });
    const error = await refusal(guard, `${base()}/to-metadata`);
    expect(error.code).toBe('HTTP_FORBIDDEN_TARGET');
    expect(error.message).toContain('169.254.169.254');
    const toLocalhostName = await refusal(guard, `${base()}/to-other-loopback`);
    expect(toLocalhostName.message).toContain('localhost');
  });

  it('turns a POST into a GET without body on 303', async () => {
    const guard = new HttpGuard({ allow: ['127.0.0.1'] });
    const response = await guard.request({ url: `${base()}/see-other`, method: 'POST', body: 'x' });
    expect(JSON.parse(response.body)).toEqual({ method: 'GET', body: '' });
  });

  it('caps the response body, declared or streamed', async () => {
    const guard = new HttpGuard({ allow: ['127.0.0.1'], maxBodyBytes: 1024 * 1024 });
    for (const path of ['/big', '/big-chunked']) {
      const error = await refusal(guard, `${base()}${path}`);
      expect(error.code).toBe('HTTP_TOO_LARGE');
      expect(error.message).toContain('127.0.0.1');
    }
  });

  it('times out', async () => {
    const guard = new HttpGuard({ allow: ['127.0.0.1'] });
    const started = Date.now();
    const error = await refusal(guard, `${base()}/slow`, { timeoutMs: 150 });
    expect(error.code).toBe('HTTP_TIMEOUT');
    expect(error.message).toContain('150 ms');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('stops when the caller aborts', async () => {
    const guard = new HttpGuard({ allow: ['127.0.0.1'] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(guard.request({ url: `${base()}/slow` }, controller.signal)).rejects.toMatchObject({
      code: 'HTTP_FAILED',
      message: expect.stringContaining('cancelled'),
    });
  });

  it('reads the allow-list from HTTP_ALLOWLIST', async () => {
    const allowed = HttpGuard.fromEnv({ HTTP_ALLOWLIST: ' example.org , 127.0.0.1 ' });
    expect((await allowed.request({ url: `${base()}/hello` })).status).toBe(200);
    const closed = HttpGuard.fromEnv({});
    expect((await refusal(closed, `${base()}/hello`)).code).toBe('HTTP_FORBIDDEN_TARGET');
  });
});
