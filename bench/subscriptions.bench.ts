/**
 * Subscriptions under load (issue 4): 1,000 graphql-ws subscriptions across 100 projects, changes made through
 * real mutations on the router at a target rate; reports publish→receive latency (commit time in the change →
 * arrival at the client) p50/p99, and lost events (every subscriber must see every version of its project).
 * Then the cost of a payload field owned by a subgraph (`project { name version }`), with and without the
 * once-per-event memo. The load generator shares this machine's two cores with the servers.
 * Run alone: `npx tsx bench/subscriptions.bench.ts`.
 */
import type { Client } from 'graphql-ws';
import { createLogger } from '../platform/logger';
import { startRouter } from '../router/server';
import { startTestSupergraph, type TestSupergraph } from '../tests/support/supergraph';
import { wsClient } from '../tests/support/ws-client';
import { percentile, type Row } from './row';

export type { Row };

const PROJECTS = 100;
const SUBSCRIBERS_PER_PROJECT = 10;
const CONNECTIONS = 100;
const TARGET_RATE = 1_000;
const DURATION_MS = 5_000;

interface Scenario {
  label: string;
  selection: string;
  routerUrl: string;
}

async function runScenario(
  sg: TestSupergraph,
  projects: { id: string; version: number; startVersion: number }[],
  scenario: Scenario,
): Promise<{ latencies: number[]; lost: number; sent: number; rate: number }> {
  const clients: Client[] = Array.from({ length: CONNECTIONS }, () => wsClient(scenario.routerUrl));
  const latencies: number[] = [];
  const seen = new Map<string, Set<number>>(); // subscriber → versions
  const disposers: (() => void)[] = [];
  let subscriber = 0;
  for (const project of projects) {
    for (let s = 0; s < SUBSCRIBERS_PER_PROJECT; s++) {
      const key = `${subscriber}`;
      const versions = new Set<number>();
      seen.set(key, versions);
      const client = clients[subscriber++ % CONNECTIONS];
      disposers.push(
        client.subscribe<any>(
          {
            query: `subscription($p: ID!, $v: Int) { projectChanged(projectId: $p, sinceVersion: $v) { version at ${scenario.selection} } }`,
            variables: { p: project.id, v: project.startVersion },
          },
          {
            next: ({ data }) => {
              const change = data?.projectChanged;
              if (!change) return;
              versions.add(change.version);
              latencies.push(Date.now() - Date.parse(change.at));
            },
            error: () => undefined,
            complete: () => undefined,
          },
        ),
      );
    }
  }
  await new Promise((r) => setTimeout(r, 1_500)); // let every subscription reach its live phase
  latencies.length = 0;
  const started = Date.now();
  let sent = 0;
  const inFlight = new Set<Promise<unknown>>();
  while (Date.now() - started < DURATION_MS) {
    const due = Math.floor(((Date.now() - started) / 1000) * TARGET_RATE);
    while (sent < due && inFlight.size < 64) {
      const project = projects[sent % projects.length];
      const version = ++project.version;
      const p = sg
        .gql(`mutation($p: ID!, $x: Float!) { moveComponent(projectId: $p, nodeId: "n", position: {x: $x, y: 0}) { project { version } } }`, {
          p: project.id,
          x: version,
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      sent++;
    }
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(inFlight);
  const elapsed = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 2_000)); // drain
  let lost = 0;
  subscriber = 0;
  for (const project of projects) {
    for (let s = 0; s < SUBSCRIBERS_PER_PROJECT; s++) {
      const versions = seen.get(`${subscriber++}`)!;
      for (let v = project.startVersion + 1; v <= project.version; v++) if (!versions.has(v)) lost++;
    }
    project.startVersion = project.version;
  }
  disposers.forEach((d) => d());
  await Promise.all(clients.map((c) => c.dispose()));
  return { latencies, lost, sent, rate: sent / elapsed };
}

export async function runSubscriptionBench(): Promise<Row[]> {
  const sg = await startTestSupergraph();
  const rows: Row[] = [];
  try {
    const projects: { id: string; version: number; startVersion: number }[] = [];
    for (let i = 0; i < PROJECTS; i++) {
      const created = await sg.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: `bench ${i}` });
      const id = created.data.createProject.id;
      const added = await sg.gql(
        `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: "n", config: {value: 1}) { project { version } } }`,
        { p: id },
      );
      projects.push({ id, version: added.data.addComponent.project.version, startVersion: added.data.addComponent.project.version });
    }
    const unmemoised = await startRouter(sg.launched.config, createLogger('bench', 'silent'), sg.launched.events, {
      port: 0,
      memoiseSubscriptionFields: false,
    });
    try {
      const scenarios: Scenario[] = [
        { label: 'payload only', selection: '', routerUrl: sg.url },
        { label: 'with project field, memo', selection: 'project { name version }', routerUrl: sg.url },
        { label: 'with project field, no memo', selection: 'project { name version }', routerUrl: unmemoised.url },
      ];
      for (const scenario of scenarios) {
        const result = await runScenario(sg, projects, scenario);
        const subscriptions = PROJECTS * SUBSCRIBERS_PER_PROJECT;
        rows.push(
          {
            name: `subs: ${scenario.label}: p50 publish→receive`,
            value: percentile(result.latencies, 50),
            unit: 'ms',
            note: `${subscriptions} subscriptions, ${PROJECTS} projects, ${result.rate.toFixed(0)} mutations/s achieved (target ${TARGET_RATE})`,
          },
          { name: `subs: ${scenario.label}: p99 publish→receive`, value: percentile(result.latencies, 99), unit: 'ms', note: 'target ≤ 20 ms' },
          {
            name: `subs: ${scenario.label}: undelivered 2 s after the load`,
            value: result.lost,
            unit: 'events',
            note: `${result.latencies.length} deliveries of ${result.sent} changes × ${SUBSCRIBERS_PER_PROJECT} subscribers`,
          },
        );
      }
    } finally {
      await unmemoised.close();
    }
  } finally {
    await sg.close();
  }
  return rows;
}

if (require.main === module) {
  process.env.LOG_LEVEL ??= 'silent';
  runSubscriptionBench().then((rows) => {
    for (const r of rows) console.log(`${r.name.padEnd(60)} ${r.value.toFixed(1).padStart(10)} ${r.unit.padEnd(7)} ${r.note ?? ''}`);
    process.exit(0);
  });
}
