import { useState } from 'react';
import { App, Button, Card, Flex, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { projectCreateInput, projectUpdateInput, type ProjectOutput } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { createProject, projectKeys, updateProject } from '../../api/projects.ts';
import { useLocale } from '../../i18n/useT.ts';
import { acceptedBy, applyFieldErrors, issuesToFields, type Issue } from './formErrors.ts';
import { EditConflictPanel } from './EditConflictPanel.tsx';
import { changedFields, toFormValues, toPayload, type ProjectFormValues } from './formValues.ts';
import { FormBasicSection } from './FormBasicSection.tsx';
import { FormInvestmentSection } from './FormInvestmentSection.tsx';
import { FormManagementSection } from './FormManagementSection.tsx';
import { FormScheduleSection } from './FormScheduleSection.tsx';
import { useEditConflict } from './useEditConflict.ts';

interface ProjectFormProps {
  /** The project being edited; absent when creating. */
  project?: ProjectOutput;
  initialValues: ProjectFormValues;
  /** Fetches the latest version (when a conflict cannot be shown: the latest version could not be read). */
  onReload: () => void;
}

/**
 * The create/edit form: client-side check against the core contract, then POST or PATCH (changed fields only). A
 * PATCH refused because someone else saved first keeps the typing and shows what changed (EditConflictPanel).
 */
export function ProjectForm({ project, initialValues, onReload }: ProjectFormProps) {
  const { t, locale } = useLocale();
  const [form] = Form.useForm<ProjectFormValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);
  const edit = useEditConflict(form, project);
  const base = edit.base;

  const showFieldErrors = (fields: Record<string, string>, summary: string) => {
    const unplaced = applyFieldErrors(form, fields, locale);
    void message.error([summary, ...unplaced].join('；'));
  };

  const handleSaveError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0) {
      showFieldErrors(error.fields, error.message);
    } else if (error instanceof ApiError && error.status === 412) {
      edit.open().catch(() => {
        modal.confirm({
          title: t('form.conflictTitle'),
          content: t('form.conflictBody'),
          okText: t('form.reloadLatest'),
          cancelText: t('common.cancel'),
          onOk: onReload,
        });
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
    const body = base ? changedFields(toPayload(toFormValues(base)), payload) : payload;
    if (base && Object.keys(body).length === 0) {
      void message.info(t('form.noChanges'));
      return;
    }
    const showIssues = (issues: readonly Issue[]) =>
      showFieldErrors(issuesToFields(issues, locale, t), t('form.checkFields'));
    // Sent as typed once the contract accepts it (its input form: money as 万元 text), never as the parsed output.
    if (base) {
      if (acceptedBy(projectUpdateInput, body, showIssues)) void save(() => updateProject(base.id, base.version, body));
    } else if (acceptedBy(projectCreateInput, body, showIssues)) {
      void save(() => createProject(body));
    }
  };

  const handleFinishFailed = () => void message.error(t('form.checkFields'));
  const handleReapply = () => {
    const version = edit.reapply();
    if (version !== null) void message.info(t('conflict.applied', { version }));
  };
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
        {edit.conflict && base && (
          <EditConflictPanel
            conflict={edit.conflict}
            base={base}
            takeTheirs={edit.takeTheirs}
            onChoose={edit.choose}
            onReapply={handleReapply}
            onDiscard={edit.discard}
          />
        )}
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
            <Button type="primary" htmlType="submit" loading={saving} disabled={edit.conflict !== null}>
              {t('form.save')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </Form>
  );
}
