import {
  appServiceProblems,
  databaseProblems,
  dependencyProblems,
  environmentOf,
  publishedPortProblems,
  serviceUrlProblems,
  SUBGRAPHS,
  type ComposeDocument,
} from './compose-checks';
import { isComposeDuration, isComposeExpose, isComposePorts, isSubnet } from './compose-formats';
import { interpolate, InterpolationError, requiredVariables } from './compose-interpolation';
import { createComposeValidator } from './compose-validator';
import { packageScripts, parseComposeYaml, PROJECT_ROOT, readProjectFile } from './docker-files';
import { literalSecretProblems } from './secret-checks';
import { loadConfig } from '../../platform/config';

// Compose interpolates the environment (and .env) before validating; these stand in for a filled-in .env.
const TEST_ENV = {
  POSTGRES_PASSWORD: 'pg-test-password',
  REDIS_PASSWORD: 'redis-test-password',
  INTERNAL_TOKEN_SECRET: 'token-test-secret-at-least-32-characters',
};

const written = parseComposeYaml(readProjectFile('docker-compose.yml')) as unknown as ComposeDocument;
const rendered = interpolate(written, TEST_ENV);
const validate = createComposeValidator();
const copy = (): ComposeDocument => structuredClone(rendered);

describe('docker-compose.yml against the compose-spec schema', () => {
  it('is valid once interpolated', () => {
    expect(validate(rendered)).toEqual([]);
  });

  it('resolves YAML merge keys, so shared settings reach every app service', () => {
    expect(rendered.services.workflow.restart).toBe('unless-stopped');
    expect((rendered.services.codegen.environment as Record<string, string>).REDIS_URL).toBe('redis://:redis-test-password@redis:6379');
    expect(JSON.stringify(rendered)).not.toContain('<<');
  });

  it('refuses to render without each required secret', () => {
    expect(requiredVariables(written).sort()).toEqual(['INTERNAL_TOKEN_SECRET', 'POSTGRES_PASSWORD', 'REDIS_PASSWORD']);
    let thrown: unknown;
    try {
      interpolate(written, {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InterpolationError);
    expect([...new Set((thrown as InterpolationError).problems.map((p) => p.variable))].sort()).toEqual([
      'INTERNAL_TOKEN_SECRET',
      'POSTGRES_PASSWORD',
      'REDIS_PASSWORD',
    ]);
  });

  it('documents every required variable in deploy/env.example', () => {
    const example = readProjectFile('deploy/env.example');
    for (const variable of requiredVariables(written)) expect(example).toMatch(new RegExp(`^${variable}=`, 'm'));
  });

  it('rejects a deliberately broken copy, naming each fault', () => {
    const broken = copy() as unknown as { services: Record<string, Record<string, unknown>> } & Record<string, unknown>;
    (broken.services.router.depends_on as Record<string, { condition: string }>).workflow.condition = 'service_ready';
    (broken.services.redis.healthcheck as Record<string, unknown>).interval = 'PT10S';
    broken.services.router.ports = ['99999:8006'];
    broken.services.workflow.restart_policy = 'always';
    broken.services.codegen.command = 42;
    broken.serveces = {};
    const paths = validate(broken).map((error) => error.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/services/router/depends_on/workflow/condition',
        '/services/redis/healthcheck/interval',
        '/services/router/ports/0',
        '/services/workflow',
        '/services/codegen/command',
        '',
      ]),
    );
  });
});

describe('compose-specific formats', () => {
  it.each([
    ['10s', true],
    ['1m30s', true],
    ['500ms', true],
    ['0', true],
    ['PT10S', false],
    ['10', false],
    ['s', false],
  ])('duration %s → %s', (text, valid) => expect(isComposeDuration(text)).toBe(valid));
  it.each([
    ['8006', true],
    ['8006:8006', true],
    ['127.0.0.1:8006:8006/tcp', true],
    ['127.0.0.1::8006', true],
    ['[::1]:8006:8006', true],
    ['8000-8010:8000-8010', true],
    ['99999:8006', false],
    ['::8006', false],
    ['300.1.1.1:80:80', false],
    ['80:80:80:80', false],
    ['8010-8000', false],
    ['8006/http', false],
  ])('ports %s → %s', (text, valid) => expect(isComposePorts(text)).toBe(valid));
  it.each([
    ['8007', true],
    ['8000-8010/udp', true],
    ['0', false],
    ['web', false],
  ])('expose %s → %s', (text, valid) => expect(isComposeExpose(text)).toBe(valid));
  it.each([
    ['10.0.0.0/8', true],
    ['fd00::/64', true],
    ['10.0.0.0/33', false],
    ['10.0.0.0', false],
    ['net/8', false],
  ])('subnet %s → %s', (text, valid) => expect(isSubnet(text)).toBe(valid));
});

describe('service wiring', () => {
  const scripts = packageScripts();

  it('has redis, postgres, the six subgraphs, the router and the run worker, plus Prometheus and Grafana in the monitoring profile', () => {
    expect(Object.keys(rendered.services).sort()).toEqual(['grafana', 'postgres', 'prometheus', 'redis', 'router', 'worker', ...SUBGRAPHS].sort());
    const optional = Object.entries(rendered.services)
      .filter(([, s]) => s.profiles?.length)
      .map(([name, s]) => [name, s.profiles]);
    expect(optional.sort()).toEqual([
      ['grafana', ['monitoring']],
      ['prometheus', ['monitoring']],
    ]);
  });

  it.each([
    ['depends_on targets and conditions', () => dependencyProblems(rendered)],
    ['VISUAL_*_URL hosts and ports', () => serviceUrlProblems(rendered)],
    ['app services: command, port, HOST, healthcheck, restart, replicas', () => appServiceProblems(rendered, scripts)],
    ['published ports', () => publishedPortProblems(rendered)],
    ['database per service', () => databaseProblems(rendered, PROJECT_ROOT)],
    ['secrets are never literals', () => literalSecretProblems(written)],
  ])('%s: no problems', (_, check) => {
    expect(check()).toEqual([]);
  });

  it('reads the secrets from the environment', () => {
    const postgres = rendered.services.postgres.environment as Record<string, string>;
    const workflow = rendered.services.workflow.environment as Record<string, string>;
    expect(postgres.POSTGRES_PASSWORD).toBe(TEST_ENV.POSTGRES_PASSWORD);
    expect(new URL(workflow.DATABASE_URL).password).toBe(TEST_ENV.POSTGRES_PASSWORD);
    expect(workflow.INTERNAL_TOKEN_SECRET).toBe(TEST_ENV.INTERNAL_TOKEN_SECRET);
  });
});

describe('each container, as platform/config reads it', () => {
  // The Dockerfile sets these; compose adds the rest.
  const imageEnv = { NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: 'true', HOST: '0.0.0.0', DATA_DIR: '/app/data' };

  it.each(['router', ...SUBGRAPHS])('%s starts with a production config that reaches the other containers', (name) => {
    const config = loadConfig({ ...imageEnv, ...environmentOf(rendered.services[name]) });
    expect(config.host).toBe('0.0.0.0');
    expect(config.internalTokenSecret).toBe(TEST_ENV.INTERNAL_TOKEN_SECRET);
    expect(config.redisUrl).toBe('redis://:redis-test-password@redis:6379');
    for (const subgraph of SUBGRAPHS) {
      expect(new URL(config.urls[subgraph as keyof typeof config.urls]).hostname).toBe(subgraph);
    }
    expect(config.databaseUrl === undefined).toBe(name === 'router');
  });

  it('refuses a production start with a short INTERNAL_TOKEN_SECRET', () => {
    const short = interpolate(written, { ...TEST_ENV, INTERNAL_TOKEN_SECRET: 'short' });
    expect(() => loadConfig({ ...imageEnv, ...environmentOf(short.services.router) })).toThrow(/INTERNAL_TOKEN_SECRET/);
  });
});

describe('the wiring checks catch broken copies', () => {
  type Env = Record<string, string>;
  const env = (doc: ComposeDocument, service: string) => doc.services[service].environment as Env;

  it('a dependency on a missing service or an unhealthy-able target', () => {
    const broken = copy();
    (broken.services.router.depends_on as Record<string, { condition: string }>).workflw = { condition: 'service_healthy' };
    delete broken.services.redis.healthcheck;
    delete (broken.services.registry.depends_on as Record<string, unknown>).postgres;
    expect(dependencyProblems(broken)).toEqual(
      expect.arrayContaining([
        'router depends on unknown service "workflw"',
        'workflow waits for redis to be healthy, but redis has no healthcheck',
        'registry must depend on postgres with condition service_healthy',
      ]),
    );
  });

  it('a dependency cycle', () => {
    const broken = copy();
    broken.services.postgres.depends_on = { router: { condition: 'service_started' } };
    expect(dependencyProblems(broken).some((problem) => problem.startsWith('dependency cycle'))).toBe(true);
  });

  it('a URL on the wrong host or port', () => {
    const broken = copy();
    env(broken, 'router').VISUAL_DEBUGGER_URL = 'http://debugger:9999';
    env(broken, 'router').VISUAL_DEPLOYMENT_URL = 'http://localhost:8011';
    env(broken, 'workflow').VISUAL_CODE_GENERATOR_URL = 'http://registry:8008';
    expect(serviceUrlProblems(broken)).toEqual([
      'workflow: VISUAL_CODE_GENERATOR_URL points at registry, expected codegen',
      'router: VISUAL_DEBUGGER_URL uses port 9999, debugger listens on 8010',
      'router: VISUAL_DEPLOYMENT_URL points at unknown host "localhost"',
    ]);
  });

  it('a missing healthcheck, a wrong script, a fixed container name', () => {
    const broken = copy();
    delete broken.services.assistant.healthcheck;
    broken.services.debugger.command = ['node', 'dist/main.js', 'debuger'];
    broken.services.codegen.container_name = 'codegen';
    expect(appServiceProblems(broken, packageScripts())).toEqual(
      expect.arrayContaining([
        'assistant: needs an exec-form healthcheck',
        'debugger: command must be node dist/main.js debugger, got ["node","dist/main.js","debuger"]',
        'codegen: container_name prevents scaling',
      ]),
    );
  });

  it('a published subgraph port', () => {
    const broken = copy();
    broken.services.registry.ports = ['8008:8008'];
    expect(publishedPortProblems(broken)).toEqual(['registry publishes ports ["8008:8008"]; only the router (and loopback-bound monitoring) may']);
  });

  it('a shared or uncreated database', () => {
    const broken = copy();
    env(broken, 'codegen').DATABASE_URL = env(broken, 'workflow').DATABASE_URL;
    env(broken, 'assistant').DATABASE_URL = 'postgres://visual:x@postgres:5432/visual_nowhere';
    expect(databaseProblems(broken, PROJECT_ROOT)).toEqual([
      'codegen shares database visual_workflow with workflow',
      'assistant: database visual_nowhere is not created by the postgres init scripts',
    ]);
  });

  it('literal or defaulted secrets', () => {
    const broken = structuredClone(written);
    env(broken, 'postgres').POSTGRES_PASSWORD = 'hunter2';
    env(broken, 'router').INTERNAL_TOKEN_SECRET = '${INTERNAL_TOKEN_SECRET:-changeme}';
    env(broken, 'workflow').DATABASE_URL = 'postgres://visual:hunter2@postgres:5432/visual_workflow';
    broken.services.redis.command = ['redis-server', '--requirepass', 'hunter2'];
    expect(literalSecretProblems(broken)).toEqual([
      'redis: command passes a literal password (hunter2)',
      'postgres: POSTGRES_PASSWORD must be a ${VARIABLE} reference without a default, got "hunter2"',
      'workflow: DATABASE_URL embeds a literal password',
      'router: INTERNAL_TOKEN_SECRET must be a ${VARIABLE} reference without a default, got "${INTERNAL_TOKEN_SECRET:-changeme}"',
    ]);
  });
});
