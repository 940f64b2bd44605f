import type { Paged } from '../../common/schemas/shared.js';

export function offsetOf(q: { page: number; pageSize: number }): number {
  return (q.page - 1) * q.pageSize;
}

export function paged<T>(data: T[], total: number, q: { page: number; pageSize: number }): Paged<T> {
  return { data, page: { page: q.page, pageSize: q.pageSize, total } };
}
