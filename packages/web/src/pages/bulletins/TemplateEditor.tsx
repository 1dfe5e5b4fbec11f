import { useRef, useState, type ChangeEvent } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Tag, type GetRef } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { BulletinTemplateInputJson, BulletinTemplateOutput } from '@keyprojects/core';
import { saveBulletinTemplate } from '../../api/bulletins.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';
import { PlaceholderList, type TemplatePlaceholder } from './PlaceholderList.tsx';

interface TemplateEditorProps {
  /** The template as it was when editing began (its version is the one the save sends in If-Match). */
  template: BulletinTemplateOutput;
  placeholders: readonly TemplatePlaceholder[];
  groups: Record<string, string>;
  /** The live preview's error: an unknown placeholder is named at the body field as one types. */
  previewError: Error | null;
  onBodyChange: (body: string) => void;
  onSaved: (template: BulletinTemplateOutput) => void;
  /** Loads the latest version after a conflict (the draft is replaced by it). */
  onReload: () => void;
  onClose: () => void;
  /** Saves the template (default: a bulletin template; the notices page passes its own). */
  save?: (id: number, version: number, input: BulletinTemplateInputJson) => Promise<BulletinTemplateOutput>;
}

type TextArea = GetRef<typeof Input.TextArea>;

/** Edits a template's (bulletin's or notice's) name and body, placeholders inserted at the cursor; saves with If-Match. */
export function TemplateEditor(props: TemplateEditorProps) {
  const { template, previewError } = props;
  const t = useT();
  const { message } = App.useApp();
  const areaRef = useRef<TextArea>(null);
  const [name, setName] = useState(template.name);
  const [body, setBody] = useState(template.body);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const dirty = name !== template.name || body !== template.body;
  const conflict = saveError?.status === 412;

  // A field error is about the text that was saved; once it changes, the live preview checks it again.
  const clearFieldError = () => {
    if (saveError && !conflict) setSaveError(null);
  };
  const changeBody = (next: string) => {
    clearFieldError();
    setBody(next);
    props.onBodyChange(next);
  };
  const handleName = (event: ChangeEvent<HTMLInputElement>) => {
    clearFieldError();
    setName(event.target.value);
  };
  const handleInsert = (placeholder: string) => {
    const area = areaRef.current?.resizableTextArea?.textArea;
    const token = `{{${placeholder}}}`;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    changeBody(body.slice(0, start) + token + body.slice(end));
    // After React has written the new value, put the caret behind the inserted placeholder.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const handleDiscard = () => {
    setName(template.name);
    changeBody(template.body);
    setSaveError(null);
  };
  const handleSave = () => {
    setSaving(true);
    setSaveError(null);
    (props.save ?? saveBulletinTemplate)(template.id, template.version, { name, body })
      .then((saved) => {
        void message.success(t('bulletin.saved'));
        props.onSaved(saved);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError) setSaveError(error);
        else void message.error(errorMessage(error));
      })
      .finally(() => setSaving(false));
  };

  const fieldError = (field: 'name' | 'body') =>
    saveError?.fields[field] ??
    (field === 'body' && previewError instanceof ApiError ? previewError.fields.body : undefined);
  const otherError = saveError && !conflict && !saveError.fields.name && !saveError.fields.body ? saveError : null;
  const nameError = fieldError('name');
  const bodyError = conflict ? t('bulletin.conflict', { version: template.version }) : fieldError('body');

  return (
    <Card
      size="small"
      title={t('bulletin.editorTitle', { name: template.name })}
      extra={dirty && <Tag color="orange">{t('bulletin.unsaved')}</Tag>}
      data-testid="template-editor"
    >
      {otherError && <Alert type="error" showIcon title={otherError.message} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('bulletin.name')}
          validateStatus={nameError ? 'error' : undefined}
          help={nameError}
          style={{ marginBottom: 12 }}
        >
          <Input value={name} maxLength={100} onChange={handleName} />
        </Form.Item>
        <Form.Item
          label={t('bulletin.body')}
          validateStatus={bodyError ? 'error' : undefined}
          help={
            bodyError && (
              <span data-testid="template-body-error">
                {bodyError}
                {conflict && (
                  <Button type="link" size="small" onClick={props.onReload}>
                    {t('bulletin.reload')}
                  </Button>
                )}
              </span>
            )
          }
          extra={t('bulletin.bodyHint')}
          style={{ marginBottom: 12 }}
        >
          <Input.TextArea
            ref={areaRef}
            value={body}
            onChange={(event) => changeBody(event.target.value)}
            autoSize={{ minRows: 8, maxRows: 16 }}
            className="kp-template-body"
          />
        </Form.Item>
        <Form.Item label={t('bulletin.placeholders')} style={{ marginBottom: 12 }}>
          <PlaceholderList placeholders={props.placeholders} groups={props.groups} onInsert={handleInsert} />
        </Form.Item>
      </Form>
      <Flex gap={8} wrap justify="flex-end">
        <Button onClick={props.onClose}>{t('bulletin.close')}</Button>
        <Button onClick={handleDiscard} disabled={!dirty}>
          {t('bulletin.discard')}
        </Button>
        <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={handleSave}>
          {t('bulletin.save')}
        </Button>
      </Flex>
    </Card>
  );
}
