/**
 * The monitoring profile's files: Prometheus scrapes the router and every subgraph on their contract ports, Grafana's
 * provisioning points at that Prometheus, and every series the dashboard plots is one the services export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { metricsRegistry } from '../../platform/metrics';
import { APP_SERVICES, type ComposeDocument } from './compose-checks';
import { parseComposeYaml, PROJECT_ROOT, readProjectFile } from './docker-files';

const compose = parseComposeYaml(readProjectFile('docker-compose.yml')) as unknown as ComposeDocument;
const prometheus = parse(readProjectFile('deploy/monitoring/prometheus.yml')) as {
  scrape_configs: { job_name: string; dns_sd_configs: { names: string[]; port: number }[] }[];
};
const datasources = parse(readProjectFile('deploy/monitoring/grafana/provisioning/datasources/prometheus.yml')) as {
  datasources: { uid: string; url: string }[];
};
const dashboard = JSON.parse(readProjectFile('deploy/monitoring/grafana/dashboards/visual-builder.json')) as {
  uid: string;
  panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[];
};

it('scrapes the router and every subgraph on its port, every replica', () => {
  const scraped = Object.fromEntries(prometheus.scrape_configs.flatMap((job) => job.dns_sd_configs.flatMap((sd) => sd.names.map((name) => [name, sd.port]))));
  expect(scraped).toEqual(Object.fromEntries(Object.entries(APP_SERVICES).map(([name, app]) => [name, app.port])));
});

it('mounts only files that exist', () => {
  for (const name of ['prometheus', 'grafana']) {
    for (const volume of compose.services[name].volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : (volume.source ?? '');
      if (source.startsWith('./')) expect({ source, exists: fs.existsSync(path.join(PROJECT_ROOT, source)) }).toEqual({ source, exists: true });
    }
  }
});

it('provisions the Prometheus datasource the dashboard uses', () => {
  const [source] = datasources.datasources;
  expect(new URL(source.url).hostname).toBe('prometheus');
  expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
  for (const panel of dashboard.panels) expect({ panel: panel.title, uid: panel.datasource.uid }).toEqual({ panel: panel.title, uid: source.uid });
});

it('plots only series the services export', async () => {
  const exported = new Set((await metricsRegistry.getMetricsAsJSON()).map((m) => m.name));
  const plotted = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\bvb_[a-z0-9_]+/g) ?? [])));
  const missing = [...plotted].filter((name) => !exported.has(name) && !exported.has(name.replace(/_(bucket|count|sum)$/, '')));
  expect(missing).toEqual([]);
  for (const metric of [
    'vb_graphql_requests_total',
    'vb_subgraph_fetches_total',
    'vb_subscriptions_open',
    'vb_events_published_total',
    'vb_runs',
    'vb_deployments',
    'vb_queue_depth',
  ])
    expect(plotted).toContain(metric);
});
