/**
 * The assistant in the real supergraph (router + six subgraphs over HTTP, no model configured): analysis of real
 * projects, suggestions applied through the workflow service (recomputed on the current version, so they compose), the per-version cache dropped
 * by the project's change events, answers from the rules, and code optimisation over GraphQL.
 */
import { SEED_EVENTS_TOPIC, type PlatformEvent } from '../../platform/events';
import { errorCode, startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { analyze, APPLY, ASK, craftedProject, DISMISS } from './assistant-client';
import { COMBINED, CRAFTED } from './crafted-projects';
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';

let sg: TestSupergraph;
const seen: PlatformEvent[] = [];

beforeAll(async () => {
  sg = await startTestSupergraph({ env: { LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' } });
  await sg.launched.events.on<PlatformEvent>(SEED_EVENTS_TOPIC, (event) => void seen.push(event));
});
afterAll(async () => {
  await sg?.close();
});

const FAULTS = [
  { op: 'updateNode', nodeId: 'agent', settings: {} },
  { op: 'addNode', node: { id: 'leftover', componentId: 'core/constant', componentVersion: '1.0.0', position: { x: 0, y: 400 }, config: { value: 1 } } },
  { op: 'updateNode', nodeId: 'question', config: { name: 'question' } },
];

describe('analysis of a template with deliberate faults', () => {
  it('finds the faults, applies two fixes (re-analysing in between), and the findings disappear', async () => {
    const project = await craftedProject(sg, 'faulty agent', undefined, 'basic_agent');
    expect(await analyze(sg, project.id)).toEqual([]);
    const broken = await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
      p: project.id,
      e: toEditInputs(FAULTS as GraphEdit[]),
    });
    expect(broken.errors).toBeUndefined();

    const findings = await analyze(sg, project.id);
    const byRule = new Map(findings.map((f) => [f.rule, f]));
    expect([...byRule.keys()].sort()).toEqual(['disconnected-node', 'network-without-retry', 'untyped-input']);
    expect(byRule.get('network-without-retry')).toMatchObject({
      kind: 'ERROR_HANDLING',
      severity: 'HIGH',
      status: 'OPEN',
      source: 'RULES',
      nodeIds: ['agent'],
      projectVersion: broken.data.applyGraphEdits.project.version,
    });
    expect(byRule.get('untyped-input').patch).toBeNull(); // nothing says which type it should have
    expect(findings.map((f) => f.severity)).toEqual(['HIGH', 'LOW', 'LOW']);

    const first = await sg.gql(APPLY, { id: byRule.get('network-without-retry').id });
    expect(first.errors).toBeUndefined();
    expect(first.data.applySuggestion.suggestion.status).toBe('APPLIED');
    expect(first.data.applySuggestion.project.version).toBe(broken.data.applyGraphEdits.project.version + 1);

    // The other suggestion was made for the previous version: its fix is recomputed against the current one.
    const second = await sg.gql(APPLY, { id: byRule.get('disconnected-node').id });
    expect(second.errors).toBeUndefined();
    expect(second.data.applySuggestion.project.version).toBe(first.data.applySuggestion.project.version + 1);
    expect(second.data.applySuggestion.project.validation).toEqual({ valid: true, errors: [] });

    expect((await analyze(sg, project.id)).map((f) => f.rule)).toEqual(['untyped-input']);
    const applied = await sg.gql(`query($id: ID!) { project(id: $id) { suggestions(status: APPLIED) { rule } components { id settings { retries } } } }`, {
      id: project.id,
    });
    expect(applied.data.project.suggestions.map((s: any) => s.rule).sort()).toEqual(['disconnected-node', 'network-without-retry']);
    expect(applied.data.project.components.find((c: any) => c.id === 'agent').settings.retries).toBe(2);
  });

  it('applies a multi-edit fix (a missing template variable) and the project still runs', async () => {
    const project = await craftedProject(sg, 'template vars', CRAFTED['template-missing-variable']);
    const [finding] = await analyze(sg, project.id);
    expect(finding.rule).toBe('template-missing-variable');
    const applied = await sg.gql(APPLY, { id: finding.id });
    expect(applied.data.applySuggestion.project.validation.valid).toBe(true);
    const run = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, inputs: {a: "x", b: {first: "y"}}) { status outputs } }`, { p: project.id });
    expect(run.data?.executeWorkflow ?? run.errors).toMatchObject({ status: 'SUCCEEDED', outputs: { text: 'x and y' } });
  });
});

describe('cache', () => {
  it('serves the same version from the cache and re-analyses after a change event', async () => {
    const project = await craftedProject(sg, 'cached', CRAFTED['dead-node']);
    const workflow = sg.launched.subgraphs.workflow!;
    const first = await analyze(sg, project.id);
    const before = workflow.stats.requests;
    const second = await analyze(sg, project.id);
    expect(workflow.stats.requests).toBe(before); // no snapshot fetched: nothing announced a change
    expect(second.map((s) => s.id)).toEqual(first.map((s) => s.id));

    const moved = await sg.gql(`mutation($p: ID!) { removeComponent(projectId: $p, nodeId: "unused_more") { project { version } } }`, { p: project.id });
    const third = await analyze(sg, project.id);
    expect(workflow.stats.requests).toBeGreaterThan(before);
    expect(third.every((s) => s.projectVersion === moved.data.removeComponent.project.version)).toBe(true);
    expect(third.map((s) => s.nodeIds)).toEqual([['unused']]);
    const outdated = await sg.gql(`query($id: ID!) { project(id: $id) { suggestions(status: OUTDATED) { nodeIds } } }`, { id: project.id });
    expect(outdated.data.project.suggestions).toEqual([{ nodeIds: ['unused_more'] }]);
  });
});

describe('suggestions', () => {
  it('dismisses a suggestion for good, and refuses to apply one without a fix or an unknown one', async () => {
    const project = await craftedProject(sg, 'secrets', CRAFTED['secret-literal']);
    const [secret] = await analyze(sg, project.id);
    expect(secret).toMatchObject({ rule: 'secret-literal', severity: 'CRITICAL', kind: 'SECURITY', patch: null });
    expect(errorCode(await sg.gql(APPLY, { id: secret.id }))).toBe('BAD_USER_INPUT');
    expect((await sg.gql(DISMISS, { id: secret.id })).data.dismissSuggestion.status).toBe('DISMISSED');
    await sg.gql(`mutation($p: ID!) { moveComponent(projectId: $p, nodeId: "out", position: {x: 5, y: 5}) { project { version } } }`, { p: project.id });
    expect(await analyze(sg, project.id)).toEqual([]);
    expect(errorCode(await sg.gql(APPLY, { id: 'no-such-suggestion' }))).toBe('NOT_FOUND');
    expect(errorCode(await sg.gql(`mutation { analyzeProject(projectId: "no-such-project") { id } }`))).toBe('NOT_FOUND');
  });
});

describe('fixes compose through the router', () => {
  it.each([
    ['no-output-node', 'constant-condition'],
    ['constant-condition', 'no-output-node'],
  ])('applies %s then %s: no finding comes back, nothing the first fix added is removed', async (firstRule, secondRule) => {
    const project = await craftedProject(sg, `compose ${firstRule}`, COMBINED['dead end without output']);
    const findings = new Map((await analyze(sg, project.id)).map((f) => [f.rule, f]));
    const first = await sg.gql(APPLY, { id: findings.get(firstRule).id });
    expect(first.errors).toBeUndefined();
    const afterFirst = (await sg.gql(`query($id: ID!) { project(id: $id) { components { id componentId } } }`, { id: project.id })).data.project.components;
    // The second suggestion was computed for the previous version; applying it recomputes it (or says it is resolved).
    const second = await sg.gql(APPLY, { id: findings.get(secondRule).id });
    if (second.errors) expect(['RESOLVED', 'NO_FIX']).toContain(second.errors[0].extensions.reason);
    const rules = (await analyze(sg, project.id)).map((f) => f.rule);
    expect(rules).not.toContain(firstRule);
    if (!second.errors) expect(rules).not.toContain(secondRule);
    const now = (await sg.gql(`query($id: ID!) { project(id: $id) { components { id } validation { valid } } }`, { id: project.id })).data.project;
    const addedByFirst = afterFirst.filter((c: any) => !COMBINED['dead end without output'].nodes.some((n) => n.id === c.id));
    for (const c of addedByFirst) expect(now.components.map((x: any) => x.id)).toContain(c.id);
    if (firstRule === 'no-output-node') expect(now.validation.valid).toBe(true);
  });
});

describe('askAssistant without a model', () => {
  it('names a HIGH finding first whatever the question asks', async () => {
    const project = await craftedProject(sg, 'ask why', CRAFTED['expression-unknown-variable']);
    const answer = (await sg.gql(ASK, { p: project.id, q: 'why does it fail?' })).data.askAssistant;
    expect(answer.category).toBe('error_handling');
    expect(answer.suggestion).toMatch(/^First, 1 finding of high severity/);
    expect(answer.suggestion).toContain('Expression reads a variable that does not exist');
    expect(answer.findings[0]).toMatchObject({ rule: 'expression-unknown-variable' });
    expect(answer.priority).toBe('HIGH');
  });

  it('routes by keywords and answers from the rules with the seed fields, publishing AI_SUGGESTION_GENERATED', async () => {
    const project = await craftedProject(sg, 'ask rules', CRAFTED['network-without-retry']);
    const errors = await sg.gql(ASK, { p: project.id, q: 'How should I handle an exception from the model?' });
    expect(errors.errors).toBeUndefined();
    const answer = errors.data.askAssistant;
    expect(answer).toMatchObject({ category: 'error_handling', source: 'RULES', priority: 'HIGH', proposal: null, patchNote: null });
    expect(answer.suggestion).toContain('Remote call without retry');
    expect(answer.findings.map((f: any) => f.rule)).toEqual(['network-without-retry']);
    expect(answer.bestPractices.length).toBeGreaterThan(0);
    expect(answer.codeSnippets.join('\n')).toContain('retries');
    expect(answer.projectInsights).toEqual({
      totalComponents: 3,
      componentTypes: ['core/input', 'core/llm', 'core/output'],
      connectionsCount: 2,
      hasCycles: false,
    });
    expect(seen.some((e) => e.type === 'AI_SUGGESTION_GENERATED' && e.data.projectId === project.id && e.data.category === 'error_handling')).toBe(true);

    const security = (await sg.gql(ASK, { p: project.id, q: 'Is this secure?' })).data.askAssistant;
    // Not a security problem, but a HIGH finding: named first whatever the question's words.
    expect(security).toMatchObject({ category: 'security', priority: 'CRITICAL', findings: [{ rule: 'network-without-retry' }] });
    expect(security.suggestion).toMatch(/^First, 1 finding of high severity/);
    expect(security.suggestion).toContain('Remote call without retry');
    expect(security.suggestion).toContain('No security problems');
    expect((await sg.gql(ASK, { p: project.id, q: 'make it faster' })).data.askAssistant.category).toBe('performance');
    expect((await sg.gql(ASK, { p: project.id, q: 'write tests' })).data.askAssistant.category).toBe('testing');
    expect((await sg.gql(ASK, { p: project.id, q: 'hello', c: 'agent' })).data.askAssistant).toMatchObject({
      category: 'general',
      findings: [{ rule: 'network-without-retry' }],
    });
    expect(errorCode(await sg.gql(ASK, { p: project.id, q: 'hello', c: 'nope' }))).toBe('NOT_FOUND');
    expect(errorCode(await sg.gql(ASK, { p: project.id, q: '  ' }))).toBe('BAD_USER_INPUT');
  });
});

describe('optimizeCode and capabilities over GraphQL', () => {
  it('optimises Python through the router and lists what is supported', async () => {
    const result = await sg.gql(
      `mutation($code: String!) { optimizeCode(code: $code, language: "python") { language originalCode optimizedCode parser optimizations { rule line column applied } } }`,
      {
        code: 'try:\n    x = 1\nexcept:\n    x = 2\n',
      },
    );
    // Reported, not rewritten: `except Exception` would change what a program that exits in the try does.
    expect(result.data.optimizeCode).toMatchObject({
      language: 'python',
      optimizedCode: 'try:\n    x = 1\nexcept:\n    x = 2\n',
      optimizations: [{ rule: 'py-bare-except', line: 3, column: 1, applied: false }],
    });
    const caps = await sg.gql(
      `{ capabilities { analysisRules { id kind severity autoFix } askCategories codeLanguages { language parser checks } modelConfigured model } }`,
    );
    expect(caps.data.capabilities.analysisRules.length).toBeGreaterThanOrEqual(12);
    expect(caps.data.capabilities.codeLanguages.map((l: any) => l.language)).toEqual(['python', 'javascript', 'typescript']);
    expect(caps.data.capabilities).toMatchObject({
      modelConfigured: false,
      model: null,
      askCategories: ['error_handling', 'performance', 'testing', 'security', 'general'],
    });
  });
});
