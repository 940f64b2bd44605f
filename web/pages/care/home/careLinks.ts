import type { Permission } from '../../../../common/permissions';

// Which permission opens the list a figure links to (as in web/routes.tsx). The aid list needs more
// than its route's care:apply to show the whole union: care:read or care:approve (otherwise it shows
// one's own cases only, which would not be the figure's records). The mutual-aid claims are a tab
// shown with care:read only: without it the page opens on the plans, not the figure's claims.
const LIST_PERMISSIONS: [prefix: string, anyOf: Permission[]][] = [
  ['/care/mutual-aid?tab=claims', ['care:read']],
  ['/care/visits', ['care:summary']],
  ['/care/hardship', ['care:read']],
  ['/care/aid', ['care:read', 'care:approve']],
  ['/care/donations', ['care:summary']],
  ['/care/checkups', ['care:summary']],
  ['/care/mutual-aid', ['care:summary']],
  ['/care/worklists', ['care:write']],
];

/** Whether a figure's list opens for the user; a figure without one is shown as plain text. */
export function mayOpen(permissions: readonly string[], href: string): boolean {
  const path = href.split('?')[0];
  const entry = LIST_PERMISSIONS.find(([prefix]) =>
    prefix.includes('?') ? href === prefix || href.startsWith(`${prefix}&`) : path === prefix,
  );
  return !!entry && entry[1].some((p) => permissions.includes(p));
}
