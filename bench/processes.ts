/**
 * Servers under benchmark run as child processes (never in the bench process, which runs the load generator):
 * spawn, wait until an HTTP endpoint answers, measure the resident memory of the whole process tree (cluster
 * workers included), stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { request } from 'undici';
import { SERVICE_ENV, SUBGRAPH_NAMES } from '../platform/config';
import { freePort } from '../tests/support/redis-server';
import { NO_RATE_LIMIT } from '../tests/support/no-rate-limit';

export { freePort };

export const ROOT = path.join(__dirname, '..');

export interface ServerProcess {
  pid: number;
  /** Resident memory of the process and all its descendants, in MB. */
  rssMb(): number;
  /** CPU time (user + system) used so far by the process and its live descendants, in ms: load-independent cost. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** `node --import tsx <script>`: no tsx wrapper process, so the measured tree is the server alone. */
export function tsxArgs(script: string, ...args: string[]): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args]];
}

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) used so far by a process and its live descendants, in ms. */
export function processTreeCpuMs(pid: number): number {
  return descendants(pid).reduce((sum, p) => sum + cpuTicks(p), 0) * TICK_MS;
}

/**
 * CPU time (ms) of the PostgreSQL server processes serving the connections opened with `application_name` (the
 * server runs on this machine, so /proc has them): what a statement costs the database, which the client's CPU
 * does not show. Returns a reader of the CPU used since this call by the backends alive at both ends.
 */
export async function postgresBackendsCpu(databaseUrl: string, applicationName: string): Promise<() => Promise<number>> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const backends = async () =>
    new Map(
      (await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName])).rows.map((r) => [
        r.pid,
        cpuTicks(r.pid),
      ]),
    );
  const start = await backends();
  return async () => {
    const end = await backends();
    await pool.end();
    let ticks = 0;
    for (const [pid, at] of end) if (start.has(pid)) ticks += at - start.get(pid)!;
    return ticks * TICK_MS;
  };
}

/** The connection string with `application_name` set, which `postgresBackendsCpu` finds the server processes by. */
export const withApplicationName = (databaseUrl: string, name: string) => `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}application_name=${name}`;

function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await request(url, { headersTimeout: 1_000 });
      await res.body.text();
      if (res.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(
  command: [string, string[]],
  env: Record<string, string>,
  readyUrl: string,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const [file, args] = command;
  const child = spawn(file, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitForHttp(readyUrl, child, () => output, options.timeoutMs ?? 60_000).catch(async (err) => {
    child.kill('SIGKILL');
    throw err;
  });
  const pid = child.pid!;
  return {
    pid,
    rssMb: () => descendants(pid).reduce((sum, p) => sum + rssKb(p), 0) / 1024,
    cpuMs: () => processTreeCpuMs(pid),
    stop: async () => {
      // Already ended (a process killed by a signal has no exit code): 'exit' has fired and will not fire again.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const tree = descendants(pid);
      child.kill('SIGTERM');
      const forced = setTimeout(
        () =>
          tree.forEach((p) => {
            try {
              process.kill(p, 'SIGKILL');
            } catch {
              /* gone */
            }
          }),
        5_000,
      );
      await exited;
      clearTimeout(forced);
      // cluster workers / forks outlive a killed primary: make sure none is left
      for (const p of tree.slice(1))
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          /* gone */
        }
    },
  };
}

/**
 * The environment of a stack on loopback: its own data directory and internal-token secret, no Redis, SQLite unless
 * `extra` says otherwise, no per-identity rate limit (a bench is one identity), a free port for every subgraph and the
 * router (`VISUAL_BUILDER_PORT`).
 */
export async function stackEnv(dataDir: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    INTERNAL_TOKEN_SECRET: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    REDIS_URL: '',
    NODE_ENV: 'development',
    ...NO_RATE_LIMIT,
    ...extra,
  };
  for (const name of SUBGRAPH_NAMES) {
    const port = await freePort();
    env[SERVICE_ENV[name].portVar] = String(port);
    env[SERVICE_ENV[name].urlVar!] = `http://127.0.0.1:${port}`;
  }
  env.VISUAL_BUILDER_PORT = String(await freePort());
  return env;
}

/** The node flags of package.json's `start:router` script (`exec node <flags> --import tsx main.ts router`). */
export function startRouterNodeFlags(): string {
  const script: string = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).scripts['start:router'];
  return (script.match(/--(?!import)[a-z-]+=\S+/g) ?? []).join(' ');
}
