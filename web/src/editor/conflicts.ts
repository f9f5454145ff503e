/**
 * Optimistic concurrency for canvas gestures. Every edit carries `expectedVersion` = the project version this tab
 * shows; when a collaborator got there first the server answers `CONFLICT`. The tab then fetches only the changes
 * since its version (`Project.changes`), replays them onto its cached project (change-log.ts) and re-runs the
 * gesture on the result — gestures are intents over the latest state (move node X to P; set these config fields on
 * node Y), so nothing either side did is lost. A gesture whose target a collaborator deleted says so (`Rebase.tell`).
 */
import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { CatalogQuery, ProjectChangesSince, ProjectQuery } from '../operations';
import { serverIssues } from '../errors';
import { changesTouching, coversVersions, remoteChanges, removalOf, replayChanges, type RemoteChange } from './change-log';
import type { Instance, ProjectData } from './types';

const MAX_RETRIES = 3;
/** More changes than this since our version: reloading the project is cheaper than replaying them. */
const MAX_REPLAYED = 200;

export const isConflict = (error: unknown) => serverIssues(error).some((i) => i.code === 'CONFLICT');

/** Something the person should know about how their gesture was re-applied, with an optional way to act on it. */
export interface Notice {
  text: string;
  action?: { label: string; run: () => Promise<unknown> };
}

/** What a gesture re-run after a CONFLICT learns about the changes it was rebased over (nothing on the first run). */
export class Rebase {
  /** Collaborators' changes since the version the gesture was first tried on, oldest first. */
  readonly changes: RemoteChange[] = [];
  /** The project as the gesture first saw it (what a target a collaborator deleted looked like). */
  first?: ProjectData;
  private notices: Notice[] = [];

  /** The changes that touched this node (empty when the gesture was not rebased, or over unrelated changes). */
  touching(nodeId: string): RemoteChange[] {
    return changesTouching(this.changes, nodeId);
  }
  /** The change that deleted this node, when a collaborator did. */
  removalOf(nodeId: string): RemoteChange | undefined {
    return removalOf(this.changes, nodeId);
  }
  /** "out was deleted in v12 (removeComponent by bob)": why a node the gesture targets is gone. */
  whyGone(nodeId: string): string {
    const removal = this.removalOf(nodeId);
    return `${nodeId} was deleted ${removal ? `in ${describeChange(removal)}` : 'by a collaborator'}`;
  }
  tell(notice: Notice): void {
    this.notices.push(notice);
  }
  /** @internal */
  drain(): Notice[] {
    return this.notices.splice(0);
  }
}

export type Gesture<T> = (project: ProjectData, rebase: Rebase) => Promise<T>;

/** "v12 (updateComponentConfig by ada)": which change, by whom. */
export const describeChange = (change: RemoteChange) => `v${change.version} (${change.op} by ${change.actor})`;

/**
 * Returns `edit(gesture, retries?)`: runs `gesture(latest project, rebase)` and, on CONFLICT, catches up with the
 * changes since and runs it again (undo/redo retry once: a second CONFLICT is a real clash with someone else's later
 * edit, shown as is). What the gesture tells is passed to `onNotice` once it is done.
 */
export function useVersionedEdit(projectId: string, onNotice?: (notice: Notice) => void) {
  const client = useApolloClient();
  return useCallback(
    async <T>(gesture: Gesture<T>, retries = MAX_RETRIES): Promise<T> => {
      const rebase = new Rebase();
      try {
        for (let attempt = 0; ; attempt++) {
          const latest = client.readQuery({ query: ProjectQuery, variables: { id: projectId } })?.project;
          if (!latest) throw new Error('project not loaded');
          rebase.first ??= latest;
          try {
            return await gesture(latest, rebase);
          } catch (error) {
            if (!isConflict(error) || attempt >= retries) throw error;
            rebase.changes.push(...(await catchUp(client, latest)));
          }
        }
      } finally {
        for (const notice of rebase.drain()) onNotice?.(notice);
      }
    },
    [client, projectId, onNotice],
  );
}

/**
 * Brings the cached project from `from.version` to the server's current version and returns the changes in between.
 * Only the change log and the project's own fields are fetched; the whole project is reloaded only when the log
 * cannot be replayed here (a long gap, an edit that does not apply, a component this tab does not know).
 */
async function catchUp(client: ApolloClient, from: ProjectData): Promise<RemoteChange[]> {
  const variables = { id: from.id };
  const { data } = await client.query({
    query: ProjectChangesSince,
    variables: { id: from.id, sinceVersion: from.version, first: MAX_REPLAYED },
    // Written to the cache below, as one consistent project (a version without its graph would be a torn state).
    fetchPolicy: 'no-cache',
  });
  const now = data?.project;
  if (!now) throw new Error('The project no longer exists');
  const { changes: entries, ...fields } = now;
  const changes = remoteChanges(entries.filter((c) => c.version <= now.version));
  const catalog = coversVersions(changes, from.version, now.version) ? await componentsOf(client) : undefined;
  const graph = catalog && replayChanges(from, changes, catalog);
  const current = client.readQuery({ query: ProjectQuery, variables })?.project;
  // A live event or another gesture's answer may have brought the cache there (or further) meanwhile.
  if (current && current.version >= now.version) return changes;
  if (graph) {
    client.writeQuery({ query: ProjectQuery, variables, data: { project: { ...from, ...fields, ...graph } } });
    if (client.readQuery({ query: ProjectQuery, variables })?.project?.version === now.version) return changes;
  }
  await client.query({ query: ProjectQuery, variables, fetchPolicy: 'network-only' });
  return changes;
}

/** The catalog (the palette loaded it already) as a lookup of what a node shows of its component. */
async function componentsOf(client: ApolloClient): Promise<(componentId: string) => Instance['component'] | undefined> {
  const catalog = client.readQuery({ query: CatalogQuery }) ?? (await client.query({ query: CatalogQuery }).catch(() => ({ data: undefined }))).data;
  const byId = new Map((catalog?.components ?? []).map((c) => [c.id, c]));
  return (componentId) => {
    const entry = byId.get(componentId);
    if (!entry) return undefined;
    const { id, name, category, icon, color, inputs, outputs } = entry;
    return { __typename: 'Component', id, name, category, icon, color, inputs, outputs } as Instance['component'];
  };
}

/** The fields a form changed: set (new value) or removed (undefined), compared with the config it was loaded from. */
export function configPatch(base: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (JSON.stringify(base[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch;
}

/** Applies a patch from configPatch onto the latest config (removed fields are dropped). */
export function applyConfigPatch(latest: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...latest };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** The patched fields a collaborator changed meanwhile (their value differs from the one the form was loaded from). */
export function overwrittenFields(base: Record<string, unknown>, latest: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((key) => JSON.stringify(base[key]) !== JSON.stringify(latest[key]));
}
