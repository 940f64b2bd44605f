import type { DuesArrearsRow } from '../../../common/schemas/dues.js';

// Arrears (欠缴): a month counts as due when the union imported payroll deductions for it (so months
// before the union used the system are not arrears), the member had joined by then, and no exemption
// covers it. Retirees and non-members never reach this function (the query leaves them out).

export interface ArrearsMember {
  id: string;
  name: string;
  memberNo: string | null;
  joinedAt: string | null;
  departmentName: string;
}

export interface Exemption {
  memberId: string;
  fromMonth: string;
  toMonth: string | null;
}

export function isExempt(list: readonly Exemption[] | undefined, month: string): boolean {
  return !!list?.some((e) => e.fromMonth <= month && (e.toMonth === null || month <= e.toMonth));
}

/** Every member with at least `minMonths` unpaid due months, most in arrears first. */
export function computeArrears(
  people: readonly ArrearsMember[],
  importedMonths: readonly string[],
  paid: ReadonlyMap<string, ReadonlySet<string>>,
  exemptions: ReadonlyMap<string, readonly Exemption[]>,
  opts: { year?: number; minMonths: number },
): DuesArrearsRow[] {
  const months = opts.year ? importedMonths.filter((m) => m.startsWith(`${opts.year}-`)) : importedMonths;
  const out: DuesArrearsRow[] = [];
  for (const p of people) {
    const joined = p.joinedAt?.slice(0, 7) ?? '';
    const mine = paid.get(p.id);
    const due = months.filter((m) => m >= joined && !isExempt(exemptions.get(p.id), m));
    const missing = due.filter((m) => !mine?.has(m));
    if (missing.length < opts.minMonths) continue;
    out.push({
      memberId: p.id,
      memberName: p.name,
      memberNo: p.memberNo,
      departmentName: p.departmentName,
      joinedAt: p.joinedAt,
      dueMonths: due.length,
      arrearsMonths: missing.length,
      missingMonths: missing,
      lastPaidMonth: mine?.size ? [...mine].sort().at(-1)! : null,
    });
  }
  return out.sort((a, b) => b.arrearsMonths - a.arrearsMonths);
}
