/**
 * Organisations (owners, responsible units, DRC offices): search for pickers — only those the actor may name,
 * inside its scope or above it — and registration of new ones.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORGANIZATION_KINDS, isValidCreditCode, isWithinRegion, regionCode } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { errorResponses } from '../../http.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission } from '../auth/actor.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { homeRegionCondition } from '../../db/scope.ts';

const organizationOutput = z.object({
  id: z.number().int(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
});

const organizationInput = z.strictObject({
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string({ error: 'required' }).trim().min(1, { error: 'text.empty' }).max(200, { error: 'text.tooLong' }),
  creditCode: z.string().trim().toUpperCase().refine(isValidCreditCode, { error: 'creditCode.invalid' }).nullish(),
  regionCode,
});

const columns = ['id', 'kind', 'name', 'credit_code as creditCode', 'region_code as regionCode'] as const;

export const organizationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/',
      {
        schema: {
          tags: ['organizations'],
          summary: '单位检索',
          querystring: z.strictObject({
            kind: z.enum(ORGANIZATION_KINDS).optional(),
            q: z.string().trim().max(100, { error: 'text.tooLong' }).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: { 200: z.object({ items: z.array(organizationOutput) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        requirePermission(actor, 'organization.read');
        let q = deps.db
          .selectFrom('organizations')
          .select(columns)
          .where((eb) => homeRegionCondition(eb, actor, eb.ref('region_code'), eb.ref('id')))
          .orderBy('name')
          .limit(request.query.limit);
        if (request.query.kind) q = q.where('kind', '=', request.query.kind);
        if (request.query.q) {
          const pattern = `%${request.query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          q = q.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('credit_code', 'ilike', pattern)]));
        }
        const items = await q.execute();
        return { items: items.map((o) => ({ ...o, kind: o.kind as (typeof ORGANIZATION_KINDS)[number] })) };
      },
    );

    app.post(
      '/',
      {
        schema: {
          tags: ['organizations'],
          summary: '登记单位',
          body: organizationInput,
          response: { 201: organizationOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        requirePermission(actor, 'organization.create');
        const input = request.body;
        const created = await deps.db.transaction().execute(async (trx) => {
          const region = await trx
            .selectFrom('regions')
            .select('code')
            .where('code', '=', input.regionCode)
            .executeTakeFirst();
          if (!region) throw errors.invalidField('regionCode', 'region.unknown');
          if (actor.regionCode && !isWithinRegion(region.code, actor.regionCode))
            throw errors.invalidField('regionCode', 'region.outOfScope');
          if (input.creditCode) {
            const taken = await trx
              .selectFrom('organizations')
              .select('id')
              .where('credit_code', '=', input.creditCode)
              .executeTakeFirst();
            if (taken) throw errors.invalidField('creditCode', 'creditCode.taken');
          }
          const row = await trx
            .insertInto('organizations')
            .values({
              kind: input.kind,
              name: input.name,
              credit_code: input.creditCode ?? null,
              region_code: input.regionCode,
            })
            .returning(columns)
            .executeTakeFirstOrThrow();
          await recordAudit(trx, actor, {
            entityType: 'organization',
            entityId: row.id,
            action: 'create',
            regionCode: row.regionCode,
            after: row,
          });
          return { ...row, kind: input.kind };
        });
        return reply.status(201).send(created);
      },
    );
  };
