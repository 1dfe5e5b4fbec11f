/**
 * What a refused save (412: someone else saved first) shows above the project form: each field that changed since
 * the form was opened — who changed it, their value now and the typed one side by side — with, for a field both
 * changed, the choice of which to keep; then re-apply the typed changes on the new version, or discard them.
 */
import { useEffect, useRef } from 'react';
import { Alert, Button, Flex, Grid, Radio, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { FieldChange, FieldChangeKind, ProjectOutput } from '@keyprojects/core';
import { useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { auditFieldLabel, formatAuditValue, type AuditFormatContext } from '../../lib/auditFormat.ts';

/** A refused save: the version stored now and the three-way diff against it. */
export interface EditConflict {
  latest: ProjectOutput;
  changes: FieldChange[];
}

interface EditConflictPanelProps {
  conflict: EditConflict;
  /** The version the form was opened on (for names of referenced records). */
  base: ProjectOutput;
  /** Conflicting fields whose value from the other editor is kept. */
  takeTheirs: ReadonlySet<string>;
  onChoose: (field: string, theirs: boolean) => void;
  onReapply: () => void;
  onDiscard: () => void;
}

const KIND_COLORS: Record<FieldChangeKind, string> = {
  theirs: 'blue',
  mine: 'default',
  same: 'green',
  conflict: 'red',
};

/** The conflict's table and its two ways forward. */
export function EditConflictPanel({
  conflict,
  base,
  takeTheirs,
  onChoose,
  onReapply,
  onDiscard,
}: EditConflictPanelProps) {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const compact = Grid.useBreakpoint().md === false;
  const ref = useRef<HTMLDivElement>(null);
  // The save button is at the bottom of a long form: bring the explanation into view once, when it opens.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  const ctx: AuditFormatContext = { codelists, locale, t };
  // Referenced records by the names the two stored versions carry; a newly typed one only by its number.
  const names = new Map<string, string>([
    [`ownerOrgId:${base.ownerOrgId}`, base.ownerName],
    [`ownerOrgId:${conflict.latest.ownerOrgId}`, conflict.latest.ownerName],
    [`serviceOfficerId:${base.serviceOfficerId}`, base.serviceOfficerName ?? ''],
    [`serviceOfficerId:${conflict.latest.serviceOfficerId}`, conflict.latest.serviceOfficerName ?? ''],
  ]);
  const show = (field: string, value: unknown) => {
    const name = names.get(`${field}:${String(value)}`);
    if (name) return name;
    const text = formatAuditValue(field, value, ctx);
    return text === t('common.none') ? t('conflict.empty') : text;
  };
  const cell = (field: string, value: unknown, strong: boolean) => (
    <Typography.Text strong={strong} style={{ wordBreak: 'break-word' }}>
      {show(field, value)}
    </Typography.Text>
  );

  const kindTag = (change: FieldChange) => (
    <Tag color={KIND_COLORS[change.kind]}>{t(`conflict.kind.${change.kind}`)}</Tag>
  );
  const choice = (c: FieldChange) =>
    c.kind === 'conflict' && (
      <Radio.Group
        size="small"
        optionType="button"
        value={takeTheirs.has(c.field) ? 'theirs' : 'mine'}
        onChange={(event) => onChoose(c.field, event.target.value === 'theirs')}
        options={[
          { value: 'mine', label: t('conflict.keepMine') },
          { value: 'theirs', label: t('conflict.takeTheirs') },
        ]}
      />
    );

  // A phone has no room for columns side by side: each field is a block with the two values one above the other.
  const phoneList = (
    <Flex vertical gap={8}>
      {conflict.changes.map((c) => (
        <div key={c.field} style={{ background: '#fff', borderRadius: 6, padding: '8px 10px' }}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>{auditFieldLabel(c.field, locale)}</Typography.Text>
            {kindTag(c)}
          </Flex>
          <div>
            <Typography.Text type="secondary">{t('conflict.theirs')}：</Typography.Text>
            {cell(c.field, c.theirs, c.kind !== 'mine')}
          </div>
          <div>
            <Typography.Text type="secondary">{t('conflict.mine')}：</Typography.Text>
            {cell(c.field, c.mine, c.kind === 'mine' || c.kind === 'conflict')}
          </div>
          {choice(c)}
        </div>
      ))}
    </Flex>
  );

  const columns: TableColumnsType<FieldChange> = [
    {
      title: t('conflict.field'),
      dataIndex: 'field',
      width: 150,
      render: (field: string, change) => (
        <Flex vertical gap={2}>
          <span>{auditFieldLabel(field, locale)}</span>
          <span>{kindTag(change)}</span>
        </Flex>
      ),
    },
    {
      title: t('conflict.theirs'),
      key: 'theirs',
      render: (_, c) => cell(c.field, c.theirs, c.kind !== 'mine'),
    },
    {
      title: t('conflict.mine'),
      key: 'mine',
      render: (_, c) => (
        <Flex vertical gap={4}>
          {cell(c.field, c.mine, c.kind === 'mine' || c.kind === 'conflict')}
          {choice(c)}
        </Flex>
      ),
    },
    {
      title: t('conflict.base'),
      key: 'base',
      responsive: ['md'],
      render: (_, c) => <Typography.Text type="secondary">{show(c.field, c.base)}</Typography.Text>,
    },
  ];

  return (
    <div ref={ref} style={{ scrollMarginTop: 72 }}>
      <Alert
        type="warning"
        showIcon={!compact}
        data-testid="edit-conflict"
        title={t('conflict.title', { name: conflict.latest.name })}
        description={
          <Flex vertical gap={10}>
            <Typography.Text>{t('conflict.body')}</Typography.Text>
            {compact ? (
              phoneList
            ) : (
              <Table<FieldChange>
                size="small"
                rowKey="field"
                pagination={false}
                columns={columns}
                dataSource={conflict.changes}
              />
            )}
            <Flex gap={8} wrap>
              <Button type="primary" onClick={onReapply} data-testid="conflict-reapply">
                {t('conflict.reapply')}
              </Button>
              <Button onClick={onDiscard}>{t('conflict.discard')}</Button>
            </Flex>
          </Flex>
        }
      />
    </div>
  );
}
