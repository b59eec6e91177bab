// Runs `work` on every item with at most `size` running at once; each item's
// result is handed to `done` as soon as it finishes.
export async function runPool<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<R>,
  done?: (result: R, item: T) => void,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      const item = items[i]!;
      results[i] = await work(item);
      done?.(results[i]!, item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
  return results;
}
