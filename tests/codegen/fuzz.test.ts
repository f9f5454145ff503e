/**
 * Random differential suite, CI budget: a fixed seed, 2,000 random workflow × input cases per language (half of
 * them generated with `optimize`), engine vs Python, TypeScript, JavaScript, Go and Java, zero divergences allowed.
 * A divergence is shrunk to a minimal workflow and input, printed, to be saved as a regression case
 * (`npm run fuzz:codegen -- --runs N --seed S --save` writes it to tests/codegen/found/).
 */
import { LANGUAGES, type LanguageId } from '../../engine/codegen';
import { startFakeHttpServer, type FakeHttpServer } from '../engine/components/fake-http-server';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { jsonText } from './harness';
import { fuzzCodegen } from './fuzz/run';

jest.setTimeout(600_000);

const SEED = 20;
const RUNS = 2000;

let fakeLlm: FakeOpenAi;
let fakeHttp: FakeHttpServer;

beforeAll(async () => {
  [fakeLlm, fakeHttp] = await Promise.all([startFakeOpenAi(), startFakeHttpServer()]);
});

afterAll(async () => {
  await Promise.all([fakeLlm?.close(), fakeHttp?.close()]);
});

it(`random workflows and inputs (seed ${SEED}, ${RUNS} cases per language) give the engine's outcomes in every language`, async () => {
  const languages = LANGUAGES.filter((l) => l.implemented).map((l) => l.id as LanguageId);
  const report = await fuzzCodegen(
    { runs: RUNS, seed: SEED, languages, optimize: 'alternate', batchSize: Math.ceil(RUNS / 8 / 2), shrink: 1 },
    { llmUrl: fakeLlm.url, httpBaseUrl: fakeHttp.baseUrl },
  );
  expect(report.cases).toBeGreaterThanOrEqual(RUNS * languages.length);
  const summary = report.divergences
    .slice(0, 5)
    .map((d) => ({ language: d.language, optimize: d.optimize, workflow: d.workflow, engine: d.engine, generated: d.generated }));
  const minimal = report.minimal.map((c) => jsonText({ graph: c.graph, inputs: c.inputs }));
  expect({ divergences: report.divergences.length, summary, minimal }).toEqual({ divergences: 0, summary: [], minimal: [] });
});
