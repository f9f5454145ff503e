/**
 * Differential fidelity: every template and the corpus (every component, operator and function; hostile names),
 * run by the engine's interpreter and by the generated program in each implemented language, plain and optimised,
 * must give identical JSON outputs (or fail with the same error code). LLM and HTTP nodes talk to local fakes.
 */
import { join } from 'node:path';
import { builtinTemplates } from '../../engine/templates';
import { LANGUAGES, type LanguageId } from '../../engine/codegen';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { startFakeHttpServer, type FakeHttpServer } from '../engine/components/fake-http-server';
import { componentCases } from './corpus-components';
import { expressionCases } from './corpus-expressions';
import { regressionCases } from './corpus-regressions';
import { savedCases } from './fuzz/run';
import { divergences } from './differential';
import { engineOutcomes, type FidelityCase, type Outcome } from './harness';

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
  const found = savedCases(join(__dirname, 'found'), fakeHttp.baseUrl);
  cases = [...templates, ...expressionCases, ...componentCases(fakeHttp.baseUrl), ...regressionCases(fakeHttp.baseUrl), ...found];
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
    expect(await divergences(language, cases, expected, optimize, { llmUrl: fakeLlm.url })).toEqual([]);
  });
});
