/**
 * Hive Gateway in its fastest configuration (docs/ARCHITECTURE.md §10, issue 11): `hive-gateway supergraph` over a copy of
 * our supergraph with the subgraph URLs of this run, the Rust query planner (@graphql-hive/router-runtime via
 * HIVE_ROUTER_RUNTIME), `--fork N` for N processes. Subgraphs only answer with an internal token: a bench-signed
 * long-lived one is sent as a static header to every subgraph, and the caller's `authorization` is propagated as a
 * real deployment would (which also keeps distinct users' subgraph fetches from being de-duplicated).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/config';
import { INTERNAL_TOKEN_HEADER } from '../platform/identity';
import { freePort, ROOT, startServer, type ServerProcess } from './processes';

const CONFIG = `// written by bench/hive-gateway.ts
const token = process.env.BENCH_INTERNAL_TOKEN;
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ '${INTERNAL_TOKEN_HEADER}': token, authorization: request.headers.get('authorization') ?? undefined }),
  },
};
`;

export async function startHiveGateway(options: {
  dir: string;
  urls: Record<SubgraphName, string>;
  token: string;
  forks: number;
}): Promise<ServerProcess & { url: string }> {
  let supergraph = fs.readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
  for (const name of SUBGRAPH_NAMES) {
    supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${options.urls[name]}/graphql$2`);
  }
  const supergraphPath = path.join(options.dir, 'hive-supergraph.graphql');
  const configPath = path.join(options.dir, 'gateway.config.mjs');
  fs.writeFileSync(supergraphPath, supergraph);
  fs.writeFileSync(configPath, CONFIG);
  const port = await freePort();
  const bin = path.join(ROOT, 'node_modules', '.bin', 'hive-gateway');
  const server = await startServer(
    [bin, ['supergraph', supergraphPath, '--config-path', configPath, '--port', String(port), '--host', '127.0.0.1', '--fork', String(options.forks)]],
    { HIVE_ROUTER_RUNTIME: 'true', BENCH_INTERNAL_TOKEN: options.token, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) },
    `http://127.0.0.1:${port}/readiness`,
    { cwd: options.dir },
  );
  return { ...server, url: `http://127.0.0.1:${port}/graphql` };
}
