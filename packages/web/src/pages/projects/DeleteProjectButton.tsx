import { App, Button } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { ProjectOutput } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { deleteProject, projectKeys } from '../../api/projects.ts';
import { useT } from '../../i18n/useT.ts';

/** Deletes the project after confirmation, sending the version it was read at. */
export function DeleteProjectButton({ project }: { project: ProjectOutput }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const handleConfirmed = async () => {
    try {
      await deleteProject(project.id, project.version);
      void message.success(t('project.deleted'));
      // Leave the page before anything refetches the project that is gone.
      await navigate('/projects');
      queryClient.removeQueries({ queryKey: projectKeys.detail(project.id) });
      queryClient.removeQueries({ queryKey: projectKeys.audit(project.id) });
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
    } catch (error) {
      void message.error(errorMessage(error));
      if (error instanceof ApiError && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) });
      }
    }
  };

  const handleClick = () => {
    modal.confirm({
      title: t('project.deleteTitle'),
      content: t('project.deleteBody', { name: project.name }),
      okText: t('project.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: handleConfirmed,
    });
  };

  return (
    <Button danger icon={<DeleteOutlined />} onClick={handleClick}>
      {t('project.delete')}
    </Button>
  );
}
