import { describeError } from '../lib/describe-error';

interface ErrorPanelProps {
  /** What failed, in words: "Could not load images". */
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** One panel's failure: the envelope's message, its request id (for the logs) and a retry button. */
export function ErrorPanel({ title, error, onRetry }: ErrorPanelProps) {
  const envelope = describeError(error);
  return (
    <div
      role="alert"
      className="m-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{envelope.message}</p>
      <p className="mt-1 text-xs opacity-80">
        {envelope.status > 0 ? `HTTP ${envelope.status} · ` : ''}
        {envelope.code}
        {envelope.requestId ? (
          <>
            {' · request id '}
            <code className="select-all">{envelope.requestId}</code>
          </>
        ) : null}
      </p>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded border border-red-400 bg-white px-3 py-1 font-medium hover:bg-red-100 dark:bg-red-900 dark:hover:bg-red-800"
        >
          Retry
        </button>
      ) : null}
    </div>
  );
}
