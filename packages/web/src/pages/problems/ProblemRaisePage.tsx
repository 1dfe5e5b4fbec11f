import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import type dayjs from 'dayjs';
import {
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  type ProblemCategory,
  type ProblemComplexity,
} from '@keyprojects/core';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { raiseProblem, useInvalidateProblems, useResponsibleUnits } from '../../api/problems.ts';
import { useProjectList } from '../../api/projects.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

interface Values {
  projectId: number;
  title: string;
  category: ProblemCategory;
  description: string;
  complexity: ProblemComplexity;
  assignedUnitId?: number;
  assigneeName?: string;
  agreedFinalDueOn?: dayjs.Dayjs;
}

/** 提出问题: owners, officers and staff raise a problem on a project; staff may assign it at once. */
export default function ProblemRaisePage() {
  const { t, label } = useLocale();
  const { can, user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidateProblems();
  const [params] = useSearchParams();
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const complexity = Form.useWatch('complexity', form);
  const isStaff = user?.role === 'city_admin' || user?.role === 'district_staff';
  const projects = useProjectList({ q: search || undefined, pageSize: 20 });
  const units = useResponsibleUnits(isStaff);
  const initialProject = Number(params.get('projectId')) || undefined;

  if (!can('problem.work') || user?.role === 'responsible_unit') return <Forbidden />;

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      const created = await raiseProblem({
        ...values,
        agreedFinalDueOn: values.agreedFinalDueOn?.format('YYYY-MM-DD'),
      });
      await invalidate();
      void message.success(t('problem.form.raised'));
      void navigate(`/problems/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0)
        form.setFields(
          Object.entries(error.fields).map(([name, text]) => ({ name: name as keyof Values, errors: [text] })),
        );
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kp-page">
      <PageHeader title={t('problem.raise')} />
      <Card size="small" style={{ maxWidth: 760 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ complexity: 'ordinary', projectId: initialProject }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item name="projectId" label={t('problem.form.project')} rules={[{ required: true }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={projects.isFetching}
              options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('problem.form.title')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="category" label={t('problem.form.category')} rules={[{ required: true }]}>
            <Select options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: label(PROBLEM_CATEGORY_LABELS[c]) }))} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('problem.form.description')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="complexity" label={t('problem.form.complexity')}>
            <Radio.Group
              options={[
                { value: 'ordinary', label: t('problem.form.ordinary') },
                { value: 'complex', label: t('problem.form.complex') },
              ]}
            />
          </Form.Item>
          {isStaff && (
            <>
              <Form.Item name="assignedUnitId" label={t('problem.form.unit')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
              <Form.Item name="assigneeName" label={t('problem.form.assignee')}>
                <Input maxLength={50} />
              </Form.Item>
              {complexity === 'complex' && (
                <Form.Item name="agreedFinalDueOn" label={t('problem.form.agreed')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              )}
            </>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('problem.form.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
