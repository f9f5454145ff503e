/** Environment defaults, deep-merged overrides, and refusals that name the offending field. */
import { GraphQLError } from 'graphql';
import { assertLocalEnv, deepMerge, environmentTemplates, resolveDeploymentConfig } from '../../subgraphs/deployment/environment-config';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as GraphQLError).extensions;
  }
  throw new Error('expected a refusal');
};

it('has the legacy shape for each environment', () => {
  const templates = environmentTemplates();
  expect(Object.keys(templates)).toEqual(['development', 'staging', 'production']);
  for (const config of Object.values(templates)) {
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['environment', 'auto_scale', 'resources', 'deployment_type', 'health_checks', 'networking']));
    expect(Object.keys(config.health_checks)).toEqual(['liveness', 'readiness']);
  }
  expect(templates.development.resources.replicas).toBeLessThan(templates.production.resources.replicas);
});

it('deep-merges overrides: objects key by key, arrays replaced', () => {
  const config = resolveDeploymentConfig('staging', true, { resources: { memory: '2Gi' }, networking: { ports: [9000] } });
  expect(config.resources).toEqual({ cpu: '500m', memory: '2Gi', replicas: 2 });
  expect(config.networking.ports).toEqual([9000]);
  expect(config.networking.service_type).toBe('ClusterIP');
  expect(config.auto_scale).toBe(true);
  expect(deepMerge({ a: { b: 1 } }, JSON.parse('{"__proto__": {"polluted": true}}'))).toEqual({ a: { b: 1 } });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

it.each([
  [{ resources: { replicas: 'three' } }, 'overrides.resources.replicas'],
  [{ resources: { cpu: 2 } }, 'overrides.resources.cpu'],
  [{ health_checks: { liveness: { path: 'health' } } }, 'overrides.health_checks.liveness.path'],
  [{ networking: { ports: [70000] } }, 'overrides.networking.ports.0'],
  [{ surprise: true }, 'overrides.surprise'],
  [{ env: { DB_PASSWORD: 'hunter2' } }, 'overrides.env.DB_PASSWORD'],
  [{ autoscaling: { min_replicas: 5, max_replicas: 2 } }, 'overrides.autoscaling.max_replicas'],
])('refuses %j naming %s', (overrides, field) => {
  expect(refusal(() => resolveDeploymentConfig('development', false, overrides))).toMatchObject({ code: 'BAD_USER_INPUT', field });
});

it('refuses an unknown environment and a non-object overrides', () => {
  expect(refusal(() => resolveDeploymentConfig('moon', false, null))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'environment' });
  expect(refusal(() => resolveDeploymentConfig('development', false, [1]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'overrides' });
});

it.each(['NODE_OPTIONS', 'LD_PRELOAD', 'PYTHONPATH', 'PYTHONSTARTUP', 'JAVA_TOOL_OPTIONS', 'HTTPS_PROXY', 'http_proxy', 'HTTP_ALLOWLIST', 'PATH'])(
  'refuses %s in a LOCAL environment',
  (name) => {
    const config = resolveDeploymentConfig('development', false, { env: { [name]: 'x' } });
    expect(refusal(() => assertLocalEnv(config.env))).toMatchObject({ code: 'BAD_USER_INPUT', field: `overrides.env.${name}` });
  },
);

it('lets plain variables through to a LOCAL environment', () => {
  expect(() => assertLocalEnv({ GREETING: 'hello', API_BASE_URL: 'https://example.com', LOG_FORMAT: 'json' })).not.toThrow();
});
