import type { ProjectEntity } from '../../platform/project-entity-store';

export type DebugState = 'INITIALIZED' | 'RUNNING' | 'PAUSED' | 'COMPLETED' | 'STOPPED' | 'ERROR';

/** A step-through run of a pinned project version. */
export interface DebugSessionRecord extends ProjectEntity {
  projectVersion: number;
  state: DebugState;
  currentNodeId: string | null;
  inputs: Record<string, unknown>;
}
