/**
 * Heavy modules a process may never use are required on first use, not at startup (issue 21, router memory): the
 * GraphiQL renderer (a 10 MB source string) and the OpenTelemetry SDK (≈10 MB of heap when tracing is off). Checked in
 * a fresh Node process, whose `require.cache` lists every module loaded.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Loads the router's modules the way main.ts does (tracing first), optionally renders GraphiQL, lists what loaded. */
function loadedModules(script: string, env: Record<string, string> = {}): string[] {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', '-e', `require('./platform/tracing'); require('./router/server'); ${script}; console.log(JSON.stringify(Object.keys(require.cache)))`],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '', ...env } },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

const has = (modules: string[], pkg: string) => modules.some((m) => m.includes(`${path.sep}node_modules${path.sep}${pkg}${path.sep}`));

describe('modules loaded lazily', () => {
  it('the router loads neither the GraphiQL renderer nor the OpenTelemetry SDK until they are needed', () => {
    const modules = loadedModules('');
    expect(has(modules, path.join('@apollo', 'gateway'))).toBe(true); // the probe sees what the router loads
    expect(has(modules, path.join('@graphql-yoga', 'render-graphiql'))).toBe(false);
    expect(has(modules, path.join('@opentelemetry', 'sdk-node'))).toBe(false);
  }, 60_000);

  it('rendering GraphiQL loads the renderer; an OTLP endpoint loads the SDK', () => {
    const modules = loadedModules(`if (!require('./router/graphiql').graphiqlPage().includes('GraphiQL')) throw new Error('no page')`, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
    });
    expect(has(modules, path.join('@graphql-yoga', 'render-graphiql'))).toBe(true);
    expect(has(modules, path.join('@opentelemetry', 'sdk-node'))).toBe(true);
  }, 60_000);
});
