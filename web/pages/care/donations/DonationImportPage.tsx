import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, Form, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type {
  DonationDriveDetail,
  DonationImportCommitResult,
  DonationImportPreview,
  DonationImportSampleRow,
} from '../../../../common/schemas/donation';
import { yuan } from '../../../../common/schemas/funds';
import { api } from '../../../api';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect';
import { ImportPreview, ImportProblemTable } from '../../../components/ImportPreview';
import { ImportUpload } from '../../../components/ImportUpload';
import { ImportWizard } from '../../../components/ImportWizard';
import { DONATIONS_KEY } from './donationsShared';

const MODES = [
  {
    value: 'append' as const,
    label: '追加到本次捐款',
    hint: '名单中的每一行记为一笔捐款；任一行有问题时整份名单都不会导入。',
  },
];

const sampleColumns: TableColumnsType<DonationImportSampleRow> = [
  { title: '行', dataIndex: 'row', width: 70 },
  { title: '姓名', dataIndex: 'donorName', render: (n: string, r) => (r.isMember ? n : `${n}（非会员）`) },
  { title: '会员证号', dataIndex: 'memberNo' },
  { title: '金额（元）', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
  { title: '日期', dataIndex: 'date' },
  { title: '公示姓名', dataIndex: 'nameConsent', render: (c: boolean) => (c ? '同意' : '不公示') },
];

/** 导入科室捐款名单: pick the department, upload its list, check, confirm; all rows or none. */
export default function DonationImportPage() {
  const { id } = useParams();
  const queryClient = useQueryClient();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const drive = useQuery({
    queryKey: [...DONATIONS_KEY, 'drive', id],
    queryFn: () => api.get<{ data: DonationDriveDetail }>(`/care/donations/drives/${id}`).then((r) => r.data),
    refetchOnWindowFocus: false,
  });
  return (
    <Flex vertical gap={16}>
      <Card title={`导入科室捐款名单 · ${drive.data?.title ?? ''}`}>
        <Form layout="inline">
          <Form.Item label="名单所属科室" htmlFor="donation-import-department">
            <DepartmentTreeSelect
              id="donation-import-department"
              value={departmentId}
              onChange={setDepartmentId}
              style={{ width: 260 }}
            />
          </Form.Item>
        </Form>
        {!departmentId && (
          <Alert style={{ marginTop: 16 }} type="info" showIcon title="请先选择名单所属的科室" />
        )}
      </Card>
      {departmentId && (
        <ImportWizard<DonationImportPreview, DonationImportCommitResult>
          key={departmentId}
          title="上传名单"
          upload={(onPreview) => (
            <ImportUpload
              url={`/care/donations/drives/${id}/departments/${departmentId}/import`}
              templateHref={`/api/care/donations/import/template?departmentId=${departmentId}`}
              templateButton="下载科室捐款名单模板"
              templateText="下载模板（已列出该科室人员），填写金额（单位：元），未捐款的人员删除该行；“同意公示姓名”填“是”才公示姓名。"
              modes={MODES}
              uploadText="上传名单，系统先检查并给出预览，确认后才会写入。"
              onPreview={onPreview}
            />
          )}
          preview={(p, onDone, onRestart) => (
            <ImportPreview
              summary={`文件「${p.fileName}」：${p.departmentName}，共${p.total}行，可导入${p.matched}行，合计 ${yuan(p.totalFen)} 元`}
              problemCount={p.problemCount}
              problems={p.problems}
              problemsTestId="donation-problems-table"
              passedText="检查通过，确认后将整份名单记为捐款。"
              warnings={
                p.warningCount > 0 && (
                  <>
                    <Alert type="warning" showIcon title={`${p.warningCount} 行需留意（将照常导入）`} />
                    <ImportProblemTable problems={p.warnings} pageSize={20} />
                  </>
                )
              }
              sample={p.sample}
              sampleColumns={sampleColumns}
              commitUrl={`/care/donations/imports/${p.id}/commit`}
              onDone={onDone}
              onRestart={onRestart}
            />
          )}
          doneText={(r) => `已导入${r.rowCount}笔捐款，合计 ${yuan(r.totalFen)} 元`}
          back={{ to: `/care/donations/${id}`, label: '返回捐款活动' }}
          onImported={() => queryClient.invalidateQueries({ queryKey: DONATIONS_KEY })}
        />
      )}
    </Flex>
  );
}
