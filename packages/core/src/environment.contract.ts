/** The server's running environment as GET /api/v1/environment answers it; the web shows the demo banner from it. */
import { z } from 'zod';

export const environmentOutput = z.object({
  demo: z.boolean().meta({ description: '演示环境：数据为模拟，登录页列出演示账号' }),
  production: z.boolean().meta({ description: '生产模式：无演示数据与演示账号' }),
});
export type EnvironmentOutput = z.output<typeof environmentOutput>;
