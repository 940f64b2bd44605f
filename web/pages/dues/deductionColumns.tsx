import { type TableColumnsType, Tag } from 'antd';
import type { DuesPaymentView } from '../../../common/schemas/dues';
import { yuan } from '../../../common/schemas/funds';

type Deduction = Pick<
  DuesPaymentView,
  'memberName' | 'memberNo' | 'departmentName' | 'baseSalaryFen' | 'amountFen' | 'expectedFen' | 'flagged'
>;

/** A member's payroll deduction beside what the rate asks, flagged when they differ: an import row or a payment. */
export function deductionColumns<T extends Deduction>(): TableColumnsType<T> {
  return [
    { title: '姓名', dataIndex: 'memberName' },
    { title: '会员证号', dataIndex: 'memberNo' },
    { title: '科室', dataIndex: 'departmentName' },
    { title: '缴费基数（元）', dataIndex: 'baseSalaryFen', align: 'right', render: yuan },
    { title: '代扣会费（元）', dataIndex: 'amountFen', align: 'right', render: yuan },
    {
      title: '应扣（元）',
      dataIndex: 'expectedFen',
      align: 'right',
      render: (v: number, r) => (r.flagged ? <Tag color="orange">{yuan(v)}</Tag> : yuan(v)),
    },
  ];
}
