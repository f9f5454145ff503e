/**
 * Starts a worker thread on one of our modules, given its path without extension. From source (tsx), the thread
 * registers tsx itself before loading the `.ts` file (a loader registered by the parent is not inherited in every
 * setting, jest for one); from the compiled build (`node dist/main.js`), it loads the `.js` file as it is.
 */
import fs from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function spawnTsWorker(modulePathWithoutExtension: string, options: { workerData?: unknown; resourceLimits?: ResourceLimits } = {}): Worker {
  const source = `${modulePathWithoutExtension}.ts`;
  const bootstrap = fs.existsSync(source)
    ? `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`
    : `require(${JSON.stringify(`${modulePathWithoutExtension}.js`)});`;
  return new Worker(bootstrap, { eval: true, workerData: options.workerData, resourceLimits: options.resourceLimits });
}
