/**
 * Optimistic concurrency for canvas gestures. Every edit carries `expectedVersion` = the project version this tab
 * shows; when a collaborator got there first the server answers `CONFLICT` (with `currentVersion`). The gesture is
 * then re-run against the reloaded project — gestures are written as intents over the latest state (move node X to
 * P; set these config fields on node Y), so nothing either side did is lost.
 */
import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { ProjectQuery } from '../operations';
import { serverIssues } from '../errors';
import type { ProjectData } from './types';

const MAX_RETRIES = 3;

export const isConflict = (error: unknown) => serverIssues(error).some((i) => i.code === 'CONFLICT');

/**
 * Returns `edit(gesture, retries?)`: runs `gesture(latest project)` and, on CONFLICT, reloads the project and runs it
 * again (undo/redo retry once: a second CONFLICT is a real clash with someone else's later edit, shown as is).
 * `onReloaded` is told how many nodes changed under us (for a notice).
 */
export function useVersionedEdit(projectId: string, onReloaded?: (changedNodes: string[]) => void) {
  const client = useApolloClient();
  return useCallback(
    async <T>(gesture: (project: ProjectData) => Promise<T>, retries = MAX_RETRIES): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        const latest = client.readQuery({ query: ProjectQuery, variables: { id: projectId } })?.project;
        if (!latest) throw new Error('project not loaded');
        try {
          return await gesture(latest);
        } catch (error) {
          if (!isConflict(error) || attempt >= retries) throw error;
          const { data } = await client.query({ query: ProjectQuery, variables: { id: projectId }, fetchPolicy: 'network-only' });
          const fresh = data?.project;
          if (fresh && onReloaded) onReloaded(changedNodes(latest, fresh));
        }
      }
    },
    [client, projectId, onReloaded],
  );
}

function changedNodes(before: ProjectData, after: ProjectData): string[] {
  const old = new Map(before.components.map((n) => [n.id, JSON.stringify([n.config, n.label, n.position])]));
  return after.components.filter((n) => old.get(n.id) !== JSON.stringify([n.config, n.label, n.position])).map((n) => n.id);
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
