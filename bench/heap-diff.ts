/**
 * Compares two V8 heap snapshots (`.heapsnapshot`, e.g. from bench/inspector.ts) the way DevTools' "Comparison" view
 * does: objects grouped by constructor (or by kind for strings, arrays, code, closures), with the change in count and
 * in self size, and what was allocated after the first snapshot and is still alive in the second. With one file it
 * lists the largest groups (what a process holds).
 * Run: `npx tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [top]` or `… one.heapsnapshot [top]`.
 */
import fs from 'node:fs';

export interface Group {
  count: number;
  bytes: number;
}

export interface HeapSummary {
  totalBytes: number;
  nodeCount: number;
  groups: Map<string, Group>;
  /** Objects whose id is not in `previousIds`, by group (only when previous ids were given). */
  added: Map<string, Group>;
  ids: Set<number>;
  /** The largest single objects (strings show their first characters), largest first. */
  largest: { key: string; name: string; bytes: number }[];
}

export interface GroupChange {
  key: string;
  countDelta: number;
  bytesDelta: number;
  addedCount: number;
  addedBytes: number;
}

const add = (map: Map<string, Group>, key: string, bytes: number) => {
  const group = map.get(key);
  if (group) {
    group.count++;
    group.bytes += bytes;
  } else map.set(key, { count: 1, bytes });
};

/** DevTools' grouping: objects by constructor name, everything else by its kind (closures and arrays keep a name). */
function groupKey(type: string, name: string): string {
  switch (type) {
    case 'object':
    case 'native':
      return name;
    case 'closure':
      return `(closure) ${name || '(anonymous)'}`;
    case 'array':
      return `(array) ${name}`;
    case 'string':
    case 'concatenated string':
    case 'sliced string':
      return '(string)';
    case 'code':
      return '(compiled code)';
    case 'hidden':
      return `(system) ${name.replace(/ \/ .*/, '')}`;
    default:
      return `(${type})`;
  }
}

/**
 * Reads a snapshot without building it as one JavaScript object: the header and the string table are JSON, the
 * node array (millions of integers) is scanned in place, so snapshots of a few hundred MB fit.
 */
export function summarise(file: string, previousIds?: Set<number>): HeapSummary {
  const buffer = fs.readFileSync(file);
  const nodesAt = buffer.indexOf('"nodes":[');
  const edgesAt = buffer.indexOf('"edges":[', nodesAt);
  const stringsAt = buffer.lastIndexOf('"strings":[');
  if (nodesAt < 0 || edgesAt < 0 || stringsAt < 0) throw new Error(`${file}: not a heap snapshot`);
  const header = JSON.parse(`${buffer.subarray(0, nodesAt).toString('utf8').replace(/,\s*$/, '')}}`);
  const meta = header.snapshot.meta as { node_fields: string[]; node_types: [string[], ...unknown[]] };
  const strings = JSON.parse(buffer.subarray(stringsAt + '"strings":'.length, buffer.lastIndexOf(']') + 1).toString('utf8')) as string[];
  const width = meta.node_fields.length;
  const [typeAt, nameAt, idAt, sizeAt] = ['type', 'name', 'id', 'self_size'].map((f) => meta.node_fields.indexOf(f));
  const typeNames = meta.node_types[0];

  const summary: HeapSummary = { totalBytes: 0, nodeCount: 0, groups: new Map(), added: new Map(), ids: new Set(), largest: [] };
  const LARGEST = 30;
  let smallestKept = 0;
  const fields = new Array<number>(width);
  let field = 0;
  let value = 0;
  let inNumber = false;
  for (let i = nodesAt + '"nodes":['.length; i < edgesAt; i++) {
    const c = buffer[i];
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      inNumber = true;
      continue;
    }
    if (!inNumber) continue;
    fields[field++] = value;
    value = 0;
    inNumber = false;
    if (field < width) continue;
    field = 0;
    const key = groupKey(typeNames[fields[typeAt]], strings[fields[nameAt]] ?? '');
    const bytes = fields[sizeAt];
    const id = fields[idAt];
    add(summary.groups, key, bytes);
    summary.ids.add(id);
    if (previousIds && !previousIds.has(id)) add(summary.added, key, bytes);
    summary.totalBytes += bytes;
    summary.nodeCount++;
    if (bytes > smallestKept) {
      summary.largest.push({ key, name: (strings[fields[nameAt]] ?? '').slice(0, 100).replace(/\s+/g, ' '), bytes });
      summary.largest.sort((p, q) => q.bytes - p.bytes);
      if (summary.largest.length > LARGEST) summary.largest.pop();
      if (summary.largest.length === LARGEST) smallestKept = summary.largest.at(-1)!.bytes;
    }
  }
  return summary;
}

/** Groups by growth in self size between two snapshots, largest first. */
export function diffSnapshots(before: string, after: string): { before: HeapSummary; after: HeapSummary; changes: GroupChange[] } {
  const a = summarise(before);
  const b = summarise(after, a.ids);
  const keys = new Set([...a.groups.keys(), ...b.groups.keys()]);
  const changes = [...keys].map((key) => {
    const x = a.groups.get(key) ?? { count: 0, bytes: 0 };
    const y = b.groups.get(key) ?? { count: 0, bytes: 0 };
    const added = b.added.get(key) ?? { count: 0, bytes: 0 };
    return { key, countDelta: y.count - x.count, bytesDelta: y.bytes - x.bytes, addedCount: added.count, addedBytes: added.bytes };
  });
  changes.sort((p, q) => q.bytesDelta - p.bytesDelta);
  return { before: a, after: b, changes };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(0)} KB`;

/** One line per group: "+812 KB (+1,204) Foo". */
export const formatChange = (c: GroupChange) =>
  `${kb(c.bytesDelta).padStart(10)} ${`(${c.countDelta >= 0 ? '+' : ''}${c.countDelta})`.padStart(10)}  ${c.key}  [alive since: ${c.addedCount}, ${kb(c.addedBytes)}]`;

if (require.main === module) {
  const [first, second, top = '25'] = process.argv.slice(2);
  if (!first) throw new Error('usage: heap-diff.ts before.heapsnapshot [after.heapsnapshot] [top]');
  if (second && !/^\d+$/.test(second)) {
    const { before, after, changes } = diffSnapshots(first, second);
    console.log(`self size ${mb(before.totalBytes)} → ${mb(after.totalBytes)}, ${before.nodeCount} → ${after.nodeCount} objects`);
    console.log('largest growth (self size, count) and objects allocated after the first snapshot still alive:');
    for (const c of changes.slice(0, Number(top))) console.log(formatChange(c));
    console.log('largest shrink:');
    for (const c of changes.slice(-5).reverse()) console.log(formatChange(c));
  } else {
    const one = summarise(first);
    console.log(`self size ${mb(one.totalBytes)}, ${one.nodeCount} objects; largest groups:`);
    const groups = [...one.groups].sort((p, q) => q[1].bytes - p[1].bytes).slice(0, Number(second ?? top));
    for (const [key, g] of groups) console.log(`${mb(g.bytes).padStart(11)} ${String(g.count).padStart(9)}  ${key}`);
    console.log('largest objects:');
    for (const o of one.largest) console.log(`${mb(o.bytes).padStart(11)}  ${o.key}  ${o.key === o.name ? '' : o.name}`);
  }
}
