/** The artefacts each target produces, beside the generated program (LOCAL runs the program and needs none). */
import type { DeploymentTarget, StoredFile } from '../deployment-store';
import type { ArtifactContext } from './artifact-context';
import { composeArtifacts } from './compose';
import { dockerArtifacts } from './docker';
import { helmArtifacts } from './helm';
import { kubernetesArtifacts } from './kubernetes';
import { awsArtifacts, gcpArtifacts } from './serverless';

const GENERATORS: Record<DeploymentTarget, (ctx: ArtifactContext) => StoredFile[]> = {
  LOCAL: () => [],
  DOCKER: dockerArtifacts,
  COMPOSE: composeArtifacts,
  KUBERNETES: kubernetesArtifacts,
  HELM: helmArtifacts,
  SERVERLESS_AWS: awsArtifacts,
  SERVERLESS_GCP: gcpArtifacts,
};

export function buildArtifacts(target: DeploymentTarget, ctx: ArtifactContext): StoredFile[] {
  return GENERATORS[target](ctx);
}

export { dnsLabel, type ArtifactContext } from './artifact-context';
