/**
 * Keeps the stored suggestions of a project in step with the latest analysis: a finding that recurs keeps its id
 * (moved to the new version), a dismissed one stays dismissed, and open ones that no longer fire become OUTDATED.
 */
import { randomUUID } from 'node:crypto';
import type { ProjectEntityStore } from '../../platform/project-entity-store';
import type { RuleFinding } from './analysis/analyzer';
import { bySeverity, type SuggestionRecord } from './suggestion-store';

/** How many suggestions of a project are considered when reconciling (newest first). */
const RECONCILE_WINDOW = 1_000;
const MAX_SNIPPETS = 5;

export class SuggestionBook {
  constructor(readonly store: ProjectEntityStore<SuggestionRecord>) {}

  async all(projectId: string): Promise<SuggestionRecord[]> {
    return (await this.store.listByProjects([projectId], RECONCILE_WINDOW)).get(projectId) ?? [];
  }

  /** Stores the analysis of `version` and returns the open suggestions, most severe first. */
  async record(project: { id: string; ownerId: string; version: number }, findings: RuleFinding[]): Promise<SuggestionRecord[]> {
    const existing = await this.all(project.id);
    const latest = new Map<string, SuggestionRecord>();
    for (const s of existing)
      if (s.source === 'RULES' && (s.status === 'OPEN' || s.status === 'DISMISSED') && !latest.has(s.fingerprint)) latest.set(s.fingerprint, s);
    const now = new Date().toISOString();
    const open: SuggestionRecord[] = [];
    const seen = new Set<string>();
    for (const f of findings) {
      if (seen.has(f.fingerprint)) continue;
      seen.add(f.fingerprint);
      const previous = latest.get(f.fingerprint);
      if (previous?.status === 'DISMISSED') continue;
      const fields = {
        projectVersion: project.version,
        kind: f.rule.kind,
        severity: f.rule.severity,
        rule: f.rule.id,
        fingerprint: f.fingerprint,
        title: f.finding.title ?? f.rule.title,
        message: f.finding.message,
        nodeIds: f.finding.nodeIds,
        codeSnippets: snippets(f),
        bestPractices: f.rule.bestPractices,
        status: 'OPEN' as const,
        source: 'RULES' as const,
        patch: f.patch,
      };
      if (previous) {
        const updated = { ...previous, ...fields, updatedAt: now };
        await this.store.update(updated);
        open.push(updated);
      } else {
        const created: SuggestionRecord = { id: randomUUID(), projectId: project.id, ownerId: project.ownerId, createdAt: now, updatedAt: now, ...fields };
        await this.store.insert(created);
        open.push(created);
      }
    }
    for (const s of existing) {
      const gone = s.source === 'RULES' ? !seen.has(s.fingerprint) : s.projectVersion < project.version;
      if (s.status === 'OPEN' && gone) await this.store.update({ ...s, status: 'OUTDATED', updatedAt: now });
    }
    return open.sort(bySeverity);
  }

  async setStatus(suggestion: SuggestionRecord, status: SuggestionRecord['status']): Promise<SuggestionRecord> {
    const updated = { ...suggestion, status, updatedAt: new Date().toISOString() };
    await this.store.update(updated);
    return updated;
  }
}

function snippets(f: RuleFinding): string[] {
  const own = f.finding.codeSnippets ?? [];
  const patch = f.patch ? [JSON.stringify(f.patch, null, 2)] : [];
  return [...own, ...patch].slice(0, MAX_SNIPPETS);
}
