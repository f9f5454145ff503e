/**
 * Differential harness: writes many generated projects side by side and runs all their cases in ONE process per
 * language (a Python driver importing every package, a Node driver requiring every workflow, one `tsc` for all
 * TypeScript projects), so a whole corpus costs a few process starts instead of hundreds.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { generateProject, type CodegenOptions, type LanguageId } from '../../engine/codegen';
import { executeGraph } from '../../engine/runtime/interpreter';
import { findBuiltinComponent } from '../../engine/components';
import { OpenAiCompatibleClient } from '../../engine/runtime/llm-client';
import { HttpGuard } from '../../engine/sandbox/http-guard';
import { QuickJsSandbox } from '../../engine/sandbox/quickjs-sandbox';
import type { WorkflowGraph } from '../../engine/model/types';
import { goBatchOutcomes, javaBatchOutcomes } from './harness-compiled';

const run = promisify(execFile);
const TSC = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsc');

export interface FidelityCase {
  name: string;
  graph: WorkflowGraph;
  inputs: Record<string, unknown>[];
}

/** What both sides are compared on: outputs on success, the error code on failure. */
export type Outcome = { ok: true; outputs: Record<string, unknown> } | { ok: false; code: string };

const INFINITY = '\u0000+inf',
  NEG_INFINITY = '\u0000-inf';

/**
 * JSON text of test inputs; ±Infinity is written as `1e400`/`-1e400`, the run input that overflows a double, so every
 * program reads it with its own JSON reader, as from its command line.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v === Infinity ? INFINITY : v === -Infinity ? NEG_INFINITY : v))
    .replace(/"\\u0000\+inf"/g, '1e400')
    .replace(/"\\u0000-inf"/g, '-1e400');
}

export function writeProject(root: string, files: { path: string; content: string }[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
  }
}

/** `httpAllow` is the engine's HTTP_ALLOWLIST (default: the fakes' 127.0.0.1). */
export async function engineOutcomes(cases: FidelityCase[], env: { llmUrl: string; httpAllow?: string[] }): Promise<Outcome[][]> {
  const services = {
    llm: new OpenAiCompatibleClient({ baseUrl: env.llmUrl, model: 'fake-model' }),
    http: new HttpGuard({ allow: env.httpAllow ?? ['127.0.0.1'] }),
    sandbox: new QuickJsSandbox(),
  };
  const results: Outcome[][] = [];
  for (const c of cases) {
    const row: Outcome[] = [];
    for (const inputs of c.inputs) {
      const result = await executeGraph({ runId: 'fidelity', graph: c.graph, inputs, resolveComponent: (id) => findBuiltinComponent(id), services });
      row.push(result.status === 'succeeded' ? { ok: true, outputs: result.outputs } : { ok: false, code: result.error?.code ?? 'UNKNOWN' });
    }
    results.push(row);
  }
  return results;
}

const PYTHON_DRIVER = `
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
from importlib import import_module
manifest = json.load(open(sys.argv[2], encoding="utf-8"))
out, writer = [], None
for entry in manifest:
    try:
        package = import_module(entry["package"])
        rt = import_module(entry["package"] + ".runtime")
    except Exception as error:  # one broken program must not hide the others' results
        out.append([{"ok": False, "error": {"code": "LOAD_ERROR", "message": repr(error)}}])
        continue
    # Cases are read by the runtime's own JSON reader (1e400, lone surrogates, deep values as its CLI sees them).
    writer = rt.js_json
    cases = rt.parse_json(open(entry["cases"], encoding="utf-8").read())
    out.append([rt.outcome(package.run, inputs) for inputs in cases])
sys.stdout.write(writer(out) if writer else json.dumps(out))
`;

const NODE_DRIVER = `
const manifest = require(process.argv[2]);
(async () => {
  const out = [];
  for (const entry of manifest) {
    let rt, run;
    try {
      rt = require(entry.runtime);
      ({ run } = require(entry.main));
    } catch (error) {
      // one program that does not load (a SyntaxError) must not hide the others' results
      out.push(entry.cases.map(() => ({ ok: false, error: { code: 'LOAD_ERROR', message: String(error) } })));
      continue;
    }
    const row = [];
    for (const inputs of entry.cases) row.push(await rt.outcome(run, inputs));
    out.push(row);
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

type RawOutcome = { ok: boolean; outputs?: Record<string, unknown>; error?: { code: string } };
const toOutcome = (raw: RawOutcome): Outcome => (raw.ok ? { ok: true, outputs: raw.outputs ?? {} } : { ok: false, code: raw.error?.code ?? 'UNKNOWN' });

/** Generates every case in `language`, builds/checks the projects, runs all cases and returns their outcomes. */
export async function generatedOutcomes(language: LanguageId, cases: FidelityCase[], options: CodegenOptions, env: NodeJS.ProcessEnv): Promise<Outcome[][]> {
  const root = mkdtempSync(join(tmpdir(), `codegen-${language}-`));
  const shared = language === 'typescript' ? 'shared/src/' : 'shared/';
  const packages = cases.map((c, i) => {
    const packageName = `wf_${i}`;
    const project = generateProject(c.graph, language, { ...options, packageName, projectName: c.name });
    if (language === 'python') writeProject(root, project.files);
    else if (language === 'javascript' || language === 'typescript') {
      // One copy of the runtime for all programs (compiling hundreds of copies would dominate a fuzz batch).
      if (i === 0)
        writeProject(
          join(root, shared),
          project.files.filter((f) => f.path.includes('runtime/')).map((f) => ({ ...f, path: f.path.replace(/^src\//, '') })),
        );
      const main = project.files.find((f) => f.path === project.mainFile);
      if (!main) throw new Error(`${packageName}: no ${project.mainFile}`);
      const relative = language === 'typescript' ? '../../shared/src/runtime' : '../shared/runtime';
      writeProject(join(root, packageName), [{ ...main, content: main.content.replace("require('./runtime')", `require('${relative}')`) }]);
    }
    return { packageName, project, cases: c.inputs };
  });
  const manifestPath = join(root, 'manifest.json');
  const runOptions = { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 };
  let stdout: string;
  if (language === 'go') {
    stdout = await goBatchOutcomes(root, packages, env);
  } else if (language === 'java') {
    stdout = await javaBatchOutcomes(root, packages, env);
  } else if (language === 'python') {
    packages.forEach((p) => writeFileSync(join(root, `${p.packageName}.cases.json`), jsonText(p.cases)));
    writeFileSync(manifestPath, JSON.stringify(packages.map((p) => ({ package: p.packageName, cases: join(root, `${p.packageName}.cases.json`) }))));
    writeFileSync(join(root, 'driver.py'), PYTHON_DRIVER);
    ({ stdout } = await run('python3', [join(root, 'driver.py'), root, manifestPath], runOptions));
  } else {
    let base = root;
    if (language === 'typescript') {
      const config = {
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          strict: true,
          noImplicitAny: false,
          allowJs: true,
          outDir: 'dist',
          rootDir: '.',
          types: [],
          lib: ['ES2022'],
          skipLibCheck: true,
        },
        include: ['*/src'],
      };
      writeFileSync(join(root, 'tsconfig.json'), JSON.stringify(config));
      await run(TSC, ['-p', join(root, 'tsconfig.json')], runOptions).catch((error: { stdout?: string }) => {
        // Type errors in some programs: tsc still emits; those programs are made to fail to load.
        const broken = new Set([...(error.stdout ?? '').matchAll(/^(wf_\d+)\//gm)].map((m) => m[1]));
        if (broken.size === 0) throw error;
        broken.forEach((p) =>
          writeFileSync(join(root, 'dist', p, 'src', 'workflow.js'), `throw new Error(${JSON.stringify(`tsc: ${error.stdout}`.slice(0, 2000))});`),
        );
      });
      base = join(root, 'dist');
    }
    const dir = (p: string) => (language === 'typescript' ? join(base, p, 'src') : join(base, p));
    writeFileSync(
      manifestPath,
      jsonText(packages.map((p) => ({ runtime: join(base, shared, 'runtime'), main: join(dir(p.packageName), 'workflow.js'), cases: p.cases }))),
    );
    writeFileSync(join(root, 'driver.js'), NODE_DRIVER);
    ({ stdout } = await run('node', [join(root, 'driver.js'), manifestPath], runOptions));
  }
  return (JSON.parse(stdout) as RawOutcome[][]).map((row) => row.map(toOutcome));
}
