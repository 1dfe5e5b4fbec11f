import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Descriptions, Flex, Row, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { WorkCalendarConfig } from '@keyprojects/core';
import { saveWorkCalendar, useDeadlineRule, useWorkCalendar } from '../../api/problems.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

type DateList = 'holidays' | 'workingDays';

/** 工作日历: the city administrator's holidays and adjusted working days of a year, and the deadline rule in force. */
export default function CalendarSettingsPage() {
  const { t, label } = useLocale();
  const { can, today } = useSession();
  const { message } = App.useApp();
  const calendar = useWorkCalendar();
  const rule = useDeadlineRule();
  const [draft, setDraft] = useState<WorkCalendarConfig | null>(null);
  const [year, setYear] = useState(() => Number((today ?? '2021').slice(0, 4)));
  const [busy, setBusy] = useState(false);

  if (!can('dispatch.configure')) return <Forbidden />;
  if (calendar.isError) return <RetryAlert message={calendar.error.message} onRetry={() => void calendar.refetch()} />;
  const current = draft ?? calendar.data?.calendar;
  const ofYear = (list: DateList) => (current?.[list] ?? []).filter((d) => d.startsWith(`${year}-`)).sort();
  const change = (list: DateList, dates: string[]) =>
    current && setDraft({ ...current, [list]: [...new Set(dates)].sort() });

  const save = async () => {
    if (!draft || !calendar.data) return;
    setBusy(true);
    try {
      await saveWorkCalendar({ calendar: draft, version: calendar.data.version });
      await calendar.refetch();
      setDraft(null);
      void message.success(t('calendar.saved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const dateCard = (list: DateList) => (
    <Card size="small" title={t(`calendar.${list}`)}>
      <Flex wrap gap={6} style={{ marginBottom: 12 }}>
        {ofYear(list).map((date) => (
          <Tag
            key={date}
            closable
            color={list === 'holidays' ? 'red' : 'blue'}
            onClose={() =>
              change(
                list,
                (current?.[list] ?? []).filter((d) => d !== date),
              )
            }
          >
            {date}
          </Tag>
        ))}
      </Flex>
      <DatePicker
        key={ofYear(list).length}
        placeholder={t('calendar.add')}
        onChange={(value: Dayjs | null) => {
          if (value) change(list, [...(current?.[list] ?? []), value.format('YYYY-MM-DD')]);
        }}
      />
    </Card>
  );

  const years = [year - 1, year, year + 1];
  return (
    <div className="kp-page">
      <PageHeader
        title={t('calendar.title')}
        sub={calendar.data?.isDefault ? t('calendar.default') : calendar.data?.updatedAt?.slice(0, 10)}
        extra={
          <>
            <Select
              aria-label={t('calendar.year')}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Button type="primary" disabled={!draft} loading={busy} onClick={() => void save()}>
              {t('calendar.save')}
            </Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('calendar.weekend')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          {dateCard('holidays')}
        </Col>
        <Col xs={24} md={12}>
          {dateCard('workingDays')}
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={rule.data ? `${t('calendar.rule')}：${label(rule.data.rule.label)}` : t('calendar.rule')}
          >
            <Descriptions
              size="small"
              column={1}
              items={(rule.data?.rule.steps ?? []).map((step) => ({
                key: step.key,
                label: label(step.label),
                children: t('calendar.rule.days', {
                  days: step.days,
                  unit: t(step.unit === 'working_days' ? 'calendar.rule.workingDays' : 'calendar.rule.calendarDays'),
                }),
              }))}
            />
            <Typography.Text strong>{t('calendar.rule.escalation')}：</Typography.Text>
            {(rule.data?.rule.escalation ?? []).map((level, index) => (
              <Tag key={level.key}>{`${index + 1}. ${label(level.label)}`}</Tag>
            ))}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
