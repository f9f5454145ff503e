/**
 * Entry point. `npm start` (`exec node --import tsx main.ts`; `node dist/main.js` in the image) starts the whole
 * supergraph in one process (embedded default: SQLite under ./data, in-process pub/sub); `main.ts <service> [...]`
 * starts only those (router, workflow, registry, codegen, debugger, deployment, assistant); `main.ts worker` starts a run
 * worker (executes queued runs from Redis, serves no requests; see subgraphs/workflow/run-worker.ts). SIGINT/SIGTERM
 * shut down gracefully: WebSockets close with 1001, new requests
 * are refused with 503, in-flight requests finish, background jobs stop at a safe point, then spans are flushed.
 */
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

// First: tracing must hook `http` before anything loads it (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
import { stopTracing } from './platform/tracing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUBGRAPH_NAMES, loadConfig, type ServiceName } from './platform/config';
import { createLogger } from './platform/logger';
import { launch, launchRunWorker } from './launcher';

const KNOWN = new Set<string>([...SUBGRAPH_NAMES, 'router']);

async function main() {
  const requested = process.argv.slice(2);
  if (requested.length === 1 && requested[0] === 'worker') return startWorker();
  const unknown = requested.filter((name) => !KNOWN.has(name));
  if (unknown.length) {
    console.error(`Unknown service(s): ${unknown.join(', ')}. Known: ${[...KNOWN].join(', ')}`);
    process.exit(2);
  }
  const config = loadConfig();
  const log = createLogger('visual-builder', config.logLevel);
  const launched = await launch(config, { services: requested as ServiceName[], log });
  const lines = [
    ...Object.entries(launched.subgraphs).map(([name, s]) => `  ${name.padEnd(11)} ${s!.url}/graphql`),
    ...(launched.router
      ? [`  ${'router'.padEnd(11)} ${launched.router.url}/graphql   (GraphiQL: open it in a browser; health: ${launched.router.url}/health)`]
      : []),
  ];
  console.log(`Visual Builder supergraph is up:\n${lines.join('\n')}`);
  console.log(
    `Storage: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite files in ${config.dataDir}`}; pub/sub: ${config.redisUrl ? 'Redis' : 'in-process'}.`,
  );
  if (launched.router) {
    console.log(
      config.auth
        ? `Authentication: ${[config.auth.jwtSecret && 'HS256 JWT', config.auth.jwksFile && 'RS256/ES256 JWT (JWKS file)'].filter(Boolean).join(', ')} and API keys; anonymous requests get 401.`
        : 'Local single-user mode: no AUTH_* configured, bound to loopback, every request acts as the local user.',
    );
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await launched.stop();
    await stopTracing();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** A run worker process: takes runs from the Redis queue until SIGTERM, then finishes them or hands them back. */
async function startWorker() {
  const config = loadConfig();
  const log = createLogger('visual-builder-worker', config.logLevel);
  const worker = await launchRunWorker(config, log);
  console.log(`Run worker ${worker.id} is up: ${worker.threads} run threads, queue on Redis.`);
  // No HTTP server here: liveness is a file touched every few seconds (docker-compose's healthcheck reads its age).
  const aliveFile = process.env.WORKER_ALIVE_FILE ?? path.join(os.tmpdir(), 'vb-worker-alive');
  const touch = () => fs.writeFile(aliveFile, new Date().toISOString(), () => undefined);
  touch();
  setInterval(touch, 5_000).unref();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker shutting down');
    // Runs get RUN_SHUTDOWN_GRACE_MS to finish, then are handed back (re-queued or failed); this bounds the rest.
    const force = setTimeout(() => process.exit(1), worker.shutdownGraceMs + 10_000);
    force.unref();
    await worker.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
