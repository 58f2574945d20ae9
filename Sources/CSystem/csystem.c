#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "csystem.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int homecoming_exchange_paths(const char *a, const char *b) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#include <malloc.h>

int homecoming_limit_malloc_arenas(int arenas) {
#ifdef M_ARENA_MAX
    return mallopt(M_ARENA_MAX, arenas);
#else
    return 0;
#endif
}

int homecoming_keep_large_buffers(void) {
#if defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
    /* Large buffers from the heap, kept when freed: the next one reuses pages already
       touched instead of mapping fresh ones (each first touch is a page fault). */
    return mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) & mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#else
    return 0;
#endif
}

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

struct homecoming_spread_start {
    void *(*body)(void *);
    void *argument;
    cpu_set_t allowed;
};

/* Runs in the new thread: give back every CPU the process may use, then do the work. */
static void *homecoming_spread_trampoline(void *raw) {
    struct homecoming_spread_start start = *(struct homecoming_spread_start *)raw;
    free(raw);
    pthread_setaffinity_np(pthread_self(), sizeof start.allowed, &start.allowed);
    return start.body(start.argument);
}

int homecoming_thread_create_spread(pthread_t *thread, void *(*body)(void *), void *argument, int index) {
    struct homecoming_spread_start *start = malloc(sizeof *start);
    if (start == NULL) return -1;
    start->body = body;
    start->argument = argument;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    if (sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0) {
        /* The index-th allowed CPU after the one we run on. */
        int count = CPU_COUNT(&start->allowed), current = sched_getcpu();
        if (count > 1 && current >= 0) {
            int cpu = current, seen = 0;
            while (seen < index % count) {
                cpu = (cpu + 1) % CPU_SETSIZE;
                if (CPU_ISSET(cpu, &start->allowed)) seen++;
            }
            cpu_set_t first;
            CPU_ZERO(&first);
            CPU_SET(cpu, &first);
            pthread_attr_setaffinity_np(&attributes, sizeof first, &first);
        }
    } else {
        CPU_ZERO(&start->allowed);
        for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) CPU_SET(cpu, &start->allowed);
    }
    int result = pthread_create(thread, &attributes, homecoming_spread_trampoline, start);
    pthread_attr_destroy(&attributes);
    if (result != 0) free(start);
    return result;
}
