/**
 * Interpreter overhead per node (issue 3 benchmark; target ≤ 10 µs per node): a 10,000-node chain of pure
 * synchronous nodes and a 1 → 5,000 → 1 fan-out/fan-in, each compared with a plain JavaScript loop calling the same
 * component functions directly. Run: `npx tsx bench/engine.bench.ts`.
 */
import type { ComponentDefinition, ComponentServices, PortValues, RunContext } from '../engine/components/types';
import type { Connection, NodeInstance, WorkflowGraph } from '../engine/model/types';
import { executeGraph } from '../engine/runtime/interpreter';

import type { Row } from './row';

export type { Row };

const CHAIN_LENGTH = 10_000;
const FAN_WIDTH = 5_000;
const WARMUP_RUNS = 3;
const MEASURED_RUNS = 9;

function component(id: string, parts: Pick<ComponentDefinition, 'run'> & Partial<ComponentDefinition>): ComponentDefinition {
  return { id, version: '1.0.0', name: id, category: 'logic', description: id, icon: 'x', color: '#000', inputs: [], outputs: [], configSchema: {}, ...parts };
}

const constant = component('bench/const', { run: (ctx) => ({ value: ctx.config.value }) });
const addOne = component('bench/add', { run: (ctx) => ({ value: (ctx.inputs.value as number) + 1 }) });
const sum = component('bench/sum', {
  inputs: [{ name: 'values', type: 'array<number>', multiple: true }],
  run: (ctx) => {
    let total = 0;
    for (const value of ctx.inputs.values as number[]) total += value;
    return { value: total };
  },
});
const registry = new Map([constant, addOne, sum].map((definition) => [definition.id, definition]));

const refuse = () => {
  throw new Error('not used by the benchmark');
};
const services: ComponentServices = { llm: { chat: refuse, embed: refuse }, http: { request: refuse }, sandbox: { run: refuse }, runSubgraph: refuse };

function makeNode(id: string, componentId: string, config: Record<string, unknown> = {}): NodeInstance {
  return { id, componentId, componentVersion: '1.0.0', position: { x: 0, y: 0 }, config };
}

function makeConnection(sourceId: string, targetId: string, targetPort = 'value'): Connection {
  return { id: `${sourceId}->${targetId}`, sourceId, sourcePort: 'value', targetId, targetPort };
}

function chainGraph(length: number): WorkflowGraph {
  const nodes = [makeNode('start', 'bench/const', { value: 0 })];
  const connections: Connection[] = [];
  for (let i = 1; i < length; i++) {
    nodes.push(makeNode(`n${i}`, 'bench/add'));
    connections.push(makeConnection(i === 1 ? 'start' : `n${i - 1}`, `n${i}`));
  }
  return { nodes, connections };
}

function fanGraph(width: number): WorkflowGraph {
  const nodes = [makeNode('start', 'bench/const', { value: 0 })];
  const connections: Connection[] = [];
  for (let i = 0; i < width; i++) {
    nodes.push(makeNode(`w${i}`, 'bench/add'));
    connections.push(makeConnection('start', `w${i}`));
    connections.push(makeConnection(`w${i}`, 'join', 'values'));
  }
  nodes.push(makeNode('join', 'bench/sum'));
  return { nodes, connections };
}

async function runEngine(graph: WorkflowGraph, expectedLastValue: number, lastNodeId: string, listen = false): Promise<number> {
  let events = 0;
  const onEvent = listen ? () => void events++ : undefined;
  const started = performance.now();
  const result = await executeGraph({ runId: 'bench', graph, inputs: {}, services, resolveComponent: (id) => registry.get(id), onEvent });
  const elapsed = performance.now() - started;
  const last = result.steps.at(-1);
  if (result.status !== 'succeeded' || last?.nodeId !== lastNodeId || last.outputs?.value !== expectedLastValue) {
    throw new Error(`benchmark run went wrong: ${result.status} ${JSON.stringify(result.error ?? last)}`);
  }
  return elapsed;
}

/** Just what the bench components read: config and inputs. */
function call(definition: ComponentDefinition, config: Record<string, unknown>, inputs: Record<string, unknown>): { value: number } {
  return definition.run({ config, inputs } as unknown as RunContext) as PortValues as { value: number };
}

/** The same component calls without the interpreter: the floor the engine is compared with. */
function plainChain(length: number): number {
  const started = performance.now();
  let outputs = call(constant, { value: 0 }, {});
  for (let i = 1; i < length; i++) outputs = call(addOne, {}, { value: outputs.value });
  const elapsed = performance.now() - started;
  if (outputs.value !== length - 1) throw new Error('plain chain went wrong');
  return elapsed;
}

function plainFan(width: number): number {
  const started = performance.now();
  const root = call(constant, { value: 0 }, {});
  const values: number[] = [];
  for (let i = 0; i < width; i++) values.push(call(addOne, {}, { value: root.value }).value);
  const total = call(sum, {}, { values }).value;
  const elapsed = performance.now() - started;
  if (total !== width) throw new Error('plain fan went wrong');
  return elapsed;
}

async function median(measure: () => number | Promise<number>): Promise<number> {
  for (let i = 0; i < WARMUP_RUNS; i++) await measure();
  const times: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i++) times.push(await measure());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function runEngineBench(): Promise<Row[]> {
  const chain = chainGraph(CHAIN_LENGTH);
  const fan = fanGraph(FAN_WIDTH);
  const fanNodes = FAN_WIDTH + 2;
  const chainEngine = await median(() => runEngine(chain, CHAIN_LENGTH - 1, `n${CHAIN_LENGTH - 1}`));
  const chainListened = await median(() => runEngine(chain, CHAIN_LENGTH - 1, `n${CHAIN_LENGTH - 1}`, true));
  const chainPlain = await median(() => plainChain(CHAIN_LENGTH));
  const fanEngine = await median(() => runEngine(fan, FAN_WIDTH, 'join'));
  const fanPlain = await median(() => plainFan(FAN_WIDTH));
  const note = `median of ${MEASURED_RUNS} runs after ${WARMUP_RUNS} warm-ups; target ≤ 10 µs/node`;
  return [
    { name: `engine: chain of ${CHAIN_LENGTH} pure nodes`, value: round((chainEngine * 1000) / CHAIN_LENGTH), unit: 'µs/node', note },
    {
      name: 'engine: chain, with an onEvent listener',
      value: round((chainListened * 1000) / CHAIN_LENGTH),
      unit: 'µs/node',
      note: 'events are only built when someone listens',
    },
    { name: 'engine: chain overhead over plain loop', value: round(((chainEngine - chainPlain) * 1000) / CHAIN_LENGTH), unit: 'µs/node' },
    {
      name: 'engine: chain ratio to plain JS loop',
      value: round(chainEngine / chainPlain, 1),
      unit: '×',
      note: `plain loop ${round((chainPlain * 1000) / CHAIN_LENGTH, 3)} µs/node`,
    },
    { name: `engine: fan-out/fan-in 1 → ${FAN_WIDTH} → 1`, value: round((fanEngine * 1000) / fanNodes), unit: 'µs/node', note },
    { name: 'engine: fan overhead over plain loop', value: round(((fanEngine - fanPlain) * 1000) / fanNodes), unit: 'µs/node' },
    {
      name: 'engine: fan ratio to plain JS loop',
      value: round(fanEngine / fanPlain, 1),
      unit: '×',
      note: `plain loop ${round((fanPlain * 1000) / fanNodes, 3)} µs/node`,
    },
  ];
}

if (require.main === module) {
  runEngineBench().then(
    (rows) => console.table(rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
