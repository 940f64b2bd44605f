import type {
  BudgetExecutionStatement,
  BySourceStatement,
  DuesCollectionStatement,
  MonthlyLedgerStatement,
} from '../../../common/schemas/statements.js';
import { type StatementDoc, type StatementRow, statementWorkbook, yuanCell } from './statements.excel.js';

// Each statement as the workbook an accountant prints: the same figures as the JSON, in yuan.

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
const rangeLabel = (from: string, to: string) =>
  from === to ? monthLabel(from) : `${monthLabel(from)}至${monthLabel(to)}`;

export function budgetExecutionXlsx(s: BudgetExecutionStatement): Promise<Buffer> {
  const rows: StatementRow[] = [];
  const section = (kind: 'income' | 'expense', label: string) => {
    const list = s.rows.filter((r) => r.kind === kind);
    for (const r of list) {
      rows.push({
        cells: [
          r.name,
          r.code,
          yuanCell(r.originalFen),
          yuanCell(r.adjustmentFen),
          yuanCell(r.budgetFen),
          yuanCell(r.actualFen),
          r.rate,
        ],
        indent: r.depth * 2,
        bold: r.depth === 0 && list.some((c) => c.depth > 0 && c.code.startsWith(r.code)),
      });
    }
    const budget = kind === 'income' ? s.totals.incomeBudgetFen : s.totals.expenseBudgetFen;
    const actual = kind === 'income' ? s.totals.incomeActualFen : s.totals.expenseActualFen;
    const original = list.filter((r) => r.depth === 0).reduce((t, r) => t + r.originalFen, 0);
    rows.push({
      cells: [
        label,
        '',
        yuanCell(original),
        yuanCell(budget - original),
        yuanCell(budget),
        yuanCell(actual),
        budget > 0 ? actual / budget : null,
      ],
      bold: true,
    });
  };
  section('income', '收入合计');
  section('expense', '支出合计');
  rows.push({
    cells: [
      '收支差额',
      '',
      null,
      null,
      yuanCell(s.totals.incomeBudgetFen - s.totals.expenseBudgetFen),
      yuanCell(s.totals.balanceFen),
      null,
    ],
    bold: true,
  });
  const doc: StatementDoc = {
    orgName: s.orgName,
    periodLabel: rangeLabel(s.fromMonth, s.toMonth),
    reviewNotes: s.reviewNotes,
    sheets: [
      {
        name: '收支预算执行情况表',
        title: `${s.year}年度收支预算执行情况表`,
        columns: [
          { header: '项目', width: 26 },
          { header: '科目编码', width: 10 },
          { header: '年初预算数', width: 16, money: true },
          { header: '预算调整数', width: 16, money: true },
          { header: '调整后预算数', width: 16, money: true },
          { header: '本期执行数', width: 16, money: true },
          { header: '执行率', width: 10, percent: true },
        ],
        rows,
      },
    ],
  };
  return statementWorkbook(doc);
}

export function monthlyLedgerXlsx(s: MonthlyLedgerStatement): Promise<Buffer> {
  const rows: StatementRow[] = [
    { cells: ['', '', '期初余额', '', '', null, null, yuanCell(s.openingFen)], bold: true },
    ...s.rows.map((r) => ({
      cells: [
        r.entryDate,
        r.voucherNo ?? '',
        r.reversal ? `【冲销】${r.summary}` : r.summary,
        r.categoryName,
        r.sourceModule,
        yuanCell(r.incomeFen),
        yuanCell(r.expenseFen),
        yuanCell(r.balanceFen),
      ],
    })),
    {
      cells: [
        '',
        '',
        '本月合计',
        '',
        '',
        yuanCell(s.incomeFen),
        yuanCell(s.expenseFen),
        yuanCell(s.closingFen),
      ],
      bold: true,
    },
  ];
  return statementWorkbook({
    orgName: s.orgName,
    periodLabel: monthLabel(s.month),
    reviewNotes: s.reviewNotes,
    sheets: [
      {
        name: '明细账',
        title: `工会经费明细账（${monthLabel(s.month)}）`,
        columns: [
          { header: '日期', width: 12 },
          { header: '凭证号', width: 12 },
          { header: '摘要', width: 34 },
          { header: '科目', width: 16 },
          { header: '来源', width: 10 },
          { header: '收入', width: 15, money: true },
          { header: '支出', width: 15, money: true },
          { header: '余额', width: 16, money: true },
        ],
        rows,
      },
    ],
  });
}

export function bySourceXlsx(s: BySourceStatement): Promise<Buffer> {
  return statementWorkbook({
    orgName: s.orgName,
    periodLabel: rangeLabel(s.fromMonth, s.toMonth),
    reviewNotes: s.reviewNotes,
    sheets: [
      {
        name: '按来源收支',
        title: '经费收支按来源汇总表',
        columns: [
          { header: '来源', width: 18 },
          { header: '收入笔数', width: 10 },
          { header: '收入金额', width: 16, money: true },
          { header: '支出笔数', width: 10 },
          { header: '支出金额', width: 16, money: true },
        ],
        rows: [
          ...s.rows.map((r) => ({
            cells: [r.label, r.incomeCount, yuanCell(r.incomeFen), r.expenseCount, yuanCell(r.expenseFen)],
          })),
          {
            cells: [
              '合计',
              s.rows.reduce((t, r) => t + r.incomeCount, 0),
              yuanCell(s.incomeFen),
              s.rows.reduce((t, r) => t + r.expenseCount, 0),
              yuanCell(s.expenseFen),
            ],
            bold: true,
          },
        ],
      },
    ],
  });
}

export function duesCollectionXlsx(s: DuesCollectionStatement): Promise<Buffer> {
  const diff = (e: number, c: number) => yuanCell(c - e);
  return statementWorkbook({
    orgName: s.orgName,
    periodLabel: `${s.year}年`,
    reviewNotes: s.reviewNotes,
    sheets: [
      {
        name: '按月',
        title: `${s.year}年度会费收缴情况表（按月）`,
        columns: [
          { header: '月份', width: 12 },
          { header: '应缴人数', width: 10 },
          { header: '实缴人数', width: 10 },
          { header: '应缴金额', width: 16, money: true },
          { header: '实缴金额', width: 16, money: true },
          { header: '差额', width: 14, money: true },
        ],
        rows: [
          ...s.months.map((m) => ({
            cells: [
              monthLabel(m.month),
              m.dueMembers,
              m.payers,
              yuanCell(m.expectedFen),
              yuanCell(m.collectedFen),
              diff(m.expectedFen, m.collectedFen),
            ],
          })),
          {
            cells: [
              '合计',
              s.months.reduce((t, m) => t + m.dueMembers, 0),
              s.months.reduce((t, m) => t + m.payers, 0),
              yuanCell(s.expectedFen),
              yuanCell(s.collectedFen),
              diff(s.expectedFen, s.collectedFen),
            ],
            bold: true,
          },
        ],
      },
      {
        name: '按科室',
        title: `${s.year}年度会费收缴情况表（按科室）`,
        columns: [
          { header: '科室', width: 18 },
          { header: '缴费人次', width: 10 },
          { header: '应缴金额', width: 16, money: true },
          { header: '实缴金额', width: 16, money: true },
          { header: '差额', width: 14, money: true },
        ],
        rows: [
          ...s.departments.map((d) => ({
            cells: [
              d.departmentName,
              d.payments,
              yuanCell(d.expectedFen),
              yuanCell(d.collectedFen),
              diff(d.expectedFen, d.collectedFen),
            ],
          })),
          {
            cells: [
              '合计',
              s.departments.reduce((t, d) => t + d.payments, 0),
              yuanCell(s.expectedFen),
              yuanCell(s.collectedFen),
              diff(s.expectedFen, s.collectedFen),
            ],
            bold: true,
          },
        ],
      },
    ],
  });
}
