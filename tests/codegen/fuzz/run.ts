/**
 * Random differential testing of the code generators: random workflows × random run inputs (arbitraries.ts), the
 * engine against every language, many workflows per build (one compile and one process per language and batch).
 * A divergence is shrunk — workflow and input alternately, each round's candidates again run as one batch — and the
 * minimal case can be saved under tests/codegen/found/ where the fidelity corpus picks it up.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand';
import type { LanguageId } from '../../../engine/codegen';
import { divergences, engineOutcomes, type Divergence } from '../differential';
import { jsonText, type FidelityCase, type Outcome } from '../harness';
import { buildWorkflow, expression, runInputs, workflowSpec, type FuzzEnv, type WorkflowSpec } from './arbitraries';

export interface FuzzOptions {
  /** Workflow × input cases per language. */
  runs: number;
  seed: number;
  languages: LanguageId[];
  /** Generate with `optimize` on, off, or alternating by batch. */
  optimize: boolean | 'alternate';
  inputsPerWorkflow?: number;
  /** Workflows per build (bounded so a batch's program stays reasonable). */
  batchSize?: number;
  /** Shrink at most this many divergences (0: report only). */
  shrink?: number;
  /** Directory to save minimal cases into (tests/codegen/found). */
  saveTo?: string;
  log?: (line: string) => void;
}

export interface FuzzReport {
  cases: number;
  workflows: number;
  divergences: Divergence[];
  minimal: FidelityCase[];
  millis: Record<string, number>;
}

type Env = FuzzEnv & { llmUrl: string };
type Generated = { spec: fc.Value<WorkflowSpec>; inputs: fc.Value<Record<string, unknown>>[] };

/** A third of the workflows are a single transform: the expression language alone, random ASTs in every runtime. */
const specArb: fc.Arbitrary<WorkflowSpec> = fc.oneof(
  { weight: 2, arbitrary: workflowSpec },
  {
    weight: 1,
    arbitrary: fc
      .tuple(expression('value', 4), workflowSpec)
      .map(([e, [first]]) => [{ ...first, kind: 'transform' as const, exprs: [e, e], onError: 'fail' as const }]),
  },
);

const toCase = (name: string, spec: WorkflowSpec, inputs: Record<string, unknown>[], env: FuzzEnv): FidelityCase => ({
  name,
  graph: buildWorkflow(spec, env),
  inputs,
});

export async function fuzzCodegen(options: FuzzOptions, env: Env): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const perWorkflow = options.inputsPerWorkflow ?? 8;
  const batchSize = options.batchSize ?? 300;
  const random = new fc.Random(xoroshiro128plus(options.seed));
  const workflows = Math.ceil(options.runs / perWorkflow);
  const report: FuzzReport = { cases: 0, workflows, divergences: [], minimal: [], millis: {} };
  const time = async <R>(label: string, f: () => Promise<R>): Promise<R> => {
    const started = Date.now();
    try {
      return await f();
    } finally {
      report.millis[label] = (report.millis[label] ?? 0) + Date.now() - started;
    }
  };
  for (let start = 0, batch = 0; start < workflows; start += batchSize, batch++) {
    const generated: Generated[] = [];
    for (let i = start; i < Math.min(workflows, start + batchSize); i++) {
      generated.push({ spec: specArb.generate(random, undefined), inputs: Array.from({ length: perWorkflow }, () => runInputs.generate(random, undefined)) });
    }
    const cases = generated.map((g, i) =>
      toCase(
        `seed ${options.seed} workflow ${start + i}`,
        g.spec.value,
        g.inputs.map((v) => v.value),
        env,
      ),
    );
    const expected = await time('engine', () => engineOutcomes(cases, { llmUrl: env.llmUrl }));
    const optimize = options.optimize === 'alternate' ? batch % 2 === 1 : options.optimize;
    for (const language of options.languages) {
      const found = await time(language, () => buildableDivergences(language, cases, expected, optimize, env));
      report.cases += cases.reduce((n, c) => n + c.inputs.length, 0);
      log(`batch ${batch} ${language} (optimize ${optimize}): ${cases.length} workflows, ${found.length} divergence(s)`);
      report.divergences.push(...found);
      const shrunk = new Set<number>();
      for (const d of found) {
        if (shrunk.has(d.caseIndex) || report.minimal.length >= (options.shrink ?? 0)) continue;
        shrunk.add(d.caseIndex);
        const g = generated[d.caseIndex];
        const minimal = await time('shrink', () => shrinkCase(language, optimize, g.spec, g.inputs[d.inputIndex], env, log));
        report.minimal.push(minimal);
        if (options.saveTo) saveCase(options.saveTo, minimal, env);
      }
    }
  }
  return report;
}

/**
 * `divergences`, but a batch whose program does not build (one bad workflow fails the whole compile) is halved until
 * the workflows that do not build are found: each counts as a divergence with the code BUILD_FAILED, and the run goes on.
 */
async function buildableDivergences(language: LanguageId, cases: FidelityCase[], expected: Outcome[][], optimize: boolean, env: Env): Promise<Divergence[]> {
  try {
    return await divergences(language, cases, expected, optimize, { llmUrl: env.llmUrl });
  } catch (err) {
    if (cases.length === 1) {
      const generated: Outcome = { ok: false, code: `BUILD_FAILED: ${String((err as Error).message).slice(-2000)}` };
      return cases[0].inputs.map((inputs, j) => ({
        language,
        optimize,
        caseIndex: 0,
        inputIndex: j,
        workflow: cases[0].name,
        inputs,
        engine: expected[0][j],
        generated,
      }));
    }
    const half = Math.ceil(cases.length / 2);
    const first = await buildableDivergences(language, cases.slice(0, half), expected.slice(0, half), optimize, env);
    const second = await buildableDivergences(language, cases.slice(half), expected.slice(half), optimize, env);
    return [...first, ...second.map((d) => ({ ...d, caseIndex: d.caseIndex + half }))];
  }
}

/** Greedy shrinking: each round tries up to 24 smaller workflows and 24 smaller inputs in one batch. */
async function shrinkCase(
  language: LanguageId,
  optimize: boolean,
  spec: fc.Value<WorkflowSpec>,
  input: fc.Value<Record<string, unknown>>,
  env: Env,
  log: (line: string) => void,
): Promise<FidelityCase> {
  let current = { spec, input };
  for (let round = 0; round < 40; round++) {
    const candidates = [
      ...specArb
        .shrink(current.spec.value_, current.spec.context)
        .take(24)
        .map((s) => ({ spec: s, input: current.input })),
      ...runInputs
        .shrink(current.input.value_, current.input.context)
        .take(24)
        .map((i) => ({ spec: current.spec, input: i })),
    ];
    if (candidates.length === 0) break;
    const cases = candidates.map((c, i) => toCase(`candidate ${i}`, c.spec.value, [c.input.value], env));
    let expected: Outcome[][];
    let actual: Divergence[];
    try {
      expected = await engineOutcomes(cases, { llmUrl: env.llmUrl });
      actual = await divergences(language, cases, expected, optimize, { llmUrl: env.llmUrl });
    } catch {
      break; // a candidate that does not even build is not a smaller instance of this divergence
    }
    if (actual.length === 0) break;
    current = candidates[actual[0].caseIndex];
  }
  const minimal = toCase(`fuzz ${language}${optimize ? ' optimized' : ''}`, current.spec.value, [current.input.value], env);
  log(`minimal case: ${jsonText({ graph: minimal.graph, inputs: minimal.inputs }).slice(0, 2000)}`);
  return minimal;
}

const HTTP_PLACEHOLDER = 'http://fuzz-http-base';

/** Saved as JSON text (1e400 stands for ±Infinity); the fake HTTP server's address becomes a placeholder. */
function saveCase(dir: string, found: FidelityCase, env: FuzzEnv): void {
  mkdirSync(dir, { recursive: true });
  const text = jsonText({ name: found.name, graph: found.graph, inputs: found.inputs }).split(env.httpBaseUrl).join(HTTP_PLACEHOLDER);
  const name = `${Date.now().toString(36)}-${found.name.replace(/\W+/g, '-')}.json`;
  writeFileSync(join(dir, name), text + '\n');
}

/** Cases saved by `saveCase`, with the fake HTTP server's address filled in. */
export function savedCases(dir: string, httpBaseUrl: string): FidelityCase[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const c = JSON.parse(readFileSync(join(dir, f), 'utf8').split(HTTP_PLACEHOLDER).join(httpBaseUrl)) as FidelityCase;
    return { ...c, name: `found ${f}: ${c.name}` };
  });
}
