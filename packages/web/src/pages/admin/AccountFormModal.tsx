import type { ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { showFormError } from './formErrors.ts';

interface AccountFormModalProps<T> {
  open: boolean;
  title: string;
  form: FormInstance<T>;
  /** The request is under way (the OK button spins). */
  pending: boolean;
  onClose: () => void;
  /** Sends the validated values; when it throws, the API's field messages are shown at their fields. */
  onSubmit: (values: T) => Promise<void>;
  initialValues?: Partial<T>;
  testId?: string;
  children: ReactNode;
}

/** The shell of the administrators' account dialogs: a vertical form in a modal, validated, sent, errors placed. */
export function AccountFormModal<T>(props: AccountFormModalProps<T>) {
  const { open, title, form, pending, onClose, onSubmit, initialValues, testId, children } = props;
  const { message } = App.useApp();
  const handleOk = async () => {
    const values = await form.validateFields();
    try {
      await onSubmit(values);
    } catch (error) {
      showFormError(form, error, message);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void handleOk()}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} data-testid={testId} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
