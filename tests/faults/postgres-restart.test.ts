/**
 * PostgreSQL restarted during writes: writes that meet the outage fail with SERVICE_UNAVAILABLE naming the service
 * (never reported as success), and every acknowledged write is there afterwards. Restarts the shared cluster
 * (`pg_ctlcluster … restart`), which is safe only because CI runs the suite in band; it is up again at the end.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { LOAD_ENV, printFigures, runLoad, sleep, Tally, transportKind } from './support';

jest.setTimeout(180_000);

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `vb_fault_${randomBytes(4).toString('hex')}`;
const CREATE = `mutation Create($name: String!) { createProject(input: {name: $name}) { id name } }`;

/** Asynchronous on purpose: the supergraph under test runs in this process and must keep serving meanwhile. */
async function restartPostgres(): Promise<void> {
  const version = fs.readdirSync('/etc/postgresql')[0];
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { timeout: 60_000 });
}

async function postgresUp(timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pool = new Pool({ connectionString: PG_URL, max: 1, connectionTimeoutMillis: 1_000 });
    pool.on('error', () => undefined);
    try {
      await pool.query('select 1');
      return true;
    } catch {
      await sleep(200);
    } finally {
      await pool.end().catch(() => undefined);
    }
  }
  return false;
}

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph({ env: { ...LOAD_ENV, DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: process.env.FAULT_LOG ?? 'silent' } });
});
afterAll(async () => {
  await sg?.close();
  // Whatever happened above, leave the shared PostgreSQL up for the suites that follow.
  if (!(await postgresUp())) await restartPostgres();
  const pool = new Pool({ connectionString: PG_URL, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pool.end());
});

it('fails writes clearly during a restart and loses no acknowledged one', async () => {
  const acknowledged: { id: string; name: string }[] = [];
  const outcomes = new Tally();
  const failures = new Tally();
  let stop = false;
  const load = runLoad(
    6,
    async (worker, i) => {
      const name = `pg-${worker}-${i}`;
      try {
        const result = await sg.gql(CREATE, { name });
        if (result.data?.createProject && !result.errors) {
          acknowledged.push(result.data.createProject);
          outcomes.add('acknowledged');
        } else {
          const error = result.errors?.[0];
          const kind = `${error?.extensions?.code}${error?.extensions?.service ? `(${error.extensions.service})` : ''}`;
          outcomes.add(kind);
          failures.add(error?.message ?? 'none');
          await sleep(50);
        }
      } catch (err) {
        outcomes.add(`transport:${transportKind(err)}`);
      }
    },
    () => stop,
  );
  await sleep(1_500);
  const beforeRestart = acknowledged.length;
  const restartStarted = performance.now();
  const failuresBefore = outcomes.total - acknowledged.length;
  await restartPostgres();
  const restartMs = Math.round(performance.now() - restartStarted);
  // Keep writing until writes succeed again, then a little more.
  const resumeFrom = acknowledged.length;
  const recoveryStarted = performance.now();
  while (acknowledged.length === resumeFrom && performance.now() - recoveryStarted < 30_000) await sleep(50);
  const recoveryMs = Math.round(performance.now() - recoveryStarted);
  await sleep(1_000);
  stop = true;
  await load;

  let lost = 0;
  for (const { id, name } of acknowledged) {
    const read = await sg.gql(`query($id: ID!) { project(id: $id) { name } }`, { id });
    if (read.data?.project?.name !== name) lost++;
  }
  printFigures('PostgreSQL restarted during writes', {
    'write outcomes': outcomes.counts,
    'failure messages': failures.counts,
    'acknowledged before restart': beforeRestart,
    'failed while restarting': outcomes.total - acknowledged.length - failuresBefore,
    'pg_ctlcluster restart (ms)': restartMs,
    'writes succeeding again after (ms)': recoveryMs,
    'acknowledged / lost': `${acknowledged.length} / ${lost}`,
  });

  expect(beforeRestart).toBeGreaterThan(0);
  // The outage was real: writes met it.
  expect(outcomes.count('SERVICE_UNAVAILABLE(workflow)')).toBeGreaterThan(0);
  expect(acknowledged.length).toBeGreaterThan(resumeFrom);
  // Every write either succeeded or said clearly that the workflow service was unavailable.
  expect(Object.keys(outcomes.counts).filter((k) => k !== 'acknowledged' && k !== 'SERVICE_UNAVAILABLE(workflow)')).toEqual([]);
  expect(lost).toBe(0);
});
