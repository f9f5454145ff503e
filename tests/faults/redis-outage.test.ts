/**
 * Redis (a private redis-server) stopped for 10 s while subscriptions, runs and deployments are in use: nothing
 * crashes, writes are still acknowledged, the live subscription resumes with no version missing, a collaboration
 * client reconnecting with `sinceVersion` misses nothing, runs finish and the deployment queued meanwhile completes.
 */
import { request } from 'undici';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { collect, wsClient } from '../support/ws-client';
import { LOAD_ENV, printFigures, sleep, Tally } from './support';

jest.setTimeout(180_000);

const OUTAGE_MS = 10_000;
const CHANGED = `subscription($p: ID!, $since: Int) { projectChanged(projectId: $p, sinceVersion: $since) { version } }`;
const ADD = `mutation($p: ID!, $id: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: $id, config: {value: 1}) { project { version } } }`;
const RUN = `mutation($p: ID!) { executeWorkflow(projectId: $p, inputs: {}) { id status } }`;

let redis: PrivateRedis;
let sg: TestSupergraph;
beforeAll(async () => {
  redis = await startPrivateRedis();
  sg = await startTestSupergraph({ env: { ...LOAD_ENV, REDIS_URL: redis.url } });
});
afterAll(async () => {
  await sg?.close();
  await redis?.stop().catch(() => undefined);
});

const versionsOf = (results: { projectChanged: { version: number } }[]) => results.map((r) => r.projectChanged.version);
const gapless = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => i + from);

it('rides out a 10 s Redis outage without crashing or losing a change', async () => {
  const p = (await sg.gql(`mutation { createProject(input: {name: "redis outage"}) { id } }`)).data.createProject.id as string;
  const live = wsClient(sg.url);
  const liveSub = collect(live, CHANGED, { p, since: 1 });
  const collaborator = wsClient(sg.url);
  const collabSub = collect(collaborator, CHANGED, { p, since: 1 });
  let node = 0;
  const writes = new Tally();
  const write = async () => {
    const result = await sg.gql(ADD, { p, id: `n${node++}` });
    writes.add(result.errors ? result.errors[0].extensions?.code : 'ok');
    return result.data?.addComponent.project.version as number | undefined;
  };
  for (let i = 0; i < 3; i++) await write();
  await liveSub.waitFor((r) => r.length === 3);
  await collabSub.waitFor((r) => r.length === 3);
  // The collaborator drops off when Redis does, remembering the last version it saw.
  const collaboratorSaw = Math.max(...versionsOf(collabSub.results));
  await collaborator.dispose();

  await redis.stop();
  const outageStarted = performance.now();
  const runs = new Tally();
  const writeLatencies: number[] = [];
  // A deployment requested during the outage: its job waits for Redis (BullMQ), then runs.
  // (Of a project nobody edits: a deployment of a project that changed meanwhile rightly fails as outdated.)
  const deployed = (await sg.gql(`mutation { createProject(input: {name: "deployed during outage"}) { id } }`)).data.createProject.id as string;
  const deployment = sg.gql(`mutation($p: ID!) { deploy(projectId: $p, target: HELM) { id status } }`, { p: deployed });
  while (performance.now() - outageStarted < OUTAGE_MS) {
    const started = performance.now();
    await write();
    writeLatencies.push(Math.round(performance.now() - started));
    const run = await sg.gql(RUN, { p });
    runs.add(run.errors ? run.errors[0].extensions?.code : run.data.executeWorkflow.status);
  }
  await redis.start();
  const redisBack = performance.now();

  // Writes after the outage: the live subscription must deliver them (and fill the gap from the change log).
  let last = 0;
  let resumedMs = -1;
  while (performance.now() - redisBack < 15_000) {
    last = (await write()) ?? last;
    await sleep(200);
    if (versionsOf(liveSub.results).includes(last)) {
      resumedMs = Math.round(performance.now() - redisBack);
      break;
    }
  }
  const liveVersions = versionsOf(await liveSub.waitFor((r) => versionsOf(r).includes(last)));
  const rejoined = wsClient(sg.url);
  const rejoinSub = collect(rejoined, CHANGED, { p, since: collaboratorSaw });
  const rejoinVersions = versionsOf(await rejoinSub.waitFor((r) => versionsOf(r).includes(last)));

  // The deploy call may outlive the router's timeout while its job waits for Redis; the record is what counts.
  const deployResult = await deployment;
  const deployAnswer = deployResult.errors ? deployResult.errors[0].extensions?.code : 'ok';
  let deploymentStatuses: string[] = [];
  for (const until = Date.now() + 30_000; Date.now() < until; await sleep(200)) {
    const listed = await sg.gql(`query($id: ID!) { project(id: $id) { deployments { status error } } }`, { id: deployed });
    deploymentStatuses = (listed.data?.project?.deployments ?? []).map((d: { status: string; error?: string }) =>
      d.error ? `${d.status}: ${d.error}` : d.status,
    );
    if (deploymentStatuses.length && deploymentStatuses.every((s) => s === 'READY' || s.startsWith('FAILED'))) break;
  }
  const health = await request(`${sg.url}/health`);
  await health.body.text();

  printFigures('Redis stopped for 10 s', {
    writes: writes.counts,
    'write latency during outage (ms)': `max ${Math.max(...writeLatencies)}, n ${writeLatencies.length}`,
    'runs during outage': runs.counts,
    'deploy answered during outage': deployAnswer,
    'deployments afterwards': deploymentStatuses,
    'live subscription resumed after (ms)': resumedMs,
    'live versions / gaps': `${liveVersions.length} / ${liveVersions.filter((v, i) => v !== i + 2).length}`,
    'collaborator rejoined since / got': `${collaboratorSaw} / ${rejoinVersions.length}`,
  });

  expect(writes.counts).toEqual({ ok: writes.total });
  // Runs are queued on Redis: during the outage they are refused promptly (SERVICE_UNAVAILABLE, recorded FAILED);
  // afterwards they run again.
  expect(Object.keys(runs.counts).every((outcome) => outcome === 'SUCCEEDED' || outcome === 'SERVICE_UNAVAILABLE')).toBe(true);
  const after = await sg.gql(RUN, { p });
  expect(after.data?.executeWorkflow.status).toBe('SUCCEEDED');
  expect(['ok', 'SERVICE_UNAVAILABLE']).toContain(deployAnswer);
  expect(deploymentStatuses).toEqual(['READY']);
  expect(resumedMs).toBeGreaterThanOrEqual(0);
  expect(liveVersions).toEqual(gapless(2, last));
  expect(rejoinVersions).toEqual(gapless(collaboratorSaw + 1, last));
  expect(health.statusCode).toBe(200);
  await live.dispose();
  await rejoined.dispose();
});
