import { useState } from 'react';

/**
 * Counts how often a dialog has been opened. Used as the form's key, so each opening starts from a
 * fresh form even when it reopens before the closing animation has removed the previous one.
 */
export function useOpenCount(open: boolean): number {
  const [count, setCount] = useState(open ? 1 : 0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setCount(count + 1);
  }
  return count;
}
