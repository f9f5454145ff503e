/**
 * The generator's own rules: clear errors for what cannot be generated, collision-free identifiers, the optimize
 * option's visible effects, and the generated programs' own build commands and serve mode (POST /run, GET /health).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { CodegenError, generateProject } from '../../engine/codegen';
import { NameAllocator, asciiIdentifier } from '../../engine/codegen/identifiers';
import { graph, node, wire } from '../../engine/templates/build';
import { findBuiltinTemplate } from '../../engine/templates';
import { writeProject } from './harness';
import { goEnvironment } from './harness-compiled';

const run = promisify(execFile);
jest.setTimeout(120_000);

const codeGraph = graph(
  [node('my code', 'core/code', 0, 0, { code: 'return 1;' }), node('out', 'core/output', 1, 0, { name: 'r' })],
  [wire('my code.value', 'out.value')],
);

it('refuses a code node without a body for the language, naming the node', () => {
  expect(() => generateProject(codeGraph, 'python')).toThrow(
    new CodegenError('a code node needs config.python (the function body in python, receiving inputs and config) to be generated in python', 'my code'),
  );
  expect(generateProject(codeGraph, 'javascript').files.find((f) => f.path === 'workflow.js')?.content).toContain('return 1;');
});

it('refuses code nodes without a Go or Java body, invalid expressions and cycles with CodegenError', () => {
  expect(() => generateProject(codeGraph, 'go')).toThrow(
    new CodegenError('a code node needs config.go (the function body in go, receiving inputs and config) to be generated in go', 'my code'),
  );
  expect(() => generateProject(codeGraph, 'java')).toThrow(/node "my code": a code node needs config.java/);
  const bad = graph([node('t', 'core/transform', 0, 0, { expression: '1 +' })], []);
  expect(() => generateProject(bad, 'javascript')).toThrow(/node "t": config.expression "1 \+": Unexpected end/);
  const cycle = graph(
    [node('a', 'core/transform', 0, 0, { expression: 'value' }), node('b', 'core/transform', 0, 0, { expression: 'value' })],
    [wire('a.value', 'b.value'), wire('b.value', 'a.value')],
  );
  expect(() => generateProject(cycle, 'python')).toThrow(/cycle/);
});

it('allocates distinct identifiers for ids that sanitise alike (case-insensitively)', () => {
  const names = new NameAllocator(asciiIdentifier);
  expect(['node_a-b', 'node_a_b', 'node_A_B', 'node_é', 'node_ü', '1x'].map((n) => names.allocate(n))).toEqual([
    'node_a_b',
    'node_a_b_2',
    'node_A_B_3',
    'node_',
    'node__2',
    '_1x',
  ]);
});

it('optimize drops unused constants and folds constant expressions', () => {
  const g = graph(
    [
      node('x', 'core/input', 0, 0, { name: 'x' }),
      node('unused', 'core/constant', 0, 1, { value: 'zzz-unused' }),
      node('t', 'core/transform', 1, 0, { expression: 'value + (2 * 3 + len("abc"))' }),
      node('o', 'core/output', 2, 0, { name: 'o' }),
    ],
    [wire('x.value', 't.value'), wire('t.value', 'o.value')],
  );
  const plain = generateProject(g, 'javascript').files[0].content;
  const optimised = generateProject(g, 'javascript', { optimize: true }).files[0].content;
  expect(plain).toContain('zzz-unused');
  expect(plain).toContain('rt.call("len"');
  expect(optimised).not.toContain('zzz-unused');
  expect(optimised).toContain('rt.add(rt.variable(s, "value", 0), 9, 6)');
  expect(optimised).toContain('concurrent: true');
});

async function serveAndCall(command: string, args: string[], cwd: string): Promise<void> {
  const child: ChildProcess = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        const match = /listening on (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const health = await request(`http://127.0.0.1:${port}/health`);
    expect(await health.body.json()).toEqual({ status: 'ok' });
    const ok = await request(`http://127.0.0.1:${port}/run`, { method: 'POST', body: JSON.stringify({ names: ['Ada'] }) });
    expect([ok.statusCode, await ok.body.json()]).toEqual([200, { greetings: ['Hello, Ada!'], count: 1 }]);
    const failed = await request(`http://127.0.0.1:${port}/run`, { method: 'POST', body: JSON.stringify({ names: 'nope' }) });
    expect([failed.statusCode, ((await failed.body.json()) as any).error.code]).toEqual([422, 'INVALID_INPUT']);
  } finally {
    child.kill();
  }
}

it.each([
  ['python', 'python3', ['-m', 'greetings', '--serve', '0']],
  ['javascript', 'node', ['workflow.js', '--serve', '0']],
  ['go', 'bin/greetings', ['--serve', '0']],
  ['java', 'java', ['-cp', 'out', 'greetings.Workflow', '--serve', '0']],
] as const)('%s: builds with its own commands and --serve answers POST /run and GET /health', async (language, command, args) => {
  const template = findBuiltinTemplate('batch_greetings')!;
  const dir = mkdtempSync(join(tmpdir(), `codegen-serve-${language}-`));
  const project = generateProject(template.graph, language, { packageName: 'greetings' });
  writeProject(dir, project.files);
  if (project.commands.build) await run('sh', ['-c', project.commands.build], { cwd: dir, env: { ...process.env, ...goEnvironment() } });
  await serveAndCall(command, [...args], dir);
});

it('keeps Go and Java keywords and standard names out of identifiers and package names', () => {
  const g = graph(
    [
      node('func', 'core/input', 0, 0, { name: 'package' }),
      node('class', 'core/transform', 1, 0, { expression: 'value' }),
      node('Class', 'core/output', 2, 0, { name: 'synchronized' }),
    ],
    [wire('func.value', 'class.value'), wire('class.value', 'Class.value')],
  );
  const java = generateProject(g, 'java', { packageName: 'class' });
  expect(java.mainFile).toBe('src/class_workflow/Workflow.java');
  expect(java.files[0].content).toContain('static Map<String, Object> node_class(');
  expect(java.files[0].content).toContain('static Map<String, Object> node_Class_2(');
  const go = generateProject(g, 'go', { packageName: 'fmt' });
  expect(go.files.find((f) => f.path === 'go.mod')?.content).toContain('module fmt_workflow');
  expect(go.files.find((f) => f.path === 'workflow/workflow.go')?.content).toContain('func node_func(ctx *rt.Ctx) rt.Ports');
});
