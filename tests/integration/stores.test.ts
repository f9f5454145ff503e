/**
 * The stores on both dialects: SQLite files (the embedded default) and PostgreSQL (DATABASE_URL), each test run
 * in its own PostgreSQL schema. Concurrency: parallel edits never lose an update and the change log has no gaps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { openDatabase, sql, type Database } from '../../platform/db';
import { projectEntityBlobMigration, projectEntityMigration, ProjectEntityStore, type ProjectEntity } from '../../platform/project-entity-store';
import { workflowMigrations } from '../../subgraphs/workflow/migrations';
import { MemberStore } from '../../subgraphs/workflow/member-store';
import { ProjectStore, type WorkflowTables } from '../../subgraphs/workflow/project-store';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `vb_test_${randomBytes(4).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-store-'));

afterAll(async () => {
  const pool = new Pool({ connectionString: PG_URL });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Note extends ProjectEntity {
  text: string;
}

interface Attached extends Note {
  files: { path: string; content: string }[];
}

describe.each([
  ['sqlite', { dataDir }],
  ['postgres', { dataDir, databaseUrl: PG_URL, schema }],
] as const)('%s', (dialect, storage) => {
  let database: Database<WorkflowTables>;
  let store: ProjectStore;

  beforeAll(async () => {
    database = await openDatabase<WorkflowTables>({ service: `workflow_${dialect}`, ...storage, migrations: workflowMigrations });
    store = new ProjectStore(database);
  });
  afterAll(() => database.close());

  it(`runs on ${dialect}`, async () => {
    expect(database.dialect).toBe(dialect);
    if (dialect !== 'sqlite') return;
    // Ephemeral tables (sorts, OR-index lookups) in memory, not in a temp file (platform/db.ts).
    const { rows } = await sql<{ temp_store: number }>`pragma temp_store`.execute(database.db);
    expect(rows[0].temp_store).toBe(2);
  });

  it('creates, mutates with optimistic concurrency and keeps a gap-free change log', async () => {
    const p = await store.create({ name: 'p', description: '', ownerId: 'u1' });
    const { project } = await store.mutate(p.id, 'u1', 'updateProject', 1, () => ({ set: { name: 'renamed' }, payload: { name: 'renamed' } }));
    expect(project).toMatchObject({ name: 'renamed', version: 2 });
    await expect(store.mutate(p.id, 'u1', 'updateProject', 1, () => ({ set: {}, payload: {} }))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', currentVersion: 2 },
    });
    expect((await store.changes(p.id, 0, 100)).map((c) => c.version)).toEqual([1, 2]);
    expect((await store.get(p.id))!.name).toBe('renamed');
  });

  it('loses no update under 20 concurrent edits', async () => {
    const p = await store.create({ name: 'concurrent', description: '', ownerId: 'u1' });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.mutate(p.id, `u${i}`, 'updateProject', undefined, (current) => ({
          set: { metadata: { ...(current.metadata as object), [`k${i}`]: i } },
          payload: { i },
        })),
      ),
    );
    const final = (await store.get(p.id))!;
    expect(final.version).toBe(21);
    expect(Object.keys(final.metadata as object)).toHaveLength(20);
    expect((await store.changes(p.id, 0, 100)).map((c) => c.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('checks the role it is asked for on the locked row, before the version: no access looks like not found', async () => {
    const p = await store.create({ name: 'roles', description: '', ownerId: 'owner' });
    await database.db.transaction().execute(async (trx) => {
      await MemberStore.put(trx, p.id, 'ed', 'editor', 'owner');
      await MemberStore.put(trx, p.id, 'view', 'viewer', 'owner');
    });
    const rename = (actor: string, name: string, expectedVersion?: number) =>
      store.mutate(p.id, actor, 'updateProject', expectedVersion, () => ({ set: { name }, payload: { name } }), 'editor');
    expect((await rename('owner', 'by owner')).project.version).toBe(2);
    expect((await rename('ed', 'by editor', 2)).project.version).toBe(3);
    await expect(rename('view', 'by viewer')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    // A stranger with a stale version learns neither the version (CONFLICT) nor that the project exists.
    await expect(rename('stranger', 'by stranger', 1)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(rename('owner', 'stale', 1)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await store.get(p.id)).toMatchObject({ name: 'by editor', version: 3 });
    expect((await store.changes(p.id, 0, 100)).map((c) => c.actor)).toEqual(['owner', 'owner', 'ed']);
  });

  it('paginates by cursor and refuses nothing it should not', async () => {
    const owner = `pager-${dialect}`;
    for (let i = 0; i < 5; i++) await store.create({ name: `n${i}`, description: '', ownerId: owner });
    const first = await store.list(owner, 3);
    const second = await store.list(owner, 3, first.endCursor);
    expect(first.nodes).toHaveLength(3);
    expect(first.hasNextPage).toBe(true);
    expect(second.nodes).toHaveLength(2);
    expect(second.hasNextPage).toBe(false);
    expect(new Set([...first.nodes, ...second.nodes].map((n) => n.id)).size).toBe(5);
    expect(first.totalCount).toBe(5);
  });

  it('lists a project entity per project in one statement, newest first, limited per project', async () => {
    const db = await openDatabase<unknown>({ service: `notes_${dialect}`, ...storage, migrations: { '0001': projectEntityMigration('notes') } });
    try {
      const notes = new ProjectEntityStore<Note>(db, 'notes');
      for (let i = 0; i < 4; i++) {
        for (const projectId of ['a', 'b']) {
          const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
          await notes.insert({ id: `${projectId}${i}`, projectId, ownerId: 'u', createdAt: at, updatedAt: at, text: `${projectId}-${i}` });
        }
      }
      const before = db.stats.queries;
      const listed = await notes.listByProjects(['a', 'b', 'c'], 3);
      expect(db.stats.queries - before).toBe(1);
      expect(listed.get('a')!.map((n) => n.text)).toEqual(['a-3', 'a-2', 'a-1']);
      expect(listed.get('b')!.map((n) => n.id)).toEqual(['b3', 'b2', 'b1']);
      expect(listed.get('c')).toEqual([]);
      // A page of many projects: one LIMITed branch per project, 200 to a statement.
      const many = ['a', ...Array.from({ length: 250 }, (_, i) => `x${i}`), 'b'];
      const beforeMany = db.stats.queries;
      const page = await notes.listByProjects(many, 2);
      expect(db.stats.queries - beforeMany).toBe(2);
      expect(page.get('a')!.map((n) => n.text)).toEqual(['a-3', 'a-2']);
      expect(page.get('b')!.map((n) => n.text)).toEqual(['b-3', 'b-2']);
      expect(page.get('x7')).toEqual([]);
      const one = (await notes.get('a0'))!;
      await notes.update({ ...one, text: 'edited' });
      expect((await notes.get('a0'))!.text).toBe('edited');
    } finally {
      await db.close();
    }
  });

  it('keeps blob fields in their own column: moved there by the migration, read only when asked for', async () => {
    const service = `attached_${dialect}`;
    const first = { '0001': projectEntityMigration('attached') };
    // The previous layout: files inside the JSON body.
    const old = await openDatabase<unknown>({ service, ...storage, migrations: first });
    const at = '2026-01-01T00:00:00.000Z';
    const files = [{ path: 'main.py', content: 'print(1)\n' }];
    await new ProjectEntityStore<Attached>(old, 'attached').insert({
      id: 'old',
      projectId: 'p',
      ownerId: 'u',
      createdAt: at,
      updatedAt: at,
      text: 'before',
      files,
    });
    await old.close();
    const db = await openDatabase<unknown>({ service, ...storage, migrations: { ...first, '0002': projectEntityBlobMigration('attached', ['files']) } });
    try {
      const store = new ProjectEntityStore<Attached>(db, 'attached', ['files']);
      await store.insert({
        id: 'new',
        projectId: 'p',
        ownerId: 'u',
        createdAt: at,
        updatedAt: at,
        text: 'after',
        files: [...files, { path: 'b.py', content: '' }],
      });
      const raw = (await (db.db as any).selectFrom('attached').select(['id', 'body']).orderBy('id').execute()) as { body: string }[];
      expect(raw.map((r) => JSON.parse(r.body).files)).toEqual([undefined, undefined]);
      // Lists and entity fetches leave the blob out; the whole entity and `blobs` have it.
      const listed = (await store.listByProjects(['p'], 5)).get('p')!;
      expect(listed.map((n) => [n.id, n.text, n.files])).toEqual(
        [
          ['old', 'before', undefined],
          ['new', 'after', undefined],
        ]
          .sort()
          .reverse(),
      );
      expect((await store.getMany(['old'])).get('old')).toEqual({ id: 'old', projectId: 'p', ownerId: 'u', createdAt: at, updatedAt: at, text: 'before' });
      expect((await store.get('old'))!.files).toEqual(files);
      expect([...(await store.blobs(['old', 'new', 'gone'], 'files')).entries()]).toEqual(
        expect.arrayContaining([
          ['old', files],
          ['new', [...files, { path: 'b.py', content: '' }]],
        ]),
      );
      // Updating an entity read without its blob keeps the stored blob.
      await store.update({ ...(await store.getMany(['old'])).get('old')!, text: 'edited' });
      expect(await store.get('old')).toMatchObject({ text: 'edited', files });
    } finally {
      await db.close();
    }
  });
});
