import {
  ErrorBodySchema,
  IatiImportReplySchema,
  type ConfirmIatiImportInput,
  type IatiImport,
} from '@mesa/shared';
import { ApiError, ClientErrorCodes, getJson, sendJson } from './api';

/** Where the IATI exports download from: every program, or one. */
export function iatiExportUrl(format: 'xml' | 'csv', programId?: string): string {
  const query = programId ? `?programId=${encodeURIComponent(programId)}` : '';
  return `/api/funding/iati/activities.${format}${query}`;
}

/** Checks an export can be made (the publisher identifier is set) without downloading it. */
export async function checkIatiExport(): Promise<ApiError | null> {
  const response = await fetch(iatiExportUrl('csv'), { credentials: 'same-origin' });
  if (response.ok) {
    await response.body?.cancel();
    return null;
  }
  const parsed = ErrorBodySchema.safeParse(await response.json().catch(() => null));
  return parsed.success
    ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
    : new ApiError(response.status, ClientErrorCodes.invalidReply, `HTTP ${response.status}`);
}

/**
 * Uploads an IATI file as XML, reporting the share sent (0–1); resolves with its preview.
 * XMLHttpRequest, because fetch reports no upload progress.
 */
export function uploadIatiFile(
  file: File,
  onProgress: (sent: number) => void,
): Promise<IatiImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/funding/iati/imports?fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/xml');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, ClientErrorCodes.network, 'The server could not be reached'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) {
        const parsed = IatiImportReplySchema.safeParse(body);
        if (parsed.success) resolve(parsed.data.import);
        else reject(new ApiError(xhr.status, ClientErrorCodes.invalidReply, parsed.error.message));
        return;
      }
      const error = ErrorBodySchema.safeParse(body);
      reject(
        error.success
          ? new ApiError(xhr.status, error.data.error.code, error.data.error.message)
          : new ApiError(xhr.status, ClientErrorCodes.invalidReply, `HTTP ${xhr.status}`),
      );
    };
    xhr.send(file);
  });
}

/** One upload's preview or result (its uploader only). */
export async function fetchIatiImport(id: string, signal?: AbortSignal): Promise<IatiImport> {
  return (
    await getJson(
      `/api/funding/iati/imports/${encodeURIComponent(id)}`,
      IatiImportReplySchema,
      signal,
    )
  ).import;
}

/** Imports the preview as chosen. */
export async function confirmIatiImport(
  id: string,
  input: ConfirmIatiImportInput,
): Promise<IatiImport> {
  return (
    await sendJson(
      'POST',
      `/api/funding/iati/imports/${encodeURIComponent(id)}/confirm`,
      input,
      IatiImportReplySchema,
    )
  ).import;
}

/** Discards a preview. */
export async function discardIatiImport(id: string): Promise<void> {
  await sendJson('DELETE', `/api/funding/iati/imports/${encodeURIComponent(id)}`);
}
