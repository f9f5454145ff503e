import type { ProjectEntity } from '../../platform/project-entity-store';

export type SuggestionSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

/** A finding about a project version. */
export interface SuggestionRecord extends ProjectEntity {
  projectVersion: number;
  kind: 'ERROR_HANDLING' | 'PERFORMANCE' | 'TESTING' | 'SECURITY' | 'COST' | 'STRUCTURE';
  severity: SuggestionSeverity;
  title: string;
  message: string;
  nodeIds: string[];
  codeSnippets: string[];
  bestPractices: string[];
  status: 'OPEN' | 'APPLIED' | 'DISMISSED';
  source: 'RULES' | 'MODEL';
  patch: unknown;
}

const SEVERITY_ORDER: Record<SuggestionSeverity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** Most severe first, newest first within a severity. */
export function bySeverity(a: SuggestionRecord, b: SuggestionRecord): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.createdAt.localeCompare(a.createdAt);
}
