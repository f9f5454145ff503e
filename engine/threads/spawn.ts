/**
 * Starts a worker thread on a TypeScript module. The project runs TypeScript without a build step (tsx), and a
 * worker thread does not inherit a loader registered by the parent in every setting (jest, for one), so the thread
 * registers tsx itself before it loads the module.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function spawnTsWorker(modulePath: string, options: { workerData?: unknown; resourceLimits?: ResourceLimits } = {}): Worker {
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(modulePath)});`;
  return new Worker(bootstrap, { eval: true, workerData: options.workerData, resourceLimits: options.resourceLimits });
}
