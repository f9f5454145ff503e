import type { GraphEdit } from '../../engine/model/edits';
import type { ProjectEntity } from '../../platform/project-entity-store';

export type SuggestionSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
export type SuggestionKind = 'ERROR_HANDLING' | 'PERFORMANCE' | 'TESTING' | 'SECURITY' | 'COST' | 'STRUCTURE';
export type SuggestionStatus = 'OPEN' | 'APPLIED' | 'DISMISSED' | 'OUTDATED';

/** A finding about a project version. */
export interface SuggestionRecord extends ProjectEntity {
  projectVersion: number;
  kind: SuggestionKind;
  severity: SuggestionSeverity;
  /** The analysis rule's id; null for a model's proposal. */
  rule: string | null;
  /** Rule + what it is about: the same finding at a later version keeps its id (and a dismissal sticks). */
  fingerprint: string;
  title: string;
  message: string;
  nodeIds: string[];
  codeSnippets: string[];
  bestPractices: string[];
  status: SuggestionStatus;
  source: 'RULES' | 'MODEL';
  patch: GraphEdit[] | null;
}

const SEVERITY_ORDER: Record<SuggestionSeverity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** Most severe first, newest first within a severity. */
export function bySeverity(a: SuggestionRecord, b: SuggestionRecord): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
}
