/**
 * A node's output ports as the engine sees them: most components have fixed ports, a switch has one per case (its
 * config defines them). Computed with the component's own `outputsFor`, so the canvas offers exactly the ports the
 * server validates connections against.
 */
import { switchComponent } from '../../../engine/components/switch';
import type { PortSpec } from '../../../engine/model/types';
import type { Instance } from './types';

const CONFIGURED_OUTPUTS: Record<string, (config: never) => PortSpec[]> = { [switchComponent.id]: switchComponent.outputsFor! };

/** The node with its component's outputs replaced by the ports its config defines (unchanged when there are none). */
export function withConfiguredOutputs(instance: Instance): Instance {
  const outputsFor = CONFIGURED_OUTPUTS[instance.componentId];
  if (!outputsFor) return instance;
  let ports: PortSpec[];
  try {
    ports = outputsFor(instance.config as never);
  } catch {
    // A config the server will report (e.g. no cases yet): the component's own ports until it is fixed.
    return instance;
  }
  const outputs = ports.filter((p) => typeof p.name === 'string' && p.name).map(({ name, type }) => ({ name, type }));
  return { ...instance, component: { ...instance.component, outputs } };
}
