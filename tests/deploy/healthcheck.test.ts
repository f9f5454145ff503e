import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from './docker-files';

/** The container probe run against a real HTTP server on 127.0.0.1, as Docker would run it. */

const PROBE = join(PROJECT_ROOT, 'deploy', 'healthcheck.js');

function runProbe(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [PROBE, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 10_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function serve(respond: (send: (status: number, body: string) => void) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    if (request.url !== '/health') {
      response.writeHead(404).end();
      return;
    }
    respond((status, body) => response.writeHead(status, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

const health = (status: string) => JSON.stringify({ service: 'workflow_engine', status, version: '1.0.0', timestamp: new Date().toISOString() });

describe('deploy/healthcheck.js', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });
  const start = async (respond: Parameters<typeof serve>[0]) => {
    const { server, port } = await serve(respond);
    servers.push(server);
    return String(port);
  };

  it.each([
    ['healthy', 200, 0],
    ['degraded', 200, 0],
    ['degraded', 503, 0],
    ['unhealthy', 503, 1],
    ['starting', 200, 1],
  ])('status %s with HTTP %d exits %d', async (status, httpStatus, expectedCode) => {
    const port = await start((send) => send(httpStatus, health(status)));
    const { code } = await runProbe([port]);
    expect(code).toBe(expectedCode);
  });

  it('fails on a body that is not the health format', async () => {
    const port = await start((send) => send(200, '<html>ok</html>'));
    const result = await runProbe([port]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`unhealthy on port ${port}`);
  });

  it('fails when nothing listens', async () => {
    const port = await start((send) => send(200, health('healthy')));
    await new Promise((resolve) => servers.pop()?.close(resolve));
    expect((await runProbe([port])).code).toBe(1);
  });

  it('fails within its timeout when the service hangs', async () => {
    const port = await start(() => undefined);
    const started = Date.now();
    expect((await runProbe([port], { HEALTHCHECK_TIMEOUT_MS: '300' })).code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('takes the port from HEALTHCHECK_PORT when no argument is given', async () => {
    const port = await start((send) => send(200, health('healthy')));
    const result = await runProbe([], { HEALTHCHECK_PORT: port });
    expect(result).toMatchObject({ code: 0, stdout: 'workflow_engine healthy\n' });
  });

  it('rejects a port that is not a port', async () => {
    expect((await runProbe(['http'])).code).toBe(1);
  });
});
