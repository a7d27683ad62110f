/** A bounded memo for parsed templates: rule and receiver texts repeat on every evaluation and notification. */
export function memo<T>(limit: number, make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      v = make(key);
      cache.set(key, v);
    }
    return v;
  };
}
