import { CopyButton } from '../../components/CopyButton';
import { AlertIcon, CloseIcon } from '../../components/icons';
import { describeError } from '../../format/errors';
import { appStore, useAppStore } from '../../store/useAppStore';

/**
 * Failures of background work (saving filters, indexing, a theme that did not persist): title,
 * the message, and the request id with a copy button so it can be quoted to support. They stay
 * until dismissed: an error that vanishes before it is read cannot be reported.
 */
export function Toasts() {
  const toasts = useAppStore((state) => state.toasts);
  return (
    <div className="toasts" aria-live="assertive" data-testid="toasts">
      {toasts.map((toast) => {
        const view = describeError(toast.error);
        return (
          <div key={toast.id} className="toast" role="alert" data-testid="toast" data-code={toast.error.code}>
            <AlertIcon size={16} className="toast__icon" />
            <div className="toast__body">
              <p className="toast__title">{toast.title}</p>
              <p className="toast__message">{view.message}</p>
              {toast.error.requestId ? (
                <p className="toast__request">
                  <span>Request id</span>
                  <code className="mono" data-testid="toast.requestId">
                    {toast.error.requestId}
                  </code>
                  <CopyButton value={toast.error.requestId} label="Copy request id" testId="toast.copy" />
                </p>
              ) : null}
            </div>
            <button
              type="button"
              className="btn btn--ghost btn--small btn--icon"
              aria-label={`Dismiss: ${toast.title}`}
              onClick={() => appStore.getState().toastDismissed(toast.id)}
              data-testid="toast.dismiss"
            >
              <CloseIcon size={14} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
