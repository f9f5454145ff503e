/**
 * The session journal: every completed step and every edit, in order. It is the source of truth for inspection
 * (variables, timeline) and for recovery — a restarted process replays the recorded outputs instead of running the
 * nodes again, so side effects (HTTP, LLM, code) happen once.
 */
import type { PortValues } from '../../engine/components/types';
import type { Frame, StepRecord } from '../../engine/runtime/types';

export interface StepEntry {
  kind: 'step';
  nodeId: string;
  frames: Frame[];
  status: StepRecord['status'];
  inputs: Record<string, unknown>;
  outputs: PortValues | null;
  error: { code: string; message: string } | null;
  attempt: number;
  startedAt: string;
  durationMs: number;
}

export interface EditEntry {
  kind: 'edit';
  nodeId: string;
  frames: Frame[];
  port: string;
  value: unknown;
  previous: unknown;
  at: string;
}

export type JournalEntry = StepEntry | EditEntry;

/** A finished node as seen from some position: its inputs and its (possibly edited) outputs. */
export interface FinishedNode {
  nodeId: string;
  frames: Frame[];
  inputs: Record<string, unknown>;
  outputs: PortValues;
}

export const frameKey = (frames: readonly Frame[]): string => frames.map((f) => `${f.parentNodeId}[${f.index}]`).join('/');
export const nodeKey = (frames: readonly Frame[], nodeId: string): string => `${frameKey(frames)}/${nodeId}`;

export function stepEntry(step: StepRecord): StepEntry {
  return {
    kind: 'step',
    nodeId: step.nodeId,
    frames: step.frames,
    status: step.status,
    inputs: step.inputs ?? {},
    outputs: step.outputs ?? null,
    error: step.error ?? null,
    attempt: step.attempt,
    startedAt: step.startedAt,
    durationMs: step.durationMs,
  };
}

/** The journal with an index of finished nodes per frame, kept up to date as entries are added. */
export class Journal {
  readonly entries: JournalEntry[] = [];
  private readonly byFrame = new Map<string, Map<string, FinishedNode>>();

  constructor(entries: readonly JournalEntry[] = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: JournalEntry): void {
    this.entries.push(entry);
    const key = frameKey(entry.frames);
    let frame = this.byFrame.get(key);
    if (!frame) this.byFrame.set(key, (frame = new Map()));
    if (entry.kind === 'step') {
      if (entry.status === 'succeeded')
        frame.set(entry.nodeId, { nodeId: entry.nodeId, frames: entry.frames, inputs: entry.inputs, outputs: { ...(entry.outputs ?? {}) } });
      return;
    }
    const finished = frame.get(entry.nodeId);
    if (finished) finished.outputs = { ...finished.outputs, [entry.port]: entry.value };
  }

  /** Outputs to replay (edits applied) for every completed node, by nodeKey. */
  replayOutputs(): Map<string, PortValues> {
    const replay = new Map<string, PortValues>();
    for (const frame of this.byFrame.values()) for (const node of frame.values()) replay.set(nodeKey(node.frames, node.nodeId), node.outputs);
    return replay;
  }

  /** Finished nodes visible from a frame: those of each enclosing frame, inner ones shadowing outer ones by id. */
  visible(frames: readonly Frame[]): Map<string, FinishedNode> {
    const visible = new Map<string, FinishedNode>();
    for (let depth = 0; depth <= frames.length; depth++) {
      for (const node of this.byFrame.get(frameKey(frames.slice(0, depth)))?.values() ?? []) visible.set(node.nodeId, node);
    }
    return visible;
  }

  /** `vars` for expressions: node id → outputs, as visible from `frames`. */
  vars(frames: readonly Frame[]): Record<string, PortValues> {
    const vars: Record<string, PortValues> = {};
    for (const [id, node] of this.visible(frames)) vars[id] = node.outputs;
    return vars;
  }

  steps(): StepEntry[] {
    return this.entries.filter((e): e is StepEntry => e.kind === 'step');
  }
}
