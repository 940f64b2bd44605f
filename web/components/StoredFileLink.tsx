import { App, Button, Popconfirm } from 'antd';
import { api } from '../api';

/**
 * A stored file, opened in a new tab from `url` (an API path: the server audits the download),
 * with its size when given and, when `onDeleted` is given, a confirmed delete of the same path.
 */
export function StoredFileLink({
  url,
  fileName,
  sizeBytes,
  deleteTitle,
  onDeleted,
}: {
  url: string;
  fileName: string;
  sizeBytes?: number;
  deleteTitle?: string;
  onDeleted?: () => void;
}) {
  const { message } = App.useApp();
  return (
    <span>
      <a href={`/api${url}`} target="_blank" rel="noreferrer">
        {fileName}
      </a>
      {sizeBytes !== undefined && (
        <>
          {' '}
          <span style={{ color: '#999' }}>{Math.ceil(sizeBytes / 1024)} KB</span>
        </>
      )}
      {onDeleted && (
        <>
          {' '}
          <Popconfirm
            title={deleteTitle}
            onConfirm={() =>
              api
                .del(url)
                .then(onDeleted)
                .catch((e: Error) => message.error(e.message))
            }
          >
            <Button size="small" type="link" danger>
              删除
            </Button>
          </Popconfirm>
        </>
      )}
    </span>
  );
}
