import { Modal } from 'antd';
import type { ReactNode } from 'react';
import type { ZodType } from 'zod';
import { useOpenCount } from './useOpenCount';
import { ZodForm, type ZodFormProps } from './ZodForm';

interface FormModalProps<S extends ZodType> extends Omit<ZodFormProps<S>, 'onCancel' | 'block'> {
  title: string;
  open: boolean;
  onClose: () => void;
  intro?: ReactNode;
}

/** A short form in a dialog (a status change, a password reset). */
export function FormModal<S extends ZodType>({ title, open, onClose, intro, ...form }: FormModalProps<S>) {
  const openCount = useOpenCount(open);
  return (
    <Modal title={title} open={open} onCancel={onClose} footer={null} destroyOnHidden>
      {intro}
      <ZodForm key={openCount} {...form} onCancel={onClose} />
    </Modal>
  );
}
