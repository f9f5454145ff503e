'use strict';
/**
 * The data-flow scheduler, with the visual builder's semantics: a node runs when every connected input has settled;
 * nodes whose inputs were not produced are skipped (skip propagates); `merge`-like nodes run on partial inputs;
 * per-node timeout, retries with exponential backoff and onError fail | continue | route.
 * Ready nodes start lowest index first; with `concurrent` independent branches run at the same time.
 */

class WorkflowError extends Error {
  constructor(code, message, retryable = true) {
    super(message);
    this.code = code;
    this.retryable = retryable;
  }
}

/** A component's own failure; the message names the node, as the interpreter's do. */
class ComponentError extends WorkflowError {
  constructor(code, message, nodeId) {
    super(code, nodeId ? `node "${nodeId}": ${message}` : message);
  }
}

const { setOwn } = require('./values');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, nodeId) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new WorkflowError('NODE_TIMEOUT', `node "${nodeId}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function errorInfo(error) {
  if (error instanceof Error) return { code: typeof error.code === 'string' && error.code ? error.code : 'COMPONENT_ERROR', message: error.message };
  return { code: 'COMPONENT_ERROR', message: String(error) };
}

async function runNode(node, inputs, runInputs, world) {
  const settings = node.settings || {};
  let retriesLeft = settings.retries || 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const ctx = { nodeId: node.id, inputs, runInputs, world };
      const pending = Promise.resolve().then(() => node.run(ctx));
      const outputs = settings.timeoutMs ? await withTimeout(pending, settings.timeoutMs, node.id) : await pending;
      return outputs || {};
    } catch (error) {
      const info = errorInfo(error);
      if (retriesLeft > 0 && error.retryable !== false) {
        retriesLeft--;
        await sleep((settings.retryBackoffMs ?? 100) * 2 ** (attempt - 1));
        continue;
      }
      const onError = settings.onError || 'fail';
      if (onError === 'continue') return { ...(settings.defaultOutputs || {}) };
      if (onError === 'route') return { error: { message: info.message, code: info.code, nodeId: node.id } };
      const prefix = `node "${node.id}"`;
      throw new WorkflowError(info.code, info.message.startsWith(prefix) ? info.message : `${prefix} (${node.component}) failed: ${info.message}`);
    }
  }
}

/** A node's inputs by port, or undefined when it must be skipped. */
function collectInputs(node, results) {
  const inputs = {};
  let live = 0;
  let dead = 0;
  for (const [port, multiple, sources] of node.inputs) {
    const values = [];
    for (const [source, sourcePort] of sources) {
      const produced = results[source];
      if (produced && produced[sourcePort] !== undefined) values.push(produced[sourcePort]);
    }
    if (values.length === 0) dead++;
    else {
      inputs[port] = multiple ? values : values[0];
      live++;
    }
  }
  if (node.partial) return live > 0 || node.inputs.length === 0 ? inputs : undefined;
  return dead === 0 ? inputs : undefined;
}

/**
 * Runs `graph` (an array of node descriptors: {id, component, run, inputs: [[port, multiple, [[source, port]…]]…],
 * partial, settings, output}) and resolves to the outputs collected from output nodes.
 */
function runGraph(graph, runInputs, world) {
  const count = graph.length;
  const results = new Array(count).fill(undefined);
  const pending = graph.map((node) => node.inputs.reduce((sum, input) => sum + input[2].length, 0));
  const dependents = graph.map(() => []);
  graph.forEach((node, index) => node.inputs.forEach((input) => input[2].forEach(([source]) => dependents[source].push(index))));
  const ready = [];
  pending.forEach((degree, index) => degree === 0 && ready.push(index));
  const outputs = {};
  const limit = world.concurrent ? 8 : 1;
  let running = 0;
  let failure;
  return new Promise((resolve, reject) => {
    const release = (index) => {
      for (const dependent of dependents[index]) if (--pending[dependent] === 0) ready.push(dependent);
    };
    const pump = () => {
      while (!failure && running < limit && ready.length > 0) {
        ready.sort((a, b) => a - b);
        const index = ready.shift();
        const node = graph[index];
        const inputs = collectInputs(node, results);
        if (inputs === undefined) {
          results[index] = null;
          release(index);
          continue;
        }
        running++;
        runNode(node, inputs, runInputs, world).then(
          (produced) => {
            running--;
            if (failure) return pump();
            if (node.output !== null) setOwn(outputs, node.output, inputs.value); // `__proto__` is an ordinary output name
            results[index] = produced;
            release(index);
            pump();
          },
          (error) => {
            running--;
            failure = failure || error;
            pump();
          },
        );
      }
      if (running === 0 && (failure || ready.length === 0)) {
        if (failure) reject(failure);
        else resolve(outputs);
      }
    };
    pump();
  });
}

module.exports = { WorkflowError, ComponentError, runGraph, sleep };
