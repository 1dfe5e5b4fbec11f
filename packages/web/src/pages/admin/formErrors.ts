/** Shows an API error of the administrators' forms: field messages at their fields, anything else as a toast. */
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from '../../api/client.ts';

/** Puts the API's field messages on the form's fields of the same name; the rest (or a non-field error) in a toast. */
export function showFormError(form: FormInstance, error: unknown, message: MessageInstance): void {
  if (!(error instanceof ApiError)) {
    void message.error(String(error));
    return;
  }
  const names = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const placed = Object.entries(error.fields).filter(([field]) => names.has(field));
  form.setFields(placed.map(([name, text]) => ({ name, errors: [text] })));
  const rest = Object.entries(error.fields).filter(([field]) => !names.has(field));
  if (placed.length === 0 || rest.length > 0)
    void message.error(rest.length ? rest.map(([, text]) => text).join('；') : error.message);
}
