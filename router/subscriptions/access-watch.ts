/**
 * Subscriptions end when the caller loses access (docs/ARCHITECTURE.md §11). Membership changes and deletion are changes on
 * the project's own topic; on each one the caller's access is checked again through the gateway (with the caller's
 * identity, so the workflow service decides), and the subscription's stream is closed when it is gone.
 */
import { topics, type EventBus } from '../../platform/events';
import type { RouterContext } from '../gateway';
import type { GatewayExecutor } from './gateway-fields';

/** Change-log ops that can take access away. */
const ACCESS_OPS = new Set(['removeProjectMember', 'addProjectMember', 'deleteProject']);
const CAN_READ = `query AccessCheck($id: ID!) { project(id: $id) { id } }`;

export async function canReadProject(execute: GatewayExecutor, projectId: string, context: RouterContext): Promise<boolean> {
  const result = await execute(CAN_READ, { id: projectId }, context);
  return Boolean((result.data as { project?: { id: string } | null } | null | undefined)?.project);
}

/** Closes `stream` once the caller can no longer read the project; returns the function that stops watching. */
export async function endWhenAccessLost(
  bus: EventBus,
  execute: GatewayExecutor,
  projectId: string,
  context: RouterContext,
  stream: { return(): Promise<unknown> },
): Promise<() => void> {
  let checking = Promise.resolve();
  return bus.on<{ op?: string }>(topics.project(projectId), (change) => {
    if (!change?.op || !ACCESS_OPS.has(change.op)) return;
    // One check at a time, in order: a quick remove-then-add must not leave a stale verdict.
    checking = checking
      .then(() => canReadProject(execute, projectId, context))
      .then((allowed) => (allowed ? undefined : void stream.return()))
      .catch(() => void stream.return()); // cannot tell: fail closed, the client resubscribes
  });
}
