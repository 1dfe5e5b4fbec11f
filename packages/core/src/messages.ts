/**
 * The server's user-facing messages in Chinese and English, one catalogue. Validation schemas carry these keys
 * as their error text; the server translates them for the request's language. A message may name parameters
 * ({row}, {limit}…), filled in when it is reported. The Excel ledger's messages live in their own file and join
 * the catalogue here.
 */
import type { Label } from './codelists.ts';
import { LEDGER_MESSAGES } from './ledger.messages.ts';
import { MEETING_MESSAGES } from './meeting.messages.ts';
import { PROBLEM_MESSAGES } from './problem.messages.ts';
import { SERVICE_MESSAGES } from './service.messages.ts';
import { WARNING_MESSAGES } from './warning.messages.ts';
import { EVENT_MESSAGES } from './event.messages.ts';
import { FINANCING_MESSAGES } from './financing.messages.ts';
import { LIFECYCLE_MESSAGES } from './lifecycle.messages.ts';
import { PLAN_MESSAGES } from './plan.messages.ts';
import { ATTRACTION_MESSAGES, RANKING_MESSAGES } from './ranking.messages.ts';
import { ATTRACTION_FLOW_MESSAGES } from './attraction.messages.ts';
import { REPORT_DESK_MESSAGES } from './report-desk.messages.ts';
import { REPORT_HISTORY_MESSAGES } from './report.history.messages.ts';

/** The general messages: fields, records, sessions. */
export const GENERAL_MESSAGES = {
  required: { zh: '必填', en: 'is required' },
  'text.tooLong': { zh: '超过长度上限', en: 'is too long' },
  'text.empty': { zh: '不能为空', en: 'must not be empty' },
  'money.invalid': {
    zh: '应为金额（万元，数字，最多六位小数）',
    en: 'must be an amount in 10k yuan (digits, at most six decimals)',
  },
  'money.negative': { zh: '不能为负数', en: 'must not be negative' },
  'money.tooLarge': { zh: '金额过大', en: 'is too large' },
  'date.invalid': { zh: '应为日期（YYYY-MM-DD）', en: 'must be a date (YYYY-MM-DD)' },
  'projectCode.malformed': {
    zh: '投资项目统一代码格式不正确，应为 YYMM-AAAAAA-DD-TT-NNNNNC（24位）',
    en: 'project code must have the form YYMM-AAAAAA-DD-TT-NNNNNC (24 characters)',
  },
  'projectCode.month': { zh: '投资项目统一代码中的月份无效', en: 'project code has an invalid month' },
  'projectCode.area': { zh: '投资项目统一代码中的行政区划代码不存在', en: 'project code has an unknown area code' },
  'projectCode.taken': { zh: '该投资项目统一代码已被其他项目使用', en: 'another project already has this code' },
  'region.unknown': { zh: '行政区划代码不存在', en: 'unknown region code' },
  'region.outOfScope': { zh: '超出本账号的管辖区域', en: 'is outside your region' },
  'organization.unknown': { zh: '单位不存在', en: 'unknown organisation' },
  'user.unknown': { zh: '用户不存在', en: 'unknown user' },
  'stage.unknown': { zh: '建设阶段不存在', en: 'unknown stage' },
  'creditCode.invalid': { zh: '统一社会信用代码不正确', en: 'invalid unified social credit code' },
  'creditCode.taken': { zh: '该统一社会信用代码已登记', en: 'this credit code is already registered' },
  'coordinates.pair': { zh: '经度和纬度须同时填写', en: 'longitude and latitude go together' },
  'dates.order': { zh: '计划竣工日期不能早于计划开工日期', en: 'planned completion must not precede planned start' },
  'sort.unknown': { zh: '不支持按该字段排序', en: 'cannot sort by this field' },
  'mapBox.invalid': {
    zh: '应为“最小经度,最小纬度,最大经度,最大纬度”（经度 -180～180，纬度 -90～90，最小值不大于最大值）',
    en: 'must be minLon,minLat,maxLon,maxLat in degrees (longitude within ±180, latitude within ±90, min ≤ max)',
  },
  'range.order': { zh: '最小值不能大于最大值', en: 'minimum must not exceed maximum' },
  'username.taken': { zh: '用户名已存在', en: 'username already exists' },
  'password.weak': {
    zh: '密码至少12位，且须包含大写字母、小写字母、数字和符号中的三类',
    en: 'password needs 12+ characters from three of: upper case, lower case, digits, symbols',
  },
  'report.period': { zh: '报送期不存在', en: 'no such reporting period' },
  'ledger.mapping': {
    zh: '列对应关系应为 {"列字母":"字段"} 形式的 JSON，字段如 name、annualPlan.2021 或 ignore',
    en: 'the column mapping must be JSON like {"E":"annualPlan.2021"}; fields such as name, annualPlan.2021 or ignore',
  },
  'report.futurePeriod': { zh: '不能填报尚未开始的月份', en: 'cannot report a period that has not begun' },
  'report.ytdNegative': {
    zh: '本月数会使年度累计完成投资小于零',
    en: 'this amount would make the year-to-date investment negative',
  },
  'report.lockedNeedsReason': {
    zh: '该报送期已锁定，修改须填写更正原因',
    en: 'this period is locked; a change needs a correction reason',
  },
  'report.state': { zh: '当前状态下不能执行此操作', en: 'not possible in the current state' },
  'report.startedBeforeYear': {
    zh: '开复工日期须在本年度内且不晚于报送截止日',
    en: 'the start date must lie in the year and not after the cut-off',
  },
  'photo.type': { zh: '照片须为 JPEG、PNG 或 WebP 图片', en: 'a photo must be a JPEG, PNG or WebP image' },
  'photo.size': { zh: '照片不能超过 5 MB', en: 'a photo must not exceed 5 MB' },
  'error.validation': { zh: '提交的数据有误', en: 'the request has invalid fields' },
  'field.unknown': { zh: '不支持的字段', en: 'unknown field' },
  /** The first invalid field named in an error's message: its label, then its message. */
  'field.named': { zh: '{label}：{text}', en: '{label}: {text}' },
  'error.notFound': { zh: '未找到该资源', en: 'not found' },
  'error.unauthenticated': { zh: '请先登录', en: 'please sign in' },
  'error.forbidden': { zh: '无权执行此操作', en: 'you may not do this' },
  'error.csrf': { zh: '请求校验失败，请刷新页面后重试', en: 'request check failed; reload the page and try again' },
  'error.versionConflict': {
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'someone else changed this record; reload and try again',
  },
  'error.versionRequired': { zh: '修改时须提供版本号（If-Match）', en: 'an If-Match version is required' },
  'error.login': { zh: '用户名或密码错误', en: 'wrong username or password' },
  'error.locked': { zh: '登录失败次数过多，请稍后再试', en: 'too many failed sign-ins; try again later' },
  'error.internal': { zh: '服务器内部错误', en: 'internal server error' },
  'error.tooLarge': { zh: '请求体过大', en: 'request body too large' },
  // Administrators (三员分立): users, role assignment, the audit trail.
  'admin.roleNotGrantable': {
    zh: '管理员角色只能通过命令行（create-admin）开设',
    en: 'administrator roles are created only with the CLI (create-admin)',
  },
  'admin.needsSecurityAdmin': {
    zh: '该角色高于县区发改局人员，须由安全管理员分配',
    en: 'this role is above district staff; only the security administrator grants it',
  },
  'admin.countyOnly': {
    zh: '系统管理员只能开设县区级账号，市级范围须由安全管理员分配',
    en: 'the system administrator opens county-level accounts only; city-wide scope is the security administrator’s',
  },
  'admin.selfChange': { zh: '不能修改自己的账号', en: 'you cannot change your own account' },
  'admin.targetAdmin': {
    zh: '管理员账号不能在此修改（须通过命令行）',
    en: 'administrator accounts cannot be changed here (use the CLI)',
  },
  'admin.resetAboveDistrict': {
    zh: '该账号的角色高于县区发改局人员，系统管理员不能重置其密码',
    en: 'this account’s role is above district staff; the system administrator cannot reset its password',
  },
  'organization.outOfScope': { zh: '该单位不在本账号的管辖区域内', en: 'this organisation is outside your region' },
  'username.invalid': {
    zh: '用户名须为3至40位字母、数字或 . _ -',
    en: 'a username has 3 to 40 letters, digits or . _ -',
  },
  'audit.actionInvalid': { zh: '操作类型无效', en: 'unknown action' },
  // Data integrity (issue #8, H4): id bounds, races and unique violations, self-approval, scope of references.
  'id.invalid': { zh: '应为有效的记录编号（正整数）', en: 'must be a valid record id (a positive integer)' },
  'error.conflict': {
    zh: '该记录已存在或刚被他人同时提交，请刷新后重试',
    en: 'this record already exists or was just submitted by someone else; reload and try again',
  },
  'report.stateChanged': {
    zh: '该报表当前状态不允许此操作（可能刚被他人提交、审核或退回），请刷新后查看最新状态',
    en: "the report's current state does not allow this (someone may have just submitted, reviewed or returned it); reload to see it",
  },
  'report.selfReview': {
    zh: '不能审核或确认本人提交的报表，须由另一名审核人员处理',
    en: 'you cannot approve or confirm a report you submitted; another reviewer must do it',
  },
  'projectCode.unavailable': {
    zh: '该投资项目统一代码已登记，不能重复使用',
    en: 'this project code is already registered and cannot be used again',
  },
  'projectCode.areaOutOfScope': {
    zh: '投资项目统一代码中的行政区划不在本账号的管辖区域内',
    en: "the project code's area is outside your region",
  },
  'projectCode.areaMismatch': {
    zh: '投资项目统一代码中的行政区划须为项目所在区域或其上级区域',
    en: "the project code's area must be the project's region or a region above it",
  },
  // HTTP hardening (issue #8, H5): bad bytes, bounded PDF, production mode.
  'text.forbiddenCharacters': {
    zh: '含有不允许的字符（空字符或不成对的代理字符）',
    en: 'contains a character that is not allowed (NUL or an unpaired surrogate)',
  },
  'bulletin.pdfTimeout': {
    zh: '通报 PDF 生成超时，请检查模板后重试，或下载 Word 版本',
    en: 'laying out the bulletin PDF took too long; check the template and retry, or download the Word version',
  },
  'bulletin.pdfBusy': {
    zh: '正在生成其他通报 PDF，请稍后重试',
    en: 'other bulletin PDFs are being laid out; try again in a moment',
  },
  'bulletin.pdfUnavailable': {
    zh: '服务器缺少生成 PDF 所需的中文字体（fonts-noto-cjk），请下载 Word 版本或联系系统管理员',
    en: 'the server lacks the Chinese fonts PDF needs (fonts-noto-cjk); download the Word version or ask the administrator',
  },
  // Authentication (issue #8, H1): password policy, forced change, sign-in throttling, TOTP second factor.
  'password.common': {
    zh: '该密码过于常见，容易被猜中，请换一个',
    en: 'this password is too common and easy to guess; choose another',
  },
  'password.containsUsername': { zh: '密码不能包含用户名', en: 'the password must not contain the username' },
  'password.currentWrong': { zh: '当前密码不正确', en: 'the current password is wrong' },
  'password.sameAsCurrent': { zh: '新密码不能与当前密码相同', en: 'the new password must differ from the current one' },
  'error.passwordChangeRequired': {
    zh: '请先修改密码后再继续使用系统',
    en: 'change your password before you continue',
  },
  'error.mfaEnrollmentRequired': {
    zh: '请先绑定动态口令（双因素认证）后再继续使用系统',
    en: 'set up your authenticator (two-factor sign-in) before you continue',
  },
  'error.rateLimited': {
    zh: '该网络地址登录尝试过多，请稍后再试',
    en: 'too many sign-in attempts from this address; try again later',
  },
  'mfa.codeInvalid': { zh: '动态口令不正确或已使用', en: 'the code is wrong or was already used' },
  'mfa.challengeExpired': {
    zh: '登录验证已过期，请重新输入用户名和密码',
    en: 'the sign-in expired; enter your username and password again',
  },
  'mfa.notPending': {
    zh: '没有待确认的动态口令绑定，请重新开始',
    en: 'no authenticator set-up is pending; start again',
  },
  'mfa.alreadyEnabled': { zh: '已绑定动态口令', en: 'an authenticator is already set up' },
  // Bulletin templates: what is wrong with a template body, every unknown placeholder named.
  'bulletin.template.empty': { zh: '模板正文不能为空', en: 'the template must not be empty' },
  'bulletin.template.tooLong': {
    zh: '模板正文超过 {limit} 字的上限',
    en: 'the template is longer than {limit} characters',
  },
  'bulletin.template.unknownPlaceholders': {
    zh: '模板中有未知的占位符：{names}',
    en: 'the template has unknown placeholders: {names}',
  },
  'bulletin.template.unbalancedBraces': {
    zh: '占位符的双花括号不成对（“{near}”附近）',
    en: 'unbalanced double braces near "{near}"',
  },
  // Bad-input suite (issue #8): dates that statistics compare with the year before must have one.
  'date.outOfRange': { zh: '日期应在 1900 年至 2999 年之间', en: 'must be a date between 1900 and 2999' },
  // Dispatch (issue #10): working-day calendar, deadline rules, the problem workflow, warning presets.
  'calendar.conflict': {
    zh: '同一日期不能既是节假日又是调休上班日',
    en: 'a date cannot be both a holiday and an adjusted working day',
  },
  'deadline.duplicateStep': { zh: '时限规则中的步骤重复', en: 'the deadline rule repeats a step' },
  'problem.forbidden': { zh: '当前角色不能对问题执行此操作', en: 'your role may not do this to a problem' },
  'problem.state': {
    zh: '问题当前状态不允许此操作（可能刚被他人处理），请刷新后查看最新状态',
    en: "the problem's current state does not allow this (someone may have just acted on it); reload to see it",
  },
  'problem.notAssigned': { zh: '问题尚未交办责任单位', en: 'the problem has not been assigned to a unit yet' },
  'problem.notAssignedUnit': { zh: '该问题未交办给本单位', en: 'this problem is not assigned to your unit' },
  'problem.unitRequired': { zh: '交办须指定责任单位', en: 'assigning needs a responsible unit' },
  'problem.unitOutOfScope': {
    zh: '责任单位不在本账号的管辖区域内',
    en: 'the responsible unit is outside your region',
  },
  'problem.selfVerify': {
    zh: '办理该问题的单位或人员不能验收销号，须由交办部门另行验收',
    en: 'the unit or person that resolved the problem cannot verify it; the assigning office must',
  },
  'problem.reasonRequired': { zh: '须填写原因', en: 'a reason is required' },
  'problem.gradeRequired': {
    zh: '验收销号须评定等次（优秀、良好、合格、不合格）',
    en: 'verification needs a grade (excellent, good, pass, fail)',
  },
  'warning.ruleUnknown': { zh: '未知的预警规则', en: 'unknown warning rule' },
  'warning.thresholdRange': { zh: '预警阈值超出允许范围', en: 'the threshold is out of range' },
  'warning.thresholdOrder': {
    zh: '黄色预警阈值须低于红色预警阈值',
    en: 'the yellow threshold must lie below the red one',
  },
} as const satisfies Record<string, Label>;

/** Every message by key; the two parts never share a key (a test checks). */
export const MESSAGES = {
  ...GENERAL_MESSAGES,
  ...LEDGER_MESSAGES,
  ...PROBLEM_MESSAGES,
  ...SERVICE_MESSAGES,
  ...WARNING_MESSAGES,
  ...MEETING_MESSAGES,
  ...LIFECYCLE_MESSAGES,
  ...PLAN_MESSAGES,
  ...EVENT_MESSAGES,
  ...FINANCING_MESSAGES,
  ...RANKING_MESSAGES,
  ...ATTRACTION_MESSAGES,
  ...ATTRACTION_FLOW_MESSAGES,
  ...REPORT_DESK_MESSAGES,
  ...REPORT_HISTORY_MESSAGES,
} as const;
export type MessageKey = keyof typeof MESSAGES;
export type Locale = 'zh' | 'en';
/** Values filled into a message's {placeholders}. */
export type MessageParams = Record<string, string | number>;

export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(MESSAGES, text);
}

/** The message for a key in a locale, its {placeholders} filled from `params` (unknown ones left as they are). */
export function message(key: MessageKey, locale: Locale, params: MessageParams = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The message of a key that arrives as a plain string (a zod issue, a row problem): translated when it is a key
 * of the catalogue, else the text itself, which is then already a message.
 */
export function messageText(key: string, locale: Locale, params: MessageParams = {}): string {
  return isMessageKey(key) ? message(key, locale, params) : key;
}
