import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/client.ts';
import { recordVisit, uploadVisitPhoto, visitKeys } from '../../api/visits.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

interface Values {
  projectId: number;
  visitedOn: Dayjs;
  findings: string;
}

/** The "记录走访" form: project, date (not after today), findings and photos; photos upload once the visit exists. */
export function VisitFormModal({
  open,
  projects,
  projectId,
  onClose,
}: {
  open: boolean;
  projects: { id: number; name: string }[];
  projectId?: number;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { today } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const todayDate = dayjs(today);

  const handleSave = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const visit = await recordVisit(values.projectId, {
        visitedOn: values.visitedOn.format('YYYY-MM-DD'),
        findings: values.findings,
      });
      for (const photo of photos) {
        if (!photo.originFileObj) continue;
        await uploadVisitPhoto(visit.id, photo.originFileObj).catch((error: unknown) => {
          void message.warning(t('visit.photoRejected', { name: photo.name, reason: errorMessage(error) }));
        });
      }
      void message.success(t('visit.saved'));
      await queryClient.invalidateQueries({ queryKey: visitKeys.all });
      form.resetFields();
      setPhotos([]);
      onClose();
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fields : {};
      const known = (['visitedOn', 'findings'] as const).filter((name) => fieldErrors[name]);
      if (known.length > 0) form.setFields(known.map((name) => ({ name, errors: [fieldErrors[name] ?? ''] })));
      else void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('service.record')}
      onCancel={onClose}
      onOk={() => void handleSave()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ projectId: projectId ?? projects[0]?.id, visitedOn: todayDate }}
      >
        <Form.Item
          name="projectId"
          label={t('visit.project')}
          rules={[{ required: true, message: t('visit.required', { field: t('visit.project') }) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={projects.map((p) => ({ value: p.id, label: p.name }))}
            disabled={projectId !== undefined}
          />
        </Form.Item>
        <Form.Item
          name="visitedOn"
          label={t('visit.date')}
          rules={[{ required: true, message: t('visit.required', { field: t('visit.date') }) }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayDate, 'day')} />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('visit.findings')}
          rules={[{ required: true, whitespace: true, message: t('visit.required', { field: t('visit.findings') }) }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('visit.findingsPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('visit.photos')}>
          <Upload
            listType="picture-card"
            accept={PHOTO_TYPES.join(',')}
            multiple
            fileList={photos}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPhotos(fileList.filter((f) => PHOTO_TYPES.includes(f.type ?? '')))}
          >
            <div>
              <CameraOutlined />
              <div style={{ marginTop: 4 }}>{t('visit.addPhoto')}</div>
            </div>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
