import { requireAdmin } from '../http/admin.js';
import type { HandlerContext } from '../http/context.js';
import { HttpProblem, problem } from '../http/problem.js';
import { isFileStore } from '../stores/file-store.js';
import { attachmentDisposition } from '../uploads/names.js';

/**
 * `GET {base}/{id}/files/{fileId}`: admin (`requests:read`). The file's bytes as they were
 * received, always as an attachment under its safe name (RFC 6266), typed with the type detected
 * from its content, never sniffed, never rendered in the admin's origin. 404 when the request
 * has no such file, 501 when the store keeps no files.
 */
export async function getRequestFile(context: HandlerContext, request: Request, id: string, fileId: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const { store } = context.options;
  if (!isFileStore(store)) throw new HttpProblem(problem(501, 'The request store does not keep files (see FileStore).'));
  const file = await context.store(() => store.getFile(id, fileId));
  if (!file) return problem(404, 'This request has no such file.');
  return new Response(file.bytes.slice(), {
    status: 200,
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': attachmentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      // Opened directly anyway, the file runs nothing and reaches nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'private, no-store',
    },
  });
}
