#ifndef HOMECOMING_CRENAME_H
#define HOMECOMING_CRENAME_H

/// Atomically exchanges two paths (renameat2 with RENAME_EXCHANGE).
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel cannot).
int homecoming_exchange_paths(const char *a, const char *b);

#endif
