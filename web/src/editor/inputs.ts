/** The run inputs form is built from the project's input nodes (core/input: name, type, required, default). */
import type { ProjectData } from './types';

export interface InputField {
  name: string;
  type: string;
  required: boolean;
}

export function inputFields(project: ProjectData): InputField[] {
  return project.components
    .filter((n) => n.componentId === 'core/input')
    .map((n) => {
      const config = (n.config ?? {}) as { name?: string; type?: string; required?: boolean; default?: unknown };
      return { name: config.name ?? n.id, type: config.type ?? 'any', required: config.required !== false && config.default === undefined };
    });
}

/** Strings stay strings for string inputs; anything else is read as JSON (falling back to the text itself). */
export function parseInputs(fields: InputField[], values: Record<string, string>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const field of fields) {
    const text = values[field.name];
    if (text === undefined || text === '') continue;
    if (field.type === 'string') inputs[field.name] = text;
    else {
      try {
        inputs[field.name] = JSON.parse(text);
      } catch {
        inputs[field.name] = text;
      }
    }
  }
  return inputs;
}
