import type { WorkflowGraph } from '../model/types';

/** A shipped example project: a real graph over the built-ins, with inputs to try and the outputs they give. */
export interface TemplateDefinition {
  id: string;
  name: string;
  description: string;
  categories: string[];
  graph: WorkflowGraph;
  /** Run inputs that demonstrate the template. */
  sampleInputs: Record<string, unknown>;
  /**
   * The exact run outputs for `sampleInputs`. For templates that `need` an LLM, these are the replies of the test
   * suite's fake OpenAI server (tests/support/fake-openai.ts); for `http`, of tests/engine/components/fake-http-server.ts.
   */
  expectedOutputs: Record<string, unknown>;
  /** Outside services the template calls; without them configured it fails with a clear error. */
  needs?: ('llm' | 'http')[];
}
