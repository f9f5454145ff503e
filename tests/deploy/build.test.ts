/**
 * The Docker image's build, run here: `deploy/build.mjs` compiles the services to JavaScript, and the compiled
 * supergraph (`node dist/main.js`, what containers run) starts, serves the public schema, generates code from the
 * runtime files copied next to it, and stops on SIGTERM.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_ENV } from '../../platform/config';
import { freePort } from '../../platform/free-port';
import { postGraphQL } from '../support/supergraph';
import { PROJECT_ROOT } from './docker-files';

// Inside the project (.tmp is ignored by git and Docker) so the compiled code resolves node_modules as in the image.
const out = path.join(PROJECT_ROOT, '.tmp', `build-test-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-build-'));

afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('compiles, starts with node, answers, and stops on SIGTERM', async () => {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'deploy', 'build.mjs'), out], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  expect(fs.existsSync(path.join(out, 'main.js'))).toBe(true);

  const ports: Record<string, string> = {};
  for (const { portVar } of Object.values(SERVICE_ENV)) ports[portVar] = String(await freePort());
  const server = spawn(process.execPath, [path.join(out, 'main.js')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...ports, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not up after 60 s:\n${output.slice(-2000)}`)), 60_000);
      server.stdout.on('data', () => output.includes('supergraph is up') && (clearTimeout(timer), resolve()));
      server.once('exit', (code) => reject(new Error(`exited (${code}):\n${output.slice(-2000)}`)));
    });
    const graphql = `http://127.0.0.1:${ports[SERVICE_ENV.router.portVar]}/graphql`;
    const schema = await postGraphQL(graphql, '{ __schema { subscriptionType { name } } }');
    expect(schema.data.__schema.subscriptionType).toEqual({ name: 'Subscription' });
    const created = await postGraphQL(graphql, 'mutation { createProject(input: {name: "Compiled", templateId: "basic_agent"}) { id } }');
    const generated = await postGraphQL(graphql, 'mutation($p: ID!) { generateCode(projectId: $p, language: "python") { files { path } } }', {
      p: created.data.createProject.id,
    });
    expect(generated.errors).toBeUndefined();
    expect(generated.data.generateCode.files.length).toBeGreaterThan(1);

    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}, 240_000);
