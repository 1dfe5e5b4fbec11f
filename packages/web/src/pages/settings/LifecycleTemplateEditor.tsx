import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { NamePath } from 'antd/es/form/interface';
import { LIFECYCLE_PHASES, type LifecycleDefinitionInput, type LifecyclePhase } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import {
  createLifecycleTemplate,
  lifecycleKeys,
  updateLifecycleTemplate,
  useLifecycleTemplate,
} from '../../api/lifecycle.ts';
import { codeLabel, useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';

interface StepValues {
  code: string;
  label: { zh: string; en: string };
  durationDays: number;
  after?: string[];
  parallelGroup?: string;
}
interface StageValues {
  code: string;
  label: { zh: string; en: string };
  phase: LifecyclePhase;
  durationDays?: number | null;
  steps?: StepValues[];
}
interface Values {
  code: string;
  name: { zh: string; en: string };
  isDefault: boolean;
  definition: { stages: StageValues[] };
}

/** The form's values as the API's definition: empty waits and groups left out (the order then decides). */
function toDefinition(values: Values): LifecycleDefinitionInput {
  return {
    stages: values.definition.stages.map((stage) => ({
      code: stage.code,
      label: stage.label,
      phase: stage.phase,
      ...(stage.durationDays ? { durationDays: stage.durationDays } : {}),
      steps: (stage.steps ?? []).map((step) => ({
        code: step.code,
        label: step.label,
        durationDays: step.durationDays,
        ...(step.after && step.after.length > 0 ? { after: step.after } : {}),
        ...(step.parallelGroup ? { parallelGroup: step.parallelGroup } : {}),
      })),
    })),
  };
}

/** A server field path (`definition.stages.1.steps.2.after`) as the form's name path. */
// The server builds the path at run time, so the form's typed name paths cannot be checked here.
const namePath = (path: string) =>
  path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) as NamePath<Values>;

/**
 * The template editor (a drawer): names, stages with their phase and typical duration, steps with duration, the
 * steps they wait for and a parallel group; the server's validation is shown at each step's field. Saving a
 * template in use warns that a new version is made.
 */
export function LifecycleTemplateEditor({ target, onClose }: { target: number | 'new' | null; onClose: () => void }) {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const detail = useLifecycleTemplate(typeof target === 'number' ? target : null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const stages = Form.useWatch(['definition', 'stages'], form) as StageValues[] | undefined;
  const stepOptions = (stages ?? [])
    .flatMap((stage) => stage.steps ?? [])
    .filter((step) => step.code)
    .map((step) => ({ value: step.code, label: step.label.zh || step.code }));
  const template = typeof target === 'number' ? detail.data : undefined;

  useEffect(() => {
    if (target === 'new') {
      form.setFieldsValue({
        code: '',
        name: { zh: '', en: '' },
        isDefault: false,
        definition: {
          stages: [{ code: 'reserve', label: { zh: '储备', en: 'Reserve' }, phase: 'reserve', steps: [] }],
        },
      });
    } else if (template) {
      form.setFieldsValue({
        code: template.code,
        name: template.name,
        isDefault: template.isDefault,
        definition: template.definition as Values['definition'],
      });
    }
  }, [form, target, template]);

  const save = async (values: Values) => {
    setSaving(true);
    setProblems([]);
    try {
      const definition = toDefinition(values);
      const saved =
        target === 'new'
          ? await createLifecycleTemplate({
              code: values.code,
              name: values.name,
              definition,
              isDefault: values.isDefault,
            })
          : template &&
            (await updateLifecycleTemplate(template.id, template.rowVersion, {
              name: values.name,
              definition,
              ...(values.isDefault ? { isDefault: true } : {}),
            }));
      if (!saved) return;
      void message.success(
        saved.newVersion && target !== 'new'
          ? t('lifecycle.template.savedNewVersion', { version: saved.version })
          : t('lifecycle.template.saved'),
      );
      await queryClient.invalidateQueries({ queryKey: lifecycleKeys.all });
      handleClose();
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
      if (fields.length === 0) void message.error(errorMessage(error));
      form.setFields(fields.map(([path, text]) => ({ name: namePath(path), errors: [text] })));
      setProblems(fields.map(([, text]) => text));
    } finally {
      setSaving(false);
    }
  };

  const handleClose = () => {
    setProblems([]);
    onClose();
  };

  const handleSave = async () => {
    const values = await form.validateFields();
    if (template && template.inUse > 0) {
      modal.confirm({
        title: t('lifecycle.template.edit'),
        content: t('lifecycle.template.inUseWarning', { count: template.inUse }),
        onOk: () => save(values),
      });
    } else await save(values);
  };

  const required = (field: string) => [{ required: true, message: t('lifecycle.form.required', { field }) }];
  return (
    <Drawer
      open={target !== null}
      onClose={handleClose}
      size={1080}
      title={
        target === 'new' ? t('lifecycle.template.new') : template && `${template.name[locale]} v${template.version}`
      }
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} onClick={() => void handleSave()}>
          {t('lifecycle.template.save')}
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" size="small">
        {template && template.inUse > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('lifecycle.template.inUseWarning', { count: template.inUse })}
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('lifecycle.template.invalid', { count: problems.length })}
            description={problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          />
        )}
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={t('lifecycle.template.code')} rules={required(t('lifecycle.template.code'))}>
              <Input disabled={target !== 'new'} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name={['name', 'zh']}
              label={t('lifecycle.template.nameZh')}
              rules={required(t('lifecycle.template.nameZh'))}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name={['name', 'en']}
              label={t('lifecycle.template.nameEn')}
              rules={required(t('lifecycle.template.nameEn'))}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="isDefault" valuePropName="checked">
          <Checkbox>{t('lifecycle.template.isDefault')}</Checkbox>
        </Form.Item>
        <Form.List name={['definition', 'stages']}>
          {(stageFields, stageOps) => (
            <Flex vertical gap={12}>
              {stageFields.map((stageField) => (
                <Card
                  key={stageField.key}
                  size="small"
                  title={`${t('lifecycle.stage')} ${stageField.name + 1}`}
                  extra={
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => stageOps.remove(stageField.name)}
                    />
                  }
                >
                  <Row gutter={8}>
                    <Col xs={12} sm={5}>
                      <Form.Item
                        name={[stageField.name, 'code']}
                        label={t('lifecycle.template.code')}
                        rules={required(t('lifecycle.template.code'))}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={5}>
                      <Form.Item
                        name={[stageField.name, 'label', 'zh']}
                        label={t('lifecycle.template.nameZh')}
                        rules={required(t('lifecycle.template.nameZh'))}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={5}>
                      <Form.Item
                        name={[stageField.name, 'label', 'en']}
                        label={t('lifecycle.template.nameEn')}
                        rules={required(t('lifecycle.template.nameEn'))}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={5}>
                      <Form.Item
                        name={[stageField.name, 'phase']}
                        label={t('lifecycle.stage.phase')}
                        rules={required(t('lifecycle.stage.phase'))}
                      >
                        <Select
                          options={LIFECYCLE_PHASES.map((p) => ({
                            value: p,
                            label: codeLabel(codelists.stages, p, locale),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={4}>
                      <Form.Item name={[stageField.name, 'durationDays']} label={t('lifecycle.stage.duration')}>
                        <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.List name={[stageField.name, 'steps']}>
                    {(stepFields, stepOps) => (
                      <>
                        {stepFields.map((stepField) => (
                          <Row key={stepField.key} gutter={8} align="bottom" className="kp-lifecycle-step">
                            <Col xs={12} sm={4}>
                              <Form.Item
                                name={[stepField.name, 'code']}
                                label={t('lifecycle.step.code')}
                                rules={required(t('lifecycle.step.code'))}
                              >
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col xs={12} sm={4}>
                              <Form.Item
                                name={[stepField.name, 'label', 'zh']}
                                label={t('lifecycle.step.nameZh')}
                                rules={required(t('lifecycle.step.nameZh'))}
                              >
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col xs={12} sm={4}>
                              <Form.Item
                                name={[stepField.name, 'label', 'en']}
                                label={t('lifecycle.step.nameEn')}
                                rules={required(t('lifecycle.step.nameEn'))}
                              >
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col xs={12} sm={3}>
                              <Form.Item
                                name={[stepField.name, 'durationDays']}
                                label={t('lifecycle.step.duration')}
                                rules={required(t('lifecycle.step.duration'))}
                              >
                                <InputNumber precision={0} style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col xs={14} sm={5}>
                              <Form.Item name={[stepField.name, 'after']} label={t('lifecycle.step.after')}>
                                <Select
                                  mode="multiple"
                                  allowClear
                                  options={stepOptions}
                                  placeholder={t('lifecycle.step.afterPlaceholder')}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={8} sm={3}>
                              <Form.Item name={[stepField.name, 'parallelGroup']} label={t('lifecycle.step.group')}>
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col xs={2} sm={1}>
                              <Form.Item>
                                <Button
                                  size="small"
                                  type="text"
                                  danger
                                  icon={<DeleteOutlined />}
                                  onClick={() => stepOps.remove(stepField.name)}
                                />
                              </Form.Item>
                            </Col>
                          </Row>
                        ))}
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          onClick={() => stepOps.add({ durationDays: 30, label: { zh: '', en: '' } })}
                        >
                          {t('lifecycle.step.add')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => stageOps.add({ phase: 'preparation', label: { zh: '', en: '' }, steps: [] })}
              >
                {t('lifecycle.stage.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
