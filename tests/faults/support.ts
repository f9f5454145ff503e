/**
 * Fault-injection helpers: services as real child processes (`node --import tsx main.ts <service>`, so `kill -9`,
 * SIGSTOP and SIGTERM hit the very process serving), a load loop, outcome tallies and a figures printout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { request } from 'undici';
import { freePort } from '../support/redis-server';
import { NO_RATE_LIMIT } from '../support/no-rate-limit';

/** The DevTools WebSocket URL node prints on stderr when started with `--inspect`. */
const INSPECTOR_URL = /ws:\/\/[\d.:]+\/[\w-]+/;

const ROOT = path.join(__dirname, '..', '..');

/** Load tests are not abuse: the router's per-identity rate limit is lifted for them. */
export const LOAD_ENV = NO_RATE_LIMIT;

export interface ChildServices {
  readonly pid: number;
  readonly exited: Promise<number | null>;
  signal(signal: NodeJS.Signals): void;
  /** Resolves when every given URL's /health answers 200. */
  ready(urls: string[], timeoutMs?: number): Promise<void>;
  /** The DevTools WebSocket URL, when started with `--inspect` (node prints it on stderr). */
  readonly inspectorUrl: Promise<string>;
}

/** `nodeArgs` go before the script (e.g. `--inspect=127.0.0.1:0` for heap snapshots). */
export function spawnServices(services: string[], env: Record<string, string>, nodeArgs: string[] = []): ChildServices {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'main.ts', ...services], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', APOLLO_TELEMETRY_DISABLED: 'true', DATABASE_URL: '', REDIS_URL: '', ...LOAD_ENV, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let foundInspector: (url: string) => void = () => undefined;
  const inspectorUrl = new Promise<string>((resolve) => (foundInspector = resolve));
  child.stderr!.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4_000);
    const url = INSPECTOR_URL.exec(stderr)?.[0];
    if (url) foundInspector(url);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    pid: child.pid!,
    exited,
    inspectorUrl,
    signal: (signal) => void child.kill(signal),
    async ready(urls, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let done = false;
      void exited.then(() => (done = true));
      for (const url of urls) {
        while (!(await healthy(url))) {
          if (done) throw new Error(`child exited before ready: ${stderr}`);
          if (Date.now() > deadline) throw new Error(`${url} not ready: ${stderr}`);
          await sleep(100);
        }
      }
    },
  };
}

export async function healthy(url: string): Promise<boolean> {
  try {
    const response = await request(`${url}/health`, { headersTimeout: 1_000, bodyTimeout: 1_000 });
    await response.body.text();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Free ports for every service of a child supergraph, as the env it starts with. */
export async function supergraphPortsEnv(): Promise<{ env: Record<string, string>; routerUrl: string; urls: Record<string, string> }> {
  const vars: [string, string, string][] = [
    ['router', 'VISUAL_BUILDER_PORT', ''],
    ['workflow', 'VISUAL_WORKFLOW_ENGINE_PORT', 'VISUAL_WORKFLOW_ENGINE_URL'],
    ['registry', 'VISUAL_COMPONENT_REGISTRY_PORT', 'VISUAL_COMPONENT_REGISTRY_URL'],
    ['codegen', 'VISUAL_CODE_GENERATOR_PORT', 'VISUAL_CODE_GENERATOR_URL'],
    ['debugger', 'VISUAL_DEBUGGER_PORT', 'VISUAL_DEBUGGER_URL'],
    ['deployment', 'VISUAL_DEPLOYMENT_PORT', 'VISUAL_DEPLOYMENT_URL'],
    ['assistant', 'VISUAL_AI_ASSISTANT_PORT', 'VISUAL_AI_ASSISTANT_URL'],
  ];
  const env: Record<string, string> = {};
  const urls: Record<string, string> = {};
  for (const [name, portVar, urlVar] of vars) {
    const port = await freePort();
    env[portVar] = String(port);
    urls[name] = `http://127.0.0.1:${port}`;
    if (urlVar) env[urlVar] = urls[name];
  }
  return { env, routerUrl: urls.router, urls };
}

/** Counts outcomes by kind ("ok", "SERVICE_UNAVAILABLE", "ECONNREFUSED", …). */
export class Tally {
  readonly counts: Record<string, number> = {};
  add(kind: string) {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }
  get total() {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
  count(kind: string) {
    return this.counts[kind] ?? 0;
  }
}

/** Runs `workers` loops of `step` until `stop()` says so; each loop awaits its step, so load is closed-loop. */
export async function runLoad(workers: number, step: (worker: number, iteration: number) => Promise<void>, stop: () => boolean): Promise<void> {
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; !stop(); i++) await step(worker, i);
    }),
  );
}

/** A transport failure's kind (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, …). */
export const transportKind = (err: unknown) => (err as { code?: string }).code ?? (err as Error).name ?? 'error';

/** Prints one scenario's figures, so CI output shows them. */
export function printFigures(scenario: string, figures: Record<string, unknown>): void {
  console.log(
    `[faults] ${scenario}\n${Object.entries(figures)
      .map(([k, v]) => `  ${k.padEnd(34)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join('\n')}`,
  );
}
