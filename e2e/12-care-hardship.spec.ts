import { choose, LEADER, login, OFFICER } from './accounts.js';
import { api, createMember, data } from './api.js';
import { expect, test } from './fixtures.js';

// Hardship files (困难职工档案) and mutual aid (职工互助保障): the officer registers a household with a
// document, reviews and closes the file; a group leader cannot open the register. Then a mutual-aid
// plan for one department: enrol, the union pays the premiums, a claim is approved
// and its payout recorded.

test.describe.configure({ mode: 'serial' });

const DEPT = `帮扶测试科${Date.now().toString(36)}`;
const HARD = '吴困难';
const OTHER = '郑互助';
const SPOUSE = '吴配偶';
const PLAN = `住院医疗互助保障${Date.now().toString(36)}`;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% income certificate\n'), Buffer.alloc(64, 32)]);

test.beforeAll(async () => {
  const officer = await api(OFFICER.username, OFFICER.password);
  const dept = await data(officer.post('/api/departments', { data: { name: DEPT } }));
  await createMember(officer, {
    name: HARD,
    birth: '19740618',
    seq: 612,
    departmentId: dept.id,
    joinedAt: '2005-01-01',
  });
  await createMember(officer, {
    name: OTHER,
    birth: '19760922',
    seq: 614,
    departmentId: dept.id,
    joinedAt: '2006-01-01',
  });
});

test('the officer registers a hardship file with its household and a document, reviews and closes it', async ({
  page,
}) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/care/hardship');
  await page.getByRole('button', { name: '新建档案' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('职工').fill(HARD.slice(0, 2));
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: HARD })
    .first()
    .click();
  await choose(page, '困难等级', '特殊困难');
  await drawer.getByLabel('因病').check();
  await drawer.getByLabel('子女就学').check();
  await drawer.getByLabel('家庭月人均收入').fill('1234.56');
  await drawer.getByRole('button', { name: '添加家庭成员' }).click();
  await drawer.getByPlaceholder('姓名').fill(SPOUSE);
  await drawer.getByPlaceholder('关系').fill('配偶');
  await drawer.getByPlaceholder('年龄').fill('45');
  await drawer.getByPlaceholder('健康或就业状况').fill('长期透析');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/care\/hardship\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('cell', { name: SPOUSE })).toBeVisible();
  await expect(page.getByText('1,234.56')).toBeVisible();

  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '收入证明.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByRole('link', { name: '收入证明.pdf' })).toBeVisible();

  await page.getByRole('button', { name: '年度复核' }).click();
  const review = page.getByRole('dialog');
  await review.getByLabel('复核意见（退出时必填）').fill('配偶仍在透析，继续保留');
  await review.getByRole('button', { name: '保存复核' }).click();
  await expect(page.getByText('配偶仍在透析，继续保留')).toBeVisible();

  await page.getByRole('button', { name: '退出档案' }).click();
  const close = page.getByRole('dialog');
  await close.getByLabel('退出原因').fill('子女工作，家庭收入改善');
  await close.getByRole('button', { name: '确认退出' }).click();
  await expect(page.getByText('已退出', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '年度复核' })).toHaveCount(0);

  await page.goto('/care/hardship?status=closed');
  await expect(page.getByRole('link', { name: HARD })).toBeVisible();
});

test('a group leader cannot open the hardship register', async ({ page }) => {
  await login(page, LEADER.username, LEADER.password);
  await page.goto('/care/hardship');
  await expect(page.getByText('无权访问')).toBeVisible();
});

test('a mutual-aid plan: enrol a department, the union pays the premiums, a claim is approved and paid out', async ({
  page,
}) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/care/mutual-aid');
  await page.getByRole('button', { name: '新建计划' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('计划名称').fill(PLAN);
  await drawer.getByLabel('每人保费').fill('30');
  await drawer.getByRole('button', { name: '保存' }).click();
  const row = page.getByRole('row').filter({ hasText: PLAN });
  await row.click();

  await page.getByRole('button', { name: '参保登记' }).click();
  const enrol = page.getByRole('dialog');
  await choose(page, '参保范围', '一个科室的会员');
  await choose(page, '参保科室', DEPT);
  await enrol.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('已登记2人')).toBeVisible();

  await page.getByRole('button', { name: /缴纳保费（60\.00元）/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认缴纳' }).click();
  await expect(page.getByText('保费已缴纳并记账')).toBeVisible();
  await expect(row.getByText('已缴')).toBeVisible();

  await page.getByRole('tab', { name: '互助金申请' }).click();
  await page.getByRole('button', { name: '登记申请' }).click();
  const claim = page.getByRole('dialog');
  await choose(page, '所属计划', PLAN);
  await claim.getByLabel('职工（须已参保）').fill(OTHER.slice(0, 2));
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: OTHER })
    .first()
    .click();
  await claim.getByLabel('申请金额').fill('3000');
  await claim.getByLabel('情况说明').fill('阑尾炎手术住院');
  await claim.getByRole('button', { name: '保存' }).click();

  await page.getByRole('button', { name: '核准' }).click();
  const approve = page.getByRole('dialog', { name: '核准' });
  await approve.getByLabel('核准金额').fill('2500');
  await approve.getByRole('button', { name: '核准' }).click();
  await expect(page.getByText('已核准', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: '登记给付' }).click();
  const pay = page.getByRole('dialog', { name: '登记给付' });
  await pay.getByLabel('给付凭证号').fill('市总工会-031');
  await pay.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('给付已登记')).toBeVisible();
  await expect(page.getByText(/2,500\.00元 市总工会-031/)).toBeVisible();
});
