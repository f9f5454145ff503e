/**
 * Issue 15: what isolation costs a LOCAL deployment at start — time from spawn to GET /health answering, the same
 * serve-mode program started natively (single-user mode) and under bubblewrap + slirp4netns (multi-user mode), and
 * the per-request cost of the extra hops (Unix socket + in-sandbox bridge) against the native loopback port.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { sandboxLimits, sandboxTools } from '../subgraphs/deployment/local-sandbox';
import { LocalSupervisor, socketAgent } from '../subgraphs/deployment/local-supervisor';
import { findProgramEntry } from '../subgraphs/deployment/program-entry';
import { jsProgram, pyProgram } from '../tests/deployment/fixture-programs';
import { percentile, type Row } from './row';

const STARTS = 8;
const REQUESTS = 300;

export async function runLocalSandboxBench(): Promise<Row[]> {
  const found = sandboxTools();
  if ('missing' in found) return [{ name: 'LOCAL sandbox start overhead', value: NaN, unit: '', note: found.missing }];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-sandbox-bench-'));
  const supervisor = new LocalSupervisor(() => undefined);
  const rows: Row[] = [];
  try {
    for (const [language, files] of [
      ['javascript', jsProgram()],
      ['python', pyProgram()],
    ] as const) {
      const program = findProgramEntry(language, files);
      const medians: Record<string, number> = {};
      const requestP50: Record<string, number> = {};
      for (const mode of ['native', 'isolated'] as const) {
        const times: number[] = [];
        for (let i = 0; i < STARTS; i++) {
          const id = `bench-${language}-${mode}-${i}`;
          const started = performance.now();
          const info = await supervisor.start({
            deploymentId: id,
            directory: path.join(root, id),
            files,
            program,
            port: null,
            env: {},
            startupTimeoutMs: 20_000,
            sandbox: mode === 'isolated' ? { tools: found.tools, limits: sandboxLimits({}) } : undefined,
          });
          times.push(performance.now() - started);
          if (i === 0) {
            const latencies: number[] = [];
            const dispatcher = info.socket ? socketAgent(info.socket) : undefined;
            for (let r = 0; r < REQUESTS; r++) {
              const t = performance.now();
              const response = await request(info.socket ? 'http://deployment/health' : `http://127.0.0.1:${info.port}/health`, { dispatcher });
              await response.body.dump();
              latencies.push(performance.now() - t);
            }
            requestP50[mode] = percentile(latencies, 50);
          }
          await supervisor.stop(id, info);
        }
        medians[mode] = percentile(times, 50);
      }
      rows.push({
        name: `LOCAL ${language} start to healthy, isolated − native (median of ${STARTS})`,
        value: Math.round(medians.isolated - medians.native),
        unit: 'ms',
        note: `native ${medians.native.toFixed(0)} ms, isolated ${medians.isolated.toFixed(0)} ms`,
      });
      rows.push({
        name: `LOCAL ${language} GET /health p50, isolated − native`,
        value: Number((requestP50.isolated - requestP50.native).toFixed(3)),
        unit: 'ms',
        note: `native ${requestP50.native.toFixed(3)} ms, isolated ${requestP50.isolated.toFixed(3)} ms (socket + bridge)`,
      });
    }
  } finally {
    supervisor.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

if (require.main === module) {
  void runLocalSandboxBench().then((rows) => console.table(rows));
}
