/**
 * The layering of docs/ARCHITECTURE.md §3, checked on the real import graph of the source tree: no import cycles
 * (type-only imports included — they are how cycles start), the engine imports nothing above it, platform nothing
 * from services, subgraphs never each other, and the router reaches subgraphs over GraphQL only.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_DIRS = ['engine', 'platform', 'subgraphs', 'router'];

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...SOURCE_DIRS.map((d) => `${d}/*.ts`)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return [...listed.split('\n'), 'main.ts', 'launcher.ts'].filter((f) => f.endsWith('.ts') && fs.existsSync(path.join(ROOT, f)));
}

/** Relative imports and re-exports of every file, resolved to repository paths. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  const specifier = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.[^'"]+)['"]|require\(['"](\.[^'"]+)['"]\)/g;
  for (const file of files) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const deps: string[] = [];
    for (const match of source.matchAll(specifier)) {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1] ?? match[2]));
      const target = [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => known.has(candidate));
      if (target) deps.push(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const layer = (file: string) => file.split('/')[0];
const subgraphOf = (file: string) => (file.startsWith('subgraphs/') ? file.split('/')[1] : undefined);

/** Why an import from `from` to `to` breaks the layering, or undefined when it is allowed. */
function violation(from: string, to: string): string | undefined {
  if (layer(from) === 'engine' && layer(to) !== 'engine') return 'engine/ imports nothing above it';
  if (layer(from) === 'platform' && ['subgraphs', 'router'].includes(layer(to))) return 'platform/ does not import services';
  if (layer(from) === 'router' && layer(to) === 'subgraphs') return 'router/ reaches subgraphs over GraphQL only';
  const a = subgraphOf(from);
  const b = subgraphOf(to);
  if (a && b && a !== b) return 'subgraphs do not import each other';
  return undefined;
}

describe('import graph', () => {
  const graph = importGraph(sourceFiles());

  it('covers the source tree', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('engine/runtime/interpreter.ts')?.length).toBeGreaterThan(0);
  });

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('respects the layers', () => {
    const broken = [...graph].flatMap(([from, deps]) => deps.map((to) => ({ from, to, rule: violation(from, to) })).filter((d) => d.rule));
    expect(broken).toEqual([]);
  });

  it('detects what it forbids', () => {
    expect(
      cycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['a.ts']],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
    expect(violation('engine/x.ts', 'platform/y.ts')).toBeDefined();
    expect(violation('router/x.ts', 'subgraphs/workflow/y.ts')).toBeDefined();
    expect(violation('subgraphs/assistant/x.ts', 'subgraphs/workflow/y.ts')).toBeDefined();
    expect(violation('subgraphs/assistant/x.ts', 'platform/y.ts')).toBeUndefined();
  });
});
