import { useState } from 'react';
import { App as AntApp, Card, Flex, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ScopeRegion, WarningPresetList } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { useScopeRegions } from '../../api/reference.ts';
import { useWarningActions, useWarningPresets } from '../../api/warnings.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { PresetThresholdTable } from './PresetThresholdTable.tsx';

/** The preset a region runs: its own setting, or the nearest ancestor's, or the default. */
function effectivePreset(list: WarningPresetList, regions: readonly ScopeRegion[], code: string) {
  const own = new Map(list.active.map((a) => [a.regionCode, a.presetId]));
  const parents = new Map(regions.map((r) => [r.code, r.parentCode]));
  for (let at: string | null | undefined = code; at; at = parents.get(at)) {
    const preset = own.get(at);
    if (preset) return { presetId: preset, inherited: at !== code };
  }
  return { presetId: list.defaultPresetId, inherited: true };
}

/** 预警标准 (city administrator): the preset active per region, switched with a confirmation; thresholds shown. */
export default function WarningSettingsPage() {
  const { t, label } = useLocale();
  const { can } = useSession();
  const { modal, message } = AntApp.useApp();
  const presets = useWarningPresets(can('warning.configure'));
  const regions = useScopeRegions();
  const { switchPreset } = useWarningActions();
  const [shown, setShown] = useState<string | null>(null);

  if (!can('warning.configure')) return <Forbidden />;
  if (presets.isError) return <RetryAlert message={presets.error.message} onRetry={() => void presets.refetch()} />;
  if (!presets.data || !regions.data) return <PageLoading />;
  const list = presets.data;
  const nameOf = (id: string) => {
    const entry = list.presets.find((p) => p.preset.id === id);
    return entry ? label(entry.preset.label) : id;
  };

  const handleSwitch = (region: ScopeRegion, presetId: string) => {
    modal.confirm({
      title: t('warning.settings.confirm', { region: region.name, preset: nameOf(presetId) }),
      onOk: () =>
        switchPreset
          .mutateAsync({ regionCode: region.code, presetId })
          .then(() => void message.success(t('warning.settings.switched')))
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });
  };

  const columns: TableColumnsType<ScopeRegion> = [
    { key: 'region', title: t('warning.settings.region'), dataIndex: 'name', width: 160 },
    {
      key: 'active',
      title: t('warning.settings.active'),
      render: (_, region) => {
        const { presetId, inherited } = effectivePreset(list, regions.data, region.code);
        return (
          <Flex gap={8} wrap align="center">
            <Select
              style={{ minWidth: 160 }}
              value={inherited ? undefined : presetId}
              placeholder={t('warning.settings.inherited', { preset: nameOf(presetId) })}
              aria-label={`${region.name} ${t('warning.settings.active')}`}
              options={list.presets.map((p) => ({ value: p.preset.id, label: label(p.preset.label) }))}
              onChange={(value: string) => handleSwitch(region, value)}
            />
          </Flex>
        );
      },
    },
  ];

  const selected = list.presets.find((p) => p.preset.id === (shown ?? list.defaultPresetId)) ?? list.presets[0];
  return (
    <div className="kp-page">
      <PageHeader title={t('warning.settings.title')} sub={t('warning.settings.sub')} />
      <Flex vertical gap={12}>
        <Card size="small">
          <Table<ScopeRegion>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={regions.data.filter((r) => r.level !== 'province')}
            pagination={false}
            scroll={{ x: true }}
          />
        </Card>
        {selected && (
          <Card
            size="small"
            title={t('warning.settings.thresholds', { preset: label(selected.preset.label) })}
            extra={
              <Segmented
                value={selected.preset.id}
                onChange={(value) => setShown(value)}
                options={list.presets.map((p) => ({ value: p.preset.id, label: label(p.preset.label) }))}
              />
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              <Tag>{selected.shipped ? t('warning.settings.shipped') : t('warning.settings.custom')}</Tag>
              {`${selected.preset.id} v${selected.preset.version}`}
            </Typography.Paragraph>
            <PresetThresholdTable preset={selected.preset} />
          </Card>
        )}
      </Flex>
    </div>
  );
}
