import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../api/notifications.ts';
import { useT } from '../i18n/useT.ts';

/** The header's bell: the unread count (refreshed every minute), opening the inbox. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const unread = useUnreadCount(true).data ?? 0;
  return (
    <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined />}
        aria-label={t('inbox.bell', { count: unread })}
        title={t('inbox.bell', { count: unread })}
        data-testid="notification-bell"
        onClick={() => void navigate('/inbox')}
      />
    </Badge>
  );
}
