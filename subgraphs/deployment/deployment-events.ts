/**
 * What the deployment service publishes on `topics.deployment(id)` after every status change is committed
 * (the router's `deploymentEvents(deploymentId)` subscription serves it). Subgraph-owned fields of the
 * Deployment itself (artifacts, config, …) are fetched through the gateway by `deploymentId`.
 */
import type { DeploymentStatus, DeploymentTarget, LogLine } from './deployment-store';

export interface DeploymentEventPayload {
  deploymentId: string;
  projectId: string;
  target: DeploymentTarget;
  environment: string;
  status: DeploymentStatus;
  /** null for the creation (PENDING). */
  previousStatus: DeploymentStatus | null;
  /** Why: the failure's reason, "cancelled by the user", "re-adopted after restart", … */
  reason: string | null;
  /** Where a RUNNING LOCAL deployment answers. */
  endpoint: string | null;
  /** ISO 8601 time of the change (equal to the status history entry's). */
  at: string;
  /** Log lines appended with this change. */
  logs: LogLine[];
}
