/**
 * The server's running environment as GET /api/v1/environment answers it (public): the web shows the demo banner
 * from it, and the login page the name of the city the system serves.
 */
import { z } from 'zod';
import { regionNames } from './region.contract.ts';

export const environmentOutput = z.object({
  demo: z.boolean().meta({ description: '演示环境：数据为模拟，登录页列出演示账号' }),
  production: z.boolean().meta({ description: '生产模式：无演示数据与演示账号' }),
  city: regionNames
    .nullable()
    .meta({ description: '本系统服务的城市（配置 CITY_CODE；登录页显示其名称）；未配置时为 null' }),
});
export type EnvironmentOutput = z.output<typeof environmentOutput>;
