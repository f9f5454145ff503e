/**
 * Batch builds for the compiled languages: every generated Go project's `workflow` package goes into ONE module (one
 * shared copy of the runtime, one `go build`), every Java project's `Workflow` class into ONE `javac` run, each with a
 * driver that runs all cases of all workflows — a whole corpus costs one build and one process per language.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { GeneratedProject } from '../../engine/codegen';
import { jsonText, writeProject } from './harness';

const run = promisify(execFile);

export interface BuiltCase {
  packageName: string;
  project: GeneratedProject;
  cases: Record<string, unknown>[];
}

/** Offline, cgo-free Go builds with a cache that survives between test runs (HOME may not be writable in CI). */
export function goEnvironment(): NodeJS.ProcessEnv {
  const cache = join(tmpdir(), 'codegen-go-cache');
  return { GOCACHE: join(cache, 'build'), GOPATH: join(cache, 'path'), GOPROXY: 'off', GOFLAGS: '', CGO_ENABLED: '0', GO111MODULE: 'on' };
}

const RUN_OPTIONS = { maxBuffer: 64 * 1024 * 1024 };

export async function goBatchOutcomes(root: string, built: BuiltCase[], env: NodeJS.ProcessEnv): Promise<string> {
  writeFileSync(join(root, 'go.mod'), 'module fidelity\n\ngo 1.19\n');
  const runtime = built[0].project.files.filter((f) => f.path.startsWith('rt/'));
  writeProject(root, runtime);
  built.forEach((b) => {
    const workflow = b.project.files.find((f) => f.path === 'workflow/workflow.go');
    if (!workflow) throw new Error(`${b.packageName}: no workflow/workflow.go`);
    mkdirSync(join(root, b.packageName), { recursive: true });
    writeFileSync(join(root, b.packageName, 'workflow.go'), workflow.content.replace(`"${b.packageName}/rt"`, '"fidelity/rt"'));
  });
  const driver = [
    'package main',
    '',
    'import (',
    '\t"fmt"',
    '\t"os"',
    '',
    '\t"fidelity/rt"',
    ...built.map((b, i) => `\tw${i} "fidelity/${b.packageName}"`),
    ')',
    '',
    'func main() {',
    `\truns := []rt.RunFunc{${built.map((_, i) => `w${i}.Run`).join(', ')}}`,
    '\tdata, _ := os.ReadFile(os.Args[1])',
    '\tout := []any{}',
    '\tfor i, cases := range rt.MustParse(string(data)).([]any) {',
    '\t\trow := []any{}',
    '\t\tfor _, inputs := range cases.([]any) {',
    '\t\t\trow = append(row, rt.Outcome(runs[i], inputs))',
    '\t\t}',
    '\t\tout = append(out, row)',
    '\t}',
    '\tfmt.Print(rt.JSJSON(out))',
    '}',
    '',
  ].join('\n');
  writeFileSync(join(root, 'main.go'), driver);
  writeFileSync(join(root, 'manifest.json'), jsonText(built.map((b) => b.cases)));
  const options = { ...RUN_OPTIONS, cwd: root, env: { ...process.env, ...goEnvironment(), ...env } };
  await run('go', ['build', '-o', 'driver', '.'], options);
  const { stdout } = await run(join(root, 'driver'), [join(root, 'manifest.json')], options);
  return stdout;
}

export async function javaBatchOutcomes(root: string, built: BuiltCase[], env: NodeJS.ProcessEnv): Promise<string> {
  const src = join(root, 'src');
  writeProject(
    src,
    built[0].project.files.filter((f) => f.path.startsWith('src/workflowruntime/')).map((f) => ({ ...f, path: f.path.slice(4) })),
  );
  const sources = [...new Set(built[0].project.files.filter((f) => f.path.startsWith('src/workflowruntime/')).map((f) => join(root, f.path)))];
  built.forEach((b) => {
    const main = b.project.files.find((f) => f.path === b.project.mainFile);
    if (!main) throw new Error(`${b.packageName}: no ${b.project.mainFile}`);
    writeProject(root, [main]);
    sources.push(join(root, main.path));
  });
  const driver = [
    'import java.nio.file.*;',
    'import java.util.*;',
    'import workflowruntime.*;',
    '',
    'public final class FidelityDriver {',
    '  public static void main(String[] args) throws Exception {',
    `    Cli.RunFunction[] runs = {${built.map((b) => `${b.packageName}.Workflow::run`).join(', ')}};`,
    '    Object manifest = Rt.lit(Files.readString(Path.of(args[0])));',
    '    List<Object> out = new ArrayList<>();',
    '    int i = 0;',
    '    for (Object cases : (List<?>) manifest) {',
    '      List<Object> row = new ArrayList<>();',
    '      for (Object inputs : (List<?>) cases) row.add(Cli.outcome(runs[i], inputs));',
    '      out.add(row);',
    '      i++;',
    '    }',
    '    System.out.write(Json.stringify(out).getBytes(java.nio.charset.StandardCharsets.UTF_8));',
    '    System.out.flush();',
    '    System.exit(0);',
    '  }',
    '}',
    '',
  ].join('\n');
  writeFileSync(join(src, 'FidelityDriver.java'), driver);
  sources.push(join(src, 'FidelityDriver.java'));
  writeFileSync(join(root, 'manifest.json'), jsonText(built.map((b) => b.cases)));
  const options = { ...RUN_OPTIONS, cwd: root, env: { ...process.env, ...env } };
  await run('javac', ['-encoding', 'UTF-8', '-nowarn', '-d', join(root, 'out'), ...sources], options);
  const { stdout } = await run(
    'java',
    ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss8m', '-cp', join(root, 'out'), 'FidelityDriver', join(root, 'manifest.json')],
    options,
  );
  return stdout;
}
