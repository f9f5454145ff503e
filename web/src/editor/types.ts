/** Shapes the editor shares, all derived from the generated operation types (no hand-written response types). */
import type { Node } from '@xyflow/react';
import type { GraphEdit } from '../../../engine/model/edits';
import type { ProjectFieldsFragment } from '../gql/graphql';

export type ProjectData = ProjectFieldsFragment;
export type Instance = ProjectData['components'][number];
export type Issue = ProjectData['validation']['errors'][number];

/** A node's last run status, lower case (data-status): queued, running, succeeded, failed, skipped, pinned. */
export type NodeStatus = string;

export interface WorkflowNodeData extends Record<string, unknown> {
  instance: Instance;
  status?: NodeStatus;
  issues: Issue[];
  findings: string[];
  debugging: boolean;
  breakpoint: boolean;
  current: boolean;
  onToggleBreakpoint: (nodeId: string) => void;
  /** While a fix is previewed: what it does to this node (ghost = the fix adds it). */
  preview?: 'ghost' | 'removed' | 'changed';
}

/** An assistant patch: the engine's own graph edit operations (engine/model/edits.ts). */
export type PatchEdit = GraphEdit;

export type WorkflowNode = Node<WorkflowNodeData, 'workflow'>;

/** Port colours by type, so compatible ports are easy to spot. */
export function portColor(type: string): string {
  if (type.startsWith('array')) return '#8e24aa';
  return ({ string: '#1565c0', number: '#ef6c00', boolean: '#2e7d32', object: '#6d4c41', any: '#546e7a' } as Record<string, string>)[type] ?? '#546e7a';
}
