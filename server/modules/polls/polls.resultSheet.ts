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
  POLL_BASE_LABELS,
  POLL_MODE_LABELS,
  POLL_SUBJECT_LABELS,
  POLL_THRESHOLD_LABELS,
  type PollResult,
} from '../../../common/schemas/poll.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { congressService, type OrgActor } from '../congress/congress.service.js';
import type { PollRow } from './polls.repository.js';
import { pollsService } from './polls.service.js';

// The result sheet (表决结果) of a closed poll as a Word file, for the congress record.

function table(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          children: cells.map(
            (text) =>
              new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text, bold: i === 0 })] })],
              }),
          ),
        }),
    ),
  });
}

const line = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)] });

export function resultSheet(
  meeting: { title: string; date: string; place: string | null },
  poll: PollRow,
  r: PollResult,
): Promise<Buffer> {
  const election = poll.subject === 'election';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: meeting.title, heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER }),
    new Paragraph({
      text: `${poll.title}${election ? '选举' : '表决'}结果`,
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
    }),
    line('会议日期', meeting.date),
    ...(meeting.place ? [line('会议地点', meeting.place)] : []),
    line(
      '表决方式',
      `${POLL_SUBJECT_LABELS[poll.subject]}，${poll.secret ? '无记名' : '记名'}，${POLL_MODE_LABELS[poll.mode]}`,
    ),
    line('应到正式代表', `${r.entitled}人`),
    line('实到正式代表', `${r.present}人`),
    line('收回有效票', `${r.cast}张${r.invalid ? `，废票${r.invalid}张` : ''}`),
    line(
      '通过规则',
      `以${POLL_BASE_LABELS[poll.base]}（${r.baseCount}人）为基数，${POLL_THRESHOLD_LABELS[poll.threshold]}，即不少于${r.required}票`,
    ),
  ];
  if (!election) {
    children.push(
      table([
        ['赞成', '反对', '弃权'],
        [String(r.for), String(r.against), String(r.abstain)],
      ]),
      new Paragraph({
        spacing: { before: 240 },
        children: [new TextRun({ text: `表决结果：${r.passed ? '通过' : '未通过'}`, bold: true, size: 28 })],
      }),
    );
  } else {
    children.push(
      line('应选人数', `${poll.seats}人（第${poll.round}轮）`),
      table([
        ['姓名', '得票', '结果'],
        ...r.candidates.map((c) => [
          `${c.name}${c.writeIn ? '（另选）' : ''}`,
          String(c.votes),
          c.elected ? '当选' : '未当选',
        ]),
      ]),
      new Paragraph({
        spacing: { before: 240 },
        children: [
          new TextRun({
            text: `当选：${
              r.candidates
                .filter((c) => c.elected)
                .map((c) => c.name)
                .join('、') || '无'
            }${r.remainingSeats ? `；尚缺${r.remainingSeats}名，须另行选举` : ''}`,
            bold: true,
            size: 28,
          }),
        ],
      }),
    );
  }
  children.push(
    new Paragraph({ spacing: { before: 600 }, text: '监票人（签字）：' }),
    new Paragraph({ spacing: { before: 300 }, text: '计票人（签字）：' }),
  );
  const doc = new Document({
    creator: '医院工会管理系统',
    title: `${poll.title}表决结果`,
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** The result sheet of a closed poll; each download is audited. */
export async function pollResultSheet(deps: Deps, auth: AuthContext, actor: OrgActor, id: string) {
  const result = await pollsService.result(deps, auth, id);
  const poll = await pollsService.load(deps.db, auth.orgId, id);
  const meeting = await congressService.getMeeting(deps.db, auth.orgId, poll.meetingId);
  const body = await resultSheet(meeting, poll, result);
  await writeAudit(deps.db, actor, { action: 'poll.resultSheet', objectType: 'poll', objectId: id });
  return { name: `${poll.title}表决结果.docx`, body };
}
