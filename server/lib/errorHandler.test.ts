import type { FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toErrorBody } from './errorHandler.js';
import { AppError } from './errors.js';

const err = (props: Record<string, unknown>) =>
  Object.assign(new Error('x'), props) as unknown as FastifyError;

describe('toErrorBody', () => {
  it('keeps an AppError as it was thrown', () => {
    const r = toErrorBody(new AppError(409, 'STALE_VERSION') as unknown as FastifyError);
    expect(r).toEqual({
      status: 409,
      body: { error: { code: 'STALE_VERSION', message: '记录已被他人修改，请刷新后再试' } },
    });
  });

  it.each([
    ['23505', 409, 'DUPLICATE'],
    ['23503', 409, 'IN_USE'],
    ['22P02', 400, 'BAD_REQUEST'],
  ])('maps PostgreSQL %s to %i, also when Drizzle wraps it in cause', (code, status, errorCode) => {
    expect(toErrorBody(err({ code })).status).toBe(status);
    const wrapped = toErrorBody(err({ cause: { code } }));
    expect(wrapped.status).toBe(status);
    expect(wrapped.body.error.code).toBe(errorCode);
  });

  it('maps body size and rate limits, and hides anything unknown behind a 500 in Chinese', () => {
    expect(toErrorBody(err({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).status).toBe(413);
    expect(toErrorBody(err({ statusCode: 429 })).body.error.code).toBe('RATE_LIMITED');
    const unknown = toErrorBody(err({}));
    expect(unknown).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } },
    });
  });
});
