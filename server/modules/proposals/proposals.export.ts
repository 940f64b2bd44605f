import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  HANDLING_STATE_LABELS,
  SATISFACTION_LABELS,
  type Satisfaction,
} from '../../../common/schemas/handling.js';
import { PROPOSAL_STATE_LABELS, type ProposalState } from '../../../common/schemas/proposal.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { writeSheet } from '../../lib/excel.js';
import { congressService } from '../congress/congress.service.js';
import { handling } from '../handling/handling.service.js';
import { proposalsRepository as repo, TOPIC_SUBJECT } from './proposals.repository.js';
import type { OrgActor } from './proposals.service.js';

// 提案汇编 (every numbered proposal of a meeting, in number order) and 提案办理情况报告 (per topic:
// departments, the answer, state and satisfaction, with totals), as the committee hands them out.

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const line = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)] });

const body = (text: string) =>
  text.split(/\r?\n/).map((t) => new Paragraph({ text: t, indent: { firstLine: 480 } }));

async function pack(children: (Paragraph | Table)[]) {
  const doc = new Document({
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export async function compilation(deps: Deps, auth: AuthContext, actor: OrgActor, meetingId: string) {
  const meeting = await congressService.getMeeting(deps.db, auth.orgId, meetingId);
  const rows = await repo.ofMeeting(deps.db, auth.orgId, meetingId);
  const children: Paragraph[] = [
    new Paragraph({
      text: `${meeting.title}提案汇编`,
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    new Paragraph({ text: `共 ${rows.length} 件`, alignment: AlignmentType.CENTER }),
  ];
  // One query for every proposal's co-signers, not one per proposal.
  const cosigners = await repo.confirmedCosignerNames(
    deps.db,
    auth.orgId,
    rows.map((r) => r.p.id),
  );
  for (const r of rows) {
    children.push(
      new Paragraph({ text: `${r.p.number}　${r.p.title}`, heading: HeadingLevel.HEADING_2 }),
      line('提案人', r.proposerName),
      line('附议人', cosigners.get(r.p.id)?.join('、') || '无'),
      line('类别', r.p.category),
      line('状态', PROPOSAL_STATE_LABELS[r.p.state as ProposalState]),
      ...(r.topicTitle && r.topicTitle !== r.p.title ? [line('并案', r.topicTitle)] : []),
      new Paragraph({ children: [new TextRun({ text: '提案理由：', bold: true })] }),
      ...body(r.p.reasons),
      new Paragraph({ children: [new TextRun({ text: '建议措施：', bold: true })] }),
      ...body(r.p.measures),
    );
    if (r.p.reviewNote) children.push(line('审查意见', r.p.reviewNote));
  }
  await writeAudit(deps.db, actor, {
    action: 'proposal.export',
    objectType: 'congressMeeting',
    objectId: meetingId,
    detail: { kind: 'compilation', count: rows.length },
  });
  return { buffer: await pack(children), fileName: `${meeting.title}提案汇编.docx` };
}

interface ReportRow {
  topic: string;
  numbers: string;
  lead: string;
  co: string;
  dueDate: string;
  state: string;
  answer: string;
  satisfaction: string;
  overdue: boolean;
}

async function reportData(deps: Deps, auth: AuthContext, meetingId: string) {
  const meeting = await congressService.getMeeting(deps.db, auth.orgId, meetingId);
  const proposals = await repo.ofMeeting(deps.db, auth.orgId, meetingId);
  const topics = await repo.topicsOf(deps.db, auth.orgId, meetingId);
  const items = await handling.bySubjects(
    deps.db,
    auth.orgId,
    TOPIC_SUBJECT,
    topics.map((t) => t.id),
  );
  const byTopic = new Map(items.map((i) => [i.subjectId, i]));
  const day = today();
  const rows: ReportRow[] = [];
  for (const t of topics) {
    const item = byTopic.get(t.id);
    const numbers = proposals
      .filter((p) => p.p.topicId === t.id)
      .map((p) => p.p.number)
      .join('、');
    if (!item) {
      rows.push({
        topic: t.title,
        numbers,
        lead: '',
        co: '',
        dueDate: '',
        state: '待交办',
        answer: '',
        satisfaction: '',
        overdue: false,
      });
      continue;
    }
    const d = await handling.detail(deps.db, auth.orgId, item.id, null);
    const answer = d.responses.filter((r) => r.departmentRole === 'lead').at(-1);
    rows.push({
      topic: t.title,
      numbers,
      lead: d.leadDepartmentName,
      co: d.coDepartmentNames.join('、'),
      dueDate: d.dueDate,
      state: HANDLING_STATE_LABELS[d.state],
      answer: answer ? `${answer.content}（${answer.doneOn}）` : '',
      satisfaction: d.satisfaction ? SATISFACTION_LABELS[d.satisfaction] : '',
      overdue: d.state === 'assigned' && d.dueDate < day,
    });
  }
  const count = (f: (s: ProposalState) => boolean) =>
    proposals.filter((p) => f(p.p.state as ProposalState)).length;
  const sat = (s: Satisfaction) => items.filter((i) => i.satisfaction === s).length;
  const totals: [string, number][] = [
    ['提案总数', proposals.length],
    ['立案', count((s) => !['submitted', 'notAccepted'].includes(s))],
    ['不予立案', count((s) => s === 'notAccepted')],
    ['办理事项（并案后）', topics.length],
    ['已答复', items.filter((i) => i.state !== 'assigned').length],
    ['逾期未答复', rows.filter((r) => r.overdue).length],
    ['满意', sat('satisfied')],
    ['基本满意', sat('basicallySatisfied')],
    ['不满意', sat('dissatisfied')],
  ];
  return { meeting, rows, totals };
}

const HEADERS = [
  '办理事项',
  '提案编号',
  '主办部门',
  '协办部门',
  '办理期限',
  '办理状态',
  '答复情况',
  '满意度',
];

export async function handlingReport(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  meetingId: string,
  format: 'docx' | 'xlsx',
) {
  const { meeting, rows, totals } = await reportData(deps, auth, meetingId);
  const cells = (r: ReportRow) => [
    r.topic,
    r.numbers,
    r.lead,
    r.co,
    r.dueDate,
    r.overdue ? `${r.state}（逾期）` : r.state,
    r.answer,
    r.satisfaction,
  ];
  let buffer: Buffer;
  if (format === 'xlsx') {
    buffer = await writeSheet(
      '办理情况',
      HEADERS.map((header, i) => ({ header, width: [30, 20, 14, 20, 12, 12, 50, 10][i] })),
      [...rows.map(cells), [], ...totals.map(([k, v]) => [k, v])],
    );
  } else {
    const cell = (text: string, bold = false) =>
      new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
    buffer = await pack([
      new Paragraph({
        text: `${meeting.title}提案办理情况报告`,
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
      }),
      new Paragraph({ text: totals.map(([k, v]) => `${k} ${v}`).join('，') }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell(h, true)) }),
          ...rows.map((r) => new TableRow({ children: cells(r).map((c) => cell(c)) })),
        ],
      }),
    ]);
  }
  await writeAudit(deps.db, actor, {
    action: 'proposal.export',
    objectType: 'congressMeeting',
    objectId: meetingId,
    detail: { kind: 'handlingReport', format, count: rows.length },
  });
  return { buffer, fileName: `${meeting.title}提案办理情况报告.${format}` };
}
