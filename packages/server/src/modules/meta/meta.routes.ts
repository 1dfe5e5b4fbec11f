/** Codelists for forms and filters, and the health check. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  FINANCING_MODEL_LABELS,
  FUNDING_SOURCE_LABELS,
  INDUSTRY_SECTION_LABELS,
  ORGANIZATION_KIND_LABELS,
  PROJECT_CATEGORY_LABELS,
  PROJECT_LEVEL_LABELS,
  PROJECT_NATURE_LABELS,
  ROLE_LABELS,
  type Codelist,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../../http.ts';

const entries = z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() }));
const codelistsOutput = z.object({
  levels: entries,
  categories: entries,
  natures: entries,
  industries: entries,
  financingModels: entries,
  fundingSourceKinds: entries,
  roles: entries,
  organizationKinds: entries,
  stages: entries,
  planYears: z.array(z.number().int()),
});

const toEntries = (list: Codelist<string>) => Object.entries(list).map(([code, label]) => ({ code, ...label }));

export const healthOutput = z.object({ status: z.literal('ok'), database: z.string(), time: z.string() });

export const metaRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/codelists',
      {
        schema: {
          tags: ['meta'],
          summary: '代码表（级别、类别、性质、行业、阶段等）',
          response: { 200: codelistsOutput, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const [stages, years] = await Promise.all([
          deps.db
            .selectFrom('lifecycle_stages')
            .select(['code', 'name_zh as zh', 'name_en as en'])
            .where('active', '=', true)
            .orderBy('sort_order')
            .execute(),
          deps.db.selectFrom('annual_plans').select('year').distinct().orderBy('year', 'desc').execute(),
        ]);
        return {
          levels: toEntries(PROJECT_LEVEL_LABELS),
          categories: toEntries(PROJECT_CATEGORY_LABELS),
          natures: toEntries(PROJECT_NATURE_LABELS),
          industries: toEntries(INDUSTRY_SECTION_LABELS),
          financingModels: toEntries(FINANCING_MODEL_LABELS),
          fundingSourceKinds: toEntries(FUNDING_SOURCE_LABELS),
          roles: toEntries(ROLE_LABELS),
          organizationKinds: toEntries(ORGANIZATION_KIND_LABELS),
          stages,
          planYears: years.map((y) => y.year),
        };
      },
    );

    app.get(
      '/health',
      { schema: { tags: ['meta'], summary: '健康检查', response: { 200: healthOutput } } },
      async () => {
        const row = await sql<{ now: Date }>`select now() as now`.execute(deps.db);
        return { status: 'ok' as const, database: 'ok', time: (row.rows[0]?.now ?? new Date()).toISOString() };
      },
    );
  };
