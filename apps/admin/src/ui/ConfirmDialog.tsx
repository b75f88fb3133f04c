// Asking before something that cannot be undone (suspending someone, removing a feed, taking an article off the
// site), in the admin's own words and styles rather than the browser's confirm(). A modal <dialog>: the page behind
// it is inert, so focus stays inside; Escape or "Cancel" says no; focus goes back to the button that asked.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmOptions {
  /** The question, as the dialog's heading: "Suspend Eddie Quispe?" */
  title: string;
  /** What will happen, in a sentence or two. */
  message: string;
  /** The button that goes ahead: "Suspend", "Remove". */
  confirmLabel: string;
}

interface Pending extends ConfirmOptions {
  answer: (yes: boolean) => void;
}

/**
 * `confirm(options)` opens the dialog and resolves true only if the person chose `confirmLabel`; render `dialog`
 * once in the component that asks.
 */
export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setPending({
          ...options,
          answer: (yes) => {
            setPending(null);
            resolve(yes);
            // Back to where the person was (the browser may already have done so).
            if (returnTo?.isConnected) returnTo.focus();
          },
        });
      }),
    [],
  );
  return { confirm, dialog: pending ? <ConfirmDialog {...pending} /> : null };
}

function ConfirmDialog({ title, message, confirmLabel, answer }: Pending) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();
  const answered = useRef(false);
  const reply = (yes: boolean) => {
    if (answered.current) return;
    answered.current = true;
    ref.current?.close();
    answer(yes);
  };
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      // Escape: the browser closes the dialog; that is a no.
      onClose={() => reply(false)}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={messageId}>{message}</p>
      <div className="actions">
        {/* The safe choice has the focus, so Enter on a stray key press changes nothing. */}
        <button type="button" className="secondary" autoFocus onClick={() => reply(false)}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => reply(true)}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
