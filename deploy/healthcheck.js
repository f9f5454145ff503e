'use strict';
// Container health probe: `node deploy/healthcheck.js [port]`. Plain JavaScript because slim images have no curl
// and starting tsx would cost ~300 ms per probe. The port defaults to HEALTHCHECK_PORT, then the router's port.
// Exit 0 = healthy, 1 = unhealthy (Docker's meaning).

const port = Number(process.argv[2] ?? process.env.HEALTHCHECK_PORT ?? process.env.VISUAL_BUILDER_PORT ?? 8006);
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS ?? 4000);
// "degraded" is alive: the router still answers queries that avoid the missing subgraph,
// and restarting the router would not bring that subgraph back.
const ALIVE_STATUSES = new Set(['healthy', 'degraded']);

async function probe() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`invalid port ${process.argv[2]}`);
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(timeoutMs) });
  const body = await response.json();
  const status = body && typeof body === 'object' ? body.status : undefined;
  if (!ALIVE_STATUSES.has(status)) throw new Error(`status ${JSON.stringify(status)} (HTTP ${response.status})`);
  return `${body.service ?? 'service'} ${status}`;
}

probe().then(
  (summary) => {
    process.stdout.write(`${summary}\n`);
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`unhealthy on port ${port}: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
  },
);
