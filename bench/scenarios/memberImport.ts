import { EMPLOYMENT_TYPE_LABELS, GENDER_LABELS } from '../../common/enums.js';
import { DEPARTMENT_SPECS } from '../../server/demo/generators/organisation.js';
import { mobileNumber, personName, uniqueIdNumber } from '../../server/demo/people.js';
import { addDays, createRng } from '../../server/demo/rng.js';
import { writeSheet, XLSX_MIME } from '../../server/lib/excel.js';
import { IMPORT_COLUMNS } from '../../server/modules/members/members.import.js';
import { loadUnion } from '../lib/loader.js';
import type { BenchScenario } from '../types.js';

// Excel import of 10,000 rows end to end, as an officer does it: upload (the server parses and
// validates every row and stores the preview), then commit (all rows in one transaction).

const ROWS = 10_000;
const TARGET_MS = 10_000;

/** A roster in the import template's columns, with the demo hospital's department names. */
async function roster(rows: number): Promise<Buffer> {
  const rng = createRng('bench-import');
  const taken = new Set<string>();
  const departments = DEPARTMENT_SPECS.filter((d) => d.kind !== 'parent').map((d) => d.name);
  const data = Array.from({ length: rows }, (_, i) => {
    const gender = rng.chance(0.62) ? 'female' : 'male';
    const birth = rng.date('1965-01-01', '2000-12-31');
    const hire = addDays(birth, rng.int(22 * 365, 28 * 365));
    const byHeader: Record<string, string | null> = {
      姓名: personName(rng, gender),
      身份证号: uniqueIdNumber(rng, taken, birth, gender),
      性别: GENDER_LABELS[gender],
      出生日期: birth,
      手机号: mobileNumber(rng),
      科室: rng.pick(departments),
      用工形式: EMPLOYMENT_TYPE_LABELS[rng.chance(0.4) ? 'contract' : 'permanent'],
      入职日期: hire,
      入会日期: rng.chance(0.85) ? addDays(hire, rng.int(30, 600)) : null,
      会员证号: `IM${String(i + 1).padStart(6, '0')}`,
    };
    return IMPORT_COLUMNS.map((c) => byHeader[c.header] ?? null);
  });
  return writeSheet('会员名册', IMPORT_COLUMNS, data);
}

export const memberImportBench: BenchScenario = {
  name: 'member-import',
  quick: true,
  async run(ctx) {
    const file = await roster(ROWS);
    // A union of its own with the demo departments and no members: every row is a new member.
    const union = await loadUnion(ctx.pool, ctx.sealer, {
      name: '基准测试导入工会',
      size: 0,
      seed: 'import',
    });
    const cookie = await ctx.cookie(union.orgId, ['officer']);
    const headers = { cookie, origin: ctx.baseUrl };

    const upload = await ctx.timeIt(async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)], { type: XLSX_MIME }), 'roster.xlsx');
      const res = await fetch(`${ctx.baseUrl}/api/members/import?mode=create`, {
        method: 'POST',
        headers,
        body: form,
      });
      if (res.status !== 200) throw new Error(`import upload: ${res.status} ${await res.text()}`);
      return (await res.json()).data as { id: string; toCreate: number; problemCount: number };
    });
    if (upload.value.problemCount || upload.value.toCreate !== ROWS) {
      throw new Error(
        `import preview: ${upload.value.toCreate} to create, ${upload.value.problemCount} problems`,
      );
    }
    const commit = await ctx.timeIt(async () => {
      const res = await fetch(`${ctx.baseUrl}/api/members/import/${upload.value.id}/commit`, {
        method: 'POST',
        headers,
      });
      if (res.status !== 200) throw new Error(`import commit: ${res.status} ${await res.text()}`);
      return (await res.json()).data as { created: number };
    });
    if (commit.value.created !== ROWS) throw new Error(`import commit created ${commit.value.created}`);
    const total = upload.ms + commit.ms;
    const size = `${ROWS / 1000}k rows`;
    return [
      {
        scenario: 'import: upload + preview',
        size,
        wallMs: upload.ms,
        note: `${(file.length / 1024).toFixed(0)} KB file`,
      },
      { scenario: 'import: commit', size, wallMs: commit.ms },
      {
        scenario: 'import end to end',
        size,
        wallMs: total,
        targets: [{ label: '<10s', ok: total < TARGET_MS }],
      },
    ];
  },
};
