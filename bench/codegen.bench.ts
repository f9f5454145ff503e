/**
 * Code generation time for a 1,000-node workflow, per language (target ≤ 100 ms each). The workflow mixes the
 * component kinds generation has to handle (inputs, expressions, templates, branches, merges, maps, outputs).
 * Run alone with `npx tsx bench/codegen.bench.ts`.
 */
import { generateProject, LANGUAGES, type LanguageId } from '../engine/codegen';
import type { Connection, NodeInstance, WorkflowGraph } from '../engine/model/types';
import { graph, node, wire } from '../engine/templates/build';

import type { Row } from './row';

export type { Row };

/** A chain of 10-node blocks: each transforms, branches, merges and maps the previous block's value. */
export function thousandNodeWorkflow(): WorkflowGraph {
  const nodes: NodeInstance[] = [node('in', 'core/input', 0, 0, { name: 'n', type: 'number' })];
  const wires: Connection[] = [];
  let previous = 'in.value';
  for (let b = 0; nodes.length < 999; b++) {
    const id = (name: string) => `b${b}_${name}`;
    nodes.push(
      node(id('t'), 'core/transform', b, 0, { expression: `value + ${b} * 2 - len("block ${b}") % 3` }),
      node(id('c'), 'core/condition', b, 1, { expression: 'value % 2 == 0' }),
      node(id('even'), 'core/transform', b, 2, { expression: 'value / 2' }),
      node(id('odd'), 'core/transform', b, 3, { expression: 'value * 3 + 1' }),
      node(id('m'), 'core/merge', b, 4),
      node(id('arr'), 'core/transform', b, 5, { expression: '[value, value + 1, value + 2]' }),
      node(id('map'), 'core/map', b, 6, { expression: 'item * index' }),
      node(id('sum'), 'core/reduce', b, 7, { expression: 'acc + item', initial: 0 }),
      node(id('txt'), 'core/template', b, 8, { template: `block ${b}: {{value}}` }),
      node(id('len'), 'core/length', b, 9),
    );
    wires.push(
      wire(previous, `${id('t')}.value`),
      wire(`${id('t')}.value`, `${id('c')}.value`),
      wire(`${id('c')}.true`, `${id('even')}.value`),
      wire(`${id('c')}.false`, `${id('odd')}.value`),
      wire(`${id('even')}.value`, `${id('m')}.values`),
      wire(`${id('odd')}.value`, `${id('m')}.values`),
      wire(`${id('m')}.value`, `${id('arr')}.value`),
      wire(`${id('arr')}.value`, `${id('map')}.items`),
      wire(`${id('map')}.items`, `${id('sum')}.items`),
      wire(`${id('sum')}.value`, `${id('txt')}.value`),
      wire(`${id('txt')}.text`, `${id('len')}.value`),
    );
    previous = `${id('sum')}.value`;
  }
  nodes.push(node('out', 'core/output', 999, 0, { name: 'result' }));
  wires.push(wire(previous, 'out.value'));
  return graph(nodes, wires);
}

export async function runCodegenBench(): Promise<Row[]> {
  const workflow = thousandNodeWorkflow();
  const rows: Row[] = [];
  for (const language of LANGUAGES.filter((l) => l.implemented).map((l) => l.id as LanguageId)) {
    for (let i = 0; i < 3; i++) generateProject(workflow, language, { optimize: true }); // warm-up (runtime files cached, JIT)
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = process.hrtime.bigint();
      generateProject(workflow, language, { optimize: true, includeComments: true });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    rows.push({
      name: `generate ${workflow.nodes.length}-node workflow: ${language}`,
      value: times[Math.floor(times.length / 2)],
      unit: 'ms',
      note: `median of 10; target ≤ 100 ms; max ${times[times.length - 1].toFixed(1)} ms`,
    });
  }
  return rows;
}

if (require.main === module) {
  runCodegenBench().then((rows) => {
    for (const row of rows) console.log(`${row.name.padEnd(50)} ${row.value.toFixed(2).padStart(8)} ${row.unit}  ${row.note ?? ''}`);
  });
}
