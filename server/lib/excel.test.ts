import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  cellScalar,
  declaredUnpackedSize,
  escapeCell,
  readTable,
  readWorkbook,
  scalarDate,
  scalarText,
  writeSheet,
} from './excel.js';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('escapeCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['张三', '张三'],
    ['010-12345678', '010-12345678'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, out) => {
    expect(escapeCell(input)).toBe(out);
  });
});

describe('scalarDate', () => {
  it.each([
    [new Date(Date.UTC(2020, 1, 29)), '2020-02-29'],
    ['2020-02-29', '2020-02-29'],
    ['2020/2/9', '2020-02-09'],
    ['2020.12.01', '2020-12-01'],
    ['20200101', '2020-01-01'],
    [43831, '2020-01-01'], // an Excel day number
    [20200101, '2020-01-01'],
    [null, ''],
    ['  ', ''],
    ['2021-02-29', null],
    ['2020-13-01', null],
    ['yesterday', null],
    [true, null],
  ])('%j → %j', (input, out) => {
    expect(scalarDate(input as never)).toBe(out);
  });
});

describe('cells', () => {
  it('reads rich text, formula results and hyperlinks as plain values; keeps integer digits', () => {
    expect(cellScalar({ richText: [{ text: '内' }, { text: '一科' }] })).toBe('内一科');
    expect(cellScalar({ formula: 'A1', result: 7 } as ExcelJS.CellFormulaValue)).toBe(7);
    expect(cellScalar({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(cellScalar({ error: '#N/A' } as ExcelJS.CellErrorValue)).toBeNull();
    expect(scalarText(13812345678)).toBe('13812345678');
    expect(scalarText('  x ')).toBe('x');
  });

  it('finds the header row below a title, strips * from headers and skips empty rows', async () => {
    const wb = await readWorkbook(
      await xlsx([['标题'], ['姓名*', ' 身份证号 '], ['甲', '1'], [], ['乙', null]]),
    );
    const t = readTable(wb.worksheets[0], ['姓名', '身份证号'])!;
    expect(t.headers).toEqual(['姓名', '身份证号']);
    expect(t.rows.map((r) => [r.rowNumber, r.cells.get('姓名')])).toEqual([
      [3, '甲'],
      [5, '乙'],
    ]);
    expect(readTable(wb.worksheets[0], ['科室'])).toBeNull();
  });
});

describe('readWorkbook', () => {
  it('refuses what is not an xlsx with a 400, and a claimed zip bomb with a 413', async () => {
    await expect(readWorkbook(Buffer.from('hello'))).rejects.toMatchObject({ status: 400 });
    await expect(readWorkbook(Buffer.from('PK\u0003\u0004garbage'))).rejects.toMatchObject({ status: 400 });
    const good = await xlsx([['a']]);
    expect(declaredUnpackedSize(good)).toBeGreaterThan(0);
    // Rewrite the first central-directory entry to claim 2 GB unpacked.
    const bomb = Buffer.from(good);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fffffff, central + 24);
    await expect(readWorkbook(bomb)).rejects.toMatchObject({ status: 413 });
  });

  it('writes a sheet that escapes strings and reads back', async () => {
    const buf = await writeSheet(
      '名册',
      [{ header: '姓名' }, { header: '数' }],
      [
        ['=x', 3],
        [null, null],
      ],
    );
    const wb = await readWorkbook(buf);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '姓名', '数']);
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, "'=x", 3]);
  });
});
