/**
 * Observability: `/metrics` scraped from the router and a subgraph (Prometheus text format, the series operators and
 * the Grafana dashboard rely on), the circuit breaker's states, and OpenTelemetry traces — a real supergraph child
 * process exporting OTLP/HTTP to a receiver written here, with one trace spanning router → subgraphs through the
 * `traceparent` header.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { CircuitBreaker, CircuitOpenError } from '../../router/circuit-breaker';
import { isReadOperation } from '../../router/resilient-fetcher';
import { spawnServices, supergraphPortsEnv } from '../faults/support';
import { postGraphQL, startTestSupergraph, type TestSupergraph } from '../support/supergraph';

jest.setTimeout(120_000);

async function scrape(url: string): Promise<string> {
  const response = await request(`${url}/metrics`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return response.body.text();
}

/** The value of the first sample of `name` whose labels include every given pair. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('/metrics', () => {
  let sg: TestSupergraph;
  beforeAll(async () => {
    sg = await startTestSupergraph({ env: { METRICS_OPERATION_NAMES: 'MetricsCreate,MetricsRun,MetricsBroken' } });
  });
  afterAll(async () => {
    await sg?.close();
  });

  it('counts operations, subgraph calls, events, runs and queue depth', async () => {
    const created = await sg.gql(`mutation MetricsCreate { createProject(input: {name: "metrics"}) { id } }`);
    const p = created.data.createProject.id;
    await sg.gql(`mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", config: {value: 1}) { project { version } } }`, { p });
    await sg.gql(`mutation MetricsRun($p: ID!) { executeWorkflow(projectId: $p, inputs: {}) { status } }`, { p });
    await sg.gql(`mutation MetricsBroken { deleteProject(id: "missing") { id } }`);
    await sg.gql(`query ClientChosenName { languages { id } }`);
    const router = await scrape(sg.url);
    const subgraph = await scrape(sg.launched.config.urls.workflow);

    expect(sample(router, 'vb_graphql_requests_total', { service: 'router', operation: 'MetricsCreate', outcome: 'ok' })).toBe(1);
    expect(sample(router, 'vb_graphql_requests_total', { service: 'router', operation: 'MetricsBroken', outcome: 'error' })).toBe(1);
    expect(sample(router, 'vb_graphql_request_duration_seconds_count', { service: 'router', operation: 'MetricsRun' })).toBe(1);
    // Names nobody configured are bucketed, so clients cannot mint label values.
    expect(router).not.toContain('ClientChosenName');
    expect(sample(router, 'vb_graphql_requests_total', { service: 'router', operation: 'other', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(router, 'vb_subgraph_fetches_total', { subgraph: 'workflow', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(sample(router, 'vb_subgraph_circuit_state', { subgraph: 'workflow' })).toBe(0);
    expect(sample(router, 'vb_subscriptions_open', { service: 'router' })).toBe(0);
    expect(sample(router, 'vb_events_published_total', { kind: 'PROJECT_CREATED', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(router, 'vb_runs', { service: 'workflow', status: 'succeeded' })).toBeGreaterThanOrEqual(1);
    expect(sample(router, 'vb_queue_depth', { service: 'deployment', queue: 'deployments' })).toBe(0);
    expect(sample(router, 'vb_process_resident_memory_bytes')).toBeGreaterThan(0);
    // Every subgraph serves /metrics too, with its own service label.
    expect(sample(subgraph, 'vb_graphql_requests_total', { service: 'workflow' })).toBeGreaterThanOrEqual(1);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, fails fast, probes once and closes on success', async () => {
    const states: string[] = [];
    const breaker = new CircuitBreaker('test', { failureThreshold: 3, openMs: 100, onStateChange: (s) => states.push(s) });
    const fail = () => Promise.reject(new Error('down'));
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.current).toBe('open');
    let calls = 0;
    await expect(breaker.run(async () => ++calls)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(0);
    await new Promise((r) => setTimeout(r, 120));
    // Half-open: one probe at a time; a concurrent call still fails fast.
    let release!: () => void;
    const probe = breaker.run(() => new Promise<number>((resolve) => (release = () => resolve(++calls))));
    await expect(breaker.run(async () => ++calls)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    expect(await probe).toBe(1);
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('retries reads only', () => {
    expect(isReadOperation(JSON.stringify({ query: 'query X__workflow__0 { projects { totalCount } }' }))).toBe(true);
    expect(isReadOperation(JSON.stringify({ query: '{ projects { totalCount } }' }))).toBe(true);
    expect(isReadOperation(JSON.stringify({ query: 'mutation { createProject(input: {name: "x"}) { id } }' }))).toBe(false);
    expect(isReadOperation(undefined)).toBe(false);
  });
});

describe('OpenTelemetry', () => {
  it('exports one trace spanning the router and the subgraphs it called', async () => {
    const bodies: any[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.url === '/v1/traces') bodies.push(JSON.parse(body));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-otel-'));
    const { env, routerUrl, urls } = await supergraphPortsEnv();
    const child = spawnServices([], {
      ...env,
      DATA_DIR: dataDir,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as { port: number }).port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    try {
      await child.ready([routerUrl, urls.workflow]);
      const created = await postGraphQL(`${routerUrl}/graphql`, `mutation { createProject(input: {name: "traced"}) { id } }`);
      // Two subgraphs in one query: workflow owns Project, registry resolves each component.
      const traced = await postGraphQL(`${routerUrl}/graphql`, `query Traced($id: ID!) { project(id: $id) { name debugSessions { id } } }`, {
        id: created.data.createProject.id,
      });
      expect(traced.errors).toBeUndefined();
      const spans = () => bodies.flatMap((b) => b.resourceSpans.flatMap((r: any) => r.scopeSpans.flatMap((s: any) => s.spans)));
      const deadline = Date.now() + 15_000;
      const find = () => {
        const all = spans();
        const clients = all.filter((s: any) => s.name.startsWith('subgraph '));
        return clients.filter((c: any) => all.some((s: any) => s.parentSpanId === c.spanId && s.traceId === c.traceId && s.kind === 2));
      };
      while (Date.now() < deadline && new Set(find().map((c: any) => c.name)).size < 2) await new Promise((r) => setTimeout(r, 200));
      const joined = find();
      // Router client spans for both subgraphs, each the parent of a server span in the subgraph (traceparent flowed).
      expect(new Set(joined.map((c: any) => c.name))).toEqual(new Set(['subgraph workflow', 'subgraph debugger']));
      const traceIds = new Set(joined.filter((c: any) => spans().some((s: any) => s.spanId === c.parentSpanId)).map((c: any) => c.traceId));
      expect(traceIds.size).toBeGreaterThanOrEqual(1);
    } finally {
      child.signal('SIGTERM');
      await child.exited;
      receiver.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
