export const SUGGESTIONS_KEY = ['suggestions'] as const;

/** Yuan text for an amount in fen: 20000 → "200.00". */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
