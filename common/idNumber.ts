// Mainland resident ID numbers (GB 11643-1999): 17 digits and a check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export interface IdNumberInfo {
  birthDate: string; // YYYY-MM-DD
  gender: 'male' | 'female';
}

/** Normalises case and surrounding space; a lower-case x is accepted and stored as X. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Returns a Chinese error message, or null when the number is valid. */
export function idNumberError(raw: string): string | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位，前17位为数字，末位为数字或X';
  if (!parseBirthDate(id)) return '身份证号中的出生日期无效';
  if (checkChar(id.slice(0, 17)) !== id[17]) return '身份证号校验位错误';
  return null;
}

function parseBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    date.getTime() > Date.now() ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  ) {
    return null;
  }
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Birth date and gender carried in a valid ID number. */
export function idNumberInfo(raw: string): IdNumberInfo | null {
  const id = normalizeIdNumber(raw);
  if (idNumberError(id)) return null;
  const birthDate = parseBirthDate(id)!;
  return { birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** 110105********123X: region code and last four stay, the birth date and sequence are hidden. */
export function maskIdNumber(raw: string): string {
  const id = normalizeIdNumber(raw);
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
