/**
 * Each target's artefacts validate: Compose against the compose-spec schema, Kubernetes objects (and the Cloud Run
 * pod template) with kubernetes-models, the Helm chart's helpers and values, the Dockerfile's non-root user and
 * health check, the SAM template's handler — and no literal credential anywhere.
 */
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { ConfigMap, Pod, Service } from 'kubernetes-models/v1';
import YAML from 'yaml';
import { buildArtifacts, type ArtifactContext } from '../../subgraphs/deployment/artifacts';
import type { DeploymentTarget, StoredFile } from '../../subgraphs/deployment/deployment-store';
import { resolveDeploymentConfig } from '../../subgraphs/deployment/environment-config';
import { findProgramEntry } from '../../subgraphs/deployment/program-entry';
import { createComposeValidator } from '../deploy/compose-validator';
import { execFormArgs, parseDockerfile } from '../deploy/docker-files';
import { jsProgram, pyProgram } from './fixture-programs';

const SECRET_VALUE = 'sk-do-not-write-me';

function context(overrides: Record<string, unknown> = {}, { python = false, autoScale = false, environment = 'staging' } = {}): ArtifactContext {
  const files = python ? pyProgram() : jsProgram();
  return {
    name: 'support-bot',
    projectId: 'p1',
    projectVersion: 7,
    deploymentId: 'd1',
    program: findProgramEntry(python ? 'python' : 'javascript', files),
    config: resolveDeploymentConfig(environment, autoScale, { env: { LLM_BASE_URL: 'http://llm.internal/v1' }, ...overrides }),
    image: 'visual-builder/support-bot:v7',
  };
}

const build = (target: DeploymentTarget, ctx = context()) => new Map(buildArtifacts(target, ctx).map((f: StoredFile) => [f.path, f.content]));
const yamlOf = (files: Map<string, string>, path: string) => YAML.parse(files.get(path)!) as any;

describe('DOCKER', () => {
  it.each([[false], [true]])('python=%s: non-root USER before CMD, exec-form HEALTHCHECK on /health, serve-mode CMD', (python) => {
    const files = build('DOCKER', context({}, { python }));
    const [stage] = parseDockerfile(files.get('Dockerfile')!);
    const keywords = stage.instructions.map((i) => i.keyword);
    const user = stage.instructions.filter((i) => i.keyword === 'USER').pop()!;
    expect(['root', '0', '']).not.toContain(user.args);
    expect(keywords.lastIndexOf('USER')).toBeLessThan(keywords.indexOf('CMD'));
    const health = stage.instructions.find((i) => i.keyword === 'HEALTHCHECK')!.args;
    const probe = execFormArgs(health.replace(/^.*?CMD\s+/, ''))!;
    expect(probe.join(' ')).toContain('http://127.0.0.1:8080/health');
    const cmd = execFormArgs(stage.instructions.find((i) => i.keyword === 'CMD')!.args)!;
    expect(cmd).toEqual(python ? ['python', 'main.py', '--serve', '8080'] : ['node', 'main.js', '--serve', '8080']);
    expect(files.get('.dockerignore')).toMatch(/^node_modules$/m);
    expect(files.get('.dockerignore')).toMatch(/^\.env$/m);
  });
});

describe('COMPOSE', () => {
  const validate = createComposeValidator();
  it('validates against the compose-spec schema, secrets as required ${VAR} references', () => {
    const doc = yamlOf(build('COMPOSE'), 'docker-compose.yml');
    expect(validate(doc)).toEqual([]);
    expect(doc.services['support-bot'].environment.LLM_API_KEY).toMatch(/^\$\{LLM_API_KEY:\?/);
    expect(doc.services['support-bot'].deploy).toEqual({ replicas: 2, resources: { limits: { cpus: '0.5', memory: '512M' } } });
  });
  it('the validator bites on a broken copy', () => {
    const doc = yamlOf(build('COMPOSE'), 'docker-compose.yml');
    doc.services['support-bot'].healthcheck.interval = 10;
    expect(validate(doc).map((e) => e.instancePath)).toContain('/services/support-bot/healthcheck/interval');
  });
});

describe('KUBERNETES', () => {
  it('objects validate with kubernetes-models; secrets by reference; probes and resources set', () => {
    const files = build(
      'KUBERNETES',
      context({ networking: { ingress: { enabled: true, host: 'bot.example.com' } } }, { autoScale: true, environment: 'production' }),
    );
    const deployment = yamlOf(files, 'k8s/deployment.yaml');
    new Deployment(deployment).validate();
    new Service(yamlOf(files, 'k8s/service.yaml')).validate();
    new ConfigMap(yamlOf(files, 'k8s/configmap.yaml')).validate();
    new HorizontalPodAutoscaler(yamlOf(files, 'k8s/hpa.yaml')).validate();
    new Ingress(yamlOf(files, 'k8s/ingress.yaml')).validate();
    const container = deployment.spec.template.spec.containers[0];
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 8080 });
    expect(container.resources.limits).toEqual({ cpu: '1', memory: '1Gi' });
    expect(container.env).toEqual([{ name: 'LLM_API_KEY', valueFrom: { secretKeyRef: { name: 'support-bot-secrets', key: 'LLM_API_KEY' } } }]);
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(yamlOf(files, 'k8s/hpa.yaml').spec).toMatchObject({ minReplicas: 3, maxReplicas: 12 });
    expect([...files.keys()].some((p) => /secret/i.test(p) && p.endsWith('.yaml'))).toBe(false);
  });
  it('no HPA without autoScale, no Ingress unless asked', () => {
    const files = build('KUBERNETES');
    expect(files.has('k8s/hpa.yaml')).toBe(false);
    expect(files.has('k8s/ingress.yaml')).toBe(false);
  });
  it('kubernetes-models refuses an invalid object (the check bites)', () => {
    const deployment = yamlOf(build('KUBERNETES'), 'k8s/deployment.yaml');
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'eighty';
    expect(() => new Deployment(deployment).validate()).toThrow(/containerPort/);
  });
});

describe('HELM', () => {
  const files = build('HELM', context({}, { autoScale: true }));
  const chartDir = 'chart/support-bot';
  const templates = [...files.entries()].filter(([p]) => p.startsWith(`${chartDir}/templates/`));

  it('templates include only helpers that _helpers.tpl defines', () => {
    const helpers = files.get(`${chartDir}/templates/_helpers.tpl`)!;
    const defined = new Set([...helpers.matchAll(/define\s+"([^"]+)"/g)].map((m) => m[1]));
    expect(defined).toEqual(new Set(['support-bot.name', 'support-bot.fullname', 'support-bot.selectorLabels', 'support-bot.labels']));
    const used = templates.flatMap(([, text]) => [...text.matchAll(/(?:include|template)\s+"([^"]+)"/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(5);
    for (const name of used) expect(defined).toContain(name);
  });

  it('every .Values path the templates read exists in values.yaml; one values file per environment', () => {
    const values = yamlOf(files, `${chartDir}/values.yaml`);
    const paths = new Set(templates.flatMap(([, text]) => [...text.matchAll(/\.Values((?:\.[A-Za-z]+)+)/g)].map((m) => m[1].slice(1))));
    for (const path of paths) expect(path.split('.').reduce((node: any, key) => node?.[key], values)).not.toBeUndefined();
    expect(yamlOf(files, `${chartDir}/Chart.yaml`)).toMatchObject({ apiVersion: 'v2', name: 'support-bot', appVersion: 'v7' });
    for (const environment of ['development', 'staging', 'production']) expect(files.has(`${chartDir}/values-${environment}.yaml`)).toBe(true);
    expect(yamlOf(files, `${chartDir}/values-production.yaml`)).toMatchObject({ replicaCount: 3, service: { type: 'LoadBalancer' } });
    expect(values.secrets).toEqual({ existingSecret: 'support-bot-secrets', keys: ['LLM_API_KEY'] });
  });
});

describe('serverless', () => {
  it('SERVERLESS_AWS: a SAM function whose handler is the shipped run.sh, secrets as NoEcho parameters', () => {
    const files = build('SERVERLESS_AWS');
    const template = yamlOf(files, 'template.yaml');
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    const fn = template.Resources.WorkflowFunction;
    expect(fn.Type).toBe('AWS::Serverless::Function');
    expect(files.has(fn.Properties.Handler)).toBe(true);
    expect(files.get('run.sh')).toMatch(/^exec 'node' 'main\.js' '--serve' "\$\{AWS_LWA_PORT:-8080\}"$/m);
    expect(fn.Properties.Environment.Variables).toMatchObject({
      AWS_LWA_PORT: '8080',
      AWS_LWA_READINESS_CHECK_PATH: '/health',
      LLM_API_KEY: { Ref: 'LlmApiKey' },
    });
    expect(template.Parameters.LlmApiKey).toMatchObject({ Type: 'String', NoEcho: true });
  });

  it('SERVERLESS_GCP: a Cloud Run service whose container validates as a pod spec', () => {
    const files = build('SERVERLESS_GCP');
    const service = yamlOf(files, 'cloudrun/service.yaml');
    expect(service).toMatchObject({ apiVersion: 'serving.knative.dev/v1', kind: 'Service' });
    new Pod({ metadata: { name: 'probe' }, spec: service.spec.template.spec }).validate();
    expect(files.has('Dockerfile')).toBe(true);
    expect(service.spec.template.spec.containers[0].env).toContainEqual({
      name: 'LLM_API_KEY',
      valueFrom: { secretKeyRef: { name: 'support-bot-llm-api-key', key: 'latest' } },
    });
  });

  it.each(['DOCKER', 'COMPOSE', 'KUBERNETES', 'HELM', 'SERVERLESS_AWS', 'SERVERLESS_GCP'] as DeploymentTarget[])('%s writes no secret value', (target) => {
    process.env.LLM_API_KEY = SECRET_VALUE;
    try {
      for (const content of build(target).values()) expect(content).not.toContain(SECRET_VALUE);
    } finally {
      delete process.env.LLM_API_KEY;
    }
  });
});
