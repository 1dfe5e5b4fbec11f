import { Flex, Select, Typography } from 'antd';
import { ROLE_LABELS, ROLES, message, roleChoiceRefusal, type Role } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';

interface RoleSelectProps {
  /** The administrator choosing: its role decides which options are allowed. */
  actorRole: Role;
  value?: Role;
  onChange?: (role: Role) => void;
}

/**
 * The role picker of the account forms: every role is listed, those the administrator may not grant are
 * greyed out with the reason under their name (core's `roleChoiceRefusal`, the same rule the server enforces).
 */
export function RoleSelect({ actorRole, value, onChange }: RoleSelectProps) {
  const { t, label, locale } = useLocale();
  const options = ROLES.map((role) => {
    const refusal = roleChoiceRefusal(actorRole, role);
    const reason = refusal ? t('users.notAllowed', { reason: message(refusal, locale) }) : null;
    return {
      value: role,
      disabled: refusal !== null,
      label: (
        <Flex vertical data-testid={`role-option-${role}`}>
          <span>{label(ROLE_LABELS[role])}</span>
          {reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {reason}
            </Typography.Text>
          )}
        </Flex>
      ),
      // Search and the closed select's text use the plain label.
      title: reason ?? label(ROLE_LABELS[role]),
    };
  });
  // Allowed roles first, so the list opens on what can be chosen.
  options.sort((a, b) => Number(a.disabled) - Number(b.disabled));
  return (
    <Select<Role>
      value={value}
      onChange={onChange}
      options={options}
      optionLabelProp="title"
      aria-label={t('users.field.role')}
      data-testid="role-select"
      labelRender={({ value: selected }) => label(ROLE_LABELS[selected as Role])}
    />
  );
}
