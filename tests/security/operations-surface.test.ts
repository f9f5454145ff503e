/**
 * The operations surface (issue 16): /metrics needs METRICS_TOKEN (router and every subgraph) and is off in
 * production without one; WebSocket handshakes are checked against configured origins, never against the Host header.
 */
import http from 'node:http';
import express from 'express';
import { request } from 'undici';
import WebSocket from 'ws';
import { listen } from '../../platform/listen';
import { mountMetrics } from '../../platform/metrics';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

const TOKEN = 'metrics-token-for-the-operations-surface-test';

async function status(url: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await request(url, { headers });
  await response.body.text();
  return response.statusCode;
}

/** The handshake's HTTP status: 101 when it upgraded. */
function handshake(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => undefined);
  });
}

describe('with METRICS_TOKEN and the default origins', () => {
  let sg: TestSupergraph;
  beforeAll(async () => {
    sg = await startTestSupergraph({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await sg?.close();
  });

  it('serves /metrics on the router and every subgraph only with the bearer token', async () => {
    for (const base of [sg.url, ...Object.values(sg.launched.config.urls)]) {
      expect(await status(`${base}/metrics`)).toBe(401);
      expect(await status(`${base}/metrics`, { authorization: 'Bearer wrong' })).toBe(401);
      expect(await status(`${base}/metrics`, { authorization: `Bearer ${TOKEN}` })).toBe(200);
    }
  });

  it('refuses a WebSocket handshake whose Origin matches only the Host it sent', async () => {
    const port = new URL(sg.url).port;
    const url = `ws://127.0.0.1:${port}/graphql`;
    expect(await handshake(url, { origin: `http://evil.example:${port}`, host: `evil.example:${port}` })).toBe(403);
    // The router's own loopback origin (the local GraphiQL page) still connects.
    expect(await handshake(url, { origin: `http://127.0.0.1:${port}` })).toBe(101);
    expect(await handshake(url, {})).toBe(101); // not a browser
  });
});

describe('with PUBLIC_ORIGINS', () => {
  let sg: TestSupergraph;
  beforeAll(async () => {
    sg = await startTestSupergraph({ env: { PUBLIC_ORIGINS: 'https://builder.example.test' } });
  });
  afterAll(async () => {
    await sg?.close();
  });

  it('accepts exactly the configured origins', async () => {
    const port = new URL(sg.url).port;
    const url = `ws://127.0.0.1:${port}/graphql`;
    expect(await handshake(url, { origin: 'https://builder.example.test' })).toBe(101);
    expect(await handshake(url, { origin: `http://127.0.0.1:${port}` })).toBe(403);
    expect(await handshake(url, { origin: 'https://builder.example.test.evil.example', host: 'builder.example.test.evil.example' })).toBe(403);
  });
});

it('in production without METRICS_TOKEN, /metrics is off', async () => {
  const app = express();
  mountMetrics(app, { production: true, operationNames: [] });
  const server = http.createServer(app);
  const { url } = await listen(server, 0, '127.0.0.1');
  try {
    expect(await status(`${url}/metrics`)).toBe(401);
    expect(await status(`${url}/metrics`, { authorization: 'Bearer anything' })).toBe(401);
  } finally {
    await new Promise((r) => server.close(r));
  }
});
