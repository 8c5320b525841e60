/**
 * CSV import of a cell's (or a committee's) members. The upload goes through XMLHttpRequest because
 * fetch cannot report upload progress; the status endpoint is polled alongside for rows per second.
 */
import type { ImportStatus } from '../../shared/schemas/imports.ts';
import { ApiError, api, getCsrfToken, toApiError } from './client.ts';

/** A v4 UUID; crypto.randomUUID only exists in secure contexts, so fall back to getRandomValues. */
export function newImportId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface UploadHandle {
  done: Promise<ImportStatus>;
  abort: () => void;
}

/** POSTs the raw file; resolves with the final status, rejects with ApiError (422 carries the bad lines). */
export function uploadImport(
  unitId: number,
  importId: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportStatus>((resolve, reject) => {
    xhr.open('POST', `/api/v1/units/${unitId}/imports?importId=${encodeURIComponent(importId)}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'Network error'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportStatus);
      else reject(toApiError(xhr.status, body));
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

export const fetchImportStatus = (importId: string) => api.get<ImportStatus>(`/api/v1/imports/${encodeURIComponent(importId)}`);

/** The bad lines of a rejected import, from `error.details` of the 422. */
export function rejectedStatus(error: unknown): ImportStatus | null {
  if (!(error instanceof ApiError) || error.code !== 'import_rejected') return null;
  const d = error.details as Partial<ImportStatus> | undefined;
  return d && Array.isArray(d.errors) ? (d as ImportStatus) : null;
}

export const CSV_COLUMNS = [
  'full_name',
  'member_no',
  'email',
  'phone',
  'birth_year',
  'workplace',
  'joined_on',
  'role',
  'cell_code',
] as const;

/** A template users can fill in a spreadsheet; a data: URL needs no cleanup. */
export function templateHref(): string {
  const csv = `${CSV_COLUMNS.join(',')}\r\nKim Chol,M-0001,kim@example.org,+850-2-000-0000,1990,Steel works,2020-05-01,member,\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
