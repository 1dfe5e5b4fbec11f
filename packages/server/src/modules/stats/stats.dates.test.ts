/**
 * Dates that figures are computed as of: the fuzzer found that a year before 1001 answered 500 (the
 * comparison with the year before built an invalid date). Such dates are now refused with a field message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@keyprojects/core';
import { createTestUser, signIn, type Client } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/helper.ts';

let ctx: TestContext;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await signIn(ctx.app, await createTestUser(ctx.db, 'city_admin', { regionCode: '230600' }));
});
afterAll(() => ctx.close());

describe('the as-of date of figures and bulletins', () => {
  it.each([
    ['/api/v1/stats/figures?asOf=0916-11-30', 'asOf'],
    ['/api/v1/stats/dashboard?asOf=0001-01-01', 'asOf'],
    ['/api/v1/stats/projects?asOf=0668-10-30&metric=projects', 'asOf'],
    ['/api/v1/bulletins/docx?asOf=0999-05-20', 'asOf'],
    ['/api/v1/stats/figures?asOf=3000-01-01', 'asOf'],
  ])('refuses %s with a field message instead of a server error', async (url, field) => {
    const response = await city.request({ method: 'GET', url, headers: { 'accept-language': 'en' } });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().error.fields?.[field]).toBe('must be a date between 1900 and 2999');
  });

  it('refuses it in a bulletin preview too, in Chinese by default', async () => {
    const response = await city.request({
      method: 'POST',
      url: '/api/v1/bulletins/preview',
      payload: { asOf: '0916-11-30' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().error.fields?.asOf).toBe('日期应在 1900 年至 2999 年之间');
  });

  it('still answers for dates in range, the first year included', async () => {
    for (const asOf of ['1900-01-01', '2021-05-20', '2999-12-31']) {
      const response = await city.request({ method: 'GET', url: `/api/v1/stats/figures?asOf=${asOf}` });
      expect(response.statusCode, response.body).toBe(200);
    }
  });
});
