import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { ProjectOutput } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import {
  inspectionKeys,
  removeVideoLink,
  setVideoLink,
  useProjectInspections,
  useVideoLink,
} from '../../api/inspections.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { InspectionFormModal } from '../inspections/InspectionFormModal.tsx';
import { InspectionTable } from '../inspections/InspectionTable.tsx';

/** Site supervision on the project page: the "现场视频" link, the project's inspections, and for staff their forms. */
export function ProjectSiteCard({ project }: { project: ProjectOutput }) {
  const t = useT();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const readable = can('inspection.read');
  const staff = can('inspection.write');
  const inspections = useProjectInspections(project.id, readable);
  const video = useVideoLink(project.id, readable);
  const [editingLink, setEditingLink] = useState(false);
  const [inspecting, setInspecting] = useState(false);
  const [form] = Form.useForm<{ url: string; label?: string }>();
  if (!readable) return null;
  const link = video.data ?? null;

  const refreshLink = () => queryClient.invalidateQueries({ queryKey: inspectionKeys.videoLink(project.id) });
  const handleSaveLink = async () => {
    const values = await form.validateFields();
    try {
      await setVideoLink(project.id, { url: values.url, label: values.label?.trim() ? values.label : null });
      void message.success(t('site.videoSaved'));
      setEditingLink(false);
      await refreshLink();
    } catch (error) {
      form.setFields([{ name: 'url', errors: [errorMessage(error)] }]);
    }
  };
  const handleRemoveLink = () => {
    removeVideoLink(project.id)
      .then(async () => {
        void message.success(t('site.videoRemoved'));
        await refreshLink();
      })
      .catch((error: unknown) => void message.error(errorMessage(error)));
  };

  return (
    <Card
      size="small"
      title={t('site.title')}
      extra={
        staff && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setInspecting(true)}>
            {t('site.addInspection')}
          </Button>
        )
      }
    >
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        {link ? (
          <Button
            type="primary"
            icon={<VideoCameraOutlined />}
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('site.video')}
            {link.label ? ` · ${link.label}` : ''}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('site.noVideo')}</Typography.Text>
        )}
        {staff && (
          <Button
            size="small"
            onClick={() => {
              form.setFieldsValue({ url: link?.url ?? '', label: link?.label ?? '' });
              setEditingLink(true);
            }}
          >
            {t('site.setVideo')}
          </Button>
        )}
        {staff && link && (
          <Popconfirm title={t('site.removeVideo')} onConfirm={handleRemoveLink}>
            <Button size="small" danger icon={<DeleteOutlined />}>
              {t('site.removeVideo')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {inspections.isError && (
        <RetryAlert message={inspections.error.message} onRetry={() => void inspections.refetch()} />
      )}
      <InspectionTable
        inspections={inspections.data?.items ?? []}
        showProject={false}
        loading={inspections.isLoading}
        emptyText={t('site.noInspections')}
      />
      {staff && (
        <>
          <InspectionFormModal projectId={project.id} open={inspecting} onClose={() => setInspecting(false)} />
          <Modal
            open={editingLink}
            title={t('site.setVideo')}
            onCancel={() => setEditingLink(false)}
            onOk={() => void handleSaveLink()}
            destroyOnHidden
          >
            <Form form={form} layout="vertical">
              <Form.Item
                name="url"
                label={t('site.videoUrl')}
                extra={t('site.videoHint')}
                rules={[{ required: true, pattern: /^https?:\/\//i, message: t('site.videoHint') }]}
              >
                <Input placeholder="https://" maxLength={2000} />
              </Form.Item>
              <Form.Item name="label" label={t('site.videoLabel')}>
                <Input maxLength={100} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Card>
  );
}
