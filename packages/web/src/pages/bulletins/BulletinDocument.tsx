import { Alert, Card, Skeleton, Typography } from 'antd';
import type { BulletinOutput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

interface BulletinDocumentProps {
  bulletin: BulletinOutput | undefined;
  loading: boolean;
  error: Error | null;
  /** A heading above the page (the live preview of a template being edited). */
  caption?: string;
  /** The draft has an error (shown at its field): the page is the last one that could be written. */
  stale?: boolean;
}

/** The bulletin as it will read on paper: title, date line and indented paragraphs on a white page. */
export function BulletinDocument({ bulletin, loading, error, caption, stale = false }: BulletinDocumentProps) {
  const t = useT();
  return (
    <Card size="small" title={caption} className="kp-bulletin-card">
      {stale ? (
        <Alert type="warning" showIcon title={t('bulletin.stalePreview')} style={{ marginBottom: 12 }} />
      ) : (
        error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />
      )}
      {!bulletin && loading && <Skeleton active paragraph={{ rows: 8 }} />}
      {bulletin && (
        <article className="kp-bulletin-page" data-testid="bulletin-document" aria-busy={loading}>
          <h2 className="kp-bulletin-title">{bulletin.title}</h2>
          <p className="kp-bulletin-dateline">{bulletin.dateLine}</p>
          {bulletin.paragraphs.length === 0 ? (
            <Typography.Text type="secondary">{t('bulletin.empty')}</Typography.Text>
          ) : (
            bulletin.paragraphs.map((paragraph, index) => (
              <p key={index} className="kp-bulletin-paragraph">
                {paragraph}
              </p>
            ))
          )}
        </article>
      )}
    </Card>
  );
}
