import type { DonationImportCommitResult, DonationImportPreview } from '../../../common/schemas/donation.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { readWorkbook } from '../../lib/excel.js';
import type { OrgActor } from '../members/members.service.js';
import { type DonationRow, readDonationSheet, validateDonationRows } from './donations.import.js';
import { donationsRepository as repo } from './donations.repository.js';
import { donationDateProblem, driveOr404 } from './donations.service.js';
import { assertOpen } from './donations.state.js';

// A department's list is two requests, like the dues and member imports: the upload is checked and
// staged (sealed) with a preview; the commit writes every row in one transaction, or nothing. A list
// with any problem cannot be committed; the drive must be open at both steps.

const MAX_PROBLEMS_SHOWN = 1000;
const SAMPLE_ROWS = 20;
export const DONATION_IMPORT_HOURS = 24;

type Summary = Omit<DonationImportPreview, 'id' | 'fileName' | 'driveId' | 'departmentId'>;

export async function previewDonationImport(
  deps: Deps,
  auth: AuthContext,
  driveId: string,
  departmentId: string,
  upload: { fileName: string; data: Buffer },
): Promise<DonationImportPreview> {
  const drive = await driveOr404(deps.db, auth.orgId, driveId);
  assertOpen(drive.status);
  const dept = await repo.department(deps.db, auth.orgId, departmentId);
  if (!dept) throw notFound('DEPARTMENT_NOT_FOUND');
  const rows = readDonationSheet(await readWorkbook(upload.data));
  const { valid, problems, warnings } = validateDonationRows(rows, {
    departmentId,
    departmentName: dept.name,
    refs: await repo.memberRefs(deps.db, auth.orgId),
    today: today(),
    dateProblem: (date) => donationDateProblem(drive, date),
  });
  const summary: Summary = {
    departmentName: dept.name,
    total: rows.length,
    matched: valid.length,
    totalFen: valid.reduce((s, r) => s + r.amountFen, 0),
    problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: problems.length,
    warnings: warnings.slice(0, MAX_PROBLEMS_SHOWN),
    warningCount: warnings.length,
    sample: valid.slice(0, SAMPLE_ROWS).map((r) => ({
      row: r.row,
      donorName: r.donorName,
      memberNo: r.memberNo,
      isMember: r.memberId !== null,
      amountFen: r.amountFen,
      date: r.date,
      nameConsent: r.nameConsent,
    })),
  };
  const fileName = upload.fileName.slice(0, 200) || '未命名.xlsx';
  const job = await deps.db.transaction(async (tx) => {
    await repo.purgeStaleStaged(tx, auth.orgId, DONATION_IMPORT_HOURS);
    return repo.insertImport(tx, {
      orgId: auth.orgId,
      driveId,
      departmentId,
      fileName,
      userId: auth.userId,
      payloadEnc: deps.sealer.seal(JSON.stringify(valid)),
      summary,
    });
  });
  return { id: job.id, fileName, driveId, departmentId, ...summary };
}

/** Writes a previewed list: every row or, on any refusal, none. */
export async function commitDonationImport(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  jobId: string,
): Promise<DonationImportCommitResult> {
  return deps.db.transaction(async (tx) => {
    const job = await repo.lockImport(tx, auth.orgId, auth.userId, jobId);
    if (!job) throw notFound('IMPORT_NOT_FOUND');
    if (job.status !== 'staged') throw conflict('CONFLICT', '该名单已经导入过了');
    if (Date.now() - job.createdAt.getTime() > DONATION_IMPORT_HOURS * 3_600_000) {
      throw notFound('IMPORT_NOT_FOUND');
    }
    const summary = job.summary as Summary;
    if (summary.problemCount > 0) {
      throw conflict('CONFLICT', `名单中仍有${summary.problemCount}处问题，整份名单未导入；请修改后重新上传`);
    }
    const drive = await driveOr404(tx, auth.orgId, job.driveId, 'share');
    assertOpen(drive.status);
    const staged = JSON.parse(deps.sealer.open(job.payloadEnc!)) as DonationRow[];
    await repo.insertDonations(
      tx,
      staged.map((r) => ({
        orgId: auth.orgId,
        driveId: job.driveId,
        memberId: r.memberId,
        donorName: r.donorName,
        departmentId: job.departmentId,
        amountFen: r.amountFen,
        date: r.date,
        nameConsent: r.nameConsent,
        importId: job.id,
        createdBy: auth.userId,
        createdByName: auth.displayName,
      })),
    );
    const totalFen = staged.reduce((s, r) => s + r.amountFen, 0);
    await repo.markCommitted(tx, job.id, { rowCount: staged.length, totalFen });
    await writeAudit(tx, actor, {
      action: 'care.donation.import',
      objectType: 'donationDrive',
      objectId: job.driveId,
      detail: {
        importId: job.id,
        fileName: job.fileName,
        departmentId: job.departmentId,
        rows: staged.length,
        totalFen,
      },
    });
    return { importId: job.id, rowCount: staged.length, totalFen };
  });
}
