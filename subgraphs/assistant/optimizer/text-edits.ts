/**
 * Applies rewrites to source text. A rewrite is all-or-nothing: when one of its edits overlaps an edit already taken,
 * the whole rewrite is skipped (reported, not applied), so no rewrite is ever half done.
 */
import type { Rewrite, TextEdit } from './types';

export function applyRewrites(source: string, rewrites: Rewrite[]): { code: string; applied: Set<Rewrite> } {
  const taken: TextEdit[] = [];
  const applied = new Set<Rewrite>();
  const overlaps = (a: TextEdit, b: TextEdit) => (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === a.start && b.end === b.start);
  for (const rewrite of rewrites) {
    if (!rewrite.edits.length) continue;
    if (rewrite.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...rewrite.edits);
    applied.add(rewrite);
  }
  for (const shared of new Set([...applied].flatMap((r) => r.shared ?? []))) taken.push(shared);
  const code = [...taken].sort((a, b) => b.start - a.start || b.end - a.end).reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), source);
  return { code, applied };
}

/** 1-based line and column of an offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
