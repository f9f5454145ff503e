/**
 * The statements a graph edit costs (docs/ARCHITECTURE.md §9): every edit is one transaction — begin, lock the row
 * (the editor role checked on it), update, change-log insert, commit — with no read of the project before it and no
 * read of what it wrote after it; a member's role is one more read in the same transaction. Run on both dialects;
 * who may not edit is still refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { ComponentCatalog } from '../../platform/component-catalog';
import { loadConfig } from '../../platform/config';
import { openDatabase, type Database } from '../../platform/db';
import { createDurableStreams, type DurableStreams } from '../../platform/durable-events';
import { createEventBus, type EventBus } from '../../platform/events';
import type { Identity } from '../../platform/identity';
import { createLogger } from '../../platform/logger';
import { createServiceClient, type ServiceClient } from '../../platform/service-client';
import { MemberStore } from '../../subgraphs/workflow/member-store';
import { workflowMigrations } from '../../subgraphs/workflow/migrations';
import { ProjectService } from '../../subgraphs/workflow/project-service';
import { ProjectStore, type WorkflowTables } from '../../subgraphs/workflow/project-store';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `vb_edits_${randomBytes(4).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-edits-'));
const log = createLogger('test', 'silent');

afterAll(async () => {
  const pool = new Pool({ connectionString: PG_URL, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const as = (sub: string): Identity => ({ sub, name: sub, via: 'local' });
const owner = as('owner');
const editor = as('editor');

describe.each([
  ['sqlite', { dataDir }],
  ['postgres', { dataDir, databaseUrl: PG_URL, schema }],
] as const)('%s', (dialect, storage) => {
  let database: Database<WorkflowTables>;
  let events: EventBus;
  let durable: DurableStreams;
  let services: ServiceClient;
  let service: ProjectService;
  let projectId: string;

  beforeAll(async () => {
    database = await openDatabase<WorkflowTables>({ service: `workflow_edits_${dialect}`, ...storage, migrations: workflowMigrations });
    events = createEventBus({ source: 'test', namespace: 'test', log });
    durable = createDurableStreams({ namespace: 'test', log });
    services = createServiceClient(loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' }));
    service = new ProjectService(new ProjectStore(database), new ComponentCatalog(services), services, events, durable, new MemberStore(database.db));
    projectId = (await service.create({ name: 'edits' }, owner)).id;
    await service.setMember(projectId, editor.sub, 'editor', owner);
    await service.setMember(projectId, 'viewer', 'viewer', owner);
  });
  afterAll(async () => {
    await services.close();
    await durable.close();
    await events.close();
    await database.close();
  });

  const statements = async (edit: () => Promise<unknown>) => {
    const before = database.stats.queries;
    await edit();
    return database.stats.queries - before;
  };

  it.each([
    ['the owner', owner, 5],
    ['an editor', editor, 6],
  ])('%s: every graph edit is one transaction, with nothing read before or after it', async (_, who, expected) => {
    const id = `n_${who.sub}`;
    expect(await statements(() => service.addComponent({ projectId, componentId: 'core/constant', id, config: { value: 1 } }, who))).toBe(expected);
    expect(await statements(() => service.moveComponent(projectId, id, { x: 1, y: 1 }, undefined, who))).toBe(expected);
    expect(await statements(() => service.updateComponentConfig({ projectId, nodeId: id, config: { value: 2 } }, who))).toBe(expected);
    expect(await statements(() => service.applyGraphEdits(projectId, [{ moveNode: { nodeId: id, position: { x: 2, y: 2 } } }], undefined, who))).toBe(expected);
    const copy = await service.duplicateNodes(projectId, [id], null, undefined, who);
    expect(copy.components).toHaveLength(1);
    expect(await statements(() => service.duplicateNodes(projectId, [id], null, undefined, who))).toBe(expected);
    const project = (await service.get(projectId, owner))!;
    expect(project.graph.nodes.find((n) => n.id === id)).toMatchObject({ position: { x: 2, y: 2 }, config: { value: 2 } });
  });

  it('still refuses a viewer and hides the project from a stranger', async () => {
    const viewer = as('viewer');
    const stranger = as('stranger');
    const version = (await service.get(projectId, owner))!.version;
    const edits = (who: Identity) => [
      service.addComponent({ projectId, componentId: 'core/constant', config: { value: 1 } }, who),
      service.applyGraphEdits(projectId, [{ addNode: { id: 'refused', componentId: 'core/constant', config: { value: 1 } } }], undefined, who),
      service.duplicateNodes(projectId, ['n_owner'], null, undefined, who),
    ];
    for (const refused of edits(viewer)) await expect(refused).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    for (const refused of edits(stranger)) await expect(refused).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((await service.get(projectId, owner))!.version).toBe(version);
  });
});
