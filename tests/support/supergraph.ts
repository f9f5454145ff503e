/**
 * Boots the real supergraph (six subgraphs + router, real HTTP between them) on free ports with a private data
 * directory, for integration tests. No mocks: what runs here is what `npm start` runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { launch, type Launched, type LaunchOptions } from '../../launcher';
import { loadConfig } from '../../platform/config';

export interface TestSupergraph {
  launched: Launched;
  url: string;
  /** POST a GraphQL operation to the router; returns the parsed body and the HTTP status. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

export async function startTestSupergraph(options: { env?: Record<string, string>; services?: LaunchOptions['services'] } = {}): Promise<TestSupergraph> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-test-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '', ...options.env });
  const launched = await launch(config, { freePorts: true, services: options.services });
  const url = launched.router?.url ?? '';
  return {
    launched,
    url,
    gql: (query, variables, headers) => postGraphQL(`${url}/graphql`, query, variables, headers),
    async close() {
      await launched.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postGraphQL(endpoint: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await request(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.body.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.statusCode, ...body };
}

/** The first error's code, for assertions. */
export const errorCode = (result: { errors?: any[] }) => result.errors?.[0]?.extensions?.code;
