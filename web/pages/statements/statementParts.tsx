import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, InputNumber } from 'antd';
import type { ReactNode } from 'react';
import type { ReviewNoteView } from '../../../common/schemas/statements';
import { queryString } from '../../api';

const thisYear = new Date().getFullYear();
export const thisMonth = () => new Date().toISOString().slice(0, 7);
export const validMonth = (m: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);

export function YearPicker({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  return (
    <Flex gap={8} align="center">
      年度
      <InputNumber
        aria-label="年度"
        min={2000}
        max={thisYear + 1}
        value={value}
        onChange={(v) => v && onChange(v)}
      />
    </Flex>
  );
}

export function MonthInput(props: { label: string; value: string; onChange: (m: string) => void }) {
  return (
    <Flex gap={8} align="center">
      {props.label}
      <Input
        aria-label={props.label}
        style={{ width: 110 }}
        placeholder="YYYY-MM"
        value={props.value}
        status={validMonth(props.value) ? undefined : 'error'}
        onChange={(e) => props.onChange(e.target.value.trim())}
      />
    </Flex>
  );
}

/** The Excel download of a statement: the same query with format=xlsx. */
export function ExportButton({
  path,
  query,
}: {
  path: string;
  query: Record<string, string | number | undefined>;
}) {
  return (
    <Button
      icon={<DownloadOutlined />}
      href={`/api/statements/${path}${queryString({ ...query, format: 'xlsx' })}`}
      download
    >
      导出Excel
    </Button>
  );
}

export function Toolbar({ children }: { children: ReactNode }) {
  return (
    <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
      {children}
    </Flex>
  );
}

/** The fund auditors' notes on the months a statement covers, printed under it. */
export function NotesUnder({ notes }: { notes: ReviewNoteView[] | undefined }) {
  if (!notes?.length) return null;
  return (
    <Flex vertical gap={8} style={{ marginTop: 16 }}>
      {notes.map((n) => (
        <Alert
          key={n.id}
          type="info"
          title={`经费审查委员会审查意见（${n.period}，${n.reviewedOn}）`}
          description={`${n.opinion}${n.findings ? `；发现的问题：${n.findings}` : ''}`}
        />
      ))}
    </Flex>
  );
}
