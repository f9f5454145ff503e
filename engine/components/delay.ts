/** `delay`: passes its input on after `ms` milliseconds; cancellation interrupts the wait. */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { configSchema } from './schema-fragments';

export const MAX_DELAY_MS = 60_000;

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new ComponentError('CANCELLED', 'delay cancelled');
    if (signal.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const delayComponent: ComponentDefinition<{ ms: number }> = {
  id: 'core/delay',
  version: '1.0.0',
  name: 'Delay',
  category: 'logic',
  description: `Waits \`ms\` milliseconds (at most ${MAX_DELAY_MS}) and then emits its input unchanged.`,
  icon: '⏱️',
  color: '#ef6c00',
  inputs: [{ name: 'value', type: 'any', description: 'Passed through; null when not connected.' }],
  outputs: [{ name: 'value', type: 'any' }],
  configSchema: configSchema({ ms: { type: 'integer', minimum: 0, maximum: MAX_DELAY_MS, default: 1000 } }),
  emit: (e) => e.helper('delay'),
  async run(ctx) {
    await sleep(ctx.config.ms, ctx.signal);
    return { value: ctx.inputs.value ?? null };
  },
};
