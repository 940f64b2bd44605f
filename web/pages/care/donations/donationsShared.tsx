import { Progress, Tag } from 'antd';
import { DONATION_DRIVE_STATUS_LABELS, type DonationDriveStatus } from '../../../../common/schemas/donation';
import { yuan } from '../../../../common/schemas/funds';

export const DONATIONS_KEY = ['care', 'donations'] as const;

const COLORS: Record<DonationDriveStatus, string> = {
  open: 'processing',
  closed: 'warning',
  handedOver: 'success',
  cancelled: 'default',
};

export function DriveStatusTag({ status }: { status: DonationDriveStatus }) {
  return <Tag color={COLORS[status]}>{DONATION_DRIVE_STATUS_LABELS[status]}</Tag>;
}

/** Raised so far, and the share of the target when there is one. */
export function RaisedProgress({
  totalFen,
  targetFen,
  percent,
}: {
  totalFen: number;
  targetFen: number | null;
  percent: number | null;
}) {
  return (
    <div style={{ minWidth: 180 }}>
      <div>
        {yuan(totalFen)} 元{targetFen ? ` / 目标 ${yuan(targetFen)} 元` : ''}
      </div>
      {percent !== null && (
        <Progress percent={percent} size="small" status={percent >= 100 ? 'success' : 'active'} />
      )}
    </div>
  );
}
