// The one way the web talks to the server: JSON in and out, errors as ApiError.
import type { ErrorDetail } from '../common/errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

type Navigate = (to: string) => void;
let navigate: Navigate = (to) => window.location.assign(to);
let onSignedOut = () => {};

/** main.tsx hands over the router's navigate and a hook to forget cached data on sign-out. */
export function configureApi(opts: { navigate: Navigate; onSignedOut: () => void }) {
  navigate = opts.navigate;
  onSignedOut = opts.onSignedOut;
}

const PUBLIC_PATHS = ['/login', '/setup'];

function currentTarget() {
  return window.location.pathname + window.location.search;
}

/** Sends the user where a 401 or a pending password change says they must go. */
function redirectFor(err: ApiError) {
  const here = window.location.pathname;
  if (err.status === 401 && !err.code.startsWith('LOGIN_') && !PUBLIC_PATHS.includes(here)) {
    onSignedOut();
    navigate(`/login?redirect=${encodeURIComponent(currentTarget())}`);
  } else if (err.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED' && here !== '/password') {
    navigate('/password');
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
  if (e?.code) return new ApiError(status, e.code, e.message ?? '请求失败', e.details ?? []);
  return new ApiError(
    status,
    'INTERNAL',
    status >= 500 ? '服务器内部错误，请稍后再试' : `请求失败（${status}）`,
  );
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${url}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const err = toApiError(res.status, json);
    redirectFor(err);
    throw err;
  }
  return json as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  del: (url: string) => request<void>('DELETE', url),
};

/** Builds a query string from the set values only: `?q=张&page=2`, or '' when nothing is set. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/** Posts one file as multipart field `file`, reporting upload progress in percent. */
export function uploadFile<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${url}`);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as T);
      const err = toApiError(xhr.status, json);
      redirectFor(err);
      reject(err);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '上传失败，请检查网络'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
