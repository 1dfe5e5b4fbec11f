import { Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type CurrentUser } from '@keyprojects/core';
import { useLocale } from '../i18n/useT.ts';

/** The user's name, role and region, as shown in the header. */
export function UserBadge({ user, vertical = false }: { user: CurrentUser; vertical?: boolean }) {
  const { label } = useLocale();
  const place = user.regionName ?? user.organizationName;
  return (
    <Space orientation={vertical ? 'vertical' : 'horizontal'} size={vertical ? 2 : 8} data-testid="user-badge">
      <Typography.Text strong>
        <UserOutlined /> {user.displayName}
      </Typography.Text>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {label(ROLE_LABELS[user.role])}
      </Tag>
      {place && (
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {place}
        </Typography.Text>
      )}
    </Space>
  );
}
