/**
 * Issue 15, the other side: without authentication (the local single-user mode) a LOCAL deployment keeps running
 * natively — your own code on your own machine — on a loopback port, and says so in its log. The router's endpoint
 * path reaches it too. Reserved variables are refused in both modes.
 */
import { request } from 'undici';
import { DeploymentHarness } from '../deployment/harness';

jest.setTimeout(60_000);

let h: DeploymentHarness;
beforeAll(async () => {
  h = await DeploymentHarness.start();
});
afterAll(async () => {
  await h?.close();
});

it('runs natively on loopback, says so, and answers directly and through the router', async () => {
  const { id: projectId } = await h.createProject();
  const deployed = await h.deploy(projectId);
  expect(deployed.errors).toBeUndefined();
  const d = await h.waitFor(deployed.data.deploy.id, ['RUNNING', 'FAILED']);
  expect(d).toMatchObject({ status: 'RUNNING', endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
  expect(d.logs.map((l: { message: string }) => l.message).join('\n')).toMatch(/single-user mode: running natively as this machine's user, not isolated/);
  const direct = await request(`${d.endpoint}/health`);
  expect(direct.statusCode).toBe(200);
  await direct.body.dump();
  const viaRouter = await request(`${h.launched.router!.url}/deployments/${d.id}/endpoint/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ inputs: { value: 21 } }),
  });
  expect(viaRouter.statusCode).toBe(200);
  expect(await viaRouter.body.json()).toEqual({ status: 'succeeded', outputs: { doubled: 42 } });
});

it('refuses NODE_OPTIONS for a LOCAL deployment here too', async () => {
  const { id: projectId } = await h.createProject();
  const refused = await h.deploy(projectId, { o: { env: { NODE_OPTIONS: '--inspect=0.0.0.0:9229' } } });
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'overrides.env.NODE_OPTIONS' });
});
