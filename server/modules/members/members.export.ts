import type { z } from 'zod';
import {
  EDUCATION_LABELS,
  type Education,
  EMPLOYMENT_TYPE_LABELS,
  type EmploymentType,
  GENDER_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatus,
  POLITICAL_STATUS_LABELS,
  type PoliticalStatus,
} from '../../../common/enums.js';
import { checkChar } from '../../../common/idNumber.js';
import { maskPhone } from '../../../common/phone.js';
import type { memberExportQuery } from '../../../common/schemas/member.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { type SheetColumn, writeSheet } from '../../lib/excel.js';
import { IMPORT_COLUMNS } from './members.import.js';
import { may } from './members.policy.js';
import { membersRepository as repo } from './members.repository.js';
import { accessOf, departmentRefs, type OrgActor, resolveFilter, scopeOf } from './members.service.js';

export type MemberExportQuery = z.infer<typeof memberExportQuery>;

export const EXPORT_FILE_NAME = '会员名册.xlsx';
export const TEMPLATE_FILE_NAME = '会员导入模板.xlsx';

const EXPORT_COLUMNS: SheetColumn[] = [
  { header: '姓名', width: 12 },
  { header: '性别', width: 8 },
  { header: '出生日期', width: 13 },
  { header: '身份证号', width: 22, text: true },
  { header: '民族', width: 10 },
  { header: '政治面貌', width: 14 },
  { header: '学历', width: 12 },
  { header: '手机号', width: 15, text: true },
  { header: '科室', width: 14 },
  { header: '工会小组', width: 14 },
  { header: '职务/岗位', width: 14 },
  { header: '用工形式', width: 12 },
  { header: '入职日期', width: 13 },
  { header: '入会日期', width: 13 },
  { header: '会员证号', width: 14, text: true },
  { header: '会籍状态', width: 12 },
  { header: '备注', width: 24 },
];

/**
 * The filtered roster as a workbook: every page, the same filters and department scope as the list.
 * ID and phone numbers are whole only for a holder of member:readSensitive (over the member's
 * department); the export is audited with its filter, row count and whether anything was unmasked.
 */
export async function exportMembers(deps: Deps, auth: AuthContext, actor: OrgActor, q: MemberExportQuery) {
  return deps.db.transaction(async (tx) => {
    const access = await accessOf(tx, auth);
    const filter = await resolveFilter(tx, auth.orgId, access, q);
    const rows = await repo.listAll(tx, auth.orgId, scopeOf(access, 'member:export'), filter);
    let unmasked = 0;
    const data = rows.map(({ member: m, departmentName, unionGroupName }) => {
      const full = may(access, 'member:readSensitive', m);
      if (full) unmasked++;
      return [
        m.name,
        GENDER_LABELS[m.gender],
        m.birthDate,
        full ? deps.sealer.open(m.idNumberEnc) : m.idNumberMasked,
        m.ethnicity,
        m.politicalStatus ? POLITICAL_STATUS_LABELS[m.politicalStatus as PoliticalStatus] : null,
        m.education ? EDUCATION_LABELS[m.education as Education] : null,
        m.phone && !full ? maskPhone(m.phone) : m.phone,
        departmentName,
        unionGroupName,
        m.jobTitle,
        EMPLOYMENT_TYPE_LABELS[m.employmentType as EmploymentType] ?? m.employmentType,
        m.hireDate,
        m.joinedAt,
        m.memberNo,
        MEMBERSHIP_STATUS_LABELS[m.status as MembershipStatus] ?? m.status,
        m.notes,
      ];
    });
    await writeAudit(tx, actor, {
      action: 'member.export',
      objectType: 'member',
      detail: { filter: q, rows: rows.length, unmasked: unmasked > 0, unmaskedRows: unmasked },
    });
    return writeSheet('会员名册', EXPORT_COLUMNS, data);
  });
}

/** The import template: the header row (required columns marked *) and one example row. */
export async function importTemplate(deps: Deps, auth: AuthContext) {
  const departments = await departmentRefs(deps.db, auth.orgId);
  const first17 = '11010519900101123';
  const example: Record<string, string> = {
    姓名: '张三（示例，导入前请删除此行）',
    身份证号: first17 + checkChar(first17),
    性别: '男',
    出生日期: '1990-01-01',
    民族: '汉族',
    政治面貌: POLITICAL_STATUS_LABELS.none,
    学历: EDUCATION_LABELS.bachelor,
    手机号: '13800138000',
    科室: departments[0]?.name ?? '内一科',
    '职务/岗位': '护士',
    用工形式: EMPLOYMENT_TYPE_LABELS.recruited,
    入职日期: '2015-07-01',
    入会日期: '2016-03-01',
    会员证号: '',
    备注: '',
  };
  return writeSheet(
    '会员名册',
    IMPORT_COLUMNS.map((c) => ({
      header: c.required ? `${c.header}*` : c.header,
      width: c.width,
      text: c.text,
    })),
    [IMPORT_COLUMNS.map((c) => example[c.header] || null)],
  );
}
