import { departments, unionGroupDepartments, unionGroups } from '../../db/schema/index.js';
import type { DemoDepartment, DemoDepartmentKind, DemoGenerator } from '../types.js';

// A county-level general hospital: functional offices, internal and surgical departments with their
// wards, other clinical departments and the medical technology departments. `staff` is the share of
// a 1,200-person roster; `nurses` the share of the department's staff who are nurses.

export interface DepartmentSpec {
  name: string;
  kind: DemoDepartmentKind;
  parent?: string;
  staff: number;
  nurses: number;
  /** The union group the department belongs to; by default its own "<name>工会小组". */
  group?: string;
}

const office = (name: string, staff: number, group: string, nurses = 0): DepartmentSpec => ({
  name,
  kind: 'office',
  staff,
  nurses,
  group,
});
const clinical = (name: string, staff: number, nurses = 0.55, parent?: string, group?: string) =>
  ({ name, kind: 'clinical', staff, nurses, parent, group }) satisfies DepartmentSpec;
const technical = (name: string, staff: number) =>
  ({ name, kind: 'technical', staff, nurses: 0.04 }) satisfies DepartmentSpec;

const OFFICE_1 = '机关第一工会小组';
const OFFICE_2 = '机关第二工会小组';
const ENT = '五官科工会小组';

export const DEPARTMENT_SPECS: readonly DepartmentSpec[] = [
  office('院办公室', 12, OFFICE_1),
  office('党委办公室', 8, OFFICE_1),
  office('医务科', 10, OFFICE_1),
  office('护理部', 8, OFFICE_1, 1),
  office('人事科', 10, OFFICE_1),
  office('财务科', 14, OFFICE_2),
  office('总务科', 30, OFFICE_2),
  office('信息科', 12, OFFICE_2),
  office('设备科', 10, OFFICE_2),
  office('保卫科', 16, OFFICE_2),
  { name: '内科', kind: 'parent', staff: 0, nurses: 0 },
  clinical('心血管内科', 60, 0.55, '内科'),
  clinical('呼吸内科', 50, 0.55, '内科'),
  clinical('消化内科', 50, 0.55, '内科'),
  clinical('神经内科', 50, 0.55, '内科'),
  clinical('内分泌科', 35, 0.5, '内科'),
  clinical('肾内科', 35, 0.55, '内科'),
  { name: '外科', kind: 'parent', staff: 0, nurses: 0 },
  clinical('普外科', 60, 0.55, '外科'),
  clinical('骨科', 60, 0.5, '外科'),
  clinical('神经外科', 40, 0.55, '外科'),
  clinical('泌尿外科', 35, 0.5, '外科'),
  clinical('心胸外科', 30, 0.55, '外科'),
  clinical('妇产科', 70, 0.6),
  clinical('儿科', 55, 0.55),
  clinical('急诊科', 60, 0.55),
  clinical('重症医学科', 45, 0.68),
  clinical('眼科', 20, 0.4, undefined, ENT),
  clinical('耳鼻喉科', 20, 0.4, undefined, ENT),
  clinical('口腔科', 20, 0.35, undefined, ENT),
  clinical('中医科', 25, 0.35),
  clinical('康复医学科', 25, 0.3),
  clinical('麻醉科', 40, 0.3),
  technical('检验科', 50),
  technical('放射科', 45),
  technical('超声科', 25),
  technical('药剂科', 45),
  technical('病理科', 20),
];

/** The department tree and the union groups (one per department; small offices and wards share one). */
export const organisationGenerator: DemoGenerator = {
  name: 'organisation',
  async run(ctx) {
    const { tx, orgId } = ctx;
    const byName = new Map<string, DemoDepartment>();
    // Parents first, so children can refer to them.
    const ordered = [...DEPARTMENT_SPECS].sort((a, b) => Number(!!a.parent) - Number(!!b.parent));
    for (const spec of ordered) {
      const [row] = await tx
        .insert(departments)
        .values({
          orgId,
          name: spec.name,
          parentId: spec.parent ? byName.get(spec.parent)!.id : null,
          sort: DEPARTMENT_SPECS.indexOf(spec) + 1,
        })
        .returning({ id: departments.id });
      byName.set(spec.name, {
        id: row.id,
        name: spec.name,
        parentId: spec.parent ? byName.get(spec.parent)!.id : null,
        kind: spec.kind,
      });
    }
    ctx.departments = DEPARTMENT_SPECS.map((s) => byName.get(s.name)!);

    const groups = new Map<string, string[]>();
    for (const spec of DEPARTMENT_SPECS) {
      if (spec.kind === 'parent') continue;
      const name = spec.group ?? `${spec.name}工会小组`;
      groups.set(name, [...(groups.get(name) ?? []), byName.get(spec.name)!.id]);
    }
    const inserted = await tx
      .insert(unionGroups)
      .values([...groups.keys()].map((name) => ({ orgId, name })))
      .returning({ id: unionGroups.id, name: unionGroups.name });
    ctx.unionGroups = inserted.map((g) => ({
      id: g.id,
      name: g.name,
      departmentIds: groups.get(g.name)!,
      leaderMemberId: null,
    }));
    await tx
      .insert(unionGroupDepartments)
      .values(
        ctx.unionGroups.flatMap((g) =>
          g.departmentIds.map((departmentId) => ({ orgId, unionGroupId: g.id, departmentId })),
        ),
      );
    return { departments: ctx.departments.length, unionGroups: ctx.unionGroups.length };
  },
};
