import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  donationCreateBody,
  donationDriveCancelBody,
  donationDriveCreateBody,
  donationDriveListQuery,
  donationDriveParams,
  donationHandoverBody,
  donationImportParams,
  donationImportQuery,
  donationListQuery,
  donationParams,
  donationRemoveBody,
  donorListQuery,
} from '../../../common/schemas/donation.js';
import { idParams, uuid } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { invalid, notFound } from '../../lib/errors.js';
import { contentDisposition, XLSX_MIME } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import { handOver } from './donations.handover.js';
import { DONATION_TEMPLATE_FILE_NAME, donationTemplate } from './donations.import.js';
import { commitDonationImport, previewDonationImport } from './donations.importJob.js';
import { donationsRepository } from './donations.repository.js';
import { donationsService as service } from './donations.service.js';
import { donationsPublic } from './donations.summary.js';

// 爱心捐款. Officers (care:write) run drives and record donations; care:summary reads them; the
// handover is the chair's step (care:approve) because it approves the payment; every member
// (care:apply) sees the public summary.

const tags = ['care'];
const read = { permission: 'care:summary' as const };
const write = { permission: 'care:write' as const };
const BASE = '/care/donations';
const templateQuery = z.strictObject({ departmentId: uuid('科室').optional() });
const publicListQuery = donationDriveListQuery.pick({ year: true });

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const donationRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${BASE}/drives`,
    { config: read, schema: { tags, querystring: donationDriveListQuery } },
    async (req) => ({
      data: await service.listDrives(deps, requireAuth(req), req.query),
    }),
  );
  r.post(
    `${BASE}/drives`,
    { config: write, schema: { tags, body: donationDriveCreateBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await service.createDrive(deps, auth, actor, req.body) });
    },
  );
  r.get(
    `${BASE}/drives/:id`,
    { config: read, schema: { tags, params: donationDriveParams } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await service.getDrive(deps, auth, actor, req.params.id) };
    },
  );
  for (const action of ['close', 'reopen'] as const) {
    r.post(
      `${BASE}/drives/:id/${action}`,
      { config: write, schema: { tags, params: donationDriveParams } },
      async (req) => {
        const { auth, actor } = actorFor(req);
        return { data: await service.transition(deps, auth, actor, req.params.id, action) };
      },
    );
  }
  r.post(
    `${BASE}/drives/:id/cancel`,
    { config: write, schema: { tags, params: donationDriveParams, body: donationDriveCancelBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await service.transition(deps, auth, actor, req.params.id, 'cancel', req.body.reason) };
    },
  );
  r.post(
    `${BASE}/drives/:id/handover`,
    {
      config: { permission: 'care:approve' },
      schema: { tags, params: donationDriveParams, body: donationHandoverBody },
    },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await handOver(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.get(`${BASE}/donors`, { config: read, schema: { tags, querystring: donorListQuery } }, (req) =>
    service.listDonors(deps, requireAuth(req), req.query),
  );
  r.get(
    `${BASE}/drives/:id/donations`,
    { config: read, schema: { tags, params: donationDriveParams, querystring: donationListQuery } },
    (req) => service.listDonations(deps, requireAuth(req), req.params.id, req.query),
  );
  r.post(
    `${BASE}/drives/:id/donations`,
    { config: write, schema: { tags, params: donationDriveParams, body: donationCreateBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply
        .status(201)
        .send({ data: await service.addDonation(deps, auth, actor, req.params.id, req.body) });
    },
  );
  r.post(
    `${BASE}/drives/:id/donations/:donationId/remove`,
    { config: write, schema: { tags, params: donationParams, body: donationRemoveBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      const { id, donationId } = req.params;
      return { data: await service.removeDonation(deps, auth, actor, id, donationId, req.body.reason) };
    },
  );

  r.get(
    `${BASE}/import/template`,
    { config: write, schema: { tags, querystring: templateQuery } },
    async (req, reply) => {
      const auth = requireAuth(req);
      const departmentId = req.query.departmentId;
      if (departmentId && !(await donationsRepository.department(deps.db, auth.orgId, departmentId))) {
        throw notFound('DEPARTMENT_NOT_FOUND');
      }
      const people = departmentId
        ? await donationsRepository.departmentMembers(deps.db, auth.orgId, departmentId)
        : [];
      return reply
        .header('content-type', XLSX_MIME)
        .header(
          'content-disposition',
          contentDisposition(DONATION_TEMPLATE_FILE_NAME, 'donation-template.xlsx'),
        )
        .header('cache-control', 'no-store')
        .send(await donationTemplate(people));
    },
  );
  r.post(
    `${BASE}/drives/:id/departments/:departmentId/import`,
    { config: write, schema: { tags, params: donationImportParams, querystring: donationImportQuery } },
    async (req) => {
      const auth = requireAuth(req);
      const file = await req.file();
      if (file?.fieldname !== 'file')
        throw invalid([{ path: 'file', message: '请上传 Excel 文件（字段名 file）' }]);
      const data = await file.toBuffer();
      const { id, departmentId } = req.params;
      return {
        data: await previewDonationImport(deps, auth, id, departmentId, { fileName: file.filename, data }),
      };
    },
  );
  r.post(`${BASE}/imports/:id/commit`, { config: write, schema: { tags, params: idParams } }, async (req) => {
    const { auth, actor } = actorFor(req);
    return { data: await commitDonationImport(deps, auth, actor, req.params.id) };
  });

  r.get(
    `${BASE}/public`,
    { config: { permission: 'care:apply' }, schema: { tags, querystring: publicListQuery } },
    async (req) => ({
      data: await donationsPublic.list(deps, requireAuth(req), req.query.year),
    }),
  );
  r.get(
    `${BASE}/public/:id`,
    { config: { permission: 'care:apply' }, schema: { tags, params: donationDriveParams } },
    async (req) => ({
      data: await donationsPublic.summary(deps, requireAuth(req), req.params.id),
    }),
  );
};
