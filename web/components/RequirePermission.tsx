import type { ReactNode } from 'react';
import type { Permission } from '../../common/permissions';
import { useCan } from '../access';
import { Forbidden } from './Forbidden';

/** Renders the page only for users holding the permission; the page's code and data are not loaded otherwise. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <Forbidden />;
}
