/**
 * The optimizer never changes what a program prints or returns: every program of the corpus runs as a whole
 * (python3, node; TypeScript transpiled then node) before and after optimizeCode, and its stdout, stderr and exit
 * code must be identical. The corpus exercises each rule, including the cases where a rewrite would be wrong.
 */
import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import { optimizeCode } from '../../subgraphs/assistant/optimizer';

const PYTHON: Record<string, string> = {
  prints: `rows = [1, 2, 3]\nfor i in range(len(rows)):\n    print(rows[i] * 2)\nprint("done", len(rows), sep="-")\nprint("a", "b")\n`,
  'bare except with exit': `import sys\ntry:\n    sys.exit(3)\nexcept:\n    print("caught")\nprint("after")\n`,
  'mutable default as a counter': `def add(x, acc=[]):\n    acc.append(x)\n    return acc\n\nadd(1)\nprint(add(2))\n`,
  'none compare and keys': `d = {"a": 1, "b": None}\nfor k in d.keys():\n    print(k, d[k] == None, d[k] != None)\n`,
  'range len with index use': `xs = ["x", "y"]\nfor i in range(len(xs)):\n    print(i, xs[i])\n`,
};

const JAVASCRIPT: Record<string, string> = {
  'var and closures': `var fs = [];\nfor (var k = 0; k < 3; k++) fs.push(() => k);\nconsole.log(fs.map((f) => f()).join(","));\nvar total = 0;\nfor (var i = 0; i < 3; i++) total += i;\nconsole.log(total);\n`,
  'index loop and loose equality': `const xs = [1, 2, 3];\nlet s = 0;\nfor (let i = 0; i < xs.length; i++) s += xs[i];\nconsole.log(s, typeof s == 'number', "1" == 1, 0 != "");\n`,
  'indexOf with NaN': `const xs = [NaN, 1];\nconst x = NaN;\nconsole.log(xs.indexOf(x) !== -1, xs.indexOf(1) > -1, xs.indexOf("1") >= 0);\n`,
  hoisting: `console.log(typeof later);\nvar later = 1;\nfunction f() { if (true) { var y = 2; } return y; }\nconsole.log(f());\n`,
};

const TYPESCRIPT: Record<string, string> = {
  'typed loops': `const xs: number[] = [4, 5];\nvar out: any = [];\nfor (let i = 0; i < xs.length; i++) out.push(xs[i] * 2);\nconsole.log(JSON.stringify(out), xs.indexOf(5) !== -1);\n`,
  'any and var': `function f(a: any): any { var r = a == null ? "none" : a; return r; }\nconsole.log(f(null), f(0), f(undefined));\n`,
};

const run = (command: string, args: string[], input: string) => {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 20_000 });
  return { stdout: result.stdout, stderr: result.stderr.replace(/\/tmp\/\S+/g, ''), status: result.status };
};
const python = (code: string) => run('python3', ['-'], code);
const node = (code: string) => run(process.execPath, ['-'], code);
const transpile = (code: string) => ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2020 } }).outputText;

describe.each([
  ['python', PYTHON, python],
  ['javascript', JAVASCRIPT, node],
  ['typescript', TYPESCRIPT, (code: string) => node(transpile(code))],
] as const)('%s', (language, corpus, execute) => {
  test.each(Object.entries(corpus))('%s prints and exits the same after optimisation', async (_name, code) => {
    const result = await optimizeCode(code, language);
    const before = execute(code);
    expect(before.status).not.toBeNull();
    expect(execute(result.optimizedCode)).toEqual(before);
  });

  test('the corpus does exercise rewrites', async () => {
    const applied = (await Promise.all(Object.values(corpus).map((code) => optimizeCode(code, language)))).flatMap((r) =>
      r.optimizations.filter((o) => o.applied),
    );
    expect(applied.length).toBeGreaterThan(0);
  });
});
