/**
 * Deployments through the real supergraph: a LOCAL program really runs and answers, artefact targets become READY
 * with downloadable files, and the lifecycle's edges (cancel while building, crash at start, port taken, rollback,
 * bad overrides) end where they should, with the events published.
 */
import net from 'node:net';
import { unzipSync, strFromU8 } from 'fflate';
import { request } from 'undici';
import { CRASH_JS, Gate, jsProgram, pyProgram } from './fixture-programs';
import { DeploymentHarness } from './harness';

let h: DeploymentHarness;
const SECRETS = {
  INTERNAL_TOKEN_SECRET: 'platform-secret-that-must-not-leak-0123456789',
  LLM_API_KEY: 'sk-platform-key',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x',
};
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  // The platform's secrets are in this process's environment, as in production: the deployed program must not see them.
  for (const [k, v] of Object.entries(SECRETS)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  h = await DeploymentHarness.start({ INTERNAL_TOKEN_SECRET: SECRETS.INTERNAL_TOKEN_SECRET });
});
afterAll(async () => {
  await h?.close();
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

async function post(url: string, body: unknown) {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.statusCode, body: (await response.body.json()) as any };
}

describe('LOCAL', () => {
  it('runs the program, reports its endpoint, answers /run, publishes the lifecycle and stops it', async () => {
    const project = await h.createProject('Local one');
    // Hold the build until the test listens, so every later event is seen.
    h.programs.gate = new Gate();
    const started = await h.deploy(project.id);
    expect(started.errors).toBeUndefined();
    const { id } = started.data.deploy;
    expect(started.data.deploy.status).toBe('PENDING');
    await h.waitFor(id, ['BUILDING']);
    h.programs.gate.open();
    h.programs.gate = null;

    const running = await h.waitFor(id, ['RUNNING', 'FAILED']);
    expect(running.error).toBeNull();
    expect(running.status).toBe('RUNNING');
    expect(running.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.history.map((c: any) => c.status)).toEqual(['PENDING', 'BUILDING', 'DEPLOYING', 'RUNNING']);
    expect(running.history.every((c: any) => !Number.isNaN(Date.parse(c.at)))).toBe(true);
    expect(
      h.events
        .get(id)!
        .map((e) => e.status)
        .filter((s) => s !== 'BUILDING'),
    ).toEqual(['DEPLOYING', 'RUNNING']);
    expect(h.events.get(id)!.at(-1)).toMatchObject({ deploymentId: id, previousStatus: 'DEPLOYING', endpoint: running.endpoint });

    const run = await post(`${running.endpoint}/run`, { inputs: { value: 21 } });
    expect(run).toEqual({ status: 200, body: { status: 'succeeded', outputs: { doubled: 42 } } });

    const env = (await (await request(`${running.endpoint}/env`)).body.json()) as { names: string[] };
    for (const secret of [...Object.keys(SECRETS), 'REDIS_URL', 'DATA_DIR']) expect(env.names).not.toContain(secret);
    expect(env.names).toEqual(expect.arrayContaining(['PATH', 'PORT']));

    const types = h.seedEvents.filter((e) => e.data.deploymentId === id).map((e) => [e.type, e.data.outcome]);
    expect(types).toEqual([
      ['DEPLOYMENT_STARTED', undefined],
      ['DEPLOYMENT_COMPLETED', 'succeeded'],
    ]);

    const health = (await (await request(`${running.endpoint}/health`)).body.json()) as { pid: number };
    const stopped = await h.mutate('stopDeployment', id);
    expect(stopped.data.stopDeployment).toMatchObject({ status: 'STOPPED', endpoint: null });
    expect(() => process.kill(health.pid, 0)).toThrow();
    await expect(request(`${running.endpoint}/health`)).rejects.toThrow();
    const again = await h.mutate('stopDeployment', id);
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('runs a Python program too', async () => {
    const project = await h.createProject('Python one');
    h.programs.programs.set(project.id, pyProgram());
    const { data } = await h.deploy(project.id, { l: 'python' });
    const running = await h.waitFor(data.deploy.id, ['RUNNING', 'FAILED']);
    expect(running.error).toBeNull();
    expect((await post(`${running.endpoint}/run`, { inputs: { value: 4 } })).body.outputs).toEqual({ doubled: 8 });
    await h.mutate('stopDeployment', data.deploy.id);
  });

  it('fails with the program output when the program crashes at start', async () => {
    const project = await h.createProject('Crashes');
    h.programs.programs.set(project.id, jsProgram(CRASH_JS));
    const { data } = await h.deploy(project.id);
    const failed = await h.waitFor(data.deploy.id, ['FAILED', 'RUNNING']);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toContain('exited with code 3');
    expect(failed.error).toContain('the workflow graph could not be loaded');
    const completed = h.seedEvents.find((e) => e.type === 'DEPLOYMENT_COMPLETED' && e.data.deploymentId === data.deploy.id);
    expect(completed?.data).toMatchObject({ outcome: 'failed', status: 'FAILED' });
  });

  it('fails when the requested port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const project = await h.createProject('Port taken');
      const { data } = await h.deploy(project.id, { o: { local: { port } } });
      const failed = await h.waitFor(data.deploy.id, ['FAILED', 'RUNNING']);
      expect(failed).toMatchObject({ status: 'FAILED', error: `port ${port} is already in use` });
    } finally {
      blocker.close();
    }
  });

  it('cancels during BUILDING: no program is started', async () => {
    const project = await h.createProject('Cancelled');
    h.programs.gate = new Gate();
    try {
      const { data } = await h.deploy(project.id);
      await h.waitFor(data.deploy.id, ['BUILDING']);
      const cancelled = await h.mutate('cancelDeployment', data.deploy.id);
      expect(cancelled.data.cancelDeployment.status).toBe('CANCELLED');
      h.programs.gate.open();
      await new Promise((r) => setTimeout(r, 500));
      const after = await h.deployment(data.deploy.id);
      expect(after.status).toBe('CANCELLED');
      expect(after.endpoint).toBeNull();
      expect(after.history.map((c: any) => c.status)).toEqual(['PENDING', 'BUILDING', 'CANCELLED']);
      expect((await h.mutate('cancelDeployment', data.deploy.id)).errors?.[0].extensions.code).toBe('CONFLICT');
    } finally {
      h.programs.gate = null;
    }
  });
});

describe('artefact targets', () => {
  it('KUBERNETES becomes READY with its manifests listed and downloadable as a zip (owner only)', async () => {
    const project = await h.createProject('Kube');
    const { data } = await h.deploy(project.id, {
      t: 'KUBERNETES',
      e: 'production',
      a: true,
      o: { networking: { ingress: { enabled: true, host: 'kube.example.com' } } },
    });
    const ready = await h.waitFor(data.deploy.id, ['READY', 'FAILED']);
    expect(ready.error).toBeNull();
    expect(ready.files.map((f: any) => f.path).sort()).toEqual([
      '.dockerignore',
      'Dockerfile',
      'k8s/README.md',
      'k8s/configmap.yaml',
      'k8s/deployment.yaml',
      'k8s/hpa.yaml',
      'k8s/ingress.yaml',
      'k8s/service.yaml',
    ]);
    expect(ready.config).toMatchObject({ environment: 'production', auto_scale: true, resources: { replicas: 3 } });

    const zip = await h.download(data.deploy.id);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['main.js', 'package.json', 'Dockerfile', 'k8s/deployment.yaml']));
    expect(strFromU8(entries['k8s/hpa.yaml'])).toContain('HorizontalPodAutoscaler');

    expect((await h.download(data.deploy.id, { sub: 'someone-else', via: 'jwt' })).status).toBe(404);
    expect((await fetch(`${h.config.urls.deployment}/deployments/${data.deploy.id}/artifacts.zip`)).status).toBe(401);
  });

  it('refuses bad overrides and unknown environments with BAD_USER_INPUT naming the field', async () => {
    const project = await h.createProject('Bad input');
    const bad = await h.deploy(project.id, { o: { resources: { replicas: 'three' } } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'overrides.resources.replicas' });
    const env = await h.deploy(project.id, { e: 'moon' });
    expect(env.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'environment' });
    const missing = await h.deploy('no-such-project');
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('rolls back to the previous successful version of the project', async () => {
    const project = await h.createProject('Rollback');
    const first = await h.deploy(project.id, { t: 'DOCKER' });
    await h.waitFor(first.data.deploy.id, ['READY']);
    await h.gql(`mutation($id: ID!) { updateProject(id: $id, input: {description: "v2"}) { version } }`, { id: project.id });
    const second = await h.deploy(project.id, { t: 'DOCKER' });
    const secondReady = await h.waitFor(second.data.deploy.id, ['READY']);
    expect(secondReady.projectVersion).toBe(2);

    const rolled = await h.gql(`mutation($id: ID!) { rollbackDeployment(id: $id) { id projectVersion rollbackOf target status } }`, {
      id: second.data.deploy.id,
    });
    expect(rolled.errors).toBeUndefined();
    expect(rolled.data.rollbackDeployment).toMatchObject({ projectVersion: 1, rollbackOf: first.data.deploy.id, target: 'DOCKER' });
    await h.watch(rolled.data.rollbackDeployment.id);
    const done = await h.waitFor(rolled.data.rollbackDeployment.id, ['READY', 'FAILED']);
    expect(done.status).toBe('READY');

    const none = await h.mutate('rollbackDeployment', first.data.deploy.id);
    expect(none.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it("lists a project's deployments and the environment templates", async () => {
    const project = await h.createProject('Listed');
    const { data } = await h.deploy(project.id, { t: 'COMPOSE' });
    await h.waitFor(data.deploy.id, ['READY']);
    const list = await h.gql(`query($p: ID!) { deployments(projectId: $p) { id } project(id: $p) { deployments { id status } } deploymentConfigTemplates }`, {
      p: project.id,
    });
    expect(list.errors).toBeUndefined();
    expect(list.data.deployments).toEqual([{ id: data.deploy.id }]);
    expect(list.data.project.deployments).toEqual([{ id: data.deploy.id, status: 'READY' }]);
    expect(Object.keys(list.data.deploymentConfigTemplates)).toEqual(['development', 'staging', 'production']);
    // The log lives in its own column: lists and the entity read it only when selected, and give the same lines.
    const logs = await h.gql(
      `query($p: ID!, $id: ID!) { deployments(projectId: $p) { logs { message } } project(id: $p) { deployments { logs(last: 2) { message } } } deployment(id: $id) { logs { message } } }`,
      { p: project.id, id: data.deploy.id },
    );
    expect(logs.errors).toBeUndefined();
    expect(logs.data.deployment.logs.length).toBeGreaterThan(1);
    expect(logs.data.deployments[0].logs).toEqual(logs.data.deployment.logs);
    expect(logs.data.project.deployments[0].logs).toEqual(logs.data.deployment.logs.slice(-2));
    expect(list.data.deploymentConfigTemplates.production).toMatchObject({
      resources: { replicas: 3 },
      health_checks: { liveness: { path: '/health' } },
      networking: { service_type: 'LoadBalancer' },
    });
  });
});
