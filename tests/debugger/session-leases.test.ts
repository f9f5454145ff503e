/**
 * The debugger's session leases and fenced writes (docs/ARCHITECTURE.md §5.1) on both dialects: a replica without
 * the lease can neither write the session row nor its journal; taking a lease is conditional on what was read;
 * renewal covers live sessions only; a journal entry past the row's journalLength is ignored and replaced.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { openDatabase, type Database } from '../../platform/db';
import type { JournalEntry } from '../../subgraphs/debugger/journal';
import { debuggerMigrations } from '../../subgraphs/debugger/migrations';
import { SessionLeases } from '../../subgraphs/debugger/session-leases';
import { SessionStore, type DebugSessionRecord, type DebugState } from '../../subgraphs/debugger/session-store';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `vb_leases_${randomBytes(4).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-leases-'));
const LEASE = { leaseMs: 60_000 };

afterAll(async () => {
  const pool = new Pool({ connectionString: PG_URL });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function session(state: DebugState = 'PAUSED'): DebugSessionRecord {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    projectId: 'p1',
    ownerId: 'u1',
    createdAt: now,
    updatedAt: now,
    projectVersion: 1,
    graph: { nodes: [], connections: [] },
    inputs: {},
    state,
    pauseReason: null,
    position: null,
    error: null,
    outputs: null,
    breakpoints: [],
    breakOnError: false,
    breakpointsHit: [],
    watches: [],
    nextWatchId: 1,
    expiresAt: null,
    endedReason: null,
    journalLength: 0,
    eventSeq: 0,
  };
}

const step = (nodeId: string): JournalEntry => ({
  kind: 'step',
  nodeId,
  frames: [],
  status: 'succeeded',
  inputs: {},
  outputs: { value: nodeId },
  error: null,
  attempt: 1,
  startedAt: new Date().toISOString(),
  durationMs: 1,
});

const leaseLost = { extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'LEASE_LOST' } };

describe.each([
  ['sqlite', { dataDir }],
  ['postgres', { dataDir, databaseUrl: PG_URL, schema }],
] as const)('%s', (dialect, storage) => {
  let database: Database<unknown>;
  let leases: SessionLeases;
  let a: SessionStore;
  let b: SessionStore;

  beforeAll(async () => {
    database = await openDatabase<unknown>({ service: `debugger_${dialect}`, ...storage, migrations: debuggerMigrations });
    leases = new SessionLeases(database);
    a = new SessionStore(database, { holder: 'replica-a', ...LEASE });
    b = new SessionStore(database, { holder: 'replica-b', ...LEASE });
  });
  afterAll(() => database.close());

  it('lets only the lease holder write a session, and a lease is taken only from what was read', async () => {
    const s = session();
    await a.insert(s);
    const held = (await leases.read(s.id))!;
    expect(held.holder).toBe('replica-a');
    expect(Date.parse(held.until!)).toBeGreaterThan(Date.now() + 50_000);

    await a.appendJournal(s.id, 0, step('n1'));
    await a.update({ ...s, journalLength: 1 });
    await expect(b.update({ ...s, state: 'STOPPED' })).rejects.toMatchObject(leaseLost);
    await expect(b.appendJournal(s.id, 1, step('n2'))).rejects.toMatchObject(leaseLost);
    await b.clearJournal(s.id);
    expect((await a.journal(s.id, 10)).map((e) => e.nodeId)).toEqual(['n1']);
    expect((await a.get(s.id))!.state).toBe('PAUSED');

    const until = new Date(Date.now() + 60_000).toISOString();
    expect(await leases.take(s.id, { holder: 'replica-a', until: '2000-01-01T00:00:00.000Z' }, 'replica-b', until)).toBe(false);
    expect(await leases.take(s.id, held, 'replica-b', until)).toBe(true);
    expect(await leases.take(s.id, held, 'replica-c', until)).toBe(false);
    await expect(a.update({ ...s, state: 'STOPPED' })).rejects.toMatchObject(leaseLost);
    await b.update({ ...s, journalLength: 1, state: 'RUNNING' });
    expect((await b.get(s.id))!.state).toBe('RUNNING');
  });

  it('ignores a journal entry the session row never counted, and replaces it', async () => {
    for (const store of [a, new SessionStore(database)]) {
      const s = session();
      await store.insert(s);
      await store.appendJournal(s.id, 0, step('n1'));
      await store.update({ ...s, journalLength: 1 });
      // The writer ended between writing entry 1 and counting it.
      await store.appendJournal(s.id, 1, step('lost'));
      expect((await store.journal(s.id, 1)).map((e) => e.nodeId)).toEqual(['n1']);
      await store.appendJournal(s.id, 1, step('n2'));
      expect((await store.journal(s.id, 2)).map((e) => e.nodeId)).toEqual(['n1', 'n2']);
    }
  });

  it('renews the leases of live sessions only and hands every lease back', async () => {
    const c = new SessionStore(database, { holder: 'replica-c', ...LEASE });
    const live = session('PAUSED');
    const ended = session('COMPLETED');
    await c.insert(live);
    await c.insert(ended);
    const until = new Date(Date.now() + 120_000).toISOString();
    expect(await leases.renew('replica-c', until)).toEqual([live.id]);
    expect((await leases.read(live.id))!.until).toBe(until);
    await leases.releaseAll('replica-c');
    expect(await leases.read(live.id)).toEqual({ holder: null, until: null });
    expect(await leases.read(ended.id)).toEqual({ holder: null, until: null });
    expect(await leases.read('no-such-session')).toBeUndefined();
  });
});
