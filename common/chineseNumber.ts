const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: the ordinals of terms and meetings. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 第三届第二次职工代表大会 */
export function defaultMeetingTitle(termNumber: number, meetingNumber: number): string {
  return `第${chineseNumber(termNumber)}届第${chineseNumber(meetingNumber)}次职工代表大会`;
}
