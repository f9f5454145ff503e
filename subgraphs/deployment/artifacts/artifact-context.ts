/** What every artefact generator is given, and the small conversions they share. */
import YAML from 'yaml';
import type { StoredFile } from '../deployment-store';
import type { DeploymentConfig } from '../environment-config';
import type { ProgramEntry } from '../program-entry';

export interface ArtifactContext {
  /** DNS-1123 label derived from the project name: every manifest names things with it. */
  name: string;
  projectId: string;
  projectVersion: number;
  deploymentId: string;
  program: ProgramEntry;
  config: DeploymentConfig;
  /** Container image reference the manifests run (built from the Dockerfile next to them). */
  image: string;
}

export const containerPort = (ctx: ArtifactContext) => ctx.config.networking.ports[0];

/** Lower-case, dashes, starts with a letter, at most 40 characters (room for suffixes within 63). */
export function dnsLabel(text: string): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return label || 'workflow';
}

/** argv that exits 0 when the program's health endpoint answers 200; the images have no curl. */
export function healthProbeCommand(ctx: ArtifactContext): string[] {
  const url = `http://127.0.0.1:${containerPort(ctx)}${ctx.config.health_checks.readiness.path}`;
  if (ctx.program.language === 'python') {
    return ['python', '-c', `import sys, urllib.request; sys.exit(0 if urllib.request.urlopen(${JSON.stringify(url)}, timeout=3).status == 200 else 1)`];
  }
  return ['node', '-e', `fetch(${JSON.stringify(url)}).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`];
}

/** Kubernetes CPU quantity ("250m", "1", "1.5") → a number of CPUs, as Compose and SAM want it. */
export function cpuCount(quantity: string): number {
  return quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
}

/** Kubernetes memory quantity → mebibytes. */
export function memoryMiB(quantity: string): number {
  const match = /^([0-9]+)(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(quantity);
  if (!match) return 256;
  const factor: Record<string, number> = {
    Ki: 1 / 1024,
    Mi: 1,
    Gi: 1024,
    Ti: 1024 * 1024,
    K: 1000 / 1048576,
    M: 1e6 / 1048576,
    G: 1e9 / 1048576,
    T: 1e12 / 1048576,
    '': 1 / 1048576,
  };
  return Math.max(1, Math.round(Number(match[1]) * factor[match[2] ?? '']));
}

/** Name of the Kubernetes Secret (or Secret Manager secret) that holds the program's secret variables. */
export const secretName = (ctx: ArtifactContext) => `${ctx.name}-secrets`;

export const yamlFile = (path: string, ...documents: unknown[]): StoredFile => ({
  path,
  content: documents.map((d) => YAML.stringify(d, { lineWidth: 0 })).join('---\n'),
});

export const standardLabels = (ctx: ArtifactContext) => ({
  'app.kubernetes.io/name': ctx.name,
  'app.kubernetes.io/version': `v${ctx.projectVersion}`,
  'app.kubernetes.io/managed-by': 'visual-builder',
});
