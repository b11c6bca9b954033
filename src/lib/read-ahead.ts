/**
 * Yields what `source` yields, asking it for the next item as soon as the current one is handed
 * out: producing item n + 1 (reading and validating a file's next rows) overlaps the consumer's
 * work on item n (PostgreSQL writing the batch on its own core). One item at most is waiting.
 * If the consumer stops early, the item being produced is awaited and the source closed.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  // Rejections are seen by the await below; this keeps one left behind by an early stop from being "unhandled".
  pending.catch(() => {});
  let finished = false;
  try {
    for (;;) {
      const result = await pending;
      if (result.done) {
        finished = true;
        return;
      }
      pending = iterator.next();
      pending.catch(() => {});
      yield result.value;
    }
  } finally {
    if (!finished) {
      await pending.catch(() => undefined);
      await iterator.return?.();
    }
  }
}
