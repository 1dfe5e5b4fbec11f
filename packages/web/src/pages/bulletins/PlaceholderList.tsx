import { useState } from 'react';
import { Button, Flex, Input, Tooltip, Typography } from 'antd';
import type { BulletinPlaceholderOutput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

/** A placeholder as the list shows it (a bulletin's or a notice's). */
export type TemplatePlaceholder = Omit<BulletinPlaceholderOutput, 'group'> & { group: string };

interface PlaceholderListProps {
  placeholders: readonly TemplatePlaceholder[];
  /** Group key → heading, in order. */
  groups: Record<string, string>;
  onInsert: (name: string) => void;
}

/** The placeholders a template may use, by group; clicking one inserts {{名称}} at the cursor. */
export function PlaceholderList({ placeholders, groups, onInsert }: PlaceholderListProps) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const needle = filter.trim();
  const shown = placeholders.filter(
    (p) => !needle || p.name.includes(needle) || p.description.includes(needle) || p.key.includes(needle),
  );
  return (
    <Flex vertical gap={8} data-testid="placeholder-list">
      <Input.Search
        allowClear
        size="small"
        placeholder={t('bulletin.placeholderSearch')}
        aria-label={t('bulletin.placeholderSearch')}
        onChange={(event) => setFilter(event.target.value)}
      />
      <div className="kp-placeholder-scroll">
        {Object.entries(groups).map(([group, heading]) => {
          const items = shown.filter((p) => p.group === group);
          if (items.length === 0) return null;
          return (
            <div key={group} className="kp-placeholder-group">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {heading}
              </Typography.Text>
              <Flex wrap gap={6} style={{ marginTop: 4 }}>
                {items.map((p) => (
                  <Tooltip
                    key={p.key}
                    title={
                      <>
                        <div>{p.description}</div>
                        <div>{t('bulletin.example', { example: p.example || '—' })}</div>
                        {p.optional && <div>{t('bulletin.optional')}</div>}
                      </>
                    }
                  >
                    <Button
                      size="small"
                      type={p.optional ? 'dashed' : 'default'}
                      onClick={() => onInsert(p.name)}
                      data-placeholder={p.name}
                    >
                      {p.name}
                    </Button>
                  </Tooltip>
                ))}
              </Flex>
            </div>
          );
        })}
      </div>
    </Flex>
  );
}
