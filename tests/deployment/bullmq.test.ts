/**
 * With REDIS_URL set, deployment jobs go through BullMQ on the real Redis (127.0.0.1:6379, a namespace of their own):
 * they run, and a job interrupted by a service restart is picked up again.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Gate } from './fixture-programs';
import { DeploymentHarness } from './harness';

const REDIS_URL = 'redis://127.0.0.1:6379';
const namespace = `vbtest-deploy-${randomUUID().slice(0, 8)}`;
let h: DeploymentHarness;
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  h = await DeploymentHarness.start({ REDIS_URL, REDIS_NAMESPACE: namespace });
});
afterAll(async () => {
  await h?.close();
  const keys = await redis.keys(`${namespace}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

it('runs deployments as BullMQ jobs under the namespace prefix', async () => {
  const project = await h.createProject('Queued');
  const { data } = await h.deploy(project.id, { t: 'HELM' });
  const ready = await h.waitFor(data.deploy.id, ['READY', 'FAILED']);
  expect(ready.status).toBe('READY');
  expect(await redis.exists(`${namespace}:bull:deployments:meta`)).toBe(1);
  expect(await redis.exists(`${namespace}:bull:deployments:${data.deploy.id}`)).toBe(0); // removed on completion
  expect(h.seedEvents.some((e) => e.type === 'DEPLOYMENT_COMPLETED' && e.data.deploymentId === data.deploy.id)).toBe(true);
});

it('resumes a job interrupted by a restart of the service', async () => {
  const project = await h.createProject('Queued restart');
  h.programs.gate = new Gate();
  const { data } = await h.deploy(project.id, { t: 'SERVERLESS_AWS' });
  await h.waitFor(data.deploy.id, ['BUILDING']);
  const loadsBefore = h.programs.loads;
  await h.restartService();
  h.programs.gate.open();
  h.programs.gate = null;
  const ready = await h.waitFor(data.deploy.id, ['READY', 'FAILED']);
  expect(ready.status).toBe('READY');
  expect(h.programs.loads).toBeGreaterThan(loadsBefore);
  expect(ready.files.map((f: any) => f.path).sort()).toEqual(['run.sh', 'template.yaml']);
});
