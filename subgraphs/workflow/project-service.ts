/**
 * The workflow service's domain logic: project CRUD and graph edits, each validated against the component
 * catalogue before it is committed, each logged as a ProjectChangeRecord and announced on the event bus after commit.
 */
import { randomBytes } from 'node:crypto';
import { applyGraphEdit, applyGraphEdits, GraphEditError, invertEdits, recordedEdits, touchedIds, type GraphEdit } from '../../engine/model/edits';
import { duplicateFragment } from '../../engine/model/fragments';
import { parseProjectDocument, PROJECT_DOCUMENT_VERSION, toProjectDocument, type ProjectDocument } from '../../engine/model/project-document';
import { EditInputError, fromEditInputs, type GraphEditInput, type SettingsInput } from '../../engine/model/edit-input';
import { fillConfigDefaults } from '../../engine/components/config';
import type { Connection, NodeInstance, NodeSettings, Position, WorkflowGraph } from '../../engine/model/types';
import { DRAFT_ISSUES, outputPorts, validateGraph, type ValidationIssue, type ValidationReport } from '../../engine/model/validate';
import { appError, badInput, notFound } from '../../platform/errors';
import { COMPONENT_USAGE_STREAM, type DurableStreams } from '../../platform/durable-events';
import { topics, type EventPublisher } from '../../platform/events';
import type { Identity } from '../../platform/identity';
import type { ServiceClient } from '../../platform/service-client';
import type { ComponentCatalog } from '../../platform/component-catalog';
import type { ProjectChangeRecord, ProjectRecord, ProjectStatus, ProjectStore } from './project-store';
import { fetchTemplateGraph } from './template-source';
import { MemberStore, type ProjectMemberRecord } from './member-store';
import { requireRole, type ProjectRole } from '../../platform/project-access';

export interface GraphEditResult {
  project: ProjectRecord;
  component?: NodeInstance;
  connection?: Connection;
}

const shortId = () => randomBytes(4).toString('hex');
const MAX_NAME = 200;
const MAX_DESCRIPTION = 10_000;
const MAX_PIN_BYTES = 1024 * 1024;

function checkText(field: string, value: string | undefined | null, max: number, required = false) {
  if (value == null) {
    if (required) throw badInput(`${field} is required`, { field });
    return;
  }
  if (required && value.trim() === '') throw badInput(`${field} must not be empty`, { field });
  if (value.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
}

function checkPosition(position: Position) {
  if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) throw badInput('position.x and position.y must be finite numbers', { field: 'position' });
}

function asGraphQLError(err: unknown): never {
  if (err instanceof GraphEditError) throw appError(err.code, err.message);
  throw err;
}

export class ProjectService {
  constructor(
    private readonly store: ProjectStore,
    private readonly catalog: ComponentCatalog,
    private readonly services: ServiceClient,
    private readonly events: EventPublisher,
    private readonly durable: DurableStreams,
    private readonly memberStore: MemberStore,
  ) {}

  /**
   * A component was put to use: the seed's COMPONENT_USED on the bus (live subscribers) and on the durable stream the
   * registry counts from — counts must not be lost to an at-most-once pub/sub.
   */
  private async componentsUsed(componentIds: string[], projectId: string, actor: string) {
    for (const componentId of componentIds) {
      await this.events.publish('COMPONENT_USED', { componentId, projectId, actor });
      await this.durable.append(COMPONENT_USAGE_STREAM, { componentId, projectId, actor, at: new Date().toISOString() });
    }
  }

  /** The caller's role: the creator owns the project; members have the role they were given; others none. */
  private async rolesOf(projects: Iterable<ProjectRecord>, identity: Identity): Promise<Map<string, ProjectRole>> {
    const list = [...projects];
    const memberRoles = await this.memberStore.rolesOf(
      identity.sub,
      list.filter((p) => p.ownerId !== identity.sub).map((p) => p.id),
    );
    const roles = new Map<string, ProjectRole>();
    for (const p of list) {
      const role = p.ownerId === identity.sub ? 'owner' : memberRoles.get(p.id);
      if (role) roles.set(p.id, role);
    }
    return roles;
  }

  /** Those of already-loaded projects the caller may read. */
  async readable(projects: readonly ProjectRecord[], identity: Identity): Promise<ProjectRecord[]> {
    const roles = await this.rolesOf(projects, identity);
    return projects.filter((p) => roles.has(p.id));
  }

  async roleOf(project: ProjectRecord, identity: Identity): Promise<ProjectRole | null> {
    return (await this.rolesOf([project], identity)).get(project.id) ?? null;
  }

  /** `projectAccess`: the caller's role on each id (null: no access or no such project — indistinguishable). */
  async access(ids: readonly string[], identity: Identity): Promise<{ projectId: string; role: ProjectRole | null }[]> {
    if (ids.length > 1000) throw badInput('at most 1000 project ids', { field: 'projectIds' });
    const roles = await this.rolesOf((await this.store.getMany(ids)).values(), identity);
    return ids.map((projectId) => ({ projectId, role: roles.get(projectId) ?? null }));
  }

  async get(id: string, identity: Identity): Promise<ProjectRecord | null> {
    return (await this.getMany([id], identity)).get(id) ?? null;
  }

  async getMany(ids: readonly string[], identity: Identity): Promise<Map<string, ProjectRecord>> {
    const found = await this.store.getMany(ids);
    const roles = await this.rolesOf(found.values(), identity);
    for (const id of found.keys()) if (!roles.has(id)) found.delete(id);
    return found;
  }

  list(identity: Identity, first: number, after?: string | null) {
    if (first < 0 || first > 100) throw badInput('first must be between 0 and 100', { field: 'first' });
    return this.store.list(identity.sub, first, after);
  }

  /** The project when the caller has at least `needed` on it: NOT_FOUND without access, FORBIDDEN below `needed`. */
  async require(id: string, identity: Identity, needed: ProjectRole = 'viewer'): Promise<ProjectRecord> {
    const project = await this.store.get(id);
    requireRole(project ? await this.roleOf(project, identity) : null, needed, { type: 'Project', id });
    return project!;
  }

  members(project: ProjectRecord): Promise<ProjectMemberRecord[]> {
    return this.memberStore
      .members([project.id])
      .then((m) => [{ userId: project.ownerId, role: 'owner' as const, addedBy: project.ownerId, addedAt: project.createdAt }, ...(m.get(project.id) ?? [])]);
  }

  /** Membership is the owners' business; it is a versioned change, announced on the project's topic. */
  async setMember(projectId: string, userId: string, role: ProjectRole | null, identity: Identity): Promise<ProjectRecord> {
    const project = await this.require(projectId, identity, 'owner');
    if (!/^[^\u0000-\u001f]{1,200}$/.test(userId)) throw badInput('userId must be 1 to 200 printable characters', { field: 'userId' });
    if (userId === project.ownerId) throw badInput("The project's creator is always an owner", { field: 'userId' });
    const op = role ? 'addProjectMember' : 'removeProjectMember';
    const { project: updated, change } = await this.store.mutate(projectId, identity.sub, op, undefined, () => ({
      set: {},
      payload: role ? { userId, role } : { userId },
      write: async (trx) => {
        if (role) await MemberStore.put(trx, projectId, userId, role, identity.sub);
        else if (!(await MemberStore.remove(trx, projectId, userId))) throw notFound('Project member', userId);
      },
    }));
    await this.announce('PROJECT_UPDATED', change);
    return updated;
  }

  /** A new project: empty, a copy of a template's graph, or (importProject) the graph given. */
  async create(
    input: { name: string; description?: string | null; agentId?: string | null; templateId?: string | null; metadata?: unknown },
    identity: Identity,
    imported?: WorkflowGraph,
  ): Promise<ProjectRecord> {
    checkText('name', input.name, MAX_NAME, true);
    checkText('description', input.description, MAX_DESCRIPTION);
    let graph: WorkflowGraph | undefined = imported;
    if (input.templateId && !imported) {
      graph = await fetchTemplateGraph(this.services, input.templateId, identity);
      const report = await this.validate(graph, identity);
      if (report.errors.some((e) => e.code === 'UNKNOWN_COMPONENT'))
        throw this.invalidGraph(`Template "${input.templateId}" uses components that do not exist`, report.errors);
    }
    const project = await this.store.create({
      name: input.name.trim(),
      description: input.description ?? '',
      ownerId: identity.sub,
      agentId: input.agentId,
      templateId: input.templateId,
      metadata: input.metadata,
      graph,
    });
    await this.events.emit(topics.project(project.id), {
      projectId: project.id,
      version: 1,
      actor: identity.sub,
      op: 'createProject',
      payload: { name: project.name, templateId: project.templateId },
      at: project.createdAt,
    });
    await this.events.publish('PROJECT_CREATED', { projectId: project.id, name: project.name, templateId: project.templateId, actor: identity.sub });
    await this.componentsUsed(
      project.graph.nodes.map((n) => n.componentId),
      project.id,
      identity.sub,
    );
    return project;
  }

  /** `exportProject`: the versioned export document (engine/model/project-document). */
  async exportDocument(id: string, identity: Identity): Promise<ProjectDocument> {
    const project = await this.require(id, identity);
    return toProjectDocument(
      {
        name: project.name,
        description: project.description,
        metadata: project.metadata ?? null,
        templateId: project.templateId ?? null,
        agentId: project.agentId ?? null,
      },
      project.graph,
    );
  }

  /**
   * `importProject`: a new project from an export document. Another format or version is refused by name; components
   * that do not exist refuse it (INVALID_GRAPH); a draft graph (unwired, unconfigured nodes) is imported as it is.
   */
  async importDocument(value: unknown, name: string | null | undefined, identity: Identity): Promise<ProjectRecord> {
    const parsed = parseProjectDocument(value);
    if (!parsed.ok) {
      throw badInput(parsed.message, {
        field: parsed.code === 'UNSUPPORTED_VERSION' ? 'document.version' : 'document',
        reason: parsed.code,
        supportedVersions: [PROJECT_DOCUMENT_VERSION],
        errors: parsed.errors,
      });
    }
    const { project, graph } = parsed.document;
    for (const node of graph.nodes) node.componentId = this.catalog.canonicalId(node.componentId);
    const report = await this.validate(graph, identity);
    const fatal = report.errors.filter((e) => e.code === 'UNKNOWN_COMPONENT' || e.code === 'DUPLICATE_ID' || e.code === 'UNKNOWN_NODE');
    if (fatal.length) throw this.invalidGraph(`The document cannot be imported: ${fatal.map((e) => e.message).join('; ')}`, fatal);
    return this.create(
      {
        name: name ?? project.name,
        description: project.description ?? '',
        metadata: project.metadata ?? undefined,
        agentId: project.agentId,
        templateId: project.templateId,
      },
      identity,
      graph,
    );
  }

  async update(
    id: string,
    input: { name?: string | null; description?: string | null; status?: ProjectStatus | null; metadata?: unknown },
    expectedVersion: number | null | undefined,
    identity: Identity,
  ) {
    await this.require(id, identity, 'editor');
    if (input.name !== undefined) checkText('name', input.name, MAX_NAME, true);
    checkText('description', input.description, MAX_DESCRIPTION);
    const set = {
      ...(input.name != null ? { name: input.name.trim() } : {}),
      ...(input.description != null ? { description: input.description } : {}),
      ...(input.status != null ? { status: input.status } : {}),
      ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
    };
    const { project, change } = await this.store.mutate(id, identity.sub, 'updateProject', expectedVersion, () => ({ set, payload: set }));
    await this.announce('PROJECT_UPDATED', change);
    return project;
  }

  async delete(id: string, expectedVersion: number | null | undefined, identity: Identity) {
    await this.require(id, identity, 'owner');
    const deleted = await this.store.delete(id, expectedVersion);
    await this.events.emit(topics.project(id), {
      projectId: id,
      version: deleted.version + 1,
      actor: identity.sub,
      op: 'deleteProject',
      payload: {},
      at: new Date().toISOString(),
    });
    await this.events.publish('PROJECT_DELETED', { projectId: id, actor: identity.sub });
    return { id, deleted: true };
  }

  async addComponent(
    args: {
      projectId: string;
      componentId: string;
      position?: Position | null;
      config?: Record<string, unknown> | null;
      label?: string | null;
      settings?: NodeSettings | null;
      id?: string | null;
      expectedVersion?: number | null;
    },
    identity: Identity,
  ): Promise<GraphEditResult> {
    // The editor role is checked on the row the edit's transaction locks (edit): no read of the project before it.
    const componentId = this.catalog.canonicalId(args.componentId);
    const component = (await this.catalog.resolve([componentId], identity)).get(componentId);
    if (!component) throw notFound('Component', args.componentId);
    const position = args.position ?? { x: 0, y: 0 };
    checkPosition(position);
    if (args.id != null && !/^[A-Za-z0-9_.-]{1,100}$/.test(args.id))
      throw badInput('id may only contain letters, digits, "_", "-" and "." (at most 100)', { field: 'id' });
    const node: NodeInstance = {
      id: args.id ?? `${componentId.split('/').pop()}_${shortId()}`,
      componentId,
      componentVersion: component.version,
      label: args.label ?? null,
      position,
      // A draft: what the client gave, completed with the schema's defaults; validation lists what is still missing.
      config: fillConfigDefaults(component, args.config ?? {}),
      ...(args.settings ? { settings: cleanSettings(args.settings) } : {}),
    };
    const result = await this.edit(args.projectId, 'addComponent', args.expectedVersion, { op: 'addNode', node }, identity);
    await this.events.publish('COMPONENT_ADDED', {
      projectId: args.projectId,
      nodeId: node.id,
      componentId,
      version: result.project.version,
      actor: identity.sub,
    });
    await this.componentsUsed([componentId], args.projectId, identity.sub);
    return { ...result, component: node };
  }

  async moveComponent(projectId: string, nodeId: string, position: Position, expectedVersion: number | null | undefined, identity: Identity) {
    checkPosition(position);
    return this.editNode(projectId, nodeId, 'moveComponent', expectedVersion, { op: 'moveNode', nodeId, position }, identity);
  }

  async updateComponentConfig(
    args: {
      projectId: string;
      nodeId: string;
      config?: Record<string, unknown> | null;
      label?: string | null;
      settings?: NodeSettings | null;
      expectedVersion?: number | null;
    },
    identity: Identity,
  ) {
    const edit: GraphEdit = {
      op: 'updateNode',
      nodeId: args.nodeId,
      ...(args.config != null ? { config: args.config } : {}),
      ...(args.label !== undefined ? { label: args.label } : {}),
      ...(args.settings != null ? { settings: cleanSettings(args.settings) } : {}),
    };
    return this.editNode(args.projectId, args.nodeId, 'updateComponentConfig', args.expectedVersion, edit, identity);
  }

  /** Pins data on a node (`output`: values by output port of the node), or unpins it (`null`). */
  async pinOutput(projectId: string, nodeId: string, output: unknown, expectedVersion: number | null | undefined, identity: Identity) {
    if (output !== null) {
      if (typeof output !== 'object' || Array.isArray(output))
        throw badInput('output must be a JSON object of values by output port, e.g. {"value": 42}', { field: 'output' });
      if (JSON.stringify(output).length > MAX_PIN_BYTES)
        throw appError('LIMIT_EXCEEDED', `pinned output is larger than ${MAX_PIN_BYTES} bytes`, { field: 'output' });
      const project = await this.require(projectId, identity, 'editor');
      const node = project.graph.nodes.find((n) => n.id === nodeId);
      if (!node) throw notFound('Node', nodeId);
      const component = (await this.catalog.resolve([node.componentId], identity)).get(node.componentId);
      const ports = component ? [...outputPorts(component, node.config ?? {}).map((p) => p.name), 'error'] : [];
      const unknown = Object.keys(output).filter((port) => !ports.includes(port));
      if (unknown.length)
        throw badInput(`Node "${nodeId}" has no output port ${unknown.map((p) => `"${p}"`).join(', ')} (ports: ${ports.join(', ')})`, { field: 'output' });
    }
    return this.editNode(
      projectId,
      nodeId,
      output === null ? 'unpinNodeOutput' : 'pinNodeOutput',
      expectedVersion,
      { op: 'updateNode', nodeId, pinnedOutput: output as Record<string, unknown> | null },
      identity,
    );
  }

  async removeComponent(projectId: string, nodeId: string, expectedVersion: number | null | undefined, identity: Identity) {
    const result = await this.edit(projectId, 'removeComponent', expectedVersion, { op: 'removeNode', nodeId }, identity);
    return result;
  }

  async connect(
    args: { projectId: string; sourceId: string; sourcePort: string; targetId: string; targetPort: string; expectedVersion?: number | null },
    identity: Identity,
  ): Promise<GraphEditResult> {
    const connection: Connection = {
      id: `c_${shortId()}`,
      sourceId: args.sourceId,
      sourcePort: args.sourcePort,
      targetId: args.targetId,
      targetPort: args.targetPort,
    };
    const result = await this.edit(args.projectId, 'connect', args.expectedVersion, { op: 'connect', connection }, identity);
    await this.events.publish('CONNECTION_CREATED', { projectId: args.projectId, connection, version: result.project.version, actor: identity.sub });
    return { ...result, connection };
  }

  async disconnect(projectId: string, connectionId: string, expectedVersion: number | null | undefined, identity: Identity) {
    return this.edit(projectId, 'disconnect', expectedVersion, { op: 'disconnect', connectionId }, identity);
  }

  /**
   * A batch (a paste, an assistant patch) is one change. It may leave nodes unwired or unconfigured (draft issues);
   * it may not add any other validation error the project did not have.
   */
  async applyGraphEdits(
    projectId: string,
    inputs: readonly GraphEditInput[],
    expectedVersion: number | null | undefined,
    identity: Identity,
  ): Promise<GraphEditResult> {
    let edits: GraphEdit[];
    try {
      edits = fromEditInputs(
        inputs,
        () => `c_${shortId()}`,
        (settings, field) => cleanSettings(settings, field),
      );
    } catch (err) {
      if (err instanceof EditInputError) throw badInput(err.message, { field: err.field });
      throw err;
    }
    // Added nodes are pinned like addComponent pins them: canonical id, the component's current version, defaults.
    const added = edits.flatMap((e) => (e.op === 'addNode' ? [e.node] : []));
    const components = await this.catalog.resolve(
      added.map((n) => this.catalog.canonicalId(n.componentId)),
      identity,
    );
    for (const node of added) {
      node.componentId = this.catalog.canonicalId(node.componentId);
      const component = components.get(node.componentId);
      node.componentVersion = component?.version ?? (node.componentVersion || '0.0.0');
      if (component) node.config = fillConfigDefaults(component, node.config);
    }
    const { project } = await this.applyBatch(projectId, 'applyGraphEdits', expectedVersion, () => edits, identity);
    await this.componentsUsed(
      added.map((n) => n.componentId),
      projectId,
      identity.sub,
    );
    return { project };
  }

  /** Copies nodes and the connections between them, with fresh ids, moved by `offset` (one change). */
  async duplicateNodes(
    projectId: string,
    nodeIds: readonly string[],
    offset: Position | null | undefined,
    expectedVersion: number | null | undefined,
    identity: Identity,
  ) {
    if (!nodeIds.length || nodeIds.length > 1000) throw badInput('nodeIds must list 1 to 1000 nodes', { field: 'nodeIds' });
    const by = offset ?? { x: 40, y: 40 };
    checkPosition(by);
    let idMap: Record<string, string> = {};
    const { project, edits } = await this.applyBatch(
      projectId,
      'duplicateNodes',
      expectedVersion,
      (graph) => {
        const fragment = duplicateFragment(graph, nodeIds, by, () => `c_${shortId()}`);
        if ('missing' in fragment)
          throw appError(
            'NOT_FOUND',
            `Node${fragment.missing.length > 1 ? 's' : ''} ${fragment.missing.map((id) => `"${id}"`).join(', ')} not found in the project`,
            { field: 'nodeIds', missing: fragment.missing },
          );
        idMap = fragment.idMap;
        return fragment.edits;
      },
      identity,
    );
    await this.componentsUsed(
      edits.flatMap((e) => (e.op === 'addNode' ? [e.node.componentId] : [])),
      projectId,
      identity.sub,
    );
    const copies = new Set(Object.values(idMap));
    return {
      project,
      idMap,
      components: project.graph.nodes.filter((n) => copies.has(n.id)),
      connections: project.graph.connections.filter((c) => copies.has(c.sourceId) && copies.has(c.targetId)),
    };
  }

  /**
   * Undoes the caller's latest graph change not yet undone, by applying the inverse edits the change log recorded.
   * Only the caller's own edits are undone; when someone else changed what it touches since, it is refused with
   * CONFLICT naming that change.
   */
  undo(projectId: string, expectedVersion: number | null | undefined, identity: Identity) {
    return this.step('undo', projectId, expectedVersion, identity);
  }

  /** Re-applies the caller's latest undone change, while the caller has made no new edit since the undo. */
  redo(projectId: string, expectedVersion: number | null | undefined, identity: Identity) {
    return this.step('redo', projectId, expectedVersion, identity);
  }

  private async step(
    kind: 'undo' | 'redo',
    projectId: string,
    expectedVersion: number | null | undefined,
    identity: Identity,
  ): Promise<GraphEditResult & { undoneVersion: number }> {
    const current = await this.require(projectId, identity, 'editor');
    const stacks = historyStacks(await this.store.changesBy(projectId, identity.sub, UNDO_DEPTH));
    const target = (kind === 'undo' ? stacks.undo : stacks.redo).pop();
    if (!target)
      throw appError(
        'BAD_USER_INPUT',
        kind === 'undo'
          ? 'Nothing to undo: you have no edit on this project left to undo'
          : 'Nothing to redo: undo something first (a new edit clears what could be redone)',
        { reason: kind === 'undo' ? 'NOTHING_TO_UNDO' : 'NOTHING_TO_REDO' },
      );
    const touched = new Set(target.edits.flatMap(touchedIds));
    for (let since = target.version; since < current.version; ) {
      const later = await this.store.changes(projectId, since, 1000);
      if (!later.length) break;
      for (const change of later) {
        if (change.actor === identity.sub) continue;
        if (recordedEdits(change.payload).some((edit) => touchedIds(edit).some((id) => touched.has(id)))) {
          throw appError(
            'CONFLICT',
            `Cannot ${kind}: version ${change.version} (${change.op} by ${change.actor}) changed what your edit of version ${target.version} touched`,
            {
              conflictingVersion: change.version,
              conflictingActor: change.actor,
              conflictingOp: change.op,
              currentVersion: current.version,
            },
          );
        }
      }
      since = later[later.length - 1].version;
    }
    const extra = kind === 'undo' ? { undoes: target.version } : { redoes: target.version };
    try {
      const { project } = await this.applyBatch(projectId, kind, expectedVersion ?? current.version, () => target.edits, identity, extra);
      return { project, undoneVersion: target.version };
    } catch (err) {
      // The inverse no longer applies (e.g. its node is gone): the project moved on in a way undo cannot follow.
      if (
        (err as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND' ||
        (err as { extensions?: { code?: string } }).extensions?.code === 'INVALID_GRAPH'
      ) {
        throw appError('CONFLICT', `Cannot ${kind} version ${target.version}: ${(err as Error).message}`, { currentVersion: current.version });
      }
      throw err;
    }
  }

  /**
   * Applies a batch computed from the current graph as one change. It may leave draft issues; any other validation
   * error it adds refuses it. The change log keeps the edits and their inverse (undo).
   */
  private async applyBatch(
    projectId: string,
    op: string,
    expectedVersion: number | null | undefined,
    build: (graph: WorkflowGraph) => GraphEdit[],
    identity: Identity,
    extra: Record<string, unknown> = {},
  ) {
    let edits: GraphEdit[] = [];
    const { project, change } = await this.editGraph(projectId, op, expectedVersion, identity, async (current) => {
      edits = build(current.graph);
      let graph: WorkflowGraph;
      let inverse: GraphEdit[];
      try {
        graph = applyGraphEdits(current.graph, edits);
        inverse = invertEdits(current.graph, edits);
      } catch (err) {
        asGraphQLError(err);
      }
      const [before, after] = await Promise.all([this.validate(current.graph, identity), this.validate(graph, identity)]);
      const known = new Set(before.errors.map(issueKey));
      const blocking = after.errors.filter((e) => !known.has(issueKey(e)) && !DRAFT_ISSUES.has(e.code));
      if (blocking.length) throw this.invalidGraph(blocking.map((i) => i.message).join('; '), blocking);
      return { set: { graph }, payload: { edits, inverse, ...extra } };
    });
    return { project, change, edits };
  }

  /**
   * One graph change in the store's transaction, announced after commit. The editor role is checked on the row the
   * transaction locks (docs/ARCHITECTURE.md §9): no separate read of the project before it, none after.
   */
  private async editGraph(
    projectId: string,
    op: string,
    expectedVersion: number | null | undefined,
    identity: Identity,
    compute: (current: ProjectRecord) => Promise<{ set: { graph: WorkflowGraph }; payload: Record<string, unknown> }>,
  ) {
    const result = await this.store.mutate(projectId, identity.sub, op, expectedVersion, compute, 'editor');
    await this.announce('PROJECT_UPDATED', result.change);
    return result;
  }

  async validate(graph: WorkflowGraph, identity: Identity): Promise<ValidationReport> {
    const components = await this.catalog.resolve(
      graph.nodes.map((n) => n.componentId),
      identity,
    );
    return validateGraph(graph, components);
  }

  async changes(project: ProjectRecord, sinceVersion: number, first: number): Promise<ProjectChangeRecord[]> {
    return this.store.changes(project.id, sinceVersion, first);
  }

  private async editNode(projectId: string, nodeId: string, op: string, expectedVersion: number | null | undefined, edit: GraphEdit, identity: Identity) {
    const result = await this.edit(projectId, op, expectedVersion, edit, identity);
    return { ...result, component: result.project.graph.nodes.find((n) => n.id === nodeId) };
  }

  /**
   * Applies one edit in the store's transaction. The edit is refused when it adds a validation error that concerns
   * what it touched (an invalid edge, an invalid config); errors the project already had (e.g. an input not yet
   * connected while the user is still building) do not block editing.
   */
  private async edit(projectId: string, op: string, expectedVersion: number | null | undefined, edit: GraphEdit, identity: Identity): Promise<GraphEditResult> {
    const { project } = await this.editGraph(projectId, op, expectedVersion, identity, async (current) => {
      let graph: WorkflowGraph;
      try {
        graph = applyGraphEdit(current.graph, edit);
      } catch (err) {
        asGraphQLError(err);
      }
      const blocking = await this.blockingIssues(graph, edit, identity);
      if (blocking.length)
        throw this.invalidGraph(
          blocking.map((i) => i.message).join('; '),
          blocking,
          edit.op === 'updateNode' || edit.op === 'addNode' ? 'BAD_USER_INPUT' : 'INVALID_GRAPH',
        );
      // The edit itself (what collaborators replay) and its inverse (what undo applies).
      return { set: { graph }, payload: { ...edit, inverse: invertEdits(current.graph, [edit]) } };
    });
    return { project };
  }

  /**
   * The validation errors that refuse an edit: those that concern what it touched (`concerns`). Only what can hold
   * such an error is validated: nothing for a move, a removal or a disconnection (no error concerns them); the node
   * alone for an added or updated node (its config, secret and component errors do not depend on the rest of the
   * graph); the whole graph for a connection (ports, duplicate inputs, cycles).
   */
  private async blockingIssues(graph: WorkflowGraph, edit: GraphEdit, identity: Identity): Promise<ValidationIssue[]> {
    let scope: WorkflowGraph;
    switch (edit.op) {
      case 'addNode':
      case 'updateNode': {
        const nodeId = edit.op === 'addNode' ? edit.node.id : edit.nodeId;
        scope = { nodes: graph.nodes.filter((n) => n.id === nodeId), connections: [] };
        break;
      }
      case 'connect':
        scope = graph;
        break;
      default:
        return [];
    }
    return (await this.validate(scope, identity)).errors.filter((issue) => concerns(issue, edit));
  }

  private invalidGraph(message: string, issues: ValidationIssue[], code: 'INVALID_GRAPH' | 'BAD_USER_INPUT' = 'INVALID_GRAPH') {
    return appError(code, message, { issues });
  }

  /** After commit: the change on the project's own topic (collaboration), then the seed's event. */
  private async announce(type: 'PROJECT_UPDATED', change: ProjectChangeRecord) {
    await this.events.emit(topics.project(change.projectId), change);
    await this.events.publish(type, { projectId: change.projectId, version: change.version, op: change.op, actor: change.actor, payload: change.payload });
  }
}

const UNDO_DEPTH = 500;

interface HistoryEntry {
  version: number;
  edits: GraphEdit[];
}

/** The actor's undo and redo stacks, rebuilt from their changes (oldest first); each entry holds the edits to apply. */
function historyStacks(own: readonly ProjectChangeRecord[]): { undo: HistoryEntry[]; redo: HistoryEntry[] } {
  const undo: HistoryEntry[] = [];
  let redo: HistoryEntry[] = [];
  for (const change of own) {
    const payload = change.payload as { inverse?: GraphEdit[]; undoes?: number; redoes?: number };
    if (!Array.isArray(payload?.inverse)) continue;
    if (change.op === 'undo') {
      const at = undo.findIndex((e) => e.version === payload.undoes);
      if (at >= 0) undo.splice(at, 1);
      redo.push({ version: change.version, edits: payload.inverse });
    } else if (change.op === 'redo') {
      const at = redo.findIndex((e) => e.version === payload.redoes);
      if (at >= 0) redo.splice(at, 1);
      undo.push({ version: change.version, edits: payload.inverse });
    } else {
      undo.push({ version: change.version, edits: payload.inverse });
      redo = [];
    }
  }
  return { undo, redo };
}

const issueKey = (i: ValidationIssue) => [i.code, i.nodeId, i.connectionId, i.port, i.field].join('\u0000');

/** Does a validation issue concern the node or connection this edit touched? (`blockingIssues` validates only what these cases can concern: keep them in step.) */
function concerns(issue: ValidationIssue, edit: GraphEdit): boolean {
  switch (edit.op) {
    case 'connect':
      return issue.connectionId === edit.connection.id || issue.code === 'CYCLE';
    case 'addNode':
      return issue.nodeId === edit.node.id && (issue.code === 'CONFIG_INVALID' || issue.code === 'SECRET_NOT_ALLOWED' || issue.code === 'UNKNOWN_COMPONENT');
    case 'updateNode':
      return issue.nodeId === edit.nodeId && (issue.code === 'CONFIG_INVALID' || issue.code === 'SECRET_NOT_ALLOWED');
    default:
      return false;
  }
}

function cleanSettings(settings: NodeSettings | SettingsInput, at = 'settings'): NodeSettings {
  const out: NodeSettings = {};
  if (settings.timeoutMs != null) {
    if (settings.timeoutMs < 1 || settings.timeoutMs > 3_600_000) throw badInput(`${at}.timeoutMs must be between 1 and 3600000`, { field: `${at}.timeoutMs` });
    out.timeoutMs = settings.timeoutMs;
  }
  if (settings.retries != null) {
    if (settings.retries < 0 || settings.retries > 10) throw badInput(`${at}.retries must be between 0 and 10`, { field: `${at}.retries` });
    out.retries = settings.retries;
  }
  if (settings.retryBackoffMs != null) {
    if (settings.retryBackoffMs < 0 || settings.retryBackoffMs > 60_000)
      throw badInput(`${at}.retryBackoffMs must be between 0 and 60000`, { field: `${at}.retryBackoffMs` });
    out.retryBackoffMs = settings.retryBackoffMs;
  }
  if (settings.onError != null) out.onError = String(settings.onError).toLowerCase() as NodeSettings['onError'];
  if (settings.defaultOutputs != null) out.defaultOutputs = settings.defaultOutputs;
  return out;
}
