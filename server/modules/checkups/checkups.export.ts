import { GENDER_LABELS } from '../../../common/enums.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { type SheetColumn, writeSheet } from '../../lib/excel.js';
import type { OrgActor } from '../members/members.service.js';
import { checkupsRepository as repo } from './checkups.repository.js';
import { batchLabel } from './checkups.service.js';

// The eligible list for the hospital's checkup centre. ID numbers are masked unless the caller asks
// for whole ones (the centre usually needs them) and holds member:readSensitive; every export is
// audited with its row count and whether it was unmasked, as the member roster export is.

export const COLUMNS: SheetColumn[] = [
  { header: '序号', width: 8 },
  { header: '姓名', width: 12 },
  { header: '性别', width: 8 },
  { header: '年龄', width: 8 },
  { header: '科室', width: 16 },
  { header: '身份证号', width: 22, text: true },
  { header: '体检批次', width: 28 },
  { header: '加项', width: 24 },
];

export async function exportCheckupList(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  id: string,
  full: boolean,
) {
  if (full && !auth.permissions.has('member:readSensitive')) {
    throw forbidden('FORBIDDEN', '导出完整身份证号需要查看敏感信息的权限');
  }
  return deps.db.transaction(async (tx) => {
    const p = await repo.findProgramme(tx, auth.orgId, id);
    if (!p) throw notFound();
    if (p.status === 'draft') throw conflict('INVALID_TRANSITION', '体检项目发布后才能导出名单');
    const rows = await repo.exportRows(tx, auth.orgId, id);
    const data = rows.map((r, i) => [
      i + 1,
      r.participant.name,
      GENDER_LABELS[r.participant.gender],
      r.participant.age,
      r.participant.departmentName,
      full ? deps.sealer.open(r.idNumberEnc) : r.idNumberMasked,
      r.batch ? batchLabel(r.batch) : null,
      r.participant.extraItems.join('、') || null,
    ]);
    await writeAudit(tx, actor, {
      action: 'care.checkup.export',
      objectType: 'checkup',
      objectId: id,
      detail: { rows: rows.length, unmasked: full },
    });
    return { fileName: `${p.name}名单.xlsx`, body: await writeSheet('体检名单', COLUMNS, data) };
  });
}
