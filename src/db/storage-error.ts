/**
 * True when an error comes from the warehouse's storage rather than from the data being written: a full disk, an I/O
 * failure, a failed commit or checkpoint, or a database DuckDB has invalidated after a fatal error. Such a failure says
 * nothing about the file being stored, so the file must stay unread (and be retried next run), never be rejected.
 */
export function isStorageError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return STORAGE.test(message);
}

const STORAGE =
  /IO Error|No space left|ENOSPC|EDQUOT|disk quota|Could not (write|read|open|truncate|fsync|sync)|Failed to commit|Failed to (checkpoint|flush)|FATAL|database has been invalidated|cannot rollback|read-only file system|EROFS|EIO\b|Out of Memory/i;
