/**
 * What a graph needs from the outside world to run, from its built-in components' `requires`: a configured model
 * (LLM_BASE_URL), outbound network. A graph that needs neither runs offline with nothing configured.
 */
import { findBuiltinComponent } from './index';
import type { RuntimeRequirement } from './types';

const ORDER: readonly RuntimeRequirement[] = ['model', 'network'];

export function requirementsOf(componentIds: Iterable<string>): RuntimeRequirement[] {
  const found = new Set<RuntimeRequirement>();
  for (const id of componentIds) for (const r of findBuiltinComponent(id)?.requires ?? []) found.add(r);
  return ORDER.filter((r) => found.has(r));
}
