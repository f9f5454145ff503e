/**
 * A restart of the deployment service: unfinished work resumes, LOCAL programs that still answer are re-adopted,
 * and those that died meanwhile are honestly marked FAILED.
 */
import { request } from 'undici';
import { Gate } from './fixture-programs';
import { DeploymentHarness, killGroup } from './harness';

let h: DeploymentHarness;
beforeAll(async () => {
  h = await DeploymentHarness.start();
});
afterAll(async () => {
  await h?.close();
});

const pidOf = async (endpoint: string) => ((await (await request(`${endpoint}/health`)).body.json()) as { pid: number }).pid;

it('resumes a deployment that was BUILDING when the service stopped', async () => {
  const project = await h.createProject('Resumed');
  h.programs.gate = new Gate();
  const { data } = await h.deploy(project.id);
  await h.waitFor(data.deploy.id, ['BUILDING']);
  await h.restartService();
  h.programs.gate.open();
  h.programs.gate = null;
  const running = await h.waitFor(data.deploy.id, ['RUNNING', 'FAILED']);
  expect(running.status).toBe('RUNNING');
  expect(running.history.map((c: any) => c.status)).toEqual(['PENDING', 'BUILDING', 'DEPLOYING', 'RUNNING']);
  expect(running.logs.map((l: any) => l.message)).toContain('resumed at BUILDING after a restart of the deployment service');
  await h.mutate('stopDeployment', data.deploy.id);
});

it('re-adopts a RUNNING program that survived the restart, and can still stop it', async () => {
  const project = await h.createProject('Adopted');
  const { data } = await h.deploy(project.id);
  const running = await h.waitFor(data.deploy.id, ['RUNNING']);
  const pid = await pidOf(running.endpoint);
  await h.restartService();
  const after = await h.deployment(data.deploy.id);
  expect(after.status).toBe('RUNNING');
  expect(after.logs.map((l: any) => l.message)).toContain(`re-adopted pid ${pid} after a restart of the deployment service`);
  expect(await pidOf(after.endpoint)).toBe(pid);
  const stopped = await h.mutate('stopDeployment', data.deploy.id);
  expect(stopped.data.stopDeployment.status).toBe('STOPPED');
  expect(() => process.kill(pid, 0)).toThrow();
});

it('marks FAILED a program that died while the service was down', async () => {
  const project = await h.createProject('Died');
  const { data } = await h.deploy(project.id);
  const running = await h.waitFor(data.deploy.id, ['RUNNING']);
  const pid = await pidOf(running.endpoint);
  await h.stopService();
  killGroup(pid);
  await new Promise((r) => setTimeout(r, 200));
  await h.startService();
  const after = await h.deployment(data.deploy.id);
  expect(after.status).toBe('FAILED');
  expect(after.error).toBe(`the program (pid ${pid}) was no longer running when the deployment service restarted`);
});

it('marks FAILED a re-adopted program that crashes later', async () => {
  const project = await h.createProject('Crashes later');
  const { data } = await h.deploy(project.id);
  const running = await h.waitFor(data.deploy.id, ['RUNNING']);
  const pid = await pidOf(running.endpoint);
  await h.restartService();
  killGroup(pid);
  const failed = await h.waitFor(data.deploy.id, ['FAILED'], 5_000);
  expect(failed.error).toContain(`the re-adopted program (pid ${pid}) ended`);
});
