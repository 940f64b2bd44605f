/** Basis points as a percentage: 50 → '0.5%', 6000 → '60%'. */
export function formatBp(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}

/** Yuan typed in a form (up to 2 decimals) as integer fen. */
export function fenOf(yuanValue: number | null | undefined): number | undefined {
  return yuanValue === null || yuanValue === undefined ? undefined : Math.round(yuanValue * 100);
}

export const DUES_KEY = ['dues'] as const;
export const STATEMENTS_KEY = ['statements'] as const;
