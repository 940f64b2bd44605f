import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_MESSAGES, type ErrorBody, type ErrorCode, type ErrorDetail } from '../../common/errors.js';
import { AppError } from './errors.js';

const FIELD_NAMES: Record<string, string> = { body: '请求内容', querystring: '查询条件', params: '地址参数' };

/** One error shape for the whole API; bad input is never a 500. */
export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) req.log.error(err);
    reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    // The web app routes on the client: a page address that is no file gets index.html.
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    reply.status(404).send(errorBody('NOT_FOUND', req.url.startsWith('/api/') ? '接口不存在' : '页面不存在'));
  });
}

function errorBody(code: ErrorCode, message?: string, details?: ErrorDetail[]): ErrorBody {
  return {
    error: { code, message: message ?? ERROR_MESSAGES[code], ...(details?.length ? { details } : {}) },
  };
}

export function toErrorBody(err: FastifyError): { status: number; body: ErrorBody } {
  if (err instanceof AppError)
    return { status: err.status, body: errorBody(err.code, err.message, err.details) };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => {
      const params = v.params as { keys?: string[] };
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      if (v.keyword === 'unrecognized_keys' && params.keys) {
        return { path: params.keys.join(','), message: `不支持的字段：${params.keys.join('、')}` };
      }
      return {
        path: path || (FIELD_NAMES[err.validationContext ?? ''] ?? ''),
        message: v.message ?? '格式不正确',
      };
    });
    return { status: 400, body: errorBody('VALIDATION_FAILED', details[0]?.message, details) };
  }
  // Drizzle wraps the driver's error and keeps PostgreSQL's code on the cause.
  const pgCode = (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code;
  if (pgCode === '23505') return { status: 409, body: errorBody('DUPLICATE') };
  if (pgCode === '23503') return { status: 409, body: errorBody('IN_USE', '记录仍被引用，不能执行此操作') };
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
    return { status: 400, body: errorBody('BAD_REQUEST', '输入的格式不正确') };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { status: 413, body: errorBody('PAYLOAD_TOO_LARGE') };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: errorBody('BAD_REQUEST', '请求内容不是有效的 JSON') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 400, body: errorBody('BAD_REQUEST', '不支持的内容类型') };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 400, body: errorBody('BAD_REQUEST', '请以文件上传方式提交') };
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return { status, body: errorBody('RATE_LIMITED') };
  if (status === 413) return { status, body: errorBody('PAYLOAD_TOO_LARGE') };
  if (status >= 400 && status < 500) return { status: 400, body: errorBody('BAD_REQUEST', '请求内容有误') };
  return { status: 500, body: errorBody('INTERNAL') };
}
