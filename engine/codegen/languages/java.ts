/**
 * Java (JDK ≥ 17) projects that build with plain `javac` (build.sh): `src/<package>/Workflow.java` holds the
 * generated node tables, `run(inputs)` and `main`; `src/workflowruntime/` is the runtime in ../runtime/java (standard
 * library only, with its own small JSON reader/writer). Values are null, Boolean, Double, String, List and Map.
 */
import { asciiIdentifier, commentText } from '../identifiers';
import type { ExpressionSyntax } from '../expression-compiler';
import type { LanguageBackend, Program } from '../program';
import type { CodegenOptions, GeneratedFile, GeneratedProject } from '../types';
import { readmeFor, runtimeFiles } from './shared';

/** Constant-pool strings are limited to 65,535 bytes, so long literals are built from chunks at run time. */
const CHUNK = 8000;
/** Node-table rows per method (each method's bytecode is limited to 64 KB). */
const ROWS_PER_METHOD = 100;

function javaChunk(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const ch = text[i];
    if (ch === '"') out += '\\"';
    // Octal, not \\: javac 17 rejects `\\` between a surrogate's \u escape and another \u escape ("illegal escape").
    else if (ch === '\\') out += '\\134';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    // Octal, never \u: Java decodes \u000a before lexing, which would end the literal.
    else if (unit < 0x20 || unit === 0x7f) out += `\\${unit.toString(8).padStart(3, '0')}`;
    else if (unit < 0x7f) out += ch;
    else out += `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

function chunks(text: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) parts.push(javaChunk(text.slice(i, i + CHUNK)));
  return parts.length ? parts : ['""'];
}

/** A Java string expression with the same UTF-16 code units (escaped, chunked when long). */
export function javaString(text: string): string {
  const parts = chunks(text);
  return parts.length === 1 ? parts[0] : `String.join("", ${parts.join(', ')})`;
}

/** A comment line: Java also decodes `\u` escapes inside comments, so they are broken up. */
function javaComment(text: string): string {
  return commentText(text).replace(/\\u/g, '\\ u');
}

export function javaLiteral(value: unknown): string {
  if (value === null || value === undefined) return '(Object) null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    const text = String(value === 0 ? 0 : value);
    const literal = /[.e]/.test(text) ? text : `${text}.0`;
    return value < 0 ? `(${literal})` : literal;
  }
  if (typeof value === 'string') return javaString(value);
  return `Rt.lit(${chunks(JSON.stringify(value)).join(', ')})`;
}

const q = javaString;
const supplier = (body: string) => `() -> ${body}`;

const javaExpressionSyntax: ExpressionSyntax = {
  literal: javaLiteral,
  variable: (name, at) => `Rt.variable(s, ${q(name)}, ${at})`,
  member: (o, key) => `Rt.member(${o}, ${q(key)})`,
  index: (o, i) => `Rt.index(${o}, ${i})`,
  negate: (v, at) => `Rt.negate(${v}, ${at})`,
  not: (v) => `Rt.not(${v})`,
  add: (l, r, at) => `Rt.add(${l}, ${r}, ${at})`,
  arithmetic: (op, l, r, at) => `Rt.arithmetic(${q(op)}, ${l}, ${r}, ${at})`,
  compare: (op, l, r, at) => `Rt.compare(${q(op)}, ${l}, ${r}, ${at})`,
  equal: (l, r, negated) => `Rt.equal(${l}, ${r}, ${negated})`,
  logical: (op, l, r) => `Rt.${op === '&&' ? 'and' : op === '||' ? 'or' : 'nullish'}(${l}, ${supplier(r)})`,
  conditional: (t, a, b) => `Rt.cond(${t}, ${supplier(a)}, ${supplier(b)})`,
  array: (items) => `Rt.arr(${items.join(', ')})`,
  object: (entries) => `Rt.objectOf(${entries.map(([k, v]) => `${q(k)}, ${v}`).join(', ')})`,
  call: (name, args, at, argAt) => `Rt.call(${q(name)}, Rt.arr(${args.join(', ')}), ${at}, new int[] {${argAt.join(', ')}})`,
  lambda: (body) => `((Rt.Expr) s -> ${body})`,
};

/**
 * `json_parse` → `Components.cJsonParse`: the runtime's helper of a component; components that declare `requires`
 * (model, network) have theirs in `World` with the HTTP and model clients.
 */
export function javaHelperName(component: string, world: boolean): string {
  const pascal = component.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  return `${world ? 'World' : 'Components'}.c${pascal}`;
}

export function javaBackend(): LanguageBackend {
  return {
    language: 'java',
    expression: javaExpressionSyntax,
    comment: (text) => `  // ${javaComment(text)}`,
    // Configs and node tables are built in methods, not field initialisers: a class's static initialiser is one
    // method, limited to 64 KB of bytecode, which a thousand-node workflow would exceed. Rt.obj parses each text once.
    constant: (name, value) => `  static Map<String, Object> ${name}() {\n    return Rt.obj(${chunks(JSON.stringify(value ?? {})).join(', ')});\n  }`,
    nodeFunction: (name, body) => `  static Map<String, Object> ${name}(Scheduler.Ctx ctx) throws Exception {\n    return ${body};\n  }`,
    helper: (component, configName, extra, world) => `${javaHelperName(component, world)}(${['ctx', `${configName}()`, ...extra].join(', ')})`,
    list: (items) => `Rt.arr(${items.join(', ')})`,
    // `if (true)` keeps the final `return null` reachable whether or not the user's body ends with a return.
    userFunction: (name, body) =>
      `  static Object ${name}(Map<String, Object> inputs, Map<String, Object> config) throws Exception {\n    if (true) {\n${body.replace(/\r\n?/g, '\n')}\n    }\n    return null;\n  }`,
    functionReference: (name) => `Workflow::${name}`,
    nodeTable: (name, entries) => {
      const rows = entries.map((e) => {
        const inputs = e.inputs.map(
          (i) =>
            `new Scheduler.Input(${q(i.port)}, ${i.multiple}, new int[] {${i.sources.map(([s]) => s).join(', ')}}, new String[] {${i.sources.map(([, p]) => q(p)).join(', ')}})`,
        );
        const output = e.output === null ? 'null' : q(e.output);
        return `new Scheduler.Node(${q(e.id)}, ${q(e.component)}, Workflow::${e.functionName}, new Scheduler.Input[] {${inputs.join(', ')}}, ${e.partial}, Rt.obj(${chunks(JSON.stringify(e.settings)).join(', ')}), ${output})`;
      });
      // `__` never occurs in allocated names, so the helper methods cannot collide with them.
      const parts: string[] = [];
      for (let i = 0; i < rows.length; i += ROWS_PER_METHOD) {
        const body = rows.slice(i, i + ROWS_PER_METHOD).map((row, j) => `    t[${i + j}] = ${row};`);
        parts.push(`  private static void ${name}__rows_${parts.length}(Scheduler.Node[] t) {\n${body.join('\n')}\n  }`);
      }
      const calls = parts.map((_, k) => `    ${name}__rows_${k}(t);\n`).join('');
      const build = `  private static Scheduler.Node[] ${name}__build() {\n    Scheduler.Node[] t = new Scheduler.Node[${rows.length}];\n${calls}    return t;\n  }`;
      return [`  static final Scheduler.Node[] ${name} = ${name}__build();`, build, ...parts].join('\n\n');
    },
    identifier: asciiIdentifier,
  };
}

const RESERVED = new Set(
  (
    'abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements ' +
    'import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw ' +
    'throws transient try void volatile while true false null var record yield sealed permits java javax workflowruntime'
  ).split(' '),
);

/** The Java package: a lower-case identifier that is no keyword and no reserved package. */
export function javaPackage(name: string): string {
  return RESERVED.has(name) ? `${name}_workflow` : name;
}

export function javaProject(program: Program, options: CodegenOptions, name: string): GeneratedProject {
  const packageName = javaPackage(name);
  const workflow = [
    `// Generated by the visual builder from workflow ${javaComment(JSON.stringify(options.projectName ?? packageName))}.`,
    "// run(inputs) computes the same outputs as the builder's engine; see README.md for the command line and server.",
    `package ${packageName};`,
    '',
    'import java.util.*;',
    'import java.util.stream.*;',
    'import workflowruntime.*;',
    '',
    'public final class Workflow {',
    '  private Workflow() {}',
    '',
    program.declarations.join('\n\n'),
    '',
    '  /** Runs the workflow on `inputs` (the run inputs) and returns its outputs; throws Scheduler.WorkflowError. */',
    '  public static Map<String, Object> run(Map<String, Object> inputs) {',
    `    return Scheduler.runGraph(${program.graphName}, inputs, ${options.optimize === true});`,
    '  }',
    '',
    '  public static void main(String[] args) {',
    '    int status = Cli.main(Workflow::run, args);',
    '    if (status >= 0) System.exit(status);',
    '  }',
    '}',
    '',
  ].join('\n');
  const build =
    '#!/bin/sh\n# Builds with the JDK alone (no Maven or Gradle needed): classes go to out/.\nset -e\ncd "$(dirname "$0")"\nrm -rf out\njavac -encoding UTF-8 -d out $(find src -name \'*.java\')\n';
  const files: GeneratedFile[] = [
    { path: `src/${packageName}/Workflow.java`, content: workflow },
    ...runtimeFiles('java').map((f) => ({ path: `src/workflowruntime/${f.path}`, content: f.content })),
    { path: 'build.sh', content: build },
  ];
  const commands = { build: 'sh build.sh', run: `java -cp out ${packageName}.Workflow inputs.json` };
  files.push({ path: 'README.md', content: readmeFor('java', options, packageName, commands) });
  return { language: 'java', files, mainFile: `src/${packageName}/Workflow.java`, commands };
}
