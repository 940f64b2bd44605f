/** Escapes `%`, `_` and `\` so text typed in a search box matches literally inside a LIKE pattern. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** A LIKE pattern matching values that contain the text anywhere. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;
