import type { ProjectEntity } from '../../platform/project-entity-store';

export type DeploymentTarget = 'LOCAL' | 'DOCKER' | 'COMPOSE' | 'KUBERNETES' | 'HELM' | 'SERVERLESS_AWS' | 'SERVERLESS_GCP';
export type DeploymentStatus = 'PENDING' | 'BUILDING' | 'DEPLOYING' | 'RUNNING' | 'READY' | 'STOPPED' | 'FAILED' | 'CANCELLED';

/** A deployment of a pinned project version. */
export interface DeploymentRecord extends ProjectEntity {
  projectVersion: number;
  target: DeploymentTarget;
  environment: string;
  status: DeploymentStatus;
  config: Record<string, unknown> | null;
  endpoint: string | null;
  error: string | null;
}
