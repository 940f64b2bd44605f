import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Deps } from '../../app.js';
import type { AuthContext } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { worklistsService } from './visits.worklists.js';

// Birthday cards (生日贺卡) as a Word file to print: one card per page, each a section of its own
// (a new section starts a new page), with the member's name and the union's greeting.

const GREETING =
  '值此生日来临之际，工会全体同仁向您致以最诚挚的祝福！感谢您一直以来为医院发展付出的辛勤努力，祝您生日快乐、身体健康、工作顺利、阖家幸福！';

function card(name: string, orgName: string, month: string) {
  const [y, m] = month.split('-');
  return {
    properties: {},
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 1200, after: 600 },
        children: [new TextRun({ text: '生日快乐', bold: true, size: 72 })],
      }),
      new Paragraph({
        spacing: { after: 300 },
        children: [new TextRun({ text: `亲爱的${name}同志：`, size: 32 })],
      }),
      new Paragraph({
        indent: { firstLine: 640 },
        spacing: { line: 480 },
        children: [new TextRun({ text: GREETING, size: 32 })],
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 900 },
        children: [new TextRun({ text: `${orgName}`, size: 32 })],
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: `${y}年${Number(m)}月`, size: 32 })],
      }),
    ],
  };
}

/** Cards for the month's birthdays, or for the chosen members among them (400 when none). */
export async function birthdayCards(
  deps: Deps,
  auth: AuthContext,
  month: string,
  memberIds: readonly string[],
): Promise<{ name: string; buffer: Buffer }> {
  const rows = await worklistsService.birthdays(deps, auth, month, memberIds);
  if (memberIds.length && rows.length !== new Set(memberIds).size) {
    throw invalid([{ path: 'memberIds', message: '所选会员中有人不在本月生日名单中' }]);
  }
  if (rows.length === 0) throw invalid([{ path: 'month', message: `${month}没有过生日的会员` }]);
  const doc = new Document({
    creator: auth.orgName,
    title: `${month}生日贺卡`,
    sections: rows.map((r) => card(r.name, auth.orgName, month)),
  });
  return { name: `生日贺卡-${month}.docx`, buffer: await Packer.toBuffer(doc) };
}
