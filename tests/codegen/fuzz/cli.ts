/**
 * `npm run fuzz:codegen -- --runs N --seed S [--languages python,go] [--optimize true|false|alternate] [--shrink K]
 * [--save]`: the random differential suite beyond CI's budget. Exit status 1 when any divergence is found; with
 * `--save`, minimal cases go to tests/codegen/found/ (picked up by the fidelity corpus).
 */
import { join } from 'node:path';
import { LANGUAGES, type LanguageId } from '../../../engine/codegen';
import { startFakeHttpServer } from '../../engine/components/fake-http-server';
import { startFakeOpenAi } from '../../support/fake-openai';
import { sameOutcome } from '../differential';
import type { Outcome } from '../harness';
import { fuzzCodegen } from './run';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const all = LANGUAGES.filter((l) => l.implemented).map((l) => l.id as LanguageId);
  const languages = argument('languages', all.join(',')).split(',') as LanguageId[];
  const optimize = argument('optimize', 'alternate');
  const [llm, http] = await Promise.all([startFakeOpenAi(), startFakeHttpServer()]);
  const started = Date.now();
  try {
    const report = await fuzzCodegen(
      {
        runs: Number(argument('runs', '2000')),
        seed: Number(argument('seed', String(Date.now() % 100000))),
        languages,
        optimize: optimize === 'alternate' ? 'alternate' : optimize === 'true',
        batchSize: Number(argument('batch', '300')),
        shrink: Number(argument('shrink', '3')),
        saveTo: process.argv.includes('--save') ? argument('save-dir', join(__dirname, '..', 'found')) : undefined,
        log: (line) => console.log(line),
      },
      { llmUrl: llm.url, httpBaseUrl: http.baseUrl },
    );
    console.log(
      JSON.stringify({
        cases: report.cases,
        workflows: report.workflows,
        divergences: report.divergences.length,
        seconds: (Date.now() - started) / 1000,
        millis: report.millis,
      }),
    );
    const seen = new Set<string>();
    for (const d of report.divergences) {
      if (seen.has(d.workflow) || seen.size >= 20) continue;
      seen.add(d.workflow);
      console.log(JSON.stringify({ language: d.language, optimize: d.optimize, workflow: d.workflow, ...difference(d.engine, d.generated) }).slice(0, 1500));
    }
    process.exitCode = report.divergences.length > 0 ? 1 : 0;
  } finally {
    await Promise.all([llm.close(), http.close()]);
  }
}

/** Only the outputs that differ (whole outcomes when either side failed). */
function difference(engine: Outcome, generated: Outcome | undefined): Record<string, unknown> {
  if (!engine.ok || !generated?.ok) return { engine, generated };
  const keys = [...new Set([...Object.keys(engine.outputs), ...Object.keys(generated.outputs)])].filter(
    (k) => !sameOutcome(engine.outputs[k] as Outcome, generated.outputs[k] as Outcome),
  );
  return { engine: Object.fromEntries(keys.map((k) => [k, engine.outputs[k]])), generated: Object.fromEntries(keys.map((k) => [k, generated.outputs[k]])) };
}

void main();
