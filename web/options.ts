/** Select options from an enum's labels, in the enum's own order. */
export function labelOptions<T extends string>(labels: Record<T, string>, values: readonly T[]) {
  return values.map((value) => ({ value, label: labels[value] }));
}
