import { maskIdNumber } from '../../../common/idNumber.js';
import type {
  ImportCommitResult,
  ImportMode,
  ImportPreview,
  ImportProblem,
  MemberCreate,
} from '../../../common/schemas/member.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { readWorkbook } from '../../lib/excel.js';
import {
  fileDuplicates,
  readRosterSheet,
  sortProblems,
  type ValidRow,
  validateRows,
} from './members.import.js';
import { membersRepository as repo } from './members.repository.js';
import {
  departmentRefs,
  duplicateIdNumber,
  inMemberTransaction,
  memberValues,
  type OrgActor,
  uniqueViolation,
} from './members.service.js';

// An import is two requests: the upload is checked and staged (encrypted) as an import job and a
// preview is returned; the commit writes every staged row in one transaction, or none.

const MAX_PROBLEMS_SHOWN = 1000;
const SAMPLE_ROWS = 20;
/** Staged uploads older than this are gone: the preview may no longer match the roster. */
export const IMPORT_JOB_HOURS = 24;

interface StagedRow {
  row: number;
  input: MemberCreate;
  unionGroupId: string | null;
}

type Summary = Omit<ImportPreview, 'id' | 'fileName' | 'mode'>;

export async function previewImport(
  deps: Deps,
  auth: AuthContext,
  upload: { fileName: string; data: Buffer },
  mode: ImportMode,
): Promise<ImportPreview> {
  const wb = await readWorkbook(upload.data);
  const sheetRows = readRosterSheet(wb);
  const departments = await departmentRefs(deps.db, auth.orgId);
  const byName = new Map(departments.map((d) => [d.name, d]));
  const { valid, problems } = validateRows(sheetRows, byName);

  const rows = valid.map((r) => ({ ...r, hash: deps.sealer.keyedHash(r.input.idNumber) }));
  problems.push(...fileDuplicates(rows));
  const existing = new Map(
    (
      await repo.findByHashes(
        deps.db,
        auth.orgId,
        rows.map((r) => r.hash),
      )
    ).map((e) => [e.hash, e]),
  );
  const nos = [...new Set(rows.map((r) => r.input.memberNo).filter((n): n is string => !!n))];
  const holders = new Map((await repo.findByMemberNos(deps.db, auth.orgId, nos)).map((e) => [e.memberNo, e]));
  for (const r of rows) {
    const same = existing.get(r.hash);
    if (same && mode === 'create') {
      problems.push({ row: r.row, column: '身份证号', message: `该身份证号已登记（姓名：${same.name}）` });
    }
    const holder = r.input.memberNo ? holders.get(r.input.memberNo) : undefined;
    if (holder && (mode === 'create' || holder.hash !== r.hash)) {
      problems.push({ row: r.row, column: '会员证号', message: `会员证号已被使用（姓名：${holder.name}）` });
    }
  }

  const action = (r: { hash: string }) => (existing.has(r.hash) ? ('update' as const) : ('create' as const));
  const sorted = sortProblems(problems);
  const summary: Summary = {
    total: sheetRows.length,
    toCreate: rows.filter((r) => action(r) === 'create').length,
    toUpdate: mode === 'upsert' ? rows.filter((r) => action(r) === 'update').length : 0,
    problems: sorted.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: sorted.length,
    sample: rows.slice(0, SAMPLE_ROWS).map((r) => ({
      row: r.row,
      name: r.input.name,
      idNumberMasked: maskIdNumber(r.input.idNumber),
      departmentName: r.departmentName,
      action: action(r),
    })),
  };
  const staged: StagedRow[] = rows.map((r: ValidRow) => ({
    row: r.row,
    input: r.input,
    unionGroupId: r.unionGroupId,
  }));
  const fileName = upload.fileName.slice(0, 200) || '未命名.xlsx';
  const job = await deps.db.transaction(async (tx) => {
    await repo.purgeStaleImportJobs(tx, auth.orgId, IMPORT_JOB_HOURS);
    return repo.insertImportJob(tx, {
      orgId: auth.orgId,
      userId: auth.userId,
      fileName,
      mode,
      // The staged rows hold ID numbers: sealed like the member table itself.
      payloadEnc: deps.sealer.seal(JSON.stringify(staged)),
      summary,
    });
  });
  return { id: job.id, fileName, mode, ...summary };
}

const RACE_MESSAGE =
  '提交时发现与名册中已有记录重复（身份证号或会员证号），本次导入已全部撤销，请重新上传预览';

/**
 * Writes a previewed import: all rows or none, in one transaction, with multi-row inserts.
 * Duplicates are checked again inside the transaction; a clash the check could not see (a card
 * number taken in the meantime) is caught by the unique keys and rolls everything back.
 */
export async function commitImport(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  jobId: string,
): Promise<ImportCommitResult> {
  try {
    return await inMemberTransaction(deps, auth.orgId, async (tx) => {
      const job = await repo.lockImportJob(tx, auth.orgId, auth.userId, jobId);
      if (!job) throw notFound('IMPORT_NOT_FOUND');
      if (job.committedAt) throw conflict('CONFLICT', '该导入已经提交过了');
      if (Date.now() - job.createdAt.getTime() > IMPORT_JOB_HOURS * 3_600_000)
        throw notFound('IMPORT_NOT_FOUND');
      const summary = job.summary as Summary;
      if (summary.problemCount > 0) {
        throw conflict('CONFLICT', `导入数据仍有${summary.problemCount}处问题，请修正后重新上传`);
      }
      const staged = JSON.parse(deps.sealer.open(job.payloadEnc)) as StagedRow[];

      const departmentIds = new Set((await departmentRefs(tx, auth.orgId)).map((d) => d.id));
      if (staged.some((r) => !departmentIds.has(r.input.departmentId))) {
        throw conflict('CONFLICT', '部分科室已被删除，请重新上传预览');
      }
      const values = staged.map((r) => memberValues(deps, auth.orgId, r.input, r.unionGroupId));
      const existing = new Map(
        (
          await repo.findByHashes(
            tx,
            auth.orgId,
            values.map((v) => v.idNumberHash),
          )
        ).map((e) => [e.hash, e]),
      );
      if (job.mode === 'create' && existing.size > 0) {
        const first = existing.values().next().value!;
        const e = duplicateIdNumber(first.name);
        throw conflict(
          'DUPLICATE',
          `${existing.size}人已在名册中，本次导入已全部撤销，请重新上传预览`,
          e.details,
        );
      }
      const toCreate = values.filter((v) => !existing.has(v.idNumberHash));
      const toUpdate = values.filter((v) => existing.has(v.idNumberHash));

      const created = await repo.insertMany(tx, toCreate);
      const byHash = new Map(toCreate.map((v) => [v.idNumberHash, v]));
      const date = today();
      await repo.insertEvents(
        tx,
        created.map((c) => {
          const v = byHash.get(c.hash)!;
          return {
            orgId: auth.orgId,
            memberId: c.id,
            action: 'import',
            fromStatus: null,
            toStatus: v.status ?? 'nonMember',
            date: v.joinedAt ?? date,
            reason: `批量导入：${job.fileName}`,
            actorId: actor.userId,
            actorName: actor.name,
          };
        }),
      );
      const updated = await repo.updateManyByHash(tx, toUpdate);
      await repo.markImportCommitted(tx, job.id);
      await writeAudit(tx, actor, {
        action: 'member.import',
        objectType: 'importJob',
        objectId: job.id,
        detail: { fileName: job.fileName, mode: job.mode, created: created.length, updated },
      });
      return { created: created.length, updated };
    });
  } catch (e) {
    if (uniqueViolation(e)) throw conflict('DUPLICATE', RACE_MESSAGE);
    throw e;
  }
}

export type { ImportProblem };
