import { and, eq } from 'drizzle-orm';
import { chineseNumber } from '../../../common/chineseNumber.js';
import type { Satisfaction } from '../../../common/schemas/handling.js';
import {
  congressDelegates,
  congressMeetings,
  congressTerms,
  handlingItems,
  proposalCosigners,
  proposalEvents,
  proposals,
  proposalTopics,
  proposalWindows,
} from '../../db/schema/index.js';
import { addDays } from '../../lib/businessDate.js';
import { handling } from '../../modules/handling/handling.service.js';
import { TOPIC_SUBJECT } from '../../modules/proposals/proposals.repository.js';
import { topicLink } from '../../modules/proposals/proposals.service.js';
// Importing the topics module registers the hook that mirrors a topic's handling onto its proposals.
import '../../modules/proposals/proposals.topics.js';
import type { DemoContext, DemoGenerator } from '../types.js';

// The proposals of the demo congress: about 50 proposals from its delegates, reviewed (a few not
// accepted, one turned into a suggestion), merged into 20 topics, assigned to the functional
// offices and handled through the shared loop: most answered and rated 满意, one rated 不满意 and
// answered again, a few still open and some of those overdue.

interface Theme {
  topic: string;
  category: string;
  /** The office that leads; a co-handling office when there is one. */
  lead: string;
  co?: string;
  titles: string[];
  measures: string;
}

const THEMES: Theme[] = [
  {
    topic: '改善职工食堂就餐条件',
    category: '后勤保障',
    lead: '总务科',
    titles: ['职工食堂增加菜品种类', '食堂夜班供应热饭', '延长职工食堂供餐时间'],
    measures: '增设夜班热食窗口，每月征求一次职工对菜品的意见。',
  },
  {
    topic: '缓解职工停车难',
    category: '后勤保障',
    lead: '保卫科',
    co: '总务科',
    titles: ['增加院内职工停车位', '职工车辆与社会车辆分区停放', '夜班职工停车优先'],
    measures: '划定职工专用停车区，实行车辆登记管理。',
  },
  {
    topic: '调整夜班补贴标准',
    category: '人事薪酬',
    lead: '人事科',
    co: '财务科',
    titles: ['提高夜班补贴标准', '夜班补贴按实际时长计发', '护理夜班补贴与医生统一'],
    measures: '参照周边医院水平调整夜班补贴，按实际时长计发。',
  },
  {
    topic: '职称评聘公开透明',
    category: '人事薪酬',
    lead: '人事科',
    titles: ['职称评聘标准提前公示', '完善职称评审申诉渠道'],
    measures: '评审条件与名额提前一个月公示，设立申诉受理。',
  },
  {
    topic: '改善值班室条件',
    category: '后勤保障',
    lead: '总务科',
    titles: ['值班室更换床铺和空调', '外科值班室增设淋浴设施', '值班室配备储物柜'],
    measures: '分批改造值班室，配齐空调、淋浴和储物柜。',
  },
  {
    topic: '减轻临床非医疗事务负担',
    category: '医疗管理',
    lead: '医务科',
    co: '信息科',
    titles: ['减少临床科室重复填报表格', '病历系统增加模板功能'],
    measures: '清理重复报表，推广电子化填报和病历模板。',
  },
  {
    topic: '加强医务人员执业安全',
    category: '医疗管理',
    lead: '保卫科',
    co: '医务科',
    titles: ['急诊增设安保力量', '建立医患纠纷预警机制'],
    measures: '急诊24小时安保值守，设立一键报警装置。',
  },
  {
    topic: '完善职工健康体检',
    category: '职工福利',
    lead: '院办公室',
    titles: ['职工体检增加肿瘤筛查项目', '体检时间避开临床高峰', '体检结果提供专家解读'],
    measures: '按年龄分组增加筛查项目，分批安排体检时间。',
  },
  {
    topic: '关心女职工权益',
    category: '职工福利',
    lead: '院办公室',
    co: '人事科',
    titles: ['增设母婴室', '孕期女职工调整夜班安排'],
    measures: '门诊楼和住院楼各设一间母婴室，落实孕期不安排夜班。',
  },
  {
    topic: '改善护理人员工作条件',
    category: '医疗管理',
    lead: '护理部',
    titles: ['补充病区护理人员', '护士站更换座椅'],
    measures: '按床护比补足护士，分批更换护士站设施。',
  },
  {
    topic: '优化绩效考核分配',
    category: '人事薪酬',
    lead: '财务科',
    co: '人事科',
    titles: ['绩效分配向一线倾斜', '绩效考核指标公开'],
    measures: '提高一线岗位系数，考核指标在院内网公开。',
  },
  {
    topic: '信息系统运行效率',
    category: '医疗管理',
    lead: '信息科',
    titles: ['门诊系统卡顿问题', '增加移动查房终端'],
    measures: '升级服务器，配备移动查房平板。',
  },
  {
    topic: '职工文体活动场地',
    category: '职工福利',
    lead: '总务科',
    titles: ['开放职工活动室', '建设职工健身房'],
    measures: '利用闲置用房建设职工活动室和健身房。',
  },
  {
    topic: '规范科室间会诊',
    category: '医疗管理',
    lead: '医务科',
    titles: ['制定会诊响应时限', '会诊信息化管理'],
    measures: '制定急会诊10分钟、普通会诊24小时的响应时限。',
  },
  {
    topic: '改善职工更衣条件',
    category: '后勤保障',
    lead: '总务科',
    titles: ['手术室增加更衣柜', '更衣室安装空调'],
    measures: '扩建手术室更衣室，安装空调和换气设备。',
  },
  {
    topic: '加强青年职工培养',
    category: '人事薪酬',
    lead: '人事科',
    titles: ['青年医师外出进修计划', '建立导师带教制度'],
    measures: '每年选派青年医师进修，实行导师带教。',
  },
  {
    topic: '设备维护及时性',
    category: '医疗管理',
    lead: '设备科',
    titles: ['设备报修响应慢', '老旧监护仪更新'],
    measures: '建立报修时限制度，分批更新老旧设备。',
  },
  {
    topic: '困难职工帮扶',
    category: '职工福利',
    lead: '院办公室',
    titles: ['完善困难职工帮扶制度'],
    measures: '建立困难职工档案，节日走访慰问。',
  },
  {
    topic: '院区环境与标识',
    category: '后勤保障',
    lead: '总务科',
    titles: ['院内导向标识更新', '住院楼电梯维修'],
    measures: '统一更新导向标识，老楼电梯列入年度维修。',
  },
  {
    topic: '职工疗休养安排',
    category: '职工福利',
    lead: '院办公室',
    co: '人事科',
    titles: ['落实职工疗休养制度', '疗休养名额向一线倾斜'],
    measures: '制定年度疗休养计划，一线职工优先。',
  },
];

const NOT_ACCEPTED: [string, string, boolean][] = [
  ['建议医院购买班车', '涉及医院重大投资，已转院办研究，不作为提案立案', false],
  ['科室电脑更换鼠标', '属日常办公事务，转为合理化建议由信息科办理', true],
  ['调整职工生日慰问形式', '已在工会年度工作计划中安排，不再立案', false],
  ['办公区增加绿植', '属日常事务，转为合理化建议办理', true],
];

const RATINGS = [
  ['satisfied', 8],
  ['basicallySatisfied', 2],
] as const satisfies readonly (readonly [Satisfaction, number])[];

export const proposalsGenerator: DemoGenerator = {
  name: 'proposals',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, actor } = ctx;
    const [found] = await tx
      .select({ meeting: congressMeetings, termNumber: congressTerms.number })
      .from(congressMeetings)
      .innerJoin(congressTerms, eq(congressTerms.id, congressMeetings.termId))
      .where(eq(congressMeetings.orgId, orgId))
      .orderBy(congressMeetings.date)
      .limit(1);
    const offices = ctx.departments.filter((d) => d.kind === 'office');
    if (!found || offices.length === 0) return { proposals: 0 };
    const { meeting, termNumber } = found;
    const delegates = (
      await tx
        .select({ memberId: congressDelegates.memberId })
        .from(congressDelegates)
        .where(
          and(
            eq(congressDelegates.orgId, orgId),
            eq(congressDelegates.termId, meeting.termId),
            eq(congressDelegates.kind, 'full'),
          ),
        )
    ).map((d) => d.memberId);
    if (delegates.length < 3) return { proposals: 0 };
    const officeId = (name: string) => (offices.find((d) => d.name === name) ?? rng.pick(offices)).id;
    // Every date stays between the meeting and today.
    const at = (days: number) => {
      const d = addDays(meeting.date, days);
      return d < ctx.today ? d : ctx.today;
    };
    const opensOn = addDays(meeting.date, -30);
    let seq = 0;

    async function propose(title: string, category: string, measures: string, state: string, extra = {}) {
      const [proposer, ...cosigners] = rng.sample(delegates, 3);
      seq++;
      const submittedOn = rng.date(opensOn, addDays(meeting.date, -5));
      const [p] = await tx
        .insert(proposals)
        .values({
          orgId,
          meetingId: meeting.id,
          number: `${chineseNumber(termNumber)}届${chineseNumber(meeting.number)}次-${String(seq).padStart(3, '0')}`,
          seq,
          title,
          reasons: `职工普遍反映：${title}。此事关系职工切身利益，代表在走访本部门职工时多次听到。`,
          measures,
          category,
          proposerMemberId: proposer,
          state,
          submittedAt: new Date(`${submittedOn}T09:00:00+08:00`),
          ...extra,
        })
        .returning();
      await tx.insert(proposalCosigners).values(
        cosigners.map((memberId) => ({
          orgId,
          proposalId: p.id,
          memberId,
          state: 'confirmed' as const,
          respondedAt: new Date(`${submittedOn}T15:00:00+08:00`),
        })),
      );
      const event = (
        action: string,
        fromState: string | null,
        toState: string,
        note: string | null = null,
      ) => ({
        orgId,
        proposalId: p.id,
        action,
        fromState,
        toState,
        note,
        actorName: actor.name,
      });
      await tx
        .insert(proposalEvents)
        .values([
          event('create', null, 'draft'),
          event('submit', 'draft', 'awaitingCosigners'),
          event('cosigned', 'awaitingCosigners', 'submitted', p.number),
          state === 'notAccepted'
            ? event('notAccept', 'submitted', 'notAccepted', p.reviewNote)
            : event('accept', 'submitted', 'accepted'),
        ]);
      return p;
    }

    await tx.insert(proposalWindows).values({
      orgId,
      meetingId: meeting.id,
      opensOn,
      closesOn: addDays(meeting.date, -3),
      minCosigners: 2,
    });

    let count = 0;
    let answered = 0;
    let overdue = 0;
    const satisfaction: Record<string, number> = {};
    const themes = rng.shuffle(THEMES);
    for (const [i, theme] of themes.entries()) {
      // Proposals of a theme arrive as separate proposals and are merged into one topic.
      const [topic] = await tx
        .insert(proposalTopics)
        .values({ orgId, meetingId: meeting.id, title: theme.topic })
        .returning();
      const linked = [];
      for (const title of theme.titles) {
        linked.push(await propose(title, theme.category, theme.measures, 'accepted', { topicId: topic.id }));
      }
      count += linked.length;
      if (linked.length > 1) {
        await tx.insert(proposalEvents).values(
          linked.map((p) => ({
            orgId,
            proposalId: p.id,
            action: 'merge',
            fromState: 'accepted',
            toState: 'accepted',
            note: `并入：${topic.title}`,
            actorName: actor.name,
          })),
        );
      }
      const subject = { type: TOPIC_SUBJECT, id: topic.id };
      const raters = [...new Set(linked.map((p) => p.proposerMemberId))];
      let item = await handling.assign(tx, actor, subject, {
        title: topic.title,
        link: topicLink(topic.id),
        leadDepartmentId: officeId(theme.lead),
        coDepartmentIds: theme.co ? [officeId(theme.co)] : [],
        dueDate: addDays(ctx.today, 30),
        raterMemberIds: raters,
      });
      // The last three stay open; two of them are past their (earlier) due date.
      if (i >= themes.length - 3) {
        if (i < themes.length - 1) {
          await tx
            .update(handlingItems)
            .set({ dueDate: addDays(ctx.today, -rng.int(3, 20)) })
            .where(eq(handlingItems.id, item.id));
          overdue++;
        }
        continue;
      }
      const answer = (content: string, days: number) =>
        handling.answer(tx, actor, item.id, { content, doneOn: at(days), version: item.version }, null);
      item = await answer(`已按提案办理：${theme.measures}`, rng.int(20, 60));
      answered++;
      if (i === 0) {
        // One proposer was not satisfied; the office tried again.
        item = await handling.rate(tx, actor, subject, {
          memberId: raters[0],
          satisfaction: 'dissatisfied',
          reason: '措施尚未落实到夜班',
          version: item.version,
        });
        item = await answer('已补充落实夜班时段的措施，并向提案人当面说明。', rng.int(61, 80));
      }
      for (const memberId of raters) {
        const s: Satisfaction = rng.weighted(RATINGS);
        item = await handling.rate(tx, actor, subject, { memberId, satisfaction: s, version: item.version });
        // Each proposal shows its own proposer's rating.
        await tx
          .update(proposals)
          .set({ satisfaction: s })
          .where(and(eq(proposals.topicId, topic.id), eq(proposals.proposerMemberId, memberId)));
      }
      satisfaction[item.satisfaction ?? 'none'] = (satisfaction[item.satisfaction ?? 'none'] ?? 0) + 1;
      if (rng.chance(0.7)) await handling.close(tx, actor, subject, item.version);
    }

    for (const [title, note, convert] of NOT_ACCEPTED) {
      await propose(title, '其他', '请有关部门研究。', 'notAccepted', {
        reviewNote: note,
        convertedToSuggestion: convert,
      });
      count++;
    }
    return {
      proposals: count,
      topics: themes.length,
      answered,
      overdue,
      satisfied: satisfaction.satisfied ?? 0,
    };
  },
};
