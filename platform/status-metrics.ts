/**
 * Scrape-time gauges of a table's rows by `status` (runs, deployments) and of the work waiting in it (queue depth):
 * one `GROUP BY` per scrape, nothing on the request path. The database is the source of truth, so every replica
 * reports the same figures (take `max` in dashboards, not `sum`).
 */
import { sql } from 'kysely';
import type { Database } from './db';
import { addQueueDepthSource, type GaugeSample } from './metrics';

export interface StatusMetricsOptions {
  service: string;
  table: string;
  /** Registers the per-status gauge source (e.g. addRunsSource). */
  addSource: (source: () => Promise<GaugeSample[]>) => () => void;
  /** Queue name and the statuses that mean "accepted, not started". */
  queue: { name: string; waiting: readonly string[] };
}

export function registerStatusMetrics<DB>(database: Database<DB>, options: StatusMetricsOptions): () => void {
  const counts = async () => {
    const { rows } = await sql<{ status: string; n: number | string }>`select status, count(*) as n from ${sql.table(options.table)} group by status`.execute(
      database.db,
    );
    return rows.map((row) => ({ status: row.status, n: Number(row.n) }));
  };
  let latest: Promise<{ status: string; n: number }[]> | undefined;
  // Both gauges read one query per scrape.
  const shared = () => (latest ??= counts().finally(() => setTimeout(() => (latest = undefined), 100).unref()));
  const removeStatus = options.addSource(async () =>
    (await shared()).map((row) => ({ labels: { service: options.service, status: row.status }, value: row.n })),
  );
  const removeQueue = addQueueDepthSource(async () => [
    {
      labels: { service: options.service, queue: options.queue.name },
      value: (await shared()).filter((row) => options.queue.waiting.includes(row.status)).reduce((sum, row) => sum + row.n, 0),
    },
  ]);
  return () => {
    removeStatus();
    removeQueue();
  };
}
