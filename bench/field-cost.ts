/**
 * What each dashboard field costs (issue 21): the six subgraphs and the router as child processes, 20 seeded
 * projects, then each field of the dashboard alone on top of `projects { id name }`, sequential requests, median
 * latency minus the bare list's. Run: `npx tsx bench/field-cost.ts` (FIELD_COST_REQUESTS, default 30, per field).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_ENV, SUBGRAPH_NAMES, type SubgraphName } from '../platform/config';
import { postGraphQL } from '../tests/support/supergraph';
import { seedDashboard } from './dashboard';
import { stackEnv, startServer, tsxArgs, type ServerProcess } from './processes';

const FIELDS: Record<string, string> = {
  components: 'components { id componentId label component { id name category } }',
  runs: 'runs(first: 10) { id status durationMs }',
  artifacts: 'artifacts(first: 10) { id language lines checksum }',
  debugSessions: 'debugSessions(first: 10) { id state currentNodeId }',
  deployments: 'deployments(first: 10) { id status target environment }',
  suggestions: 'suggestions { id severity title }',
};

async function medianMs(url: string, query: string, requests: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const result = await postGraphQL(url, query);
    if (result.errors) throw new Error(JSON.stringify(result.errors).slice(0, 300));
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function main() {
  const requests = Number(process.env.FIELD_COST_REQUESTS ?? 30);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-field-cost-'));
  const env = await stackEnv(path.join(dir, 'data'));
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, env[SERVICE_ENV[name].urlVar!]])) as Record<SubgraphName, string>;
  const running: ServerProcess[] = [];
  try {
    running.push(await startServer(tsxArgs('main.ts', ...SUBGRAPH_NAMES), env, `${urls.assistant}/health`));
    const port = env.VISUAL_BUILDER_PORT;
    running.push(await startServer(tsxArgs('main.ts', 'router'), env, `http://127.0.0.1:${port}/health`));
    await seedDashboard(`http://127.0.0.1:${port}`, 20);
    const url = `http://127.0.0.1:${port}/graphql`;
    const list = (extra: string) => `{ projects(first: 20) { nodes { id name ${extra} } } }`;
    await medianMs(url, list(Object.values(FIELDS).join(' ')), 5);
    const bare = await medianMs(url, list(''), requests);
    console.log(`${'projects(first: 20) { id name }'.padEnd(32)} ${bare.toFixed(1).padStart(7)} ms`);
    for (const [name, selection] of Object.entries(FIELDS)) {
      const ms = await medianMs(url, list(selection), requests);
      console.log(`${`+ ${name}`.padEnd(32)} ${(ms - bare).toFixed(1).padStart(7)} ms`);
    }
    const all = await medianMs(url, list(Object.values(FIELDS).join(' ')), requests);
    console.log(`${'whole dashboard'.padEnd(32)} ${all.toFixed(1).padStart(7)} ms`);
  } finally {
    for (const server of running.reverse()) await server.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
