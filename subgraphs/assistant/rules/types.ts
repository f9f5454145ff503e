/** An analysis rule: one file per rule under rules/, listed in rules/index.ts. */
import type { GraphEdit } from '../../../engine/model/edits';
import type { GraphContext } from '../analysis/graph-context';
import type { SuggestionKind, SuggestionSeverity } from '../suggestion-store';

export interface Finding {
  nodeIds: string[];
  message: string;
  /** Overrides the rule's title when the finding needs a more specific one. */
  title?: string;
  codeSnippets?: string[];
  /** Graph edits that fix it; the analyser checks them before offering them. */
  patch?: GraphEdit[];
  /** What the finding is about when node ids alone do not say it (e.g. the config field). */
  key?: string;
}

export interface Rule {
  id: string;
  kind: SuggestionKind;
  severity: SuggestionSeverity;
  title: string;
  /** Does the rule offer patches (for some findings at least)? */
  autoFix: boolean;
  bestPractices: string[];
  check(ctx: GraphContext): Finding[];
}
