import type { AttachmentInfo, Submission } from '@ticketry/core/public';
import {
  answerOf,
  errorFrom,
  networkError,
  type SubmitResult,
  type TicketApi,
} from './api.js';
import { attachmentInfoCheck } from './check/answers.js';

/** One file to upload, with the type the widget recognised. */
export interface UploadInput {
  file: Blob;
  name: string;
  type: string;
}

/**
 * `POST <base>/attachments?name=…` with XMLHttpRequest, the one browser
 * API that reports upload progress: `onProgress` gets the bytes sent so
 * far. Resolves to what the server recorded; a failure is a
 * WidgetError (`NETWORK_ERROR` when no answer came back).
 */
export function uploadFile(
  base: string,
  input: UploadInput,
  key: string,
  onProgress: (sent: number) => void,
): Promise<AttachmentInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `${base}/attachments?name=${encodeURIComponent(input.name)}`,
    );
    xhr.setRequestHeader('content-type', input.type);
    xhr.setRequestHeader('idempotency-key', key);
    xhr.timeout = 120_000;
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onerror = xhr.ontimeout = () => reject(networkError());
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status });
      const answer = response.ok
        ? answerOf(response, attachmentInfoCheck)
        : errorFrom(response).then((error) => Promise.reject(error));
      answer.then(resolve, reject);
    };
    xhr.send(input.file);
  });
}

/**
 * Uploads `files` one by one under `key`; resolves to their ids, in
 * order. `progress` hears the share of the files' bytes sent, 0 to 1,
 * and the file going up, so a failure can name it.
 */
export async function uploadAll(
  api: TicketApi,
  files: readonly UploadInput[],
  key: string,
  progress: (share: number, file: UploadInput) => void = () => {},
): Promise<string[]> {
  const total = files.reduce((sum, f) => sum + f.file.size, 0) || 1;
  let done = 0;
  const ids: string[] = [];
  for (const input of files) {
    progress(done / total, input);
    const info = await api.upload(input, key, (sent) =>
      progress((done + sent) / total, input),
    );
    done += input.file.size;
    ids.push(info.id);
  }
  return ids;
}

/**
 * Uploads `files` under `key` (see {@link uploadAll}), then sends
 * `submission` with their ids (the form's and the offline queue's way
 * to submit).
 */
export async function sendWithFiles(
  api: TicketApi,
  submission: Submission,
  files: readonly UploadInput[],
  key: string,
): Promise<SubmitResult> {
  const attachments = await uploadAll(api, files, key);
  return api.submit(
    attachments.length ? { ...submission, attachments } : submission,
    key,
  );
}
