/**
 * SERVERLESS_AWS: an AWS SAM template for one Lambda function. The program keeps its serve mode: the AWS Lambda Web
 * Adapter layer turns invocations into HTTP requests to it, and `run.sh` (the handler) starts it.
 * SERVERLESS_GCP: a Cloud Run service (Knative serving v1) running the image the Dockerfile builds; Cloud Run
 * passes the port in $PORT, which the image's command listens on.
 */
import type { StoredFile } from '../deployment-store';
import { containerCommand } from '../program-entry';
import { containerPort, cpuCount, memoryMiB, yamlFile, type ArtifactContext } from './artifact-context';
import { dockerArtifacts } from './docker';

/** Lambda Web Adapter (public layer by AWS, account 753240598075). */
const WEB_ADAPTER_LAYER = 'arn:aws:lambda:${AWS::Region}:753240598075:layer:LambdaAdapterLayerX86:25';

const parameterName = (variable: string) =>
  variable
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export function samTemplate(ctx: ArtifactContext): Record<string, unknown> {
  const port = containerPort(ctx);
  const { config } = ctx;
  const parameters = Object.fromEntries(
    config.secrets.map((name) => [
      parameterName(name),
      { Type: 'String', NoEcho: true, Description: `Value of ${name} (given at deploy time, never stored in the template)` },
    ]),
  );
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: `${ctx.name} v${ctx.projectVersion}: a Visual Builder workflow program`,
    ...(config.secrets.length ? { Parameters: parameters } : {}),
    Resources: {
      WorkflowFunction: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          CodeUri: '.',
          Handler: 'run.sh',
          Runtime: ctx.program.language === 'python' ? 'python3.12' : 'nodejs20.x',
          Architectures: ['x86_64'],
          MemorySize: Math.min(10240, Math.max(128, memoryMiB(config.resources.memory))),
          Timeout: 30,
          Layers: [{ 'Fn::Sub': WEB_ADAPTER_LAYER }],
          Environment: {
            Variables: {
              ...config.env,
              AWS_LAMBDA_EXEC_WRAPPER: '/opt/bootstrap',
              AWS_LWA_PORT: String(port),
              AWS_LWA_READINESS_CHECK_PATH: config.health_checks.readiness.path,
              PORT: String(port),
              ...Object.fromEntries(config.secrets.map((name) => [name, { Ref: parameterName(name) }])),
            },
          },
          FunctionUrlConfig: { AuthType: 'AWS_IAM' },
          ...(config.auto_scale ? {} : { ReservedConcurrentExecutions: config.resources.replicas }),
        },
      },
    },
    Outputs: { FunctionUrl: { Description: 'HTTPS endpoint (POST /run)', Value: { 'Fn::GetAtt': ['WorkflowFunctionUrl', 'FunctionUrl'] } } },
  };
}

/** The Lambda handler: the Web Adapter runs it, then forwards each invocation to the port it listens on. */
function lambdaHandler(ctx: ArtifactContext): string {
  // Lambda's Python runtimes name the interpreter python3.
  const [interpreter, ...rest] = containerCommand(ctx.program, '"${AWS_LWA_PORT:-8080}"');
  const argv = [interpreter === 'python' ? 'python3' : interpreter, ...rest].map((part) => (part.startsWith('"') ? part : `'${part}'`));
  return `#!/bin/sh\n# Started by the AWS Lambda Web Adapter (AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap).\nexec ${argv.join(' ')}\n`;
}

export function awsArtifacts(ctx: ArtifactContext): StoredFile[] {
  return [yamlFile('template.yaml', samTemplate(ctx)), { path: 'run.sh', content: lambdaHandler(ctx) }];
}

export function cloudRunService(ctx: ArtifactContext): Record<string, unknown> {
  const port = containerPort(ctx);
  const { config } = ctx;
  const probe = (p: typeof config.health_checks.liveness) => ({
    httpGet: { path: p.path, port },
    initialDelaySeconds: p.initial_delay_seconds,
    periodSeconds: p.period_seconds,
    timeoutSeconds: p.timeout_seconds,
    failureThreshold: p.failure_threshold,
  });
  const minScale = config.auto_scale ? config.autoscaling.min_replicas : config.resources.replicas;
  const maxScale = config.auto_scale ? config.autoscaling.max_replicas : config.resources.replicas;
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: ctx.name, labels: { 'managed-by': 'visual-builder' } },
    spec: {
      template: {
        metadata: {
          labels: { app: ctx.name, version: `v${ctx.projectVersion}` },
          annotations: { 'autoscaling.knative.dev/minScale': String(minScale), 'autoscaling.knative.dev/maxScale': String(Math.max(1, maxScale)) },
        },
        spec: {
          containerConcurrency: 80,
          timeoutSeconds: 300,
          containers: [
            {
              name: 'app',
              image: ctx.image,
              command: containerCommand(ctx.program, port),
              ports: [{ name: 'http1', containerPort: port }],
              env: [
                ...Object.entries(config.env).map(([name, value]) => ({ name, value })),
                // Secret Manager references: Cloud Run resolves them at start, nothing secret is in this file.
                ...config.secrets.map((name) => ({
                  name,
                  valueFrom: { secretKeyRef: { name: `${ctx.name}-${name.toLowerCase().replace(/_/g, '-')}`, key: 'latest' } },
                })),
              ],
              resources: {
                limits: {
                  cpu: String(Math.max(1, Math.ceil(cpuCount(config.resources.cpu)))),
                  memory: `${Math.max(512, memoryMiB(config.resources.memory))}Mi`,
                },
              },
              startupProbe: probe(config.health_checks.readiness),
              livenessProbe: probe(config.health_checks.liveness),
            },
          ],
        },
      },
    },
  };
}

export function gcpArtifacts(ctx: ArtifactContext): StoredFile[] {
  return [...dockerArtifacts(ctx), yamlFile('cloudrun/service.yaml', cloudRunService(ctx))];
}
