/** What a language optimizer finds and how it rewrites: findings with 1-based positions and text edits. */
export interface CodeFinding {
  rule: string;
  message: string;
  line: number;
  column: number;
  applied: boolean;
}

/** Replace [start, end) of the original source with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A finding plus the edits that implement it (none: reported only). */
export interface Rewrite {
  rule: string;
  message: string;
  /** Offset in the original source where the finding is. */
  at: number;
  edits: TextEdit[];
  /** Edits several rewrites need once (e.g. the logging setup): applied when any rewrite carrying them is. */
  shared?: TextEdit[];
}

export interface LanguageOptimizer {
  language: string;
  parser: string;
  checks: string[];
  /** A syntax error message, or null when the code parses. */
  syntaxError(code: string): Promise<string | null>;
  rewrites(code: string): Promise<Rewrite[]>;
}
