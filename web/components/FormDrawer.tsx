import { Drawer, Grid } from 'antd';
import type { ZodType } from 'zod';
import { useOpenCount } from './useOpenCount';
import { ZodForm, type ZodFormProps } from './ZodForm';

interface FormDrawerProps<S extends ZodType> extends Omit<ZodFormProps<S>, 'onCancel' | 'block'> {
  title: string;
  open: boolean;
  onClose: () => void;
}

/** A create/edit form in a side drawer; the form is built afresh each time the drawer opens. */
export function FormDrawer<S extends ZodType>({ title, open, onClose, ...form }: FormDrawerProps<S>) {
  const mobile = Grid.useBreakpoint().md === false;
  const openCount = useOpenCount(open);
  return (
    <Drawer title={title} open={open} onClose={onClose} size={mobile ? '100%' : 560} destroyOnHidden>
      <ZodForm key={openCount} {...form} onCancel={onClose} />
    </Drawer>
  );
}
