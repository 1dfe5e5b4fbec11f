/**
 * A test context on the seeded Daqing demo city (the API tests that check figures against the seeds' numbers), with
 * a signed-in client for the demo account of any role.
 */
import { generateDaqingDemo } from '../src/demo/daqing.generator.ts';
import type { DaqingDemo } from '../src/demo/daqing.types.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { signIn, type Client } from './factories.ts';
import { createTestContext, TEST_TODAY, type TestContext } from './helper.ts';

export interface DemoContext extends TestContext {
  demo: DaqingDemo;
  /** Signs in as the demo's (first) account of this role. */
  signInAs(role: string): Promise<Client>;
}

export async function createDemoContext(today = TEST_TODAY): Promise<DemoContext> {
  const ctx = await createTestContext({ today });
  const demo = generateDaqingDemo();
  await seedDemo(ctx.db, demo);
  const signInAs = (role: string) => {
    const user = demo.users.find((u) => u.role === role);
    if (!user) throw new Error(`the demo has no ${role} account`);
    return signIn(ctx.app, { id: 0, username: user.username, password: demo.password });
  };
  return { ...ctx, demo, signInAs };
}
