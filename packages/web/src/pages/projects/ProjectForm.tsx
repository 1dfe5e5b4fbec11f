import { useState } from 'react';
import { App, Button, Card, Flex, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { projectCreateInput, projectUpdateInput, type ProjectOutput } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { createProject, projectKeys, updateProject } from '../../api/projects.ts';
import { useLocale } from '../../i18n/useT.ts';
import { acceptedBy, applyFieldErrors, issuesToFields, type Issue } from './formErrors.ts';
import { changedFields, toFormValues, toPayload, type ProjectFormValues } from './formValues.ts';
import { FormBasicSection } from './FormBasicSection.tsx';
import { FormInvestmentSection } from './FormInvestmentSection.tsx';
import { FormManagementSection } from './FormManagementSection.tsx';
import { FormScheduleSection } from './FormScheduleSection.tsx';

interface ProjectFormProps {
  /** The project being edited; absent when creating. */
  project?: ProjectOutput;
  initialValues: ProjectFormValues;
  /** Fetches the latest version after a conflict. */
  onReload: () => void;
}

/** The create/edit form: client-side check against the core contract, then POST or PATCH (changed fields only). */
export function ProjectForm({ project, initialValues, onReload }: ProjectFormProps) {
  const { t, locale } = useLocale();
  const [form] = Form.useForm<ProjectFormValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);

  const showFieldErrors = (fields: Record<string, string>, summary: string) => {
    const unplaced = applyFieldErrors(form, fields, locale);
    void message.error([summary, ...unplaced].join('；'));
  };

  const handleSaveError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0) {
      showFieldErrors(error.fields, error.message);
    } else if (error instanceof ApiError && error.status === 412) {
      modal.confirm({
        title: t('form.conflictTitle'),
        content: t('form.conflictBody'),
        okText: t('form.reloadLatest'),
        cancelText: t('common.cancel'),
        onOk: onReload,
      });
    } else {
      void message.error(errorMessage(error));
    }
  };

  const save = async (request: () => Promise<ProjectOutput>) => {
    setSaving(true);
    try {
      const saved = await request();
      queryClient.setQueryData(projectKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: projectKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: projectKeys.audit(saved.id) });
      void message.success(t(project ? 'form.saved' : 'form.created'));
      await navigate(`/projects/${saved.id}`, { replace: true });
    } catch (error) {
      handleSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const handleFinish = (values: ProjectFormValues) => {
    const payload = toPayload(values);
    const body = project ? changedFields(toPayload(toFormValues(project)), payload) : payload;
    if (project && Object.keys(body).length === 0) {
      void message.info(t('form.noChanges'));
      return;
    }
    const showIssues = (issues: readonly Issue[]) =>
      showFieldErrors(issuesToFields(issues, locale, t), t('form.checkFields'));
    // Sent as typed once the contract accepts it (its input form: money as 万元 text), never as the parsed output.
    if (project) {
      if (acceptedBy(projectUpdateInput, body, showIssues))
        void save(() => updateProject(project.id, project.version, body));
    } else if (acceptedBy(projectCreateInput, body, showIssues)) {
      void save(() => createProject(body));
    }
  };

  const handleFinishFailed = () => void message.error(t('form.checkFields'));
  const handleCancel = () => void navigate(project ? `/projects/${project.id}` : '/projects');

  return (
    <Form<ProjectFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={handleFinish}
      onFinishFailed={handleFinishFailed}
      scrollToFirstError={{ block: 'center', behavior: 'smooth' }}
      data-testid="project-form"
    >
      <Flex vertical gap={12}>
        <FormBasicSection currentOwner={project ? { id: project.ownerOrgId, name: project.ownerName } : undefined} />
        <FormInvestmentSection />
        <FormScheduleSection editing={project !== undefined} />
        <FormManagementSection currentOfficerName={project?.serviceOfficerName} />
        <Card
          size="small"
          style={{ position: 'sticky', bottom: 0, zIndex: 5, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
        >
          <Flex justify="flex-end" gap={8}>
            <Button onClick={handleCancel}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('form.save')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </Form>
  );
}
