/**
 * The subscription bench's server as a child process: the whole supergraph in one process (`launch`, as `npm start`:
 * router and six subgraphs, in-process pub/sub) on the ports of its environment (`bench/processes.ts` `stackEnv`),
 * plus a second router without the subscription field memo on `BENCH_UNMEMOISED_PORT`, sharing the same event bus.
 * Ready when that second router's /health answers.
 *
 * `POST /publish` on `BENCH_CONTROL_PORT` (`{ projects: [{ id, fromVersion }], rate, durationMs }`) emits project
 * changes on the bus itself, as a subgraph does after a commit, without the mutations: the fan-out alone at a rate
 * the write path cannot reach on this machine. It answers with the versions it published per project.
 */
import http from 'node:http';
import { loadConfig } from '../platform/config';
import { topics, type EventBus } from '../platform/events';
import { createLogger } from '../platform/logger';
import { launch } from '../launcher';
import { startRouter } from '../router/server';

interface PublishRequest {
  projects: { id: string; fromVersion: number }[];
  rate: number;
  durationMs: number;
}

/** Emits `rate` changes a second round-robin over the projects, in 1 ms ticks; the versions published per project. */
async function publishChanges(bus: EventBus, { projects, rate, durationMs }: PublishRequest): Promise<Record<string, number[]>> {
  const published: Record<string, number[]> = Object.fromEntries(projects.map((p) => [p.id, []]));
  const versions = projects.map((p) => p.fromVersion);
  const started = Date.now();
  let sent = 0;
  while (Date.now() - started < durationMs) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      const i = sent % projects.length;
      const version = ++versions[i];
      published[projects[i].id].push(version);
      void bus.emit(topics.project(projects[i].id), {
        projectId: projects[i].id,
        version,
        actor: 'local',
        op: 'moveComponent',
        payload: { nodeId: 'n', position: { x: version, y: 0 } },
        at: new Date().toISOString(),
      });
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  return published;
}

async function main() {
  const config = loadConfig();
  const log = createLogger('bench', 'silent');
  const launched = await launch(config, { log });
  const control = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const published = await publishChanges(launched.events, JSON.parse(body) as PublishRequest);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(published));
    });
  });
  await new Promise<void>((resolve) => control.listen(Number(process.env.BENCH_CONTROL_PORT), '127.0.0.1', resolve));
  const unmemoised = await startRouter(config, log, launched.events, { port: Number(process.env.BENCH_UNMEMOISED_PORT), memoiseSubscriptionFields: false });
  process.once('SIGTERM', async () => {
    control.close();
    await unmemoised.close();
    await launched.stop();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
