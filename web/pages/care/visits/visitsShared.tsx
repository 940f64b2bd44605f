import { Tag } from 'antd';
import { VISIT_REASON_LABELS, VISIT_REASONS } from '../../../../common/schemas/care';
import { yuan } from '../../../../common/schemas/funds';
import { VISIT_STATUS_LABELS, type VisitView } from '../../../../common/schemas/visit';
import { labelOptions } from '../../../options';

export const VISITS_KEY = ['care', 'visits'] as const;

export const reasonOptions = labelOptions(VISIT_REASON_LABELS, VISIT_REASONS);

/** Cash of a visit: "—" for those who may not see amounts. */
export function CashText({ fen }: { fen: number | null }) {
  if (fen === null) return <span>—</span>;
  return <span>{fen === 0 ? '无' : `${yuan(fen)}元`}</span>;
}

export function VisitStatusTag({ v }: { v: Pick<VisitView, 'status' | 'ledgerEntryId'> }) {
  if (v.status === 'cancelled') return <Tag>{VISIT_STATUS_LABELS.cancelled}</Tag>;
  return (
    <>
      <Tag color="success">{VISIT_STATUS_LABELS.done}</Tag>
      {v.ledgerEntryId && <Tag color="blue">已入账</Tag>}
    </>
  );
}
