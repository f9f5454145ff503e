/**
 * optimizeCode with the real parsers: the seed's findings and more are reported at the right place, the rewritten
 * code parses (checked by independent parsers too: python3's ast, `node --check`), and pure snippets compute the
 * same results before and after (Python run by python3, JavaScript/TypeScript in the QuickJS sandbox).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { QuickJsSandbox } from '../../engine/sandbox/quickjs-sandbox';
import { optimizeCode } from '../../subgraphs/assistant/optimizer';

const PYTHON = `"""Pure helpers."""


def main(xs, extra=[]):
    total = 0
    for i in range(len(xs)):
        total += xs[i] * i
    squares = []
    for i in range(len(xs)):
        squares.append(xs[i] ** 2)
    counts = {"a": 1, "b": 2}
    keys = []
    for k in counts.keys():
        keys.append(k)
    try:
        bad = int("x")
    except:
        bad = None
    extra.append(total)
    return {"total": total, "squares": squares, "keys": keys, "bad": bad, "none": bad == None, "extra": len(extra)}
`;

const JAVASCRIPT = `function main(xs) {
  var total = 0;
  for (var i = 0; i < xs.length; i++) {
    total += xs[i];
  }
  var labels = [];
  for (var j = 0; j < xs.length; j++) labels.push(j + ':' + xs[j]);
  var hasThree = xs.indexOf(3) !== -1;
  var kind = typeof total == 'number' ? 'n' : 'other';
  var fns = [];
  for (var k = 0; k < 2; k++) fns.push(function () { return k; });
  return { total: total, labels: labels, hasThree: hasThree, kind: kind, captured: fns.map(function (f) { return f(); }) };
}
`;

const TYPESCRIPT = `function main(xs: number[]): { doubled: number[]; any: any } {
  var doubled: number[] = [];
  for (let i = 0; i < xs.length; i++) doubled.push(xs[i] * 2);
  return { doubled, any: xs.indexOf(5) >= 0 };
}
`;

const sandbox = new QuickJsSandbox();
const runPython = (code: string, args: unknown) =>
  JSON.parse(
    execFileSync('python3', ['-c', `${code}\nimport json, sys\nsys.stdout.write(json.dumps(main(*json.loads(sys.argv[1]))))`, JSON.stringify(args)], {
      encoding: 'utf8',
    }),
  );
const runJs = (code: string, args: unknown[]) => sandbox.run(`${code}\nreturn main.apply(null, inputs.value);`, { inputs: { value: args }, config: {} });
const toJs = (tsCode: string) => ts.transpileModule(tsCode, { compilerOptions: { target: ts.ScriptTarget.ES2020 } }).outputText;

function nodeCheck(code: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vb-opt-')), 'snippet.js');
  fs.writeFileSync(file, code);
  execFileSync(process.execPath, ['--check', file]);
}

describe('python', () => {
  it('finds the seed findings and rewrites them into code python3 parses and runs the same', async () => {
    const result = await optimizeCode(PYTHON, 'python');
    expect(result.parser).toContain('tree-sitter');
    const rules = result.optimizations.map((o) => `${o.rule}@${o.line}:${o.applied}`);
    // Rewrites that could change what the program prints or returns are reported only.
    expect(rules).toEqual(
      expect.arrayContaining([
        'py-mutable-default@4:false',
        'py-range-len@6:true',
        'py-range-len@9:true',
        'py-dict-keys@13:true',
        'py-bare-except@17:false',
        'py-none-compare@20:true',
      ]),
    );
    expect(result.optimizedCode).toContain('for i, x in enumerate(xs):');
    expect(result.optimizedCode).toContain('for x_2 in xs:'); // names stay unique: rewritten loops may nest
    expect(result.optimizedCode).not.toContain('except Exception:');
    expect(result.optimizedCode).not.toContain('if extra is None:');
    execFileSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: result.optimizedCode });
    for (const args of [[[1, 2, 3]], [[]], [[5, -1, 0.5]]]) expect(runPython(result.optimizedCode, args)).toEqual(runPython(PYTHON, args));
    // The shared mutable default is reported, not rewritten: what two calls return stays the same.
    const twice = (code: string) =>
      JSON.parse(execFileSync('python3', ['-c', `${code}\nimport json\nmain([1]); print(json.dumps(main([1])["extra"]))`], { encoding: 'utf8' }));
    expect(twice(result.optimizedCode)).toBe(twice(PYTHON));
  });

  it('reports print instead of turning it into logging (the program must print the same), and leaves unsafe loops alone', async () => {
    const code = `import os\n\nfor i in range(len(rows)):\n    rows[i] = rows[i] * 2\nprint("done", len(rows))\nprint("bye", sep="-")\nf = open("x.txt")\n`;
    const result = await optimizeCode(code, 'py');
    expect(result.optimizedCode).toBe(code);
    expect(result.optimizations.map((o) => `${o.rule}:${o.applied}`)).toEqual([
      'py-range-len:false',
      'py-print-logging:false',
      'py-print-logging:false',
      'py-open-without-with:false',
    ]);
  });

  it('rejects code that does not parse, with the position', async () => {
    await expect(optimizeCode('def f(:\n    pass\n', 'python')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('line 1'),
    });
  });
});

describe('javascript', () => {
  it('rewrites var, index loops, strict comparisons and indexOf, and the result runs the same in QuickJS', async () => {
    const result = await optimizeCode(JAVASCRIPT, 'javascript');
    expect(result.optimizedCode).toContain('for (const x of xs)');
    expect(result.optimizedCode).toContain("typeof total === 'number'");
    expect(result.optimizedCode).toContain('xs.includes(3)');
    expect(result.optimizedCode).toContain('let total = 0');
    expect(result.optimizedCode).toContain('const labels = []');
    // The loop creating closures keeps `var`: with `let` every closure would see its own k.
    expect(result.optimizedCode).toContain('for (var k = 0');
    expect(result.optimizations.find((o) => o.rule === 'js-var' && !o.applied && o.line === 11)).toBeDefined();
    nodeCheck(result.optimizedCode);
    for (const args of [[[1, 2, 3]], [[]], [[3, 3]]]) expect(await runJs(result.optimizedCode, args)).toEqual(await runJs(JAVASCRIPT, args));
  });

  it('does not rewrite a loose comparison whose operands may coerce', async () => {
    const result = await optimizeCode('function main(a) { return a == 1; }', 'js');
    expect(result.optimizedCode).toBe('function main(a) { return a == 1; }');
    expect(result.optimizations).toEqual([expect.objectContaining({ rule: 'js-loose-equality', applied: false })]);
  });
});

describe('typescript', () => {
  it('reports any, rewrites var and indexOf, and still compiles and behaves the same', async () => {
    const result = await optimizeCode(TYPESCRIPT, 'typescript');
    expect(result.optimizations.map((o) => o.rule)).toEqual(expect.arrayContaining(['ts-explicit-any', 'js-var', 'js-index-loop', 'js-indexof-includes']));
    expect(result.optimizedCode).toContain('for (const x of xs) doubled.push(x * 2)');
    expect(ts.transpileModule(result.optimizedCode, { reportDiagnostics: true, fileName: 'x.ts' }).diagnostics).toEqual([]);
    for (const args of [[[1, 5]], [[]]]) expect(await runJs(toJs(result.optimizedCode), args)).toEqual(await runJs(toJs(TYPESCRIPT), args));
  });

  it('refuses an unsupported language naming the supported ones', async () => {
    await expect(optimizeCode('x', 'cobol')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringContaining('python, javascript, typescript'),
    });
  });
});
