/**
 * KUBERNETES: ConfigMap, Deployment (probes, resources, non-root, secrets by reference), Service, an HPA when
 * auto-scaling and an Ingress when asked. Each object is built and validated with kubernetes-models (the API's
 * OpenAPI schemas), so an invalid manifest fails the deployment instead of reaching a cluster.
 */
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import type { StoredFile } from '../deployment-store';
import type { ProbeConfig } from '../environment-config';
import { containerCommand } from '../program-entry';
import { containerPort, secretName, standardLabels, yamlFile, type ArtifactContext } from './artifact-context';
import { dockerArtifacts } from './docker';

const httpProbe = (probe: ProbeConfig, port: number) => ({
  httpGet: { path: probe.path, port },
  initialDelaySeconds: probe.initial_delay_seconds,
  periodSeconds: probe.period_seconds,
  timeoutSeconds: probe.timeout_seconds,
  failureThreshold: probe.failure_threshold,
});

/** The Kubernetes objects of a deployment, validated. */
export function kubernetesObjects(ctx: ArtifactContext) {
  const port = containerPort(ctx);
  const labels = standardLabels(ctx);
  const selector = { 'app.kubernetes.io/name': ctx.name };
  const metadata = (suffix = '') => ({ name: `${ctx.name}${suffix}`, labels });
  const { config } = ctx;
  const configMap = new ConfigMap({ metadata: metadata('-config'), data: { ...config.env, PORT: String(port) } });
  const deployment = new Deployment({
    metadata: metadata(),
    spec: {
      replicas: config.resources.replicas,
      selector: { matchLabels: selector },
      strategy: config.deployment_type === 'recreate' ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: { ...labels, ...selector } },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: ctx.program.language === 'python' ? 10001 : 1000 },
          containers: [
            {
              name: 'app',
              image: ctx.image,
              command: containerCommand(ctx.program, port),
              ports: [{ name: 'http', containerPort: port }],
              envFrom: [{ configMapRef: { name: `${ctx.name}-config` } }],
              // Secrets by reference only: the Secret is created by the operator (see README.md), never written here.
              env: config.secrets.map((name) => ({ name, valueFrom: { secretKeyRef: { name: secretName(ctx), key: name } } })),
              resources: {
                requests: { cpu: config.resources.cpu, memory: config.resources.memory },
                limits: { cpu: config.resources.cpu, memory: config.resources.memory },
              },
              livenessProbe: httpProbe(config.health_checks.liveness, port),
              readinessProbe: httpProbe(config.health_checks.readiness, port),
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ],
        },
      },
    },
  });
  const service = new Service({
    metadata: metadata(),
    spec: {
      type: config.networking.service_type,
      selector,
      ports: config.networking.ports.map((p, i) => ({ name: i === 0 ? 'http' : `port-${p}`, port: p, targetPort: i === 0 ? 'http' : p })),
    },
  });
  const objects: { file: string; object: { validate(): void } }[] = [
    { file: 'configmap.yaml', object: configMap },
    { file: 'deployment.yaml', object: deployment },
    { file: 'service.yaml', object: service },
  ];
  if (config.auto_scale) {
    objects.push({
      file: 'hpa.yaml',
      object: new HorizontalPodAutoscaler({
        metadata: metadata(),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: ctx.name },
          minReplicas: config.autoscaling.min_replicas,
          maxReplicas: config.autoscaling.max_replicas,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: config.autoscaling.target_cpu_percent } } },
          ],
        },
      }),
    });
  }
  const { ingress } = config.networking;
  if (ingress.enabled) {
    objects.push({
      file: 'ingress.yaml',
      object: new Ingress({
        metadata: metadata(),
        spec: {
          rules: [
            {
              ...(ingress.host ? { host: ingress.host } : {}),
              http: { paths: [{ path: ingress.path, pathType: 'Prefix', backend: { service: { name: ctx.name, port: { name: 'http' } } } }] },
            },
          ],
        },
      }),
    });
  }
  for (const { object } of objects) object.validate();
  return objects;
}

function secretsReadme(ctx: ArtifactContext): string {
  const literals = ctx.config.secrets.map((name) => `--from-literal=${name}="$${name}"`).join(' ');
  return [
    `# ${ctx.name} on Kubernetes`,
    '',
    'Build and push the image from the Dockerfile, then create the secret the Deployment references',
    '(its values never appear in these manifests) and apply:',
    '',
    '```sh',
    ...(ctx.config.secrets.length ? [`kubectl create secret generic ${secretName(ctx)} ${literals}`] : []),
    'kubectl apply -f k8s/',
    '```',
    '',
  ].join('\n');
}

export function kubernetesArtifacts(ctx: ArtifactContext): StoredFile[] {
  const manifests = kubernetesObjects(ctx).map(({ file, object }) => yamlFile(`k8s/${file}`, (object as unknown as { toJSON(): unknown }).toJSON()));
  return [...dockerArtifacts(ctx), ...manifests, { path: 'k8s/README.md', content: secretsReadme(ctx) }];
}
