/**
 * A run worker process (`main.ts worker`) for tests and benchmarks: one node process with tsx as a loader (its CLI
 * would fork a child that a SIGKILL would not reach), ready once it says it is up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** Starts a worker with `env` on top of this process's environment; rejects with its output if it exits first. */
export function spawnRunWorker(env: Record<string, string>, timeoutMs = 120_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts', 'worker'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker not up within ${timeoutMs} ms: ${output}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk) => {
      output = (output + chunk).slice(-4_000);
      if (output.includes('is up')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-4_000)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}): ${output}`));
    });
  });
}

/** Resolves with the exit code once the process has ended (null when a signal ended it). */
export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
