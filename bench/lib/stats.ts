// Pure arithmetic of the harness: percentiles of latency samples, and the ratio of a scenario to
// the ceiling runs taken just before and just after it (alternation cancels drift and noise from
// other work on a shared machine: both sides of each comparison saw the same conditions).

/** The p-th percentile (0–100) of samples, nearest-rank; NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
}

/**
 * Runs were taken as ceiling[0], scenario[0], ceiling[1], scenario[1], …, ceiling[n]: one more
 * ceiling run than scenario runs. Each scenario run is divided by the mean of its two neighbours;
 * the result is the mean of those ratios.
 */
export function alternationRatio(ceilingRps: readonly number[], scenarioRps: readonly number[]): number {
  if (scenarioRps.length === 0 || ceilingRps.length !== scenarioRps.length + 1) {
    throw new Error(
      `need n scenario runs between n+1 ceiling runs, got ${scenarioRps.length} and ${ceilingRps.length}`,
    );
  }
  return mean(scenarioRps.map((s, i) => s / mean([ceilingRps[i], ceilingRps[i + 1]])));
}
