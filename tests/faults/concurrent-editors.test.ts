/**
 * 50 concurrent editors × 100 operations on one project, through the router: every acknowledged operation is in the
 * final state and the change log, versions increase by exactly one with no gaps, and a CONFLICT only ever answers an
 * `expectedVersion` that really was stale.
 */
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { LOAD_ENV, printFigures, Tally } from './support';

jest.setTimeout(180_000);

const EDITORS = 50;
const OPERATIONS = 100;
const UPDATE = `mutation Edit($p: ID!, $n: ID!, $config: JSON, $v: Int) {
  updateComponentConfig(projectId: $p, nodeId: $n, config: $config, expectedVersion: $v) { project { version } }
}`;

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph({ env: LOAD_ENV });
});
afterAll(async () => {
  await sg?.close();
});

interface Acknowledged {
  editor: number;
  seq: number;
  version: number;
}

it('keeps every acknowledged edit, with gapless versions and conflicts only on stale expectations', async () => {
  const created = await sg.gql(`mutation { createProject(input: {name: "fifty editors"}) { id version } }`);
  const projectId: string = created.data.createProject.id;
  for (let e = 0; e < EDITORS; e++) {
    const added = await sg.gql(
      `mutation($p: ID!, $id: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: $id, config: {value: "start"}) { project { version } } }`,
      { p: projectId, id: `editor-${e}` },
    );
    expect(added.errors).toBeUndefined();
  }
  const acknowledged: Acknowledged[] = [];
  const outcomes = new Tally();
  const staleConflicts: { expected: number; current: number }[] = [];
  const started = performance.now();

  await Promise.all(
    Array.from({ length: EDITORS }, async (_, editor) => {
      let seen = 0;
      for (let seq = 0; seq < OPERATIONS; seq++) {
        // Every other edit is conditional on the version this editor last saw (often stale: 49 others are writing).
        const expected = seq % 2 === 0 && seen > 0 ? seen : undefined;
        const result = await sg.gql(UPDATE, { p: projectId, n: `editor-${editor}`, config: { value: `${editor}:${seq}` }, v: expected });
        if (result.data?.updateComponentConfig) {
          seen = result.data.updateComponentConfig.project.version;
          acknowledged.push({ editor, seq, version: seen });
          outcomes.add(expected === undefined ? 'ok-unconditional' : 'ok-conditional');
        } else {
          const error = result.errors?.[0];
          outcomes.add(error?.extensions?.code ?? 'no-code');
          if (error?.extensions?.code === 'CONFLICT') {
            staleConflicts.push({ expected: expected ?? -1, current: error.extensions.currentVersion });
            seen = error.extensions.currentVersion;
          }
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;

  const changes: { version: number; op: string }[] = [];
  for (let since = 0; ; ) {
    const page = await sg.gql(`query($id: ID!, $since: Int) { project(id: $id) { changes(sinceVersion: $since, first: 1000) { version op } } }`, {
      id: projectId,
      since,
    });
    const batch = page.data.project.changes as { version: number; op: string }[];
    if (!batch.length) break;
    changes.push(...batch);
    since = batch[batch.length - 1].version;
  }
  const final = await sg.gql(`query($id: ID!) { project(id: $id) { version components { id config } } }`, { id: projectId });
  const versions = changes.map((c) => c.version);
  const gaps = versions.filter((v, i) => v !== i + 1).length;
  const updateVersions = new Set(changes.filter((c) => c.op === 'updateComponentConfig').map((c) => c.version));
  const missingFromLog = acknowledged.filter((a) => !updateVersions.has(a.version)).length;
  const lastAcked = new Map<number, Acknowledged>();
  for (const a of acknowledged) if ((lastAcked.get(a.editor)?.seq ?? -1) < a.seq) lastAcked.set(a.editor, a);
  const configs = new Map((final.data.project.components as { id: string; config: { value: string } }[]).map((c) => [c.id, c.config.value]));
  const finalStateMismatches = [...lastAcked.values()].filter((a) => configs.get(`editor-${a.editor}`) !== `${a.editor}:${a.seq}`).length;
  const conflictsNotStale = staleConflicts.filter((c) => !(c.expected >= 0 && c.expected < c.current)).length;

  printFigures('50 editors × 100 operations on one project', {
    operations: EDITORS * OPERATIONS,
    outcomes: outcomes.counts,
    'throughput (ops/s)': Math.round((EDITORS * OPERATIONS * 1000) / elapsedMs),
    'final version': final.data.project.version,
    'change log entries / gaps': `${versions.length} / ${gaps}`,
    'acknowledged missing from log': missingFromLog,
    'final-state mismatches': finalStateMismatches,
    'conflicts not on a stale version': conflictsNotStale,
  });

  expect(outcomes.total).toBe(EDITORS * OPERATIONS);
  expect(Object.keys(outcomes.counts).filter((k) => !['ok-unconditional', 'ok-conditional', 'CONFLICT'].includes(k))).toEqual([]);
  expect(gaps).toBe(0);
  expect(versions.length).toBe(final.data.project.version);
  // 1 create + one add per editor + every acknowledged update, nothing more, nothing less.
  expect(final.data.project.version).toBe(1 + EDITORS + acknowledged.length);
  expect(new Set(acknowledged.map((a) => a.version)).size).toBe(acknowledged.length);
  expect(missingFromLog).toBe(0);
  expect(finalStateMismatches).toBe(0);
  expect(conflictsNotStale).toBe(0);
});
