/**
 * Ids of stored rows (projects, organisations, users, reports, …) are PostgreSQL `integer` (int4) serials. Every id
 * that arrives in a body, a query or a path is checked against that range here, once, so that an id the column
 * cannot hold is a field-level 400 instead of a database error.
 */
import { z } from 'zod';

/** The largest value of a PostgreSQL `integer` column. */
export const MAX_ID = 2_147_483_647;

/** An id in a JSON body: a positive integer that fits int4. */
export const idSchema = z
  .number({ error: 'id.invalid' })
  .int({ error: 'id.invalid' })
  .min(1, { error: 'id.invalid' })
  .max(MAX_ID, { error: 'id.invalid' })
  .meta({ description: '记录编号（正整数）', example: 1 });

/** An id in a path or query string (text coerced to a number), with the same bound. */
export const idParam = z.coerce
  .number({ error: 'id.invalid' })
  .int({ error: 'id.invalid' })
  .min(1, { error: 'id.invalid' })
  .max(MAX_ID, { error: 'id.invalid' });
