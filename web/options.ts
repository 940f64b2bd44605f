/** Select options from an enum's labels, in the enum's own order. */
export function labelOptions<T extends string>(labels: Record<T, string>, values: readonly T[]) {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** This year and the nine before it, for year pickers. */
export function recentYears(): { value: number; label: string }[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, i) => ({ value: now - i, label: `${now - i}年` }));
}
