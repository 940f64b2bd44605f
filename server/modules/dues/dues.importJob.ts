import {
  applyRate,
  type DuesImportCommitResult,
  type DuesImportMode,
  type DuesImportPreview,
} from '../../../common/schemas/dues.js';
import { yuan } from '../../../common/schemas/funds.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { readWorkbook } from '../../lib/excel.js';
import type { OrgActor } from '../members/members.service.js';
import { matchIndex, readDuesSheet, validateDuesRows } from './dues.import.js';
import { duesLedger } from './dues.ledger.js';
import { duesRepository as repo } from './dues.repository.js';
import { rateForMonth } from './dues.service.js';

// A month of payroll deductions is two requests, like the member import: the upload is checked and
// staged (sealed: it holds salaries) with a preview; the commit writes every row and posts the month's
// total as 会费收入 in one transaction, or nothing. A month already imported needs mode 'replace', which
// reverses the old month's income entry and deletes its rows; a closed month cannot be replaced.

const MAX_PROBLEMS_SHOWN = 1000;
const SAMPLE_ROWS = 20;
export const DUES_IMPORT_HOURS = 24;

interface StagedRow {
  row: number;
  memberId: string;
  departmentId: string;
  baseSalaryFen: number;
  amountFen: number;
  expectedFen: number;
  flagged: boolean;
}

type Summary = Omit<DuesImportPreview, 'id' | 'fileName' | 'mode'>;

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/** 409 when the mode does not fit the month: a second import without 'replace', or a closed month. */
async function checkMonth(exec: Executor, orgId: string, month: string, mode: DuesImportMode) {
  if (month > today().slice(0, 7)) {
    throw invalid([{ path: 'file', message: `${monthLabel(month)}尚未到来，不能导入该月会费` }]);
  }
  const existing = await repo.committedMonth(exec, orgId, month);
  if (existing && mode !== 'replace') {
    throw conflict(
      'DUPLICATE',
      `${monthLabel(month)}的会费已导入（${existing.rowCount}人，合计${yuan(existing.totalFen)}元），如需重新导入请选择“替换该月”`,
    );
  }
  if (await repo.isClosed(exec, orgId, month)) {
    throw conflict('CONFLICT', `${monthLabel(month)}已结账，不能${existing ? '替换' : '导入'}该月会费`);
  }
  return existing ?? null;
}

export async function previewDuesImport(
  deps: Deps,
  auth: AuthContext,
  upload: { fileName: string; data: Buffer },
  mode: DuesImportMode,
): Promise<DuesImportPreview> {
  const wb = await readWorkbook(upload.data);
  const sheetRows = readDuesSheet(wb);
  const [refs, rates] = await Promise.all([
    repo.memberRefs(deps.db, auth.orgId),
    repo.listRates(deps.db, auth.orgId),
  ]);
  const { valid, problems, warnings, month } = validateDuesRows(
    sheetRows,
    { index: matchIndex(refs), keyedHash: (id) => deps.sealer.keyedHash(id) },
    (m) => rateForMonth(rates, m),
  );
  const existing = month ? await checkMonth(deps.db, auth.orgId, month, mode) : null;
  const rateBp = month ? rateForMonth(rates, month) : 0;
  const staged: StagedRow[] = valid.map((r) => {
    const expectedFen = applyRate(r.baseSalaryFen, rateBp);
    return {
      row: r.row,
      memberId: r.member.id,
      departmentId: r.member.departmentId,
      baseSalaryFen: r.baseSalaryFen,
      amountFen: r.amountFen,
      expectedFen,
      flagged: Math.abs(expectedFen - r.amountFen) > 1,
    };
  });
  const summary: Summary = {
    month,
    rateBp,
    total: sheetRows.length,
    matched: valid.length,
    totalFen: staged.reduce((s, r) => s + r.amountFen, 0),
    expectedFen: staged.reduce((s, r) => s + r.expectedFen, 0),
    problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: problems.length,
    warnings: warnings.slice(0, MAX_PROBLEMS_SHOWN),
    warningCount: warnings.length,
    existing: existing && { id: existing.id, rowCount: existing.rowCount, totalFen: existing.totalFen },
    sample: valid.slice(0, SAMPLE_ROWS).map((r, i) => ({
      row: r.row,
      memberName: r.member.name,
      memberNo: r.member.memberNo,
      departmentName: r.member.departmentName,
      baseSalaryFen: r.baseSalaryFen,
      amountFen: r.amountFen,
      expectedFen: staged[i].expectedFen,
      flagged: staged[i].flagged,
    })),
  };
  const fileName = upload.fileName.slice(0, 200) || '未命名.xlsx';
  const job = await deps.db.transaction(async (tx) => {
    await repo.purgeStaleStaged(tx, auth.orgId, DUES_IMPORT_HOURS);
    return repo.insertImport(tx, {
      orgId: auth.orgId,
      // A file without a valid month cannot be committed (it has problems); the column needs a value.
      month: month ?? '1900-01',
      replace: mode === 'replace',
      fileName,
      userId: auth.userId,
      payloadEnc: deps.sealer.seal(JSON.stringify(staged)),
      summary,
    });
  });
  return { id: job.id, fileName, mode, ...summary };
}

const RACE_MESSAGE = '该月会费刚刚被其他人导入，本次导入已全部撤销，请重新上传预览';

/**
 * Writes a previewed month: the deductions, the month's income entry, and (when replacing) the
 * reversal of the old month's entry, all in one transaction. The committed month is locked first,
 * so a racing replacement waits; two first imports of a month race on the unique index: one 409.
 */
export async function commitDuesImport(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  jobId: string,
): Promise<DuesImportCommitResult> {
  try {
    return await deps.db.transaction(async (tx) => {
      const job = await repo.lockImport(tx, auth.orgId, auth.userId, jobId);
      if (!job) throw notFound('IMPORT_NOT_FOUND');
      if (job.status !== 'staged') throw conflict('CONFLICT', '该导入已经提交过了');
      if (Date.now() - job.createdAt.getTime() > DUES_IMPORT_HOURS * 3_600_000) {
        throw notFound('IMPORT_NOT_FOUND');
      }
      const summary = job.summary as Summary;
      if (summary.problemCount > 0) {
        throw conflict('CONFLICT', `导入数据仍有${summary.problemCount}处问题，请修正后重新上传`);
      }
      await repo.lockCommittedMonth(tx, auth.orgId, job.month);
      const mode: DuesImportMode = job.replace ? 'replace' : 'create';
      const old = await checkMonth(tx, auth.orgId, job.month, mode);
      if (old && summary.existing?.id !== old.id) {
        throw conflict('CONFLICT', '该月会费在预览后又被导入过，请重新上传预览');
      }
      const staged = JSON.parse(deps.sealer.open(job.payloadEnc!)) as StagedRow[];

      let reversalId: string | null = null;
      if (old) {
        reversalId = await duesLedger.reverseMonth(tx, actor, old);
        await repo.deletePaymentsOfImport(tx, auth.orgId, old.id);
        await repo.markReplaced(tx, old.id, reversalId);
      }
      await repo.insertPayments(
        tx,
        staged.map((r) => ({
          orgId: auth.orgId,
          importId: job.id,
          memberId: r.memberId,
          departmentId: r.departmentId,
          month: job.month,
          baseSalaryFen: r.baseSalaryFen,
          amountFen: r.amountFen,
          expectedFen: r.expectedFen,
          flagged: r.flagged,
        })),
      );
      const totalFen = staged.reduce((s, r) => s + r.amountFen, 0);
      const entryId = await duesLedger.postMonth(tx, actor, {
        importId: job.id,
        month: job.month,
        totalFen,
        rowCount: staged.length,
      });
      await repo.markCommitted(tx, job.id, { rowCount: staged.length, totalFen, ledgerEntryId: entryId });
      const flagged = staged.filter((r) => r.flagged).length;
      await writeAudit(tx, actor, {
        action: old ? 'dues.import.replace' : 'dues.import',
        objectType: 'duesImport',
        objectId: job.id,
        detail: {
          fileName: job.fileName,
          month: job.month,
          rows: staged.length,
          totalFen,
          flagged,
          replacedImportId: old?.id ?? null,
          ledgerEntryId: entryId,
          reversalEntryId: reversalId,
        },
      });
      return {
        importId: job.id,
        month: job.month,
        rowCount: staged.length,
        totalFen,
        flagged,
        ledgerEntryId: entryId,
        replacedImportId: old?.id ?? null,
      };
    });
  } catch (e) {
    if ((e as { cause?: { code?: string } })?.cause?.code === '23505')
      throw conflict('DUPLICATE', RACE_MESSAGE);
    throw e;
  }
}
