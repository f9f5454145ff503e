/**
 * /openapi.json describes exactly the routes the shim mounts (a route missing from either side fails), validates
 * with a maintained OpenAPI validator, and every documented operation is really served; /docs works offline.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { request } from 'undici';
import { loadConfig } from '../../platform/config';
import { createEventBus } from '../../platform/events';
import { createLogger } from '../../platform/logger';
import { mountRestShim } from '../../router/rest';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let document: any;

beforeAll(async () => {
  sg = await startTestSupergraph();
  document = JSON.parse(await (await request(`${sg.url}/openapi.json`)).body.text());
});
afterAll(async () => {
  await sg?.close();
});

const documented = () =>
  Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();

/** What mountRestShim puts on an express app, read from the router's own stack. */
function mountedRoutes(): string[] {
  const app = express();
  const bus = createEventBus({ source: 'test', namespace: 'test' });
  const shim = mountRestShim(app, {
    apollo: {} as never,
    httpServer: http.createServer(),
    events: bus,
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    log: createLogger('test', 'silent'),
    socketLimits: {} as never,
    auth: {} as never,
  });
  const routes: string[] = [];
  for (const layer of (shim.router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') routes.push(`${method.toUpperCase()} ${layer.route.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`);
    }
  }
  void shim.close();
  return routes.sort();
}

test('every mounted route is documented and every documented route is mounted', () => {
  const mounted = mountedRoutes();
  expect(documented()).toEqual(mounted);
  // The legacy contract: the 19 gateway routes plus the ones the services had.
  for (const route of [
    'POST /projects',
    'GET /projects',
    'GET /projects/{project_id}',
    'DELETE /projects/{project_id}',
    'POST /components/add',
    'POST /connections/create',
    'GET /components/library',
    'POST /generate/code',
    'GET /download/{code_id}',
    'POST /workflows/execute',
    'POST /debug',
    'POST /debug/step',
    'GET /debug/{session_id}',
    'POST /deploy',
    'GET /deployments/{deployment_id}',
    'POST /ai/suggest',
    'POST /ai/optimize',
    'GET /components/{category}',
    'GET /components/{category}/{component_id}',
    'POST /components/{category}',
    'PUT /components/{category}/{component_id}',
    'DELETE /components/{category}/{component_id}',
    'GET /templates',
    'GET /templates/{template_id}',
    'POST /templates',
    'PUT /templates/{template_id}',
    'DELETE /templates/{template_id}',
    'GET /languages',
    'GET /debug',
    'DELETE /debug/{session_id}',
    'GET /deployments',
    'DELETE /deployments/{deployment_id}',
    'GET /config/templates',
    'GET /suggestions/{project_id}',
    'GET /capabilities',
  ]) {
    expect(mounted).toContain(route);
  }
});

test('the document is valid OpenAPI 3.1 (checked by @seriousme/openapi-schema-validator)', () => {
  expect(document.openapi).toBe('3.1.0');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-')), 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document));
  // The validator is ESM-only; its CLI runs it in a plain Node process.
  const cli = path.join(path.dirname(require.resolve('@seriousme/openapi-schema-validator/package.json')), 'bin', 'validate-api-cli.js');
  const output = execFileSync(process.execPath, [cli, file], { encoding: 'utf8' });
  expect(output).toMatch(/valid/i);
  expect(output).not.toMatch(/invalid|error/i);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

test('each operation documents its request body, parameters and responses', () => {
  const ops = Object.values(document.paths as Record<string, Record<string, any>>).flatMap((o) => Object.values(o));
  for (const op of ops) {
    expect(op.operationId).toEqual(expect.any(String));
    expect(op.responses['200']).toBeDefined();
    expect(op.responses['500']).toBeDefined();
  }
  const create = document.paths['/projects'].post;
  expect(create.requestBody.content['application/json'].schema.required).toEqual(['name', 'description']);
  expect(create.responses['200'].content['application/json'].schema.properties.data.properties.components).toBeDefined();
  expect(create.responses['415']).toBeDefined();
  expect(document.paths['/projects'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['limit', 'offset']);
  expect(document.paths['/download/{code_id}'].get.responses['200'].content['application/zip']).toBeDefined();
});

test('every documented operation is served by the router (an envelope, never the framework 404)', async () => {
  for (const route of documented()) {
    const [method, template] = route.split(' ');
    const url = template.replace(/\{[^}]+\}/g, 'does-not-exist');
    const response = await request(`${sg.url}${url}`, {
      method: method as 'GET',
      headers: { 'content-type': 'application/json' },
      body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
    });
    const body = await response.body.text();
    if (route === 'GET /download/{code_id}' || response.statusCode !== 200)
      expect(JSON.parse(body)).toMatchObject({ status: 'error', message: expect.any(String) });
    if (response.statusCode >= 500) throw new Error(`${route} answered ${response.statusCode}: ${body}`);
  }
});

test('/docs serves Swagger UI from node_modules, pointed at /openapi.json, without any external URL', async () => {
  const redirect = await request(`${sg.url}/docs`);
  expect(redirect.statusCode).toBe(301);
  expect(redirect.headers.location).toBe('/docs/');
  await redirect.body.dump();
  const page = await (await request(`${sg.url}/docs/`)).body.text();
  expect(page).toContain('swagger-ui-bundle.js');
  expect(page).not.toMatch(/https?:\/\//);
  const initializer = await (await request(`${sg.url}/docs/swagger-initializer.js`)).body.text();
  expect(initializer).toContain("url: '/openapi.json'");
  expect(initializer).toContain('validatorUrl: null');
  for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'swagger-ui-standalone-preset.js']) {
    const response = await request(`${sg.url}/docs/${asset}`);
    expect(response.statusCode).toBe(200);
    await response.body.dump();
  }
});
