import dayjs from 'dayjs';

/** A rate given as a fraction (0.873) shown as a percentage (87.3%). */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

export function formatDateTime(at: string | null | undefined): string {
  return at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** For text placed in HTML that a library renders (chart tooltips). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
