/**
 * Engine vs generated programs on a batch of cases: one build and one process per language (harness.ts), outcomes
 * compared on output values (key order aside) or error codes. Used by the fidelity corpus, the random differential
 * suite and `npm run fuzz:codegen`.
 */
import type { LanguageId } from '../../engine/codegen';
import { engineOutcomes, generatedOutcomes, type FidelityCase, type Outcome } from './harness';

export interface Divergence {
  language: LanguageId;
  optimize: boolean;
  caseIndex: number;
  inputIndex: number;
  workflow: string;
  inputs: Record<string, unknown>;
  engine: Outcome;
  generated: Outcome | undefined;
}

export interface DifferentialEnv {
  llmUrl: string;
}

/** Key order of objects is not part of the contract (the engine collects outputs as nodes finish). */
export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, normalise((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export const sameOutcome = (a: Outcome | undefined, b: Outcome | undefined): boolean => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/** Runs `cases` in `language` and lists every input whose outcome differs from `expected` (the engine's). */
export async function divergences(
  language: LanguageId,
  cases: FidelityCase[],
  expected: Outcome[][],
  optimize: boolean,
  env: DifferentialEnv,
): Promise<Divergence[]> {
  // The generated programs refuse private addresses unless allowed: the fakes listen on 127.0.0.1.
  const processEnv = { LLM_BASE_URL: env.llmUrl, LLM_MODEL: 'fake-model', LLM_API_KEY: '', HTTP_ALLOWLIST: '127.0.0.1' };
  const actual = await generatedOutcomes(language, cases, { optimize, includeComments: true }, processEnv);
  const found: Divergence[] = [];
  cases.forEach((c, i) =>
    c.inputs.forEach((inputs, j) => {
      const [want, got] = [expected[i][j], actual[i]?.[j]];
      if (!sameOutcome(want, got)) found.push({ language, optimize, caseIndex: i, inputIndex: j, workflow: c.name, inputs, engine: want, generated: got });
    }),
  );
  return found;
}

export { engineOutcomes };
