/**
 * Differential fidelity: every template and the corpus (every component, operator and function; hostile names),
 * run by the engine's interpreter and by the generated program in each implemented language, plain and optimised,
 * must give identical JSON outputs (or fail with the same error code). LLM and HTTP nodes talk to local fakes.
 */
import { builtinTemplates } from '../../engine/templates';
import { LANGUAGES, type LanguageId } from '../../engine/codegen';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { startFakeHttpServer, type FakeHttpServer } from '../engine/components/fake-http-server';
import { componentCases } from './corpus-components';
import { expressionCases } from './corpus-expressions';
import { engineOutcomes, generatedOutcomes, type FidelityCase, type Outcome } from './harness';

jest.setTimeout(240_000);

let fakeLlm: FakeOpenAi;
let fakeHttp: FakeHttpServer;
let cases: FidelityCase[];
let expected: Outcome[][];

beforeAll(async () => {
  [fakeLlm, fakeHttp] = await Promise.all([startFakeOpenAi(), startFakeHttpServer()]);
  const templates = builtinTemplates.map((t) => ({
    name: `template ${t.id}`,
    graph: t.graph,
    inputs: [t.needs?.includes('http') ? { ...t.sampleInputs, baseUrl: fakeHttp.baseUrl } : t.sampleInputs],
  }));
  cases = [...templates, ...expressionCases, ...componentCases(fakeHttp.baseUrl)];
  expected = await engineOutcomes(cases, { llmUrl: fakeLlm.url });
});

afterAll(async () => {
  await Promise.all([fakeLlm?.close(), fakeHttp?.close()]);
});

it('has a corpus of at least 30 workflows beyond the templates, and the templates give their documented outputs', () => {
  expect(cases.length - builtinTemplates.length).toBeGreaterThanOrEqual(30);
  builtinTemplates.forEach((t, i) => expect([t.id, expected[i][0]]).toEqual([t.id, { ok: true, outputs: t.expectedOutputs }]));
  // The corpus exercises failures too, but mostly computes values.
  const outcomes = expected.flat();
  expect(outcomes.filter((o) => !o.ok).length).toBeGreaterThan(20);
  expect(outcomes.filter((o) => o.ok).length).toBeGreaterThan(outcomes.length * 0.6);
});

const implemented = LANGUAGES.filter((l) => l.implemented).map((l) => l.id as LanguageId);

describe.each(implemented)('%s', (language) => {
  it.each([false, true])('matches the engine on every workflow and input (optimize: %s)', async (optimize) => {
    const env = { LLM_BASE_URL: fakeLlm.url, LLM_MODEL: 'fake-model', LLM_API_KEY: '', HTTP_ALLOWLIST: '127.0.0.1' };
    const actual = await generatedOutcomes(language, cases, { optimize, includeComments: true }, env);
    const mismatches: unknown[] = [];
    cases.forEach((c, i) =>
      c.inputs.forEach((inputs, j) => {
        const [want, got] = [expected[i][j], actual[i]?.[j]];
        if (JSON.stringify(normalise(want)) !== JSON.stringify(normalise(got))) mismatches.push({ workflow: c.name, inputs, engine: want, generated: got });
      }),
    );
    expect(mismatches).toEqual([]);
  });
});

/** Key order of objects is not part of the contract (the engine collects outputs as nodes finish). */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalise((value as Record<string, unknown>)[k])]));
  return value;
}
