import { useState } from 'react';

/**
 * Open/close state of a dialog together with what it is about. Closing keeps the subject, so the
 * dialog does not switch title or fields while its closing animation plays.
 */
export function useDialog<T>(initial: T) {
  const [state, setState] = useState({ open: false, subject: initial });
  return {
    open: state.open,
    subject: state.subject,
    show: (subject: T) => setState({ open: true, subject }),
    close: () => setState((s) => ({ ...s, open: false })),
  };
}
