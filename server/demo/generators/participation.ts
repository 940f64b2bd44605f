import { disclosures, forumIssues, forums, suggestions } from '../../db/schema/index.js';
import { handling } from '../../modules/handling/handling.service.js';
import type { DemoContext, DemoGenerator, DemoMember } from '../types.js';

// Staff participation of the demo year: about 30 suggestions (some 60 % adopted and handled through
// the shared loop), a staff forum and a patients' families forum with about ten problems each, mostly
// solved, and about 16 disclosures across categories and channels. Records are written directly with
// dates spread over the year; the handling steps go through the handling service, which also writes
// the history, audit rows and notifications (assigned / answered / please rate).

const SUGGESTIONS = [
  ['门诊楼每层增设自助饮水机', '夜班职工取水不便，建议每层增设一台。'],
  ['职工食堂延长夜班供餐时间', '夜班职工22点后无处就餐，建议供餐至次日凌晨1点。'],
  ['住院部增设护士休息室', '病区护士无固定休息场所，建议利用闲置库房改造。'],
  ['优化职工停车管理', '职工车位被外来车辆占用，建议实行职工车辆登记。'],
  ['增加职工子女暑期托管班', '暑期双职工子女无人照看，建议工会组织托管班。'],
  ['信息系统增加一键打印功能', '门诊医生打印处方需多步操作，建议简化。'],
  ['更衣室增设储物柜', '手术室更衣柜不足，建议增加。'],
  ['开展青年职工技能培训', '建议每季度组织一次临床技能培训。'],
  ['改善职工书屋开放时间', '书屋周末不开放，建议周末开放半天。'],
  ['设立职工心理疏导室', '临床一线压力大，建议设立心理疏导室。'],
  ['规范科室间会诊流程', '会诊响应时间不一，建议制定时限。'],
  ['减少纸质表格填报', '重复填报表格多，建议推行电子化。'],
  ['增设母婴室', '哺乳期女职工没有合适场所，建议设立母婴室。'],
  ['职工体检增加项目', '建议45岁以上职工增加胃肠镜检查。'],
  ['维修老病房楼电梯', '老楼电梯经常故障，影响转运病人。'],
] as const;

const FORUM_ISSUES = {
  staff: [
    '夜班补助标准多年未调整',
    '职工食堂菜品单一',
    '停车位紧张',
    '值班室条件较差',
    '继续教育学分登记繁琐',
    '职称评审材料要求不明确',
    '更衣室空调损坏',
    '科室之间加班调休不统一',
    '职工体检时间安排冲突',
    '工会活动场地不足',
  ],
  patientFamily: [
    '门诊挂号排队时间长',
    '住院部陪护床位不足',
    '检查结果领取不便',
    '医院导引标识不清楚',
    '住院餐费偏高',
    '出院结算手续繁琐',
    '夜间探视时间过短',
    '候诊区座椅不够',
    '停车收费标准不清楚',
    '病房热水供应不稳定',
  ],
} as const;

const DISCLOSURES: [string, string, string][] = [
  ['majorDecisions', 'congress', '医院年度工作报告'],
  ['majorDecisions', 'congress', '医院年度财务预决算报告'],
  ['majorDecisions', 'intranet', '新院区建设方案'],
  ['majorDecisions', 'noticeBoard', '医院发展规划（五年）'],
  ['operations', 'intranet', '大型设备采购招标结果'],
  ['operations', 'noticeBoard', '药品耗材集中采购情况'],
  ['operations', 'intranet', '第一季度经营情况'],
  ['operations', 'intranet', '第二季度经营情况'],
  ['staffInterests', 'congress', '职工绩效考核分配方案'],
  ['staffInterests', 'noticeBoard', '职称晋升推荐名单'],
  ['staffInterests', 'intranet', '职工健康体检方案'],
  ['staffInterests', 'noticeBoard', '夜班补助标准调整'],
  ['staffInterests', 'intranet', '职工疗休养安排'],
  ['integrity', 'noticeBoard', '党风廉政建设责任制落实情况'],
  ['integrity', 'intranet', '医德医风考评结果'],
  ['integrity', 'noticeBoard', '领导干部述职述廉报告'],
];

// Ratings of the answered items; a 不满意 and its reopening belong to the proposal demo.
const SATISFACTION = [
  ['satisfied', 7],
  ['basicallySatisfied', 2],
] as const;

/** Assigns, and by chance answers and rates, one subject through the shared loop. */
async function handle(
  ctx: DemoContext,
  subject: { type: string; id: string },
  opts: { title: string; link: string; departmentId: string; raterMemberIds: string[]; answerRate: number },
) {
  const rng = ctx.rng;
  const item = await handling.assign(ctx.tx, ctx.actor, subject, {
    title: opts.title,
    link: opts.link,
    leadDepartmentId: opts.departmentId,
    coDepartmentIds: [],
    dueDate: ctx.today <= `${ctx.year}-12-01` ? `${ctx.year}-12-31` : `${ctx.year + 1}-01-31`,
    raterMemberIds: opts.raterMemberIds,
  });
  if (!rng.chance(opts.answerRate)) return 'assigned';
  const answered = await handling.answer(
    ctx.tx,
    ctx.actor,
    item.id,
    { content: '已组织落实，具体情况已向提出人反馈。', doneOn: ctx.today, version: item.version },
    null,
  );
  if (!rng.chance(0.75)) return 'answered';
  const satisfaction = rng.weighted(SATISFACTION);
  const rated = await handling.rate(ctx.tx, ctx.actor, subject, {
    satisfaction,
    memberId: opts.raterMemberIds[0] ?? null,
    version: answered.version,
  });
  if (rng.chance(0.6)) await handling.close(ctx.tx, ctx.actor, subject, rated.version);
  return 'rated';
}

export const participationGenerator: DemoGenerator = {
  name: 'participation',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { rng, orgId, year, today } = ctx;
    const start = `${year}-01-01`;
    const offices = ctx.departments.filter((d) => d.kind === 'office');
    const staff: DemoMember[] = ctx.members.filter((m) => m.status === 'member');
    if (offices.length === 0 || staff.length === 0) return { suggestions: 0 };

    // Suggestions: ~30, each from a different member, ~60 % adopted.
    const senders = rng.sample(staff, Math.min(30, staff.length));
    let adopted = 0;
    for (const [i, m] of senders.entries()) {
      const [title, content] = SUGGESTIONS[i % SUGGESTIONS.length];
      const submittedOn = rng.date(start, today);
      const decided = rng.chance(0.85);
      const state = !decided ? 'submitted' : rng.chance(0.7) ? 'adopted' : 'declined';
      const [s] = await ctx.tx
        .insert(suggestions)
        .values({
          orgId,
          memberId: m.id,
          title,
          content,
          submittedOn,
          state,
          decisionReason: state === 'declined' ? '暂不具备实施条件，已向建议人说明' : null,
          decidedAt: decided ? new Date(`${submittedOn}T10:00:00+08:00`) : null,
          decidedBy: decided ? '工会办公室' : null,
          rewardNote: state === 'adopted' && rng.chance(0.3) ? '合理化建议奖' : null,
          rewardFen: state === 'adopted' && rng.chance(0.3) ? rng.pick([20000, 50000, 100000]) : null,
        })
        .returning();
      if (state !== 'adopted') continue;
      adopted++;
      await handle(
        ctx,
        { type: 'suggestion', id: s.id },
        {
          title: `合理化建议：${title}`,
          link: `/suggestions/${s.id}`,
          departmentId: rng.pick(offices).id,
          raterMemberIds: [m.id],
          answerRate: 0.8,
        },
      );
    }

    // Two forums, mostly solved: some on the spot, the rest handed to a functional office.
    let issues = 0;
    let solvedOnSpot = 0;
    for (const [kind, title, month, count, who] of [
      ['staff', `${year}年职工代表座谈会`, '04', 36, '临床、医技、后勤职工代表'],
      ['patientFamily', `${year}年患者家属座谈会`, '06', 18, '住院患者家属代表'],
    ] as const) {
      const date = `${year}-${month}-15` <= today ? `${year}-${month}-15` : today;
      const [f] = await ctx.tx
        .insert(forums)
        .values({
          orgId,
          kind,
          title,
          date,
          place: '行政楼三楼会议室',
          participantCount: count,
          participants: who,
        })
        .returning();
      for (const [seq, content] of FORUM_ISSUES[kind].entries()) {
        issues++;
        const onSpot = rng.chance(0.35);
        const [issue] = await ctx.tx
          .insert(forumIssues)
          .values({
            orgId,
            forumId: f.id,
            seq: seq + 1,
            content,
            state: onSpot ? 'resolvedOnSpot' : 'handling',
            resolutionKind: onSpot ? 'onSpot' : rng.chance(0.75) ? 'deadline' : 'explained',
            resolution: onSpot ? '会上由分管领导当场答复并落实' : null,
          })
          .returning();
        if (onSpot) {
          solvedOnSpot++;
          continue;
        }
        await handle(
          ctx,
          { type: 'forumIssue', id: issue.id },
          {
            title: `座谈会问题：${content}`,
            link: `/forums/${f.id}`,
            departmentId: rng.pick(offices).id,
            raterMemberIds: [],
            answerRate: 0.85,
          },
        );
      }
    }

    // Disclosures: published across the year; one withdrawn, one still a draft.
    for (const [i, [category, channel, title]] of DISCLOSURES.entries()) {
      const date = rng.date(start, today);
      const state = i === 6 ? 'withdrawn' : i === DISCLOSURES.length - 1 ? 'draft' : 'published';
      await ctx.tx.insert(disclosures).values({
        orgId,
        category,
        channel,
        date,
        title: `${year}年${title}`,
        content: `${title}全文见附件，如有意见请向院工会反映。`,
        state,
        publishedAt: state === 'draft' ? null : new Date(`${date}T09:00:00+08:00`),
        withdrawnAt: state === 'withdrawn' ? new Date(`${date}T17:00:00+08:00`) : null,
        withdrawReason: state === 'withdrawn' ? '数据更正后重新公开' : null,
      });
    }

    return {
      suggestions: senders.length,
      adopted,
      forums: 2,
      forumIssues: issues,
      solvedOnSpot,
      disclosures: DISCLOSURES.length,
    };
  },
};
