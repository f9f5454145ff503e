/**
 * The built-in component catalogue: the single source of truth the registry serves and the interpreter runs.
 * Ids are `core/<name>`; the original catalogue's ids (`llm`, `loop`, `function`, …) resolve through `legacyIds`.
 */
import type { ComponentDefinition } from './types';
import { classifierComponent } from './classifier';
import { codeComponent } from './code';
import { conditionComponent } from './condition';
import { constantComponent } from './constant';
import { delayComponent } from './delay';
import { embedderComponent } from './embedder';
import { filterComponent } from './filter';
import { getComponent } from './get';
import { httpRequestComponent } from './http_request';
import { inputComponent } from './input';
import { joinComponent } from './join';
import { jsonParseComponent } from './json_parse';
import { lengthComponent } from './length';
import { llmComponent } from './llm';
import { mapComponent } from './map';
import { mergeComponent } from './merge';
import { objectComponent } from './object';
import { outputComponent } from './output';
import { reduceComponent } from './reduce';
import { setComponent } from './set';
import { splitComponent } from './split';
import { switchComponent } from './switch';
import { templateComponent } from './template';
import { transformComponent } from './transform';

export const builtinComponents: ComponentDefinition[] = [
  // data
  inputComponent,
  outputComponent,
  constantComponent,
  templateComponent,
  transformComponent,
  jsonParseComponent,
  getComponent,
  setComponent,
  objectComponent,
  filterComponent,
  reduceComponent,
  lengthComponent,
  joinComponent,
  splitComponent,
  // logic
  conditionComponent,
  switchComponent,
  mergeComponent,
  mapComponent,
  delayComponent,
  codeComponent,
  // ai
  llmComponent,
  classifierComponent,
  embedderComponent,
  // integration
  httpRequestComponent,
];

const byId = new Map<string, ComponentDefinition>();
for (const def of builtinComponents) {
  byId.set(def.id, def);
  for (const legacy of def.legacyIds ?? []) byId.set(legacy, def);
}

/** Finds a built-in by id (`core/llm`) or by the original catalogue's id (`llm`, `loop` → core/map). */
export function findBuiltinComponent(idOrLegacyId: string): ComponentDefinition | undefined {
  return byId.get(idOrLegacyId);
}

export { validateComponentConfig } from './config';
export type { ConfigFieldError, ConfigValidation } from './config';
export { ComponentError } from './errors';
