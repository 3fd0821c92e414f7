import { AlertIcon, CloseIcon, InfoIcon } from '../../components/icons';
import { errorHeadline, errorLocation } from './error-text';
import type { ImportNotice } from './import-types';

interface ImportNoticesProps {
  notices: readonly ImportNotice[];
  onDismiss(id: string): void;
}

/** Failed or cancelled imports, as cards that stay until dismissed (an analyst may need the line number). */
export function ImportNotices({ notices, onDismiss }: ImportNoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => {
        const isCancel = notice.error.code === 'cancelled';
        const location = errorLocation(notice.error);
        return (
          <section
            key={notice.id}
            className={`notice ${isCancel ? 'notice-info' : 'notice-error'}`}
            data-testid={isCancel ? 'import-cancelled' : 'import-error'}
            role={isCancel ? 'status' : 'alert'}
          >
            <span className="notice-icon">{isCancel ? <InfoIcon /> : <AlertIcon />}</span>
            <div className="notice-body">
              <h3 className="notice-title">
                {errorHeadline(notice.error)}
                <span className="notice-file truncate" title={notice.fileName}>
                  {notice.fileName}
                </span>
              </h3>
              <p className="notice-message">{notice.error.message}</p>
              {location ? (
                <p className="notice-location mono" data-testid="import-error-location">
                  {location}
                </p>
              ) : null}
            </div>
            <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => onDismiss(notice.id)} data-testid="notice-dismiss">
              <CloseIcon />
            </button>
          </section>
        );
      })}
    </div>
  );
}
