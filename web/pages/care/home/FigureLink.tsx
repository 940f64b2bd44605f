import { Typography } from 'antd';
import { Link } from 'react-router';
import type { CareFigure } from '../../../../common/schemas/careStats';
import { yuan } from '../../../../common/schemas/funds';
import { useMe } from '../../../access';
import { mayOpen } from './careLinks';

/** A count (and its total) that opens the list of the records it counts, when the user may open it. */
export function FigureLink({ figure, unit = '' }: { figure: CareFigure; unit?: string }) {
  const me = useMe();
  const text = (
    <>
      <Typography.Text strong>
        {figure.count}
        {unit}
      </Typography.Text>
      {figure.amountFen !== undefined && (
        <Typography.Text type="secondary"> · {yuan(figure.amountFen)}元</Typography.Text>
      )}
    </>
  );
  return mayOpen(me.permissions, figure.href) ? <Link to={figure.href}>{text}</Link> : text;
}
