/**
 * Drafts and expression checks through the router: a node can be dropped before it is configured or wired,
 * validation says what it still needs (node id, JSON pointer, position in the expression), only running is refused.
 * applyGraphEdits takes typed edits whose errors name the edit index and field.
 */
import { errorCode, startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(async () => {
  await sg?.close();
});

const VALIDATION = 'validation { valid errors { code nodeId field position message } warnings { code nodeId field message } }';

async function newProject(name: string): Promise<string> {
  const created = await sg.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: name });
  return created.data.createProject.id;
}

const edits = (projectId: string, list: unknown[]) =>
  sg.gql(
    `mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version components { id config } ${VALIDATION} } } }`,
    { p: projectId, e: list },
  );

describe('drafts', () => {
  test('any component can be added without config; defaults are filled; validation lists what is missing; running is refused', async () => {
    const p = await newProject('Draft');
    for (const componentId of ['core/transform', 'core/input', 'core/llm', 'core/switch', 'core/http_request']) {
      const added = await sg.gql(`mutation($p: ID!, $c: ID!) { addComponent(projectId: $p, componentId: $c) { component { id config } } }`, {
        p,
        c: componentId,
      });
      expect(added.errors).toBeUndefined();
    }
    const partial = await sg.gql(
      `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/input", id: "question", config: {name: "question"}) { component { id config } project { ${VALIDATION} } } }`,
      { p },
    );
    expect(partial.errors).toBeUndefined();
    // The schema's defaults are filled in.
    expect(partial.data.addComponent.component.config).toMatchObject({ name: 'question', type: 'any', required: true });
    const report = partial.data.addComponent.project.validation;
    expect(report.valid).toBe(false);
    const transform = report.errors.find((e: { code: string; field: string }) => e.code === 'CONFIG_MISSING' && e.field === '/expression');
    expect(transform).toMatchObject({ nodeId: expect.stringMatching(/^transform_/), message: expect.stringContaining('is required') });
    expect(report.errors.some((e: { nodeId: string }) => e.nodeId === 'question')).toBe(false);

    const run = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p) { id } }`, { p });
    expect(errorCode(run)).toBe('INVALID_GRAPH');
    expect(run.errors![0].extensions.issues.some((i: { code: string }) => i.code === 'CONFIG_MISSING')).toBe(true);

    // A wrong value (not a missing one) is still refused at once.
    const wrong = await sg.gql(
      `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/transform", config: {expression: 42}) { component { id } } }`,
      { p },
    );
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
  });

  test('applyGraphEdits pastes unwired, unconfigured nodes; typed edits name the index and field on error', async () => {
    const p = await newProject('Paste');
    const pasted = await edits(p, [
      { addNode: { id: 'a', componentId: 'core/transform', position: { x: 10, y: 20 } } },
      { addNode: { id: 'b', componentId: 'core/output', config: { name: 'out' } } },
      { connect: { sourceId: 'a', sourcePort: 'value', targetId: 'b', targetPort: 'value' } },
      { addNode: { id: 'lonely', componentId: 'core/condition' } },
    ]);
    expect(pasted.errors).toBeUndefined();
    const project = pasted.data.applyGraphEdits.project;
    expect(project.components.map((c: { id: string }) => c.id)).toEqual(['a', 'b', 'lonely']);
    expect(project.validation.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'MISSING_INPUT', nodeId: 'a' }),
        expect.objectContaining({ code: 'CONFIG_MISSING', nodeId: 'lonely', field: '/expression' }),
      ]),
    );

    // A connection without its source: GraphQL names the edit and the field.
    const missing = await edits(p, [
      { addNode: { id: 'c', componentId: 'core/output' } },
      { connect: { sourcePort: 'value', targetId: 'c', targetPort: 'value' } },
    ]);
    expect(missing.errors![0].message).toMatch(/\[1\]\.connect/);
    expect(missing.errors![0].message).toContain('sourceId');

    // Two kinds in one edit: BAD_USER_INPUT naming the index.
    const two = await edits(p, [{ moveNode: { nodeId: 'a', position: { x: 0, y: 0 } } }, { removeNode: { nodeId: 'a' }, disconnect: { connectionId: 'x' } }]);
    expect(errorCode(two)).toBe('BAD_USER_INPUT');
    expect(two.errors![0].message).toContain('edits[1] must set exactly one of');
    expect(two.errors![0].extensions.field).toBe('edits[1]');
    const none = await edits(p, [{}]);
    expect(none.errors![0].extensions.field).toBe('edits[0]');

    const badId = await edits(p, [{ connect: { id: 'x'.repeat(101), sourceId: 'a', sourcePort: 'value', targetId: 'b', targetPort: 'value' } }]);
    expect(badId.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'edits[0].connect.id' });

    // A batch that adds a real error (a type mismatch, a cycle) is still refused.
    const cycle = await edits(p, [
      { addNode: { id: 't2', componentId: 'core/transform', config: { expression: 'value' } } },
      { connect: { sourceId: 'a', sourcePort: 'value', targetId: 't2', targetPort: 'value' } },
      { connect: { sourceId: 't2', sourcePort: 'value', targetId: 'a', targetPort: 'value' } },
    ]);
    expect(errorCode(cycle)).toBe('INVALID_GRAPH');
  });
});

describe('expressions are validated like code', () => {
  const cases: [string, string, RegExp, number][] = [
    ['value * * 3', 'EXPRESSION_INVALID', /./, 8],
    ['foo(value)', 'EXPRESSION_INVALID', /unknown function 'foo'/, 0],
    ['round(value, 1, 2, 3)', 'EXPRESSION_INVALID', /expects/, 0],
    ['value + vaule', 'UNKNOWN_VARIABLE', /did you mean "value"/, 8],
  ];
  test.each(cases)('%s → %s', async (expression, code, message, position) => {
    const p = await newProject(`Expr ${expression}`);
    const added = await sg.gql(
      `mutation($p: ID!, $c: JSON) { addComponent(projectId: $p, componentId: "core/transform", id: "t", config: $c) { project { ${VALIDATION} } } }`,
      { p, c: { expression } },
    );
    expect(added.errors).toBeUndefined();
    const issue = added.data.addComponent.project.validation.errors.find((e: { code: string }) => e.code === code);
    expect(issue).toMatchObject({ nodeId: 't', field: '/expression', position });
    expect(issue.message).toMatch(message);
    const run = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p) { id } }`, { p });
    expect(errorCode(run)).toBe('INVALID_GRAPH');
  });

  test('switch cases are checked at their own pointer; templates check placeholders; inputs.<port> unknown is a warning', async () => {
    const p = await newProject('Switch');
    const result = await edits(p, [
      {
        addNode: {
          id: 's',
          componentId: 'core/switch',
          config: {
            cases: [
              { name: 'a', expression: 'value > 1' },
              { name: 'b', expression: 'len(value' },
            ],
          },
        },
      },
      { addNode: { id: 'tpl', componentId: 'core/template', config: { template: 'Hi {{ user..name }}' } } },
      { addNode: { id: 'x', componentId: 'core/transform', config: { expression: 'inputs.amount * 2' } } },
    ]);
    expect(result.errors).toBeUndefined();
    const { errors, warnings } = result.data.applyGraphEdits.project.validation;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'EXPRESSION_INVALID', nodeId: 's', field: '/cases/1/expression' }),
        expect.objectContaining({ code: 'EXPRESSION_INVALID', nodeId: 'tpl', field: '/template' }),
      ]),
    );
    expect(errors.some((e: { nodeId: string; field: string }) => e.nodeId === 's' && e.field === '/cases/0/expression')).toBe(false);
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_VARIABLE', nodeId: 'x', field: '/expression' }));
  });

  test('a single edit is refused only for errors at what it touched, whatever else the draft still lacks', async () => {
    const p = await newProject('Scoped checks');
    const node = (id: string, componentId: string, config: unknown) =>
      sg.gql(
        `mutation($p: ID!, $id: ID!, $c: ID!, $cfg: JSON) { addComponent(projectId: $p, componentId: $c, id: $id, config: $cfg) { project { version } } }`,
        {
          p,
          id,
          c: componentId,
          cfg: config,
        },
      );
    const configure = (nodeId: string, config: unknown) =>
      sg.gql(`mutation($p: ID!, $n: ID!, $c: JSON) { updateComponentConfig(projectId: $p, nodeId: $n, config: $c) { component { config } } }`, {
        p,
        n: nodeId,
        c: config,
      });
    // The draft's own errors: `t` has no input and an expression that does not parse, `u` has no input either.
    expect((await node('t', 'core/transform', { expression: 'len(value' })).errors).toBeUndefined();
    expect((await node('u', 'core/transform', { expression: 'value' })).errors).toBeUndefined();
    expect((await node('c', 'core/constant', { value: 1 })).errors).toBeUndefined();
    const move = await sg.gql(`mutation($p: ID!) { moveComponent(projectId: $p, nodeId: "t", position: {x: 5, y: 6}) { component { position { x y } } } }`, {
      p,
    });
    expect(move.errors).toBeUndefined();
    expect(move.data.moveComponent.component.position).toEqual({ x: 5, y: 6 });
    expect((await configure('u', { expression: 'value * 2' })).errors).toBeUndefined();

    // Errors the edit brings to what it touched are refused, with the issue at that node or connection.
    const wrongType = await configure('u', { expression: 42 });
    expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
    expect(wrongType.errors![0].extensions.issues).toEqual([expect.objectContaining({ code: 'CONFIG_INVALID', nodeId: 'u' })]);
    const secret = await configure('u', { expression: { $secret: 'TOKEN' } });
    expect(secret.errors![0].extensions.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'SECRET_NOT_ALLOWED', nodeId: 'u' })]));
    expect(errorCode(await node('v', 'core/transform', { expression: 7 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await node('w', 'acme/nothing-like-it', {}))).toBe('NOT_FOUND');
    const connect = (sourceId: string, sourcePort: string) =>
      sg.gql(
        `mutation($p: ID!, $s: ID!, $sp: String!) { connect(projectId: $p, sourceId: $s, sourcePort: $sp, targetId: "u", targetPort: "value") { connection { id } } }`,
        {
          p,
          s: sourceId,
          sp: sourcePort,
        },
      );
    const badPort = await connect('c', 'nope');
    expect(errorCode(badPort)).toBe('INVALID_GRAPH');
    expect(badPort.errors![0].extensions.issues).toEqual([expect.objectContaining({ code: 'UNKNOWN_PORT', nodeId: 'c', port: 'nope' })]);
    expect((await connect('c', 'value')).errors).toBeUndefined();
    expect((await node('d', 'core/constant', { value: 2 })).errors).toBeUndefined();
    const second = await connect('d', 'value'); // a second connection into a single input
    expect(errorCode(second)).toBe('INVALID_GRAPH');
    expect(second.errors![0].extensions.issues).toEqual([expect.objectContaining({ code: 'DUPLICATE_INPUT', nodeId: 'u' })]);

    // Nothing refused was written; `t` still carries its draft errors.
    const project = await sg.gql(`query($p: ID!) { project(id: $p) { version components { id config } ${VALIDATION} } }`, { p });
    expect(project.data.project.components.map((c: { id: string }) => c.id).sort()).toEqual(['c', 'd', 't', 'u']);
    expect(project.data.project.components.find((c: { id: string }) => c.id === 'u').config).toEqual({ expression: 'value * 2' });
    expect(project.data.project.validation.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'MISSING_INPUT', nodeId: 't' }),
        expect.objectContaining({ code: 'EXPRESSION_INVALID', nodeId: 't' }),
      ]),
    );
  });
});
