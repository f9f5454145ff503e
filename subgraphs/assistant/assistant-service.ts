/**
 * The assistant's domain logic: analysis (rules over the pinned project snapshot, cached per version), applying and
 * dismissing suggestions, and the question answering that builds on them.
 */
import { applyGraphEdits, type GraphEdit } from '../../engine/model/edits';
import { appError, badInput, notFound } from '../../platform/errors';
import type { EventPublisher } from '../../platform/events';
import type { Identity } from '../../platform/identity';
import type { ProjectAccessClient, ProjectRole } from '../../platform/project-access';
import { fetchProjectSnapshot, type ProjectSnapshot } from '../../platform/project-client';
import type { ServiceClient } from '../../platform/service-client';
import type { AnalysisCache } from './analysis/analysis-cache';
import { analyzeGraph } from './analysis/analyzer';
import { toEditInputs } from '../../engine/model/edit-input';
import type { ComponentLookup } from './component-lookup';
import type { SuggestionBook } from './suggestion-book';
import { bySeverity, type SuggestionRecord } from './suggestion-store';

const APPLY_EDITS = /* GraphQL */ `
  mutation ApplySuggestionEdits($projectId: ID!, $edits: [GraphEditInput!]!, $expectedVersion: Int) {
    applyGraphEdits(projectId: $projectId, edits: $edits, expectedVersion: $expectedVersion) { project { id version } }
  }
`;

export interface Analysis {
  snapshot: Pick<ProjectSnapshot, 'id' | 'version' | 'ownerId'>;
  suggestions: SuggestionRecord[];
}

export class AssistantService {
  /** One analysis per project at a time in this process: concurrent callers share it. */
  private readonly inFlight = new Map<string, Promise<Analysis>>();

  constructor(
    readonly services: ServiceClient,
    readonly components: ComponentLookup,
    readonly book: SuggestionBook,
    private readonly cache: AnalysisCache,
    readonly events: EventPublisher,
    readonly access: ProjectAccessClient,
  ) {}

  snapshot(projectId: string, identity: Identity): Promise<ProjectSnapshot> {
    return fetchProjectSnapshot(this.services, projectId, identity);
  }

  /**
   * The open findings for the project's current version: from the cache while no change has been announced.
   * Analysis records suggestions, so it takes the editor role.
   */
  async analyze(projectId: string, identity: Identity): Promise<Analysis> {
    await this.access.require(projectId, identity, 'editor');
    const cached = this.cache.get(projectId);
    if (cached) {
      const found = await this.book.store.getMany(cached.suggestionIds);
      const suggestions = cached.suggestionIds.map((id) => found.get(id)).filter((s): s is SuggestionRecord => s?.status === 'OPEN');
      return { snapshot: { id: projectId, version: cached.version, ownerId: cached.ownerId }, suggestions: suggestions.sort(bySeverity) };
    }
    const key = `${identity.sub}\u0000${projectId}`;
    let running = this.inFlight.get(key);
    if (!running) {
      running = this.runAnalysis(projectId, identity).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }

  private async runAnalysis(projectId: string, identity: Identity): Promise<Analysis> {
    const snapshot = await this.snapshot(projectId, identity);
    const components = await this.components.forGraph(snapshot.graph, identity);
    const suggestions = await this.book.record(snapshot, analyzeGraph(snapshot.graph, components));
    this.cache.set(projectId, { version: snapshot.version, ownerId: snapshot.ownerId, suggestionIds: suggestions.map((s) => s.id) });
    await this.events.publish('AI_SUGGESTION_GENERATED', {
      projectId,
      projectVersion: snapshot.version,
      source: 'RULES',
      trigger: 'analyzeProject',
      suggestionIds: suggestions.map((s) => s.id),
      actor: identity.sub,
    });
    return { snapshot, suggestions };
  }

  async get(id: string, identity: Identity, needed: ProjectRole = 'editor'): Promise<SuggestionRecord> {
    const suggestion = await this.book.store.get(id);
    if (!suggestion) throw notFound('Suggestion', id);
    await this.access.require(suggestion.projectId, identity, needed, { type: 'Suggestion', id });
    return suggestion;
  }

  /**
   * A rule's fix is computed against the project's current version (so fixes compose: one applied after another sees
   * what the first changed) and re-checked before it is sent: it may not bring back a finding an applied fix resolved,
   * nor remove a node an applied fix added (CONFLICT naming it). A model's proposal is applied to the version it was
   * checked against. The workflow service still refuses a stale version (CONFLICT) and a patch adding an error.
   */
  async apply(id: string, identity: Identity): Promise<{ suggestion: SuggestionRecord; projectVersion: number }> {
    const suggestion = await this.get(id, identity);
    if (suggestion.status === 'APPLIED' || suggestion.status === 'DISMISSED')
      throw badInput(`Suggestion "${id}" is already ${suggestion.status.toLowerCase()}`, { field: 'id' });
    if (!suggestion.patch?.length) throw badInput(`Suggestion "${id}" has no automatic fix; follow its message instead`, { field: 'id' });
    let patch = suggestion.patch as GraphEdit[];
    let version = suggestion.projectVersion;
    if (suggestion.source === 'RULES') ({ patch, version } = await this.currentFix(suggestion, identity));
    const data = await this.services.query<{ applyGraphEdits: { project: { id: string; version: number } } }>(
      'workflow',
      APPLY_EDITS,
      { projectId: suggestion.projectId, edits: toEditInputs(patch), expectedVersion: version },
      identity,
    );
    this.cache.invalidate(suggestion.projectId);
    return {
      suggestion: await this.book.setStatus({ ...suggestion, patch, projectVersion: version }, 'APPLIED'),
      projectVersion: data.applyGraphEdits.project.version,
    };
  }

  /** The suggestion's fix recomputed on the current graph, and checked against what earlier fixes did. */
  private async currentFix(suggestion: SuggestionRecord, identity: Identity): Promise<{ patch: GraphEdit[]; version: number }> {
    const snapshot = await this.snapshot(suggestion.projectId, identity);
    const components = await this.components.forGraph(snapshot.graph, identity);
    const finding = analyzeGraph(snapshot.graph, components).find((f) => f.fingerprint === suggestion.fingerprint);
    if (!finding) {
      await this.book.setStatus(suggestion, 'OUTDATED');
      throw badInput(`Suggestion "${suggestion.id}" no longer applies: version ${snapshot.version} does not have this finding any more`, {
        field: 'id',
        reason: 'RESOLVED',
      });
    }
    if (!finding.patch)
      throw badInput(`Suggestion "${suggestion.id}" has no automatic fix in version ${snapshot.version}; follow its message instead`, {
        field: 'id',
        reason: 'NO_FIX',
      });
    const applied = (await this.book.all(suggestion.projectId)).filter((s) => s.status === 'APPLIED' && s.source === 'RULES');
    const added = new Map(applied.flatMap((s) => (s.patch ?? []).flatMap((e) => (e.op === 'addNode' ? [[e.node.id, s] as const] : []))));
    for (const edit of finding.patch) {
      const by = edit.op === 'removeNode' ? added.get(edit.nodeId) : undefined;
      if (by)
        throw appError('CONFLICT', `This fix would remove "${(edit as { nodeId: string }).nodeId}", which the applied fix "${by.title}" (${by.id}) added`, {
          suggestionId: by.id,
        });
    }
    const after = analyzeGraph(applyGraphEdits(snapshot.graph, finding.patch), components).map((f) => f.fingerprint);
    const back = applied.find((s) => after.includes(s.fingerprint));
    if (back) throw appError('CONFLICT', `This fix would bring back "${back.title}", which an applied fix (${back.id}) resolved`, { suggestionId: back.id });
    return { patch: finding.patch, version: snapshot.version };
  }

  async dismiss(id: string, identity: Identity): Promise<SuggestionRecord> {
    const suggestion = await this.get(id, identity);
    if (suggestion.status === 'APPLIED') throw badInput(`Suggestion "${id}" is already applied`, { field: 'id' });
    return suggestion.status === 'DISMISSED' ? suggestion : this.book.setStatus(suggestion, 'DISMISSED');
  }
}
