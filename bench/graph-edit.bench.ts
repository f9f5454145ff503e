/**
 * The workflow subgraph's cost of one graph edit (issue 21), in-process, no network: ProjectService over the real
 * ProjectStore on SQLite and on PostgreSQL (a schema per run, dropped after), the in-process event bus, sequential
 * `moveComponent` and `updateComponentConfig` (or one-move `applyGraphEdits` batches: `BENCH_EDIT=batch`) on 20
 * projects of 10 nodes. Reports CPU time per edit of this process (process.cpuUsage), on PostgreSQL the CPU time of
 * the server processes serving it (/proc), and statements per edit, which depend much less on the machine's
 * neighbours than mutations/s through the router (bench/subscriptions.bench.ts) do.
 * Run: `npx tsx bench/graph-edit.bench.ts`. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { ComponentCatalog } from '../platform/component-catalog';
import { loadConfig } from '../platform/config';
import { openDatabase, type DatabaseOptions } from '../platform/db';
import { createDurableStreams } from '../platform/durable-events';
import { createEventBus } from '../platform/events';
import type { Identity } from '../platform/identity';
import { createLogger } from '../platform/logger';
import { createServiceClient } from '../platform/service-client';
import { MemberStore } from '../subgraphs/workflow/member-store';
import { workflowMigrations } from '../subgraphs/workflow/migrations';
import { ProjectService } from '../subgraphs/workflow/project-service';
import { ProjectStore, type WorkflowTables } from '../subgraphs/workflow/project-store';
import { postgresBackendsCpu, withApplicationName } from './processes';

const PROJECTS = 20;
const NODES = Number(process.env.BENCH_NODES ?? 10);
const EDITS = Number(process.env.BENCH_EDITS ?? 3_000);
/** `BENCH_EDIT=batch`: one-move `applyGraphEdits` batches instead (the paste / assistant path). */
const BATCHES = process.env.BENCH_EDIT === 'batch';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const identity: Identity = { sub: 'bench', name: 'bench', via: 'local' };

async function measure(dialect: 'sqlite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-graph-edit-'));
  const schema = `bench_edit_${randomBytes(4).toString('hex')}`;
  // The schema names the bench's connections too, so the server processes serving them can be found.
  const databaseUrl = withApplicationName(DATABASE_URL, schema);
  const storage: Omit<DatabaseOptions, 'service' | 'migrations'> = dialect === 'postgres' ? { dataDir: dir, databaseUrl, schema } : { dataDir: dir };
  const database = await openDatabase<WorkflowTables>({ service: 'workflow', ...storage, migrations: workflowMigrations });
  const log = createLogger('bench', 'silent');
  const config = loadConfig({ ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '' });
  const events = createEventBus({ source: 'bench', namespace: 'bench', log });
  const services = createServiceClient(config); // only custom components would need it: never called here
  const service = new ProjectService(
    new ProjectStore(database),
    new ComponentCatalog(services),
    services,
    events,
    createDurableStreams({ namespace: 'bench', log }),
    new MemberStore(database.db),
  );
  try {
    const projects: string[] = [];
    for (let p = 0; p < PROJECTS; p++) {
      const project = await service.create({ name: `edit ${p}` }, identity);
      for (let n = 0; n < NODES; n++)
        await service.addComponent({ projectId: project.id, componentId: 'core/constant', id: `n${n}`, config: { value: n } }, identity);
      projects.push(project.id);
    }
    const edit = (i: number) => {
      const projectId = projects[i % PROJECTS];
      const nodeId = `n${i % NODES}`;
      if (BATCHES) return service.applyGraphEdits(projectId, [{ moveNode: { nodeId, position: { x: i, y: 0 } } }], undefined, identity);
      return i % 2
        ? service.moveComponent(projectId, nodeId, { x: i, y: 0 }, undefined, identity)
        : service.updateComponentConfig({ projectId, nodeId, config: { value: i } }, identity);
    };
    for (let i = 0; i < 300; i++) await edit(i); // warm-up
    const queries = database.stats.queries;
    const serverCpu = dialect === 'postgres' ? await postgresBackendsCpu(databaseUrl, schema) : undefined;
    const started = process.cpuUsage();
    const wall = performance.now();
    for (let i = 0; i < EDITS; i++) await edit(i);
    const used = process.cpuUsage(started);
    const ms = performance.now() - wall;
    const server = serverCpu ? `, server ${((await serverCpu()) / EDITS).toFixed(3)} ms CPU` : '';
    console.log(
      `${dialect.padEnd(8)} ${((used.user + used.system) / 1000 / EDITS).toFixed(3)} ms CPU per edit${server}, ${((database.stats.queries - queries) / EDITS).toFixed(1)} statements per edit, ${(ms / EDITS).toFixed(3)} ms wall per edit (sequential)`,
    );
  } finally {
    await services.close();
    await events.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    if (dialect === 'postgres') {
      const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    }
  }
}

async function main() {
  for (const dialect of ['sqlite', 'postgres'] as const) if ((process.env.BENCH_WRITE_DIALECTS ?? 'sqlite,postgres').includes(dialect)) await measure(dialect);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
