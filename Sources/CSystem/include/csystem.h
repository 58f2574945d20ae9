#ifndef HOMECOMING_CSYSTEM_H
#define HOMECOMING_CSYSTEM_H

/// Atomically exchanges two paths (renameat2 with RENAME_EXCHANGE).
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel cannot).
int homecoming_exchange_paths(const char *a, const char *b);

#endif

#ifndef HOMECOMING_CSYSTEM_MALLOC_H
#define HOMECOMING_CSYSTEM_MALLOC_H
/// Limits glibc's malloc to `arenas` arenas (M_ARENA_MAX); returns 1 on success.
int homecoming_limit_malloc_arenas(int arenas);

/// Takes buffers up to 32 MiB from the heap and keeps them there when freed (M_MMAP_THRESHOLD,
/// M_TRIM_THRESHOLD), so that the next one reuses pages already touched rather than mapping
/// fresh ones. Faster for a run that makes and drops large buffers (charts), but it raises the
/// peak of one that grows a few for long (an import). Returns 1 on success.
int homecoming_keep_large_buffers(void);
#endif

#ifndef HOMECOMING_CSYSTEM_THREAD_H
#define HOMECOMING_CSYSTEM_THREAD_H
#include <pthread.h>
/// Creates a thread that starts on the index-th CPU after the caller's (then may run anywhere again).
/// Linux places a new thread on its creator's CPU and, on a virtual machine, can leave it there for
/// milliseconds while another CPU idles; starting it elsewhere makes work begin at once.
/// Returns pthread_create's result.
int homecoming_thread_create_spread(pthread_t *thread, void *(*body)(void *), void *argument, int index);
#endif
