/**
 * The platform's event bus seam (ARCHITECTURE §8): services publish the seed's events after their transaction
 * commits. In-process in the embedded default; the real-time issue adds Redis behind the same interface.
 */
import { EventEmitter } from 'node:events';

export const SEED_EVENTS = [
  'PROJECT_CREATED', 'PROJECT_UPDATED', 'PROJECT_DELETED', 'COMPONENT_ADDED', 'COMPONENT_USED', 'CONNECTION_CREATED',
  'WORKFLOW_EXECUTED', 'CODE_GENERATED', 'DEBUG_SESSION_STARTED', 'DEBUG_STEP_EXECUTED', 'DEPLOYMENT_STARTED',
  'DEPLOYMENT_COMPLETED', 'AI_SUGGESTION_GENERATED',
] as const;
export type SeedEventType = (typeof SEED_EVENTS)[number];

export interface PlatformEvent {
  type: SeedEventType;
  source: string;
  at: string;
  data: Record<string, unknown>;
}

export interface EventPublisher {
  publish(type: SeedEventType, data: Record<string, unknown>): Promise<void>;
}

export interface EventBus extends EventPublisher {
  subscribe(listener: (event: PlatformEvent) => void): () => void;
  close(): Promise<void>;
}

export function createInProcessEventBus(source: string): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(type, data) {
      emitter.emit('event', { type, source, at: new Date().toISOString(), data } satisfies PlatformEvent);
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
