#ifndef HOMECOMING_CSYSTEM_H
#define HOMECOMING_CSYSTEM_H

/// Atomically exchanges two paths (renameat2 with RENAME_EXCHANGE).
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel cannot).
int homecoming_exchange_paths(const char *a, const char *b);

#endif

#ifndef HOMECOMING_CSYSTEM_MALLOC_H
#define HOMECOMING_CSYSTEM_MALLOC_H
/// Limits glibc's malloc to one arena (mallopt M_ARENA_MAX); returns 1 on success.
int homecoming_single_malloc_arena(void);
#endif
