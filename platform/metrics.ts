/**
 * Prometheus metrics (prom-client), one registry per process. Every series carries a `service` label, so a process
 * running several services (the embedded default) serves them all on each `/metrics` and a one-service container
 * serves its own. Hot-path hooks only bump counters; anything that needs a query (runs and deployments by status,
 * queue depth) is collected when Prometheus scrapes, from sources services register and remove.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'vb_' });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const graphqlRequests = new Counter({
  name: 'vb_graphql_requests_total',
  help: 'GraphQL operations served, by service, operation name and outcome (ok | error)',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const graphqlDuration = new Histogram({
  name: 'vb_graphql_request_duration_seconds',
  help: 'GraphQL operation latency, by service and operation name',
  labelNames: ['service', 'operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const subgraphFetches = new Counter({
  name: 'vb_subgraph_fetches_total',
  help: 'Router calls to subgraphs, by subgraph and outcome (ok | error | timeout | circuit_open | retried | misconfigured | shared: answered by an identical in-flight fetch)',
  labelNames: ['subgraph', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const routerOperations = new Counter({
  name: 'vb_router_operations_total',
  help: 'Operations the router executed through the gateway, by path (pass_through: one fetch, the subgraph answer returned as it arrived | shaped: the gateway built the response | shared: the answer of an identical query of the same caller in flight)',
  labelNames: ['service', 'path'] as const,
  registers: [metricsRegistry],
});

export const subgraphFetchDuration = new Histogram({
  name: 'vb_subgraph_fetch_duration_seconds',
  help: 'Latency of router calls to subgraphs, by subgraph',
  labelNames: ['subgraph'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const circuitState = new Gauge({
  name: 'vb_subgraph_circuit_state',
  help: 'Circuit breaker per subgraph: 0 closed, 1 half-open, 2 open (failing fast)',
  labelNames: ['subgraph'] as const,
  registers: [metricsRegistry],
});

export const eventsPublished = new Counter({
  name: 'vb_events_published_total',
  help: 'Events published on the bus, by kind (the seed event type or the entity topic kind) and outcome',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const eventsDelivered = new Counter({
  name: 'vb_events_delivered_total',
  help: 'Events delivered to listeners of this process (subscriptions, caches), by kind',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

/** A sample a scrape-time source reports: label values and the value. */
export interface GaugeSample {
  labels: Record<string, string>;
  value: number;
}
type GaugeSource = () => Promise<GaugeSample[]> | GaugeSample[];

/** A gauge whose value is read from registered sources at scrape time (several services in one process each add one). */
function scrapedGauge(name: string, help: string, labelNames: string[]) {
  const sources = new Set<GaugeSource>();
  new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      const results = await Promise.allSettled([...sources].map((source) => source()));
      // A source that cannot answer (its database is down) reports nothing rather than failing the whole scrape.
      for (const result of results) if (result.status === 'fulfilled') for (const sample of result.value) this.inc(sample.labels, sample.value);
    },
  });
  return (source: GaugeSource) => {
    sources.add(source);
    return () => void sources.delete(source);
  };
}

export const addSubscriptionsSource = scrapedGauge('vb_subscriptions_open', 'GraphQL subscriptions open on this router', ['service']);
export const addRunsSource = scrapedGauge('vb_runs', 'Workflow runs by status', ['service', 'status']);
export const addDeploymentsSource = scrapedGauge('vb_deployments', 'Deployments by status', ['service', 'status']);
export const addQueueDepthSource = scrapedGauge('vb_queue_depth', 'Work accepted but not started yet, by queue', ['service', 'queue']);

/**
 * Operation names come from clients, so only known names become label values: the router's own stored operations
 * (REST shim), the persisted-operations safelist and METRICS_OPERATION_NAMES. Anything else is counted as "other", so
 * a client can neither grow the series nor crowd out the real names. Subgraphs see the gateway's fetch names
 * (`<operation>__<subgraph>__<n>`), labelled by their operation.
 */
const knownOperations = new Set<string>();
const MAX_KNOWN_OPERATIONS = 2_000;

export function registerOperationNames(names: Iterable<string>): void {
  for (const name of names) if (knownOperations.size < MAX_KNOWN_OPERATIONS && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) knownOperations.add(name);
}

export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  const operation = name.replace(/__[A-Za-z0-9-]+__\d+$/, '');
  return knownOperations.has(operation) ? operation : 'other';
}

/** Counts and times one GraphQL operation; call the result when it completes. */
export function startOperationTimer(service: string): (operation: string | null | undefined, failed: boolean) => void {
  const started = process.hrtime.bigint();
  return (operation, failed) => {
    const label = operationLabel(operation);
    graphqlDuration.observe({ service, operation: label }, Number(process.hrtime.bigint() - started) / 1e9);
    graphqlRequests.inc({ service, operation: label, outcome: failed ? 'error' : 'ok' });
  };
}

/** The kind of an event topic without its entity id (`run.abc` → `run`), so ids never become label values. */
export function topicKind(topic: string): string {
  const dot = topic.indexOf('.');
  return dot === -1 ? topic : topic.slice(0, dot);
}

/**
 * `GET /metrics` in the Prometheus text format. With METRICS_TOKEN set it needs `Authorization: Bearer <token>`; in
 * production without one it is off (401), so run counts and operation names are not public.
 */
export function mountMetrics(app: express.Express, access: { metricsToken?: string; production: boolean; operationNames: string[] }): void {
  registerOperationNames(access.operationNames);
  const expected = access.metricsToken ? createHash('sha256').update(access.metricsToken).digest() : undefined;
  app.get('/metrics', async (req, res) => {
    if (expected || access.production) {
      const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
      const ok = expected !== undefined && given !== undefined && timingSafeEqual(createHash('sha256').update(given).digest(), expected);
      if (!ok) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        const message = expected ? 'Metrics need "Authorization: Bearer <METRICS_TOKEN>"' : 'Metrics are off in production until METRICS_TOKEN is set';
        return void res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
      }
    }
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}
