/** Serving an export over HTTP: the route with the list's query schema, and the streamed xlsx response. */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../deps.ts';
import { attachment, errorResponses, sendDownload } from '../../../http.ts';
import { requireActor } from '../../auth/auth.hooks.ts';
import { readerFor } from '../../cache/read-replica.ts';
import { prepareExport, type ExportDefinition, type ExportWriter } from './export.definition.ts';

/** The Fastify instance a zod-typed plugin receives. */
export type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/** The xlsx media type. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends an xlsx held in memory (small files: the template). */
export function sendXlsxBuffer(reply: FastifyReply, fileName: string, file: Buffer) {
  return sendDownload(reply, file, { mime: XLSX_MIME, fileName });
}

/** Sends an xlsx written as it streams; a failure mid-way cuts the download rather than sending half a file as whole. */
export function sendXlsx(reply: FastifyReply, fileName: string, write: ExportWriter) {
  const out = new PassThrough();
  reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(fileName));
  void write(out).catch((error: unknown) => {
    reply.log.error({ err: error }, 'export failed while streaming');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply.send(out);
}

/** The databases an export route reads: the replica when there is one (read-replica.ts), else the primary. */
export type ExportDeps = Pick<AppDeps, 'db' | 'readDb'>;

/** Adds GET /{name}.xlsx for an export, validated by the list's own query schema. */
export function registerExportRoute<Q>(app: ZodApp, deps: ExportDeps, definition: ExportDefinition<Q>): void {
  app.get(
    `/${definition.name}.xlsx`,
    {
      config: { access: definition.permission },
      schema: {
        tags: ['exports'],
        summary: definition.summary,
        description:
          '与对应列表接口相同的查询参数和权限范围；导出全部符合条件的记录（忽略分页参数），以 xlsx 流式返回。',
        querystring: definition.query,
        produces: [XLSX_MIME],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { db } = await readerFor(deps, request, reply);
      const write = await prepareExport(definition, db, actor, request.query);
      return sendXlsx(reply, `${definition.fileName}-${new Date().toISOString().slice(0, 10)}.xlsx`, write);
    },
  );
}
