/** Every analysis rule, one file each. Order is only the order of reporting within a severity. */
import { constantConditionRule } from './constant-condition';
import { costlyClassificationModelRule } from './costly-classification-model';
import { deadNodeRule } from './dead-node';
import { disconnectedNodeRule } from './disconnected-node';
import { duplicateModelCallsRule } from './duplicate-model-calls';
import { expressionUnknownVariableRule } from './expression-unknown-variable';
import { jsonReplyWithoutJsonModeRule } from './json-reply-without-json-mode';
import { networkWithoutRetryRule } from './network-without-retry';
import { noOutputNodeRule } from './no-output-node';
import { plainHttpUrlRule } from './plain-http-url';
import { secretLiteralRule } from './secret-literal';
import { templateMissingVariableRule } from './template-missing-variable';
import type { Rule } from './types';
import { unboundedMapRule } from './unbounded-map';
import { uncheckedAnyRule } from './unchecked-any';
import { untypedInputRule } from './untyped-input';

export const ANALYSIS_RULES: readonly Rule[] = [
  secretLiteralRule,
  plainHttpUrlRule,
  networkWithoutRetryRule,
  templateMissingVariableRule,
  expressionUnknownVariableRule,
  noOutputNodeRule,
  uncheckedAnyRule,
  jsonReplyWithoutJsonModeRule,
  constantConditionRule,
  unboundedMapRule,
  duplicateModelCallsRule,
  costlyClassificationModelRule,
  deadNodeRule,
  disconnectedNodeRule,
  untypedInputRule,
];

export type { Finding, Rule } from './types';
