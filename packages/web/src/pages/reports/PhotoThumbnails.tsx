/**
 * Site photos as small thumbnails (tap to enlarge), each with a delete button when the report is still open to
 * change. Thumbnails are the stored image shown at a fixed small size and lazy-loaded (no server-side resizing:
 * the server has no image library without native packages), so a long gallery only fetches what scrolls into view.
 */
import { Button, Flex, Image, Popconfirm, Tooltip } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { ReportPhoto } from '@keyprojects/core';
import { reportPhotoUrl } from '../../api/reports.ts';
import { useT } from '../../i18n/useT.ts';

interface PhotoThumbnailsProps {
  photos: readonly ReportPhoto[];
  /** Deletes a photo; absent when none may be deleted. */
  onDelete?: (photo: ReportPhoto) => Promise<void>;
  /** The caption of each photo (its file name by default). */
  captionOf?: (photo: ReportPhoto) => string;
  size?: number;
}

/** Thumbnails of site photos in one preview group. */
export function PhotoThumbnails({ photos, onDelete, captionOf, size = 84 }: PhotoThumbnailsProps) {
  const t = useT();
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8}>
        {photos.map((photo) => {
          const caption = captionOf ? captionOf(photo) : photo.fileName;
          return (
            <div key={photo.id} style={{ position: 'relative', width: size }} data-testid="photo-thumb">
              <Image
                src={reportPhotoUrl(photo.id)}
                alt={caption}
                width={size}
                height={size}
                loading="lazy"
                decoding="async"
                style={{ objectFit: 'cover', borderRadius: 6 }}
              />
              {onDelete && (
                <Popconfirm
                  title={t('report.photoDeleteConfirm')}
                  okText={t('report.photoDelete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void onDelete(photo)}
                >
                  <Tooltip title={t('report.photoDelete')}>
                    <Button
                      size="small"
                      shape="circle"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('report.photoDelete')} ${caption}`}
                      style={{ position: 'absolute', top: 4, right: 4, opacity: 0.92 }}
                      data-testid="photo-delete"
                    />
                  </Tooltip>
                </Popconfirm>
              )}
              <div
                title={caption}
                style={{
                  fontSize: 11,
                  color: 'rgba(0,0,0,0.55)',
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                {caption}
              </div>
            </div>
          );
        })}
      </Flex>
    </Image.PreviewGroup>
  );
}
