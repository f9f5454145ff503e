/**
 * Identifiers for generated code. Node ids are arbitrary user text; names are built from a fixed prefix plus the
 * sanitised id (so never a reserved word), and distinct ids that sanitise alike get numeric suffixes.
 */
export class NameAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly sanitise: (fragment: string) => string) {}

  allocate(base: string): string {
    const clean = this.sanitise(base);
    let name = clean;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${clean}_${n}`;
    // Case-insensitive uniqueness: Java/Go files and some file systems fold case.
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** Letters, digits and `_` only (ASCII), not starting with a digit; long ids are shortened. */
export function asciiIdentifier(fragment: string): string {
  let clean = fragment.replace(/[^A-Za-z0-9_]/g, '_').replace(/_{2,}/g, '_');
  if (/^[0-9]/.test(clean)) clean = `_${clean}`;
  if (clean.length > 60) clean = clean.slice(0, 60);
  return clean || '_';
}

/** A package / module name: lower-case letters, digits and `_`, starting with a letter. */
export function packageIdentifier(name: string | undefined, fallback = 'workflow'): string {
  const clean = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return clean.slice(0, 50) || fallback;
}

/** One line of comment text: no line breaks, no comment terminators of any target language. */
export function commentText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')
    .replace(/\*\//g, '* /')
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
}
