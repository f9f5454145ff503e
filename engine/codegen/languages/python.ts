/**
 * Python 3.9+ projects: a package with `run(inputs)`, `python3 -m <package>` as the command line, and the runtime
 * in ../runtime/python (standard library only). Numbers are floats throughout, as JSON numbers are in the engine.
 */
import { asciiIdentifier, commentText } from '../identifiers';
import type { ExpressionSyntax } from '../expression-compiler';
import type { LanguageBackend, Program } from '../program';
import type { CodegenOptions, GeneratedFile, GeneratedProject } from '../types';
import { readmeFor, runtimeFiles } from './shared';

/** A Python string literal: ASCII only, every other code point escaped (lone surrogates included). */
export function pyString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    const text = String(value === 0 ? 0 : value);
    return /[.e]/.test(text) ? text : `${text}.0`;
  }
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`)
    .join(', ')}}`;
}

const pythonExpressionSyntax: ExpressionSyntax = {
  literal: pyLiteral,
  variable: (name, at) => `rt.variable(s, ${pyString(name)}, ${at})`,
  member: (o, key) => `rt.member(${o}, ${pyString(key)})`,
  index: (o, i) => `rt.index(${o}, ${i})`,
  negate: (v, at) => `rt.negate(${v}, ${at})`,
  not: (v) => `(not rt.truthy(${v}))`,
  add: (l, r, at) => `rt.add(${l}, ${r}, ${at})`,
  arithmetic: (op, l, r, at) => `rt.arithmetic(${pyString(op)}, ${l}, ${r}, ${at})`,
  compare: (op, l, r, at) => `rt.compare(${pyString(op)}, ${l}, ${r}, ${at})`,
  equal: (l, r, negated) => (negated ? `(not rt.deep_equal(${l}, ${r}))` : `rt.deep_equal(${l}, ${r})`),
  logical: (op, l, r) => `rt.${op === '&&' ? 'and_' : op === '||' ? 'or_' : 'nullish'}(${l}, lambda: ${r})`,
  conditional: (t, a, b) => `(${a} if rt.truthy(${t}) else ${b})`,
  array: (items) => `[${items.join(', ')}]`,
  object: (entries) => `rt.object_of([${entries.map(([k, v]) => `${pyString(k)}, ${v}`).join(', ')}])`,
  call: (name, args, at, argAt) => `rt.call(${pyString(name)}, [${args.join(', ')}], ${at}, [${argAt.join(', ')}])`,
  lambda: (body) => `lambda s: ${body}`,
};

function indent(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line) => (line.trim() === '' ? '' : `    ${line}`)).join('\n');
}

export function pythonBackend(): LanguageBackend {
  return {
    language: 'python',
    expression: pythonExpressionSyntax,
    comment: (text) => `# ${commentText(text)}`,
    constant: (name, value) => `${name} = ${pyLiteral(value)}`,
    nodeFunction: (name, body) => `def ${name}(ctx):\n    return ${body}`,
    helper: (component, configName, extra) => `rt.c_${component}(${['ctx', configName, ...extra].join(', ')})`,
    list: (items) => `(${items.join(', ')}${items.length === 1 ? ',' : ''})`,
    // The user's body runs as written; `pass` keeps a body of only comments valid.
    userFunction: (name, body) => `def ${name}(inputs, config):\n${indent(body)}\n    pass`,
    nodeTable: (name, entries) => {
      const rows = entries.map((e) => {
        const inputs = e.inputs.map(
          (i) => `(${pyString(i.port)}, ${pyLiteral(i.multiple)}, [${i.sources.map(([s, p]) => `(${s}, ${pyString(p)})`).join(', ')}])`,
        );
        const sources = inputs.join(', ');
        return `    {"id": ${pyString(e.id)}, "component": ${pyString(e.component)}, "run": ${e.functionName}, "inputs": [${sources}], "partial": ${pyLiteral(e.partial)}, "settings": ${pyLiteral(e.settings)}, "output": ${pyLiteral(e.output)}},`;
      });
      return `${name} = [\n${rows.join('\n')}\n]`;
    },
    identifier: asciiIdentifier,
  };
}

/** Package names that would shadow a standard-library module (`python3 -m json` must not run ours, or theirs). */
const SHADOWED = new Set(
  'abc ast asyncio base64 code collections copy csv email enum functools glob hashlib html http inspect io json logging math operator os parser pathlib platform queue random re select signal site socket string sys test time token types typing unittest urllib uuid runtime'.split(
    ' ',
  ),
);

export function pythonProject(program: Program, options: CodegenOptions, name: string): GeneratedProject {
  const packageName = SHADOWED.has(name) ? `${name}_workflow` : name;
  const workflow = [
    `"""Generated by the visual builder from workflow ${pyString(options.projectName ?? packageName)
      .slice(1, -1)
      .replace(/"""/g, '')}.`,
    '',
    "run(inputs) computes the same outputs as the builder's engine; see README.md for the command line and server.",
    '"""',
    'from . import runtime as rt',
    '',
    '',
    program.declarations.join('\n\n\n'),
    '',
    '',
    'def run(inputs):',
    '    """Runs the workflow on `inputs` (a dict of run inputs) and returns its outputs (raises rt.WorkflowError)."""',
    `    return rt.run_graph(${program.graphName}, inputs, {"concurrent": ${options.optimize ? 'True' : 'False'}})`,
    '',
  ].join('\n');
  const files: GeneratedFile[] = [
    { path: `${packageName}/workflow.py`, content: workflow },
    { path: `${packageName}/__init__.py`, content: 'from .workflow import run\n\n__all__ = ["run"]\n' },
    { path: `${packageName}/__main__.py`, content: 'import sys\n\nfrom .runtime import main\nfrom .workflow import run\n\nsys.exit(main(run))\n' },
    ...runtimeFiles('python').map((f) => ({ path: `${packageName}/runtime/${f.path}`, content: f.content })),
    { path: 'requirements.txt', content: '# Standard library only: nothing to install (Python >= 3.9).\n' },
  ];
  const commands = { run: `python3 -m ${packageName} inputs.json` };
  files.push({ path: 'README.md', content: readmeFor('python', options, packageName, commands) });
  return { language: 'python', files, mainFile: `${packageName}/workflow.py`, commands };
}
