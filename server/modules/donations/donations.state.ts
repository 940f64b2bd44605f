import { DONATION_DRIVE_STATUS_LABELS, type DonationDriveStatus } from '../../../common/schemas/donation.js';
import { conflict } from '../../lib/errors.js';

// The donation drive machine: open → closed → handedOver, with reopen while not handed over, and
// cancel before the handover. This table is the whole machine; donations are taken only while open.

export const DRIVE_ACTIONS = ['close', 'reopen', 'handover', 'cancel'] as const;
export type DriveAction = (typeof DRIVE_ACTIONS)[number];
export const DRIVE_ACTION_LABELS: Record<DriveAction, string> = {
  close: '截止',
  reopen: '重新开放',
  handover: '交付',
  cancel: '取消',
};

export const DRIVE_TRANSITIONS: readonly {
  action: DriveAction;
  from: readonly DonationDriveStatus[];
  to: DonationDriveStatus;
}[] = [
  { action: 'close', from: ['open'], to: 'closed' },
  { action: 'reopen', from: ['closed'], to: 'open' },
  { action: 'handover', from: ['closed'], to: 'handedOver' },
  { action: 'cancel', from: ['open', 'closed'], to: 'cancelled' },
];

/** The status the action leads to; 409 INVALID_TRANSITION naming the current status otherwise. */
export function nextStatus(status: DonationDriveStatus, action: DriveAction): DonationDriveStatus {
  const t = DRIVE_TRANSITIONS.find((x) => x.action === action && x.from.includes(status));
  if (!t) {
    throw conflict(
      'INVALID_TRANSITION',
      `捐款活动${DONATION_DRIVE_STATUS_LABELS[status]}，不能${DRIVE_ACTION_LABELS[action]}`,
    );
  }
  return t.to;
}

/** 409 unless the drive takes donations (open): adding, importing and removing donations. */
export function assertOpen(status: DonationDriveStatus): void {
  if (status !== 'open') {
    throw conflict(
      'INVALID_TRANSITION',
      `捐款活动${DONATION_DRIVE_STATUS_LABELS[status]}，不能再登记或删除捐款`,
    );
  }
}
