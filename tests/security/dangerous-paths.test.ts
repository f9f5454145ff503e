/**
 * The dangerous paths, attacked through the public API: user code in `code` nodes, expressions in `transform`,
 * debugger watches and `evaluate`, the outbound HTTP guard, code-generation escaping. Each attempt must fail as a
 * coded error inside the run (or a refusal), reach nothing of the host, and leave the services healthy.
 */
import { request } from 'undici';
import type { TestSupergraph } from '../support/supergraph';
import { callerFor, startSecuredSupergraph, type Caller } from './support';
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';

let sg: TestSupergraph;
let owner: Caller;
beforeAll(async () => {
  sg = await startSecuredSupergraph(); // no HTTP_ALLOWLIST: loopback and private addresses are off limits
  owner = await callerFor(sg, 'owner');
});
afterAll(async () => {
  await sg?.close();
});

/** input `x` → one node → output `y`; returns the project id. */
async function pipeline(componentId: string, config: Record<string, unknown>, inPort = 'value', outPort = 'value', name = 'pipeline'): Promise<string> {
  const p = (await owner.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: name })).data.createProject.id;
  const edits = [
    { op: 'addNode', node: { id: 'x', componentId: 'core/input', position: { x: 0, y: 0 }, config: { name: 'x' } } },
    { op: 'addNode', node: { id: 'step', componentId, position: { x: 1, y: 0 }, config } },
    { op: 'addNode', node: { id: 'y', componentId: 'core/output', position: { x: 2, y: 0 }, config: { name: 'y' } } },
    { op: 'connect', connection: { id: 'a', sourceId: 'x', sourcePort: 'value', targetId: 'step', targetPort: inPort } },
    { op: 'connect', connection: { id: 'b', sourceId: 'step', sourcePort: outPort, targetId: 'y', targetPort: 'value' } },
  ];
  const edited = await owner.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
    p,
    e: toEditInputs(edits as GraphEdit[]),
  });
  if (edited.errors) throw new Error(JSON.stringify(edited.errors));
  return p;
}

const run = async (p: string, x: unknown = 1) =>
  (await owner.gql(`mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { status outputs error { code message } } }`, { p, i: { x } }))
    .data.executeWorkflow;

describe('code nodes (QuickJS)', () => {
  it.each([
    [
      'host globals',
      'return [typeof process, typeof require, typeof module, typeof Buffer, typeof fetch, typeof setTimeout].join(",")',
      'undefined,undefined,undefined,undefined,undefined,undefined',
    ],
    ['Function constructor reaches only the sandbox', 'return (function(){}).constructor("return typeof process")()', 'undefined'],
    ['globalThis', 'return Object.keys(globalThis).filter((k) => /process|require|import/i.test(k)).length', 0],
  ])('%s', async (_name, code, expected) => {
    const result = await run(await pipeline('core/code', { code }));
    expect(result).toMatchObject({ status: 'SUCCEEDED', outputs: { y: expected } });
  });

  it.each([
    ['an endless loop', 'while (true) {}'],
    ['unbounded memory', 'const a = []; while (true) a.push(new Array(100000).fill(1));'],
    ['deep recursion', 'const f = (n) => f(n + 1) + 1; return f(0);'],
    ['import', 'return import("fs")'],
  ])('%s fails the run with a code, and the services stay healthy', async (_name, code) => {
    const result = await run(await pipeline('core/code', { code, timeoutMs: 500 }));
    expect(result.status).toBe('FAILED');
    expect(result.error.code).toMatch(/^[A-Z_]+$/);
    const health = await request(`${sg.url}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.text();
  });
});

describe('expressions', () => {
  it.each([
    'constructor.constructor("return process")()',
    'inputs.constructor',
    'inputs["__proto__"]',
    'inputs.value.__proto__.polluted = 1',
    'this',
    'process.exit(1)',
    'require("fs")',
    '`${1}`',
  ])('transform refuses %s', async (expression) => {
    const p = (await owner.gql(`mutation { createProject(input: {name: "expr"}) { id } }`)).data.createProject.id;
    const added = await owner.gql(
      `mutation($p: ID!, $e: String!) { addComponent(projectId: $p, componentId: "core/transform", config: {expression: $e}) { project { version } } }`,
      { p, e: expression },
    );
    if (!added.errors) {
      // Accepted as syntax (e.g. a plain property path): it must evaluate to nothing of the host.
      const value = JSON.stringify(added);
      expect(value).not.toMatch(/function|native code/);
    } else {
      expect(added.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('debugger watches and evaluate see data, never the host', async () => {
    const p = await pipeline('core/transform', { expression: 'value * 2' });
    const session = (await owner.gql(`mutation($p: ID!) { startDebugSession(projectId: $p, inputs: {x: 2}) { id } }`, { p })).data.startDebugSession.id;
    for (const expression of ['constructor.constructor("return process")()', 'inputs.__proto__', 'x.constructor', 'process.env']) {
      const evaluated = await owner.gql(`mutation($s: ID!, $e: String!) { evaluate(sessionId: $s, expression: $e) }`, { s: session, e: expression });
      const watch = await owner.gql(`mutation($s: ID!, $e: String!) { addWatch(sessionId: $s, expression: $e) { value error } }`, {
        s: session,
        e: expression,
      });
      for (const result of [evaluated, watch]) {
        const text = JSON.stringify(result);
        expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|native code|PATH|HOME|INTERNAL_TOKEN/);
      }
    }
  });
});

describe('the outbound HTTP guard', () => {
  it.each([
    'http://127.0.0.1:1/',
    'http://localhost/',
    'http://[::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0/',
    'http://2130706433/',
    'http://10.0.0.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://metadata.google.internal/',
  ])('refuses %s', async (url) => {
    const result = await run(await pipeline('core/http_request', { url }, 'body', 'response'), 'x');
    expect(result.status).toBe('FAILED');
    expect(result.error.code).toMatch(/^[A-Z_]+$/);
    expect(result.error.message).not.toMatch(/ECONNREFUSED/);
  });
});

describe('code generation escapes user strings', () => {
  // Distinctive names, so a match can only be the injected text (the generated runtime imports os legitimately).
  const hostile = [
    '"""\nimport pwned_module\npwned_call("touch /tmp/pwned")\n"""',
    '*/ pwned_exit(1); /*',
    '`${pwned_exit(1)}`',
    '\\"); pwned_call("x"); ("',
    '\n// @ts-nocheck\npwned_require("child_process")',
  ];
  it.each(['python', 'typescript', 'javascript'])('%s: names, labels and config stay inside string literals or comments', async (language) => {
    const p = (await owner.gql(`mutation($n: String!) { createProject(input: {name: $n, description: $n}) { id } }`, { n: hostile.join(' ') })).data
      .createProject.id;
    for (const [i, text] of hostile.entries()) {
      await owner.gql(
        `mutation($p: ID!, $l: String, $id: ID) { addComponent(projectId: $p, componentId: "core/constant", label: $l, id: $id, config: {value: $l}) { project { version } } }`,
        { p, l: text, id: `c${i}` },
      );
    }
    const generated = await owner.gql(
      `mutation($p: ID!, $l: String!) { generateCode(projectId: $p, language: $l, options: {includeComments: true}) { files { path content } } }`,
      { p, l: language },
    );
    expect(generated.errors).toBeUndefined();
    const code = generated.data.generateCode.files.map((f: { content: string }) => f.content).join('\n');
    // No hostile line ever starts a statement of its own.
    expect(code).toContain('pwned_module'); // the text is there, as data
    expect(code).not.toMatch(/^\s*import pwned_module\s*$/m);
    expect(code).not.toMatch(/^\s*pwned_call\(/m);
    expect(code).not.toMatch(/^\s*pwned_require\(/m);
    expect(code).not.toMatch(/^\s*pwned_exit\(1\); \/\*/m);
  });
});
