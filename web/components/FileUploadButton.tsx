import { App, Button, Upload } from 'antd';
import type { ReactNode } from 'react';
import { uploadFile } from '../api';

/**
 * A small button that posts one PDF, JPG or PNG to `url` (the server checks type and size again)
 * and says how it went; `onUploaded` refreshes whatever lists the file.
 */
export function FileUploadButton({
  url,
  children,
  successText = '已上传',
  ariaLabel,
  onUploaded,
}: {
  url: string;
  children: ReactNode;
  successText?: string;
  ariaLabel?: string;
  onUploaded: () => void;
}) {
  const { message } = App.useApp();
  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png"
      showUploadList={false}
      customRequest={({ file, onSuccess, onError }) => {
        uploadFile(url, file as File, () => {})
          .then((res) => {
            onSuccess?.(res);
            message.success(successText);
            onUploaded();
          })
          .catch((e: Error) => {
            onError?.(e);
            message.error(e.message);
          });
      }}
    >
      <Button size="small" aria-label={ariaLabel}>
        {children}
      </Button>
    </Upload>
  );
}
