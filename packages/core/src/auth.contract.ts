/**
 * The sign-in API's contracts (/auth): the session a sign-in opens (with what it must do first), the two steps of
 * a two-factor sign-in, the change of one's own password, the enrolment of a TOTP authenticator, the demo
 * accounts of the login page, and the empty answer (204) of the calls that only do something.
 */
import { z } from 'zod';
import { ROLES } from './roles.ts';

export const currentUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  organizationId: z.number().int().nullable(),
  organizationName: z.string().nullable(),
});
/** The signed-in user as the session shows it (GET /auth/me, sign-in). */
export type CurrentUser = z.output<typeof currentUserSchema>;

export const sessionSchema = z.object({
  user: currentUserSchema,
  csrfToken: z.string(),
  today: z.iso.date().meta({ description: '系统当日（演示模式下为固定日期），用于默认的报送期和统计截止日' }),
  passwordChangeRequired: z
    .boolean()
    .meta({ description: '须先修改密码（管理员创建的账号首次登录，或密码已超过有效期）；此前其他接口返回 403' }),
  mfaEnrollmentRequired: z
    .boolean()
    .meta({ description: '须先绑定动态口令（强制双因素认证的角色）；此前其他接口返回 403' }),
  mfaEnabled: z.boolean().meta({ description: '已绑定动态口令' }),
});
export type Session = z.output<typeof sessionSchema>;

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(128),
});
export type LoginBody = z.output<typeof loginBodySchema>;

/** Either a session, or (for an account with a second factor) the challenge to send back with the code. */
/** The first step's answer for an account with a second factor: send the challenge back with a code. */
export const mfaChallengeSchema = z.object({
  mfaRequired: z.literal(true),
  challenge: z.string().meta({ description: '第二步登录凭据，5 分钟内与动态口令一起提交' }),
});
export type MfaChallenge = z.output<typeof mfaChallengeSchema>;

export const loginResultSchema = z.union([sessionSchema, mfaChallengeSchema]);
export type LoginResult = z.output<typeof loginResultSchema>;

const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'mfa.codeInvalid');

export const loginCodeBodySchema = z.strictObject({ challenge: z.string().min(1).max(100), code: totpCode });
export type LoginCodeBody = z.output<typeof loginCodeBodySchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
export type ChangePasswordBody = z.output<typeof changePasswordBodySchema>;

export const mfaEnrolmentSchema = z.object({
  secret: z.string().meta({ description: '动态口令密钥（Base32），仅在绑定时显示一次' }),
  uri: z.string().meta({ description: 'otpauth:// 地址，供身份验证器扫码' }),
});
export type MfaEnrolment = z.output<typeof mfaEnrolmentSchema>;

export const mfaConfirmBodySchema = z.strictObject({ code: totpCode });
export type MfaConfirmBody = z.output<typeof mfaConfirmBodySchema>;

/** A demo account with its password, offered on the login page in demo mode. */
export const demoAccountSchema = z.object({
  username: z.string(),
  password: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
});
export type DemoAccount = z.output<typeof demoAccountSchema>;

/** GET /auth/demo-accounts (registered only in demo mode). */
export const demoAccountListSchema = z.object({ accounts: z.array(demoAccountSchema) });
export type DemoAccountList = z.output<typeof demoAccountListSchema>;
