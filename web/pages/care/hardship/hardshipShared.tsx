import { Tag } from 'antd';
import {
  HARDSHIP_LEVEL_LABELS,
  HARDSHIP_REASON_LABELS,
  HARDSHIP_STATUS_LABELS,
  type HardshipLevel,
  type HardshipReason,
  type HardshipStatus,
} from '../../../../common/schemas/hardship';

export const HARDSHIP_KEY = ['care', 'hardship'] as const;

const LEVEL_COLORS: Record<HardshipLevel, string> = { general: 'blue', special: 'orange', deep: 'red' };

export function LevelTag({ level }: { level: HardshipLevel }) {
  return <Tag color={LEVEL_COLORS[level]}>{HARDSHIP_LEVEL_LABELS[level]}</Tag>;
}

export function HardshipStatusTag({ status }: { status: HardshipStatus }) {
  return <Tag color={status === 'active' ? 'success' : 'default'}>{HARDSHIP_STATUS_LABELS[status]}</Tag>;
}

export const reasonsText = (reasons: HardshipReason[]) =>
  reasons.map((r) => HARDSHIP_REASON_LABELS[r]).join('、');

export const levelOptions = Object.entries(HARDSHIP_LEVEL_LABELS).map(([value, label]) => ({ value, label }));
export const reasonOptions = Object.entries(HARDSHIP_REASON_LABELS).map(([value, label]) => ({
  value,
  label,
}));
