import { z } from 'zod';

/**
 * A list filter that takes one value or several, comma-separated (`state=approved,noticed,paid`):
 * a figure of the year counts records in a few states, and its link must open exactly those. The
 * issue stays on the field itself, so the message and the path name it.
 */
export const commaList = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.string({ error: `${label}无效` }).transform((v, ctx) => {
    const items = [...new Set(v.split(',').map((s) => s.trim()))];
    const bad = items.find((i) => !(values as readonly string[]).includes(i));
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: bad ? `${label}“${bad}”无效` : `${label}不能为空` });
      return z.NEVER;
    }
    return items as T[number][];
  });
