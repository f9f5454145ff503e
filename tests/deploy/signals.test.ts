/**
 * `npm start` and the `start:*` scripts run node itself (`exec node --import tsx main.ts …`), so SIGTERM sent to the npm
 * process reaches the server: it shuts down gracefully and no child is left listening on the ports.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_ENV } from '../../platform/config';
import { freePort } from '../../platform/free-port';
import { packageScripts, PROJECT_ROOT } from './docker-files';

/** Every process below `pid` (children, grandchildren, …). */
function descendants(pid: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const rows = out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/** Running (an exited process that only waits to be reaped — a zombie, state Z — counts as gone). */
const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

it('every start script execs node with the tsx loader, node flags allowed (no shell or tsx wrapper process in between)', () => {
  const scripts = packageScripts();
  const starts = Object.entries(scripts).filter(([name]) => name === 'start' || name.startsWith('start:'));
  // `start`, one per service (router and six subgraphs) and the run worker.
  expect(starts.map(([name]) => name).sort()).toEqual(
    ['start', ...['router', 'workflow', 'registry', 'codegen', 'debugger', 'deployment', 'assistant', 'worker'].map((s) => `start:${s}`)].sort(),
  );
  for (const [, command] of starts) // `exec`: the shell npm runs the script in becomes node (dash would otherwise die on SIGTERM and orphan it).
    expect(command).toMatch(/^exec node (--[a-z-]+=\d+ )*--import tsx main\.ts( [a-z]+)?$/);
});

it('SIGTERM to `npm start` stops the server and leaves no process behind', async () => {
  const ports: Record<string, string> = {};
  for (const { portVar } of Object.values(SERVICE_ENV)) ports[portVar] = String(await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-signals-'));
  // --ignore-scripts: no prestart (it builds the web app when stale); the start script itself runs as `npm start` runs it.
  const npm = spawn('npm', ['start', '--silent', '--ignore-scripts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...ports, DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: '', REDIS_URL: '', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout.on('data', (chunk) => (output += chunk));
  npm.stderr.on('data', (chunk) => (output += chunk));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not up after 60 s:\n${output.slice(-2000)}`)), 60_000);
      const check = () => {
        if (output.includes('supergraph is up')) {
          clearTimeout(timer);
          resolve();
        }
      };
      npm.stdout.on('data', check);
      npm.once('exit', (code) => reject(new Error(`npm exited (${code}) before the server was up:\n${output.slice(-2000)}`)));
    });
    const routerPort = Number(ports[SERVICE_ENV.router.portVar]);
    expect(await listening(routerPort)).toBe(true);
    const children = descendants(npm.pid!);
    expect(children.length).toBeGreaterThan(0);

    const exited = new Promise<string>((resolve) => npm.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
    npm.kill('SIGTERM');
    // npm waits for its script, then ends itself with the signal it received.
    expect(['SIGTERM', 'code 0']).toContain(await exited);
    // The server shut down gracefully (its own log line), and nothing below npm survives it.
    const deadline = Date.now() + 15_000;
    while (children.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(children.filter(alive)).toEqual([]);
    expect(output).toContain('shutting down');
    for (const port of Object.values(ports)) expect(await listening(Number(port))).toBe(false);
  } finally {
    if (npm.exitCode === null) npm.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
