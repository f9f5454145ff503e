/**
 * Go (≥ 1.19) projects: a module with `main.go` (the command line), `workflow/` (the generated node tables and
 * `Run`) and `rt/` (the runtime in ../runtime/go, standard library only). Values are `any` holding nil, bool,
 * float64, string, []any or *rt.Object; strings carry WTF-8 so JavaScript's lone surrogates survive.
 */
import { asciiIdentifier, commentText } from '../identifiers';
import type { ExpressionSyntax } from '../expression-compiler';
import type { LanguageBackend, Program } from '../program';
import type { CodegenOptions, GeneratedFile, GeneratedProject } from '../types';
import { readmeFor, runtimeFiles } from './shared';

/** A Go string literal with the same UTF-16 code units: printable ASCII as is, lone surrogates as WTF-8 bytes. */
export function goString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const ch = text[i];
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (unit >= 0x20 && unit < 0x7f) out += ch;
    else if (unit < 0x80) out += `\\x${unit.toString(16).padStart(2, '0')}`;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) < 0xe000) {
      out += `\\U${(text.codePointAt(i) as number).toString(16).padStart(8, '0')}`;
      i++;
    } else if (unit >= 0xd800 && unit < 0xe000) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `\\x${b.toString(16)}`).join('');
    } else out += `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

export function goLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return `float64(${String(value === 0 ? 0 : value)})`;
  if (typeof value === 'string') return goString(value);
  return `rt.Lit(${goString(JSON.stringify(value))})`;
}

const q = goString;
const thunk = (body: string) => `func() any { return ${body} }`;

const goExpressionSyntax: ExpressionSyntax = {
  literal: goLiteral,
  variable: (name, at) => `rt.Variable(s, ${q(name)}, ${at})`,
  member: (o, key) => `rt.Member(${o}, ${q(key)})`,
  index: (o, i) => `rt.Index(${o}, ${i})`,
  negate: (v, at) => `rt.Negate(${v}, ${at})`,
  not: (v) => `rt.Not(${v})`,
  add: (l, r, at) => `rt.Add(${l}, ${r}, ${at})`,
  arithmetic: (op, l, r, at) => `rt.Arithmetic(${q(op)}, ${l}, ${r}, ${at})`,
  compare: (op, l, r, at) => `rt.Compare(${q(op)}, ${l}, ${r}, ${at})`,
  equal: (l, r, negated) => `rt.Equal(${l}, ${r}, ${negated})`,
  logical: (op, l, r) => `rt.${op === '&&' ? 'And' : op === '||' ? 'Or' : 'Nullish'}(${l}, ${thunk(r)})`,
  conditional: (t, a, b) => `rt.Cond(${t}, ${thunk(a)}, ${thunk(b)})`,
  array: (items) => `[]any{${items.join(', ')}}`,
  object: (entries) => `rt.ObjectOf(${entries.map(([k, v]) => `${q(k)}, ${v}`).join(', ')})`,
  call: (name, args, at, argAt) => `rt.Call(${q(name)}, []any{${args.join(', ')}}, ${at}, []int{${argAt.join(', ')}})`,
  lambda: (body) => `func(s rt.Scope) any { return ${body} }`,
};

/** `json_parse` → `CJSONParse`: the runtime's exported helper of a component. */
export function goHelperName(component: string): string {
  const special: Record<string, string> = { json_parse: 'CJSONParse', http_request: 'CHTTPRequest' };
  return special[component] ?? `C${component.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
}

/** Standard packages a Go `code` body may use without declaring them (Go refuses unused imports, so only those used). */
const USER_PACKAGES: Record<string, string> = {
  bytes: 'bytes',
  errors: 'errors',
  fmt: 'fmt',
  json: 'encoding/json',
  math: 'math',
  regexp: 'regexp',
  sort: 'sort',
  strconv: 'strconv',
  strings: 'strings',
  time: 'time',
  unicode: 'unicode',
  utf8: 'unicode/utf8',
};

export interface GoBackend extends LanguageBackend {
  /** Import paths the user's code bodies refer to. */
  userImports: Set<string>;
}

export function goBackend(): GoBackend {
  const userImports = new Set<string>();
  return {
    language: 'go',
    expression: goExpressionSyntax,
    userImports,
    comment: (text) => `// ${commentText(text)}`,
    constant: (name, value) => `var ${name} = rt.Obj(${goString(JSON.stringify(value ?? {}))})`,
    nodeFunction: (name, body) => `func ${name}(ctx *rt.Ctx) rt.Ports {\n\treturn ${body}\n}`,
    helper: (component, configName, extra) => `rt.${goHelperName(component)}(${['ctx', configName, ...extra].join(', ')})`,
    list: (items) => `[]any{${items.join(', ')}}`,
    userFunction: (name, body) => {
      for (const [, pkg] of body.matchAll(/\b([a-z][a-z0-9]*)\.[A-Z]/g)) if (USER_PACKAGES[pkg]) userImports.add(USER_PACKAGES[pkg]);
      // The trailing return makes a body that ends without one compile; after the user's own return it is unreachable.
      return `func ${name}(inputs, config map[string]any) (any, error) {\n${body.replace(/\r\n?/g, '\n')}\n\treturn nil, nil\n}`;
    },
    nodeTable: (name, entries) => {
      const rows = entries.map((e) => {
        const inputs = e.inputs.map(
          (i) => `{Port: ${q(i.port)}, Multiple: ${i.multiple}, Sources: []rt.Source{${i.sources.map(([s, p]) => `{Node: ${s}, Port: ${q(p)}}`).join(', ')}}}`,
        );
        const output = e.output === null ? '' : `, Output: ${q(e.output)}, HasOutput: true`;
        return `\t{ID: ${q(e.id)}, Component: ${q(e.component)}, Run: ${e.functionName}, Inputs: []rt.Input{${inputs.join(', ')}}, Partial: ${e.partial}, Settings: rt.Obj(${q(JSON.stringify(e.settings))})${output}},`;
      });
      return `var ${name} = []rt.Node{\n${rows.join('\n')}\n}`;
    },
    identifier: asciiIdentifier,
  };
}

/** Module paths that would read as a standard-library import path (`fmt/rt`) get a suffix. */
const STANDARD = new Set(
  'archive bufio builtin bytes cmd compress container context crypto database debug embed encoding errors expvar flag fmt go hash html image index internal io log math mime net os path plugin reflect regexp runtime sort strconv strings sync syscall testing text time unicode unsafe vendor'.split(
    ' ',
  ),
);

export function goProject(program: Program, backend: GoBackend, options: CodegenOptions, name: string): GeneratedProject {
  const packageName = STANDARD.has(name) ? `${name}_workflow` : name;
  const header = `// Generated by the visual builder from workflow ${commentText(JSON.stringify(options.projectName ?? packageName))}.`;
  const imports = [...backend.userImports]
    .sort()
    .map((path) => `\t${q(path)}\n`)
    .join('');
  const workflow = [
    header,
    "// Run(inputs) computes the same outputs as the builder's engine; see README.md for the command line and server.",
    '',
    'package workflow',
    '',
    `import (\n${imports}${imports ? '\n' : ''}\trt ${q(`${packageName}/rt`)}\n)`,
    '',
    program.declarations.join('\n\n'),
    '',
    '// Run runs the workflow on `inputs` (the run inputs) and returns its outputs, or the error that failed the run.',
    'func Run(inputs *rt.Object) (*rt.Object, *rt.WorkflowError) {',
    `\treturn rt.RunGraph(${program.graphName}, inputs, &rt.World{Concurrent: ${options.optimize === true}})`,
    '}',
    '',
  ].join('\n');
  const main = [
    header,
    'package main',
    '',
    `import (\n\t"os"\n\n\t${q(`${packageName}/rt`)}\n\t${q(`${packageName}/workflow`)}\n)`,
    '',
    'func main() {',
    '\tos.Exit(rt.Main(workflow.Run, os.Args[1:]))',
    '}',
    '',
  ].join('\n');
  const files: GeneratedFile[] = [
    { path: 'go.mod', content: `module ${packageName}\n\ngo 1.19\n` },
    { path: 'main.go', content: main },
    { path: 'workflow/workflow.go', content: workflow },
    ...runtimeFiles('go').map((f) => ({ path: `rt/${f.path}`, content: f.content })),
  ];
  const commands = { build: `go build -o bin/${packageName} .`, run: `bin/${packageName} inputs.json` };
  files.push({ path: 'README.md', content: readmeFor('go', options, packageName, commands) });
  return { language: 'go', files, mainFile: 'workflow/workflow.go', commands };
}
