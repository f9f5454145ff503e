/**
 * Ready nodes by graph position (a binary min-heap of node indexes): the lowest index runs first, so with
 * concurrency 1 the order is a stable topological order and a debugger's step-over is predictable.
 */
export class ReadyQueue {
  private readonly heap: number[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(index: number): void {
    const heap = this.heap;
    let child = heap.length;
    heap.push(index);
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (heap[parent] <= index) break;
      heap[child] = heap[parent];
      child = parent;
    }
    heap[child] = index;
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length === 0) return top;
    let parent = 0;
    const length = heap.length;
    for (;;) {
      let child = 2 * parent + 1;
      if (child >= length) break;
      if (child + 1 < length && heap[child + 1] < heap[child]) child++;
      if (heap[child] >= last) break;
      heap[parent] = heap[child];
      parent = child;
    }
    heap[parent] = last;
    return top;
  }
}
