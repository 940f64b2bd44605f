// Mainland mobile numbers (1[3-9]xxxxxxxxx) and landlines (0xx[x]-xxxxxxx[x], extension allowed).
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function normalizePhone(raw: string): string {
  return raw.trim().replace(/\s+/g, '');
}

export function isValidPhone(raw: string): boolean {
  const p = normalizePhone(raw);
  return MOBILE.test(p) || LANDLINE.test(p);
}

/** 138****5678 for mobiles; landlines keep the area code and the last four digits. */
export function maskPhone(raw: string): string {
  const p = normalizePhone(raw);
  if (MOBILE.test(p)) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length <= 4) return '*'.repeat(p.length);
  // Area codes are 3 digits for 010 and 02x, 4 otherwise.
  const areaLength = /^0(10|2\d)/.test(p) ? 3 : 4;
  const head = p.startsWith('0') ? p.slice(0, p.indexOf('-') > 0 ? p.indexOf('-') + 1 : areaLength) : '';
  return `${head}${'*'.repeat(Math.max(p.length - head.length - 4, 0))}${p.slice(-4)}`;
}
