/**
 * Load generation with autocannon (in the bench process, loopback only, bounded in time) and A/B comparison in
 * alternating rounds: one warm-up round each (discarded), then rounds in alternating order (AB, BA, …); a ratio is
 * taken per round and the median of the rounds reported, so drift of the shared machine affects both sides alike.
 */
import autocannon from 'autocannon';

export interface Target {
  label: string;
  /** Full URL of the GraphQL endpoint. */
  url: string;
  headers?: Record<string, string>;
}

export interface Workload {
  query: string;
  /** Variables for the i-th request (unique per request for "distinct" load). */
  variables(i: number): Record<string, unknown>;
  /** A unique `authorization` header per request (distinct users), on top of unique variables. */
  distinct: boolean;
}

export interface LoadResult {
  rps: number;
  /** Requests completed in the round. */
  total: number;
  p99Ms: number;
  failures: number;
}

export const LOAD = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 2),
  roundSeconds: Number(process.env.BENCH_ROUND_SECONDS ?? 4),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
};

let sequence = 0;

export async function runLoad(target: Target, workload: Workload, seconds: number): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', ...target.headers };
  const result = await autocannon({
    url: target.url,
    connections: LOAD.connections,
    duration: seconds,
    method: 'POST',
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = ++sequence;
          return {
            ...req,
            headers: workload.distinct ? { ...headers, authorization: `Bearer bench-user-${i}` } : headers,
            body: JSON.stringify({ query: workload.query, variables: workload.variables(i) }),
          };
        },
      },
    ],
  });
  return { rps: result.requests.average, total: result.requests.total, p99Ms: result.latency.p99, failures: result.non2xx + result.errors + result.timeouts };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export interface Comparison {
  a: LoadResult;
  b: LoadResult;
  /** Median over rounds of a.rps / b.rps. */
  ratio: number;
}

/** `workloadB`: B's own variant of the workload (e.g. its own ids), the same by default. */
export async function compare(a: Target, b: Target, workload: Workload, workloadB: Workload = workload): Promise<Comparison> {
  await runLoad(a, workload, LOAD.warmupSeconds);
  await runLoad(b, workloadB, LOAD.warmupSeconds);
  const ra: LoadResult[] = [];
  const rb: LoadResult[] = [];
  for (let round = 0; round < LOAD.rounds; round++) {
    if (round % 2 === 0) {
      ra.push(await runLoad(a, workload, LOAD.roundSeconds));
      rb.push(await runLoad(b, workloadB, LOAD.roundSeconds));
    } else {
      rb.push(await runLoad(b, workloadB, LOAD.roundSeconds));
      ra.push(await runLoad(a, workload, LOAD.roundSeconds));
    }
  }
  const summary = (rs: LoadResult[]): LoadResult => ({
    rps: median(rs.map((r) => r.rps)),
    total: rs.reduce((s, r) => s + r.total, 0),
    p99Ms: median(rs.map((r) => r.p99Ms)),
    failures: rs.reduce((s, r) => s + r.failures, 0),
  });
  return { a: summary(ra), b: summary(rb), ratio: median(ra.map((r, i) => r.rps / rb[i].rps)) };
}
