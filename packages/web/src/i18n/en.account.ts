import type { zhAccount } from './zh.account.ts';

/** The English messages of the account: password change, authenticator enrolment, the code sign-in step. */
export const enAccount: Record<keyof typeof zhAccount, string> = {
  'account.menuPassword': 'Change password',
  'account.menuSecurity': 'Account security',
  'account.passwordTitle': 'Change password',
  'account.passwordSub': 'Your sign-ins on other devices end when the password changes.',
  'account.forcedPasswordTitle': 'Change your password first',
  'account.forcedPasswordFirst':
    'An account an administrator created, or a password past its age, needs a new password only you know before you continue.',
  'account.currentPassword': 'Current password',
  'account.newPassword': 'New password',
  'account.confirmPassword': 'New password again',
  'account.passwordRules':
    'At least 12 characters from three of: upper case, lower case, digits, symbols; not a common password; not containing your username.',
  'account.passwordMismatch': 'The two new passwords differ',
  'account.passwordRequired': 'Enter the password',
  'account.passwordSubmit': 'Change password',
  'account.passwordChanged': 'Password changed; sign-ins on other devices have ended',
  'account.securityTitle': 'Account security',
  'account.securitySub': 'Two-factor sign-in: besides the password, enter the 6-digit code of your authenticator app.',
  'account.mfaOn': 'Two-factor sign-in is on',
  'account.mfaOnHint':
    'Sign-in asks for the code of your authenticator. For a new phone, ask the security administrator to reset it.',
  'account.mfaOff': 'Two-factor sign-in is off',
  'account.mfaOffHint': 'The city administrator and the system, security and audit administrators must use it.',
  'account.mfaStart': 'Set up',
  'account.forcedMfaTitle': 'Set up two-factor sign-in first',
  'account.forcedMfaHint': 'Your role signs in with an authenticator code. Set it up to continue.',
  'account.mfaStep1':
    '1. Scan the QR code with an authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP…)',
  'account.mfaManual': 'Cannot scan? Enter this key by hand',
  'account.mfaStep2': '2. Enter the 6-digit code the app shows',
  'account.mfaCode': 'Code',
  'account.mfaCodeRequired': 'Enter the 6-digit code',
  'account.mfaConfirm': 'Confirm',
  'account.mfaEnabled': 'Two-factor sign-in is on',
  'account.signOut': 'Sign out',
  'login.codeHeading': 'Enter your code',
  'login.codeHint':
    'The password is right. Open your authenticator and enter the 6-digit code it shows for KeyProjects.',
  'login.codeSubmit': 'Verify and sign in',
  'login.codeBack': 'Back to the password',
};
