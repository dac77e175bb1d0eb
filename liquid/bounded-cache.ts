/**
 * `compute` remembered for the last `limit` keys used: a render of a text
 * seen before reuses the work on it, and a server shown endless texts stays
 * bounded. A key whose compute throws is not remembered.
 */
export function boundedCache<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    if (values.has(key)) {
      const value = values.get(key) as V;
      // Most recently used last, so the first is the one to forget.
      values.delete(key);
      values.set(key, value);
      return value;
    }
    const value = compute(key);
    values.set(key, value);
    if (values.size > limit) values.delete(values.keys().next().value as K);
    return value;
  };
}
