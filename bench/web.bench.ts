/**
 * The web app (issue 19) in headless Chromium against the real supergraph: first render of a 500-node project, p95
 * frame time while panning it, initial JavaScript (gzip). Probes in tests/support/web-perf.ts.
 * Run alone: `npx tsx bench/web.bench.ts`.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../tests/support/browser';
import { startTestSupergraph } from '../tests/support/supergraph';
import { initialJsGzipBytes, measureFirstRender, measurePanFrames, measureZoomToFit, seedLargeProject } from '../tests/support/web-perf';
import { percentile, type Row } from './row';

const WEB = path.join(__dirname, '..', 'web');
const NODES = 500;
const RUNS = 3;
const log = (message: string) => process.stderr.write(`  web: ${message}\n`);

export async function runWebBench(): Promise<Row[]> {
  execFileSync(process.execPath, [path.join(WEB, 'ensure-built.mjs')], { stdio: 'ignore' });
  const js = initialJsGzipBytes(path.join(WEB, 'dist'));
  const [sg, browser] = await Promise.all([startTestSupergraph(), launchChromium()]);
  log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (figures are wall-clock)`);
  try {
    log(`seeding a ${NODES}-node project…`);
    const projectId = await seedLargeProject(sg.gql, NODES);
    const url = `${sg.url}/#/p/${projectId}`;
    const renders: number[] = [];
    let rendered = 0;
    let frames: number[] = [];
    let fitMs = NaN;
    let fitFrames: number[] = [];
    // Fresh context per run: a cold cache, as a first visit.
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const first = await measureFirstRender(page, url, NODES);
      renders.push(first.ms);
      rendered = first.renderedNodes;
      log(`first render ${first.ms.toFixed(0)} ms (${first.renderedNodes} nodes mounted)`);
      if (run === RUNS - 1) {
        frames = await measurePanFrames(page);
        fitMs = await measureZoomToFit(page, NODES);
        fitFrames = await measurePanFrames(page);
      }
      await context.close();
    }
    return [
      {
        name: `first render, ${NODES}-node project (median of ${RUNS})`,
        value: percentile(renders, 50),
        unit: 'ms',
        note: `target ≤ 1500 ms; navigation → nodes visible, ${rendered} nodes mounted; runs ${renders.map((r) => r.toFixed(0)).join('/')}`,
      },
      {
        name: `p95 frame while panning it (as opened)`,
        value: percentile(frames, 95),
        unit: 'ms',
        note: `target ≤ 50 ms; ${frames.length} frames, median ${percentile(frames, 50).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`,
      },
      {
        name: `zoom to fit, all ${NODES} nodes mounted`,
        value: fitMs,
        unit: 'ms',
        note: 'no target; the project opens at 75% on its top-left corner, mounting only the visible nodes',
      },
      {
        name: `p95 frame while panning, all ${NODES} nodes in view`,
        value: percentile(fitFrames, 95),
        unit: 'ms',
        note: `target ≤ 50 ms; ${fitFrames.length} frames, median ${percentile(fitFrames, 50).toFixed(1)} ms`,
      },
      { name: 'initial JS (gzip)', value: js.bytes / 1024, unit: 'KB', note: `target ≤ 500 KB; ${js.files.join(', ')}` },
    ];
  } finally {
    await browser.close();
    await sg.close();
  }
}

if (require.main === module) {
  runWebBench()
    .then((rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(50)} ${r.value.toFixed(1).padStart(10)} ${r.unit.padEnd(4)} ${r.note ?? ''}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
