/**
 * Starts a worker thread on one of our modules, given its path without extension. From source (tsx), the thread
 * registers tsx itself before loading the `.ts` file (a loader registered by the parent is not inherited in every
 * setting, jest for one); from the compiled build (`node dist/main.js`), it loads the `.js` file as it is.
 *
 * Every thread started here runs the interpreter or user code (runs, debug hosts, the code sandbox), so it first
 * lowers its own scheduling priority: on a busy machine a spinning code node must not take CPU time from the thread
 * that serves requests (measured: a spinning thread at equal priority took half the CPU the request thread got,
 * and the request thread's event loop stalled for seconds; docs/ARCHITECTURE.md §5.1).
 */
import fs from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Nice value of these threads (0 is the request thread's; 10 gives it ≈10× their share of a contended core). */
export const BACKGROUND_NICE = 10;

/**
 * Linux applies setpriority(PRIO_PROCESS, tid) to one thread, and a thread may always lower its own priority;
 * elsewhere (no /proc/thread-self) the thread keeps the process's priority.
 */
const LOWER_PRIORITY = `try { require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), ${BACKGROUND_NICE}); } catch {}`;

export function spawnTsWorker(modulePathWithoutExtension: string, options: { workerData?: unknown; resourceLimits?: ResourceLimits } = {}): Worker {
  const source = `${modulePathWithoutExtension}.ts`;
  const load = fs.existsSync(source)
    ? `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`
    : `require(${JSON.stringify(`${modulePathWithoutExtension}.js`)});`;
  return new Worker(`${LOWER_PRIORITY} ${load}`, { eval: true, workerData: options.workerData, resourceLimits: options.resourceLimits });
}
