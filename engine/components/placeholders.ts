/**
 * `{{path}}` placeholders (the prompt template syntax). A placeholder is a dotted path (see ./paths) with optional
 * surrounding spaces: `{{question}}`, `{{ user.name }}`, `{{items[0]}}`. Strings are inserted as they are, other
 * JSON values as JSON. Every missing variable is reported at once, so a user fixes the template in one go.
 */
import { lookupPath, parsePath } from './paths';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export class PlaceholderError extends Error {
  constructor(
    message: string,
    readonly missing: string[] = [],
  ) {
    super(message);
    this.name = 'PlaceholderError';
  }
}

/** The distinct placeholder paths in `template`, in order of first appearance. */
export function listPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

export function renderPlaceholders(template: string, scope: Record<string, unknown>): string {
  const missing: string[] = [];
  const rendered = template.replace(PLACEHOLDER, (whole, path: string) => {
    let segments;
    try {
      segments = parsePath(path);
    } catch (error) {
      throw new PlaceholderError(`placeholder ${whole}: ${(error as Error).message}`);
    }
    const lookup = lookupPath(scope, segments);
    if (!lookup.found || lookup.value === undefined) {
      if (!missing.includes(path)) missing.push(path);
      return whole;
    }
    return typeof lookup.value === 'string' ? lookup.value : JSON.stringify(lookup.value);
  });
  if (missing.length > 0) {
    const available = Object.keys(scope).filter((key) => scope[key] !== undefined);
    throw new PlaceholderError(
      `missing template variable${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}` +
        ` (available: ${available.length ? available.join(', ') : 'none'})`,
      missing,
    );
  }
  return rendered;
}
