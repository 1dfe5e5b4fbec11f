import type { ReactNode } from 'react';
import { Button, Popconfirm, Tooltip } from 'antd';

interface ActionLinkProps {
  children: ReactNode;
  onClick: () => void;
  /** Why the action is not allowed on this account; the link is greyed out with this as its tooltip. */
  refusal?: string | null;
  /** Asks first when given. */
  confirm?: string;
  testId?: string;
  danger?: boolean;
}

/** One action of an account row: a link button, greyed out with the reason when refused, confirmed when asked. */
export function ActionLink({ children, onClick, refusal, confirm, testId, danger }: ActionLinkProps) {
  if (refusal)
    return (
      <Tooltip title={refusal}>
        <Button type="link" size="small" disabled data-testid={testId}>
          {children}
        </Button>
      </Tooltip>
    );
  const button = (
    <Button type="link" size="small" danger={danger} onClick={confirm ? undefined : onClick} data-testid={testId}>
      {children}
    </Button>
  );
  return confirm ? (
    <Popconfirm title={confirm} onConfirm={onClick}>
      {button}
    </Popconfirm>
  ) : (
    button
  );
}
