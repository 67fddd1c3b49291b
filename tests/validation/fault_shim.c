/* Disk faults on demand, for the validation suite's fault figure (LD_PRELOAD).
 *
 * Every call that writes to the disk — write, pwrite, writev, sendfile, copy_file_range, fsync,
 * fdatasync, ftruncate, rename, link, mkdir — on a file or path under $FAULT_ROOT is counted,
 * whoever makes it: SQLite, Python or a library. With $FAULT_AT=k the k-th such call fails:
 * $FAULT_MODE=full fails it and every later one with ENOSPC (the disk is full and stays full);
 * $FAULT_MODE=eio fails only it, with EIO. Without $FAULT_ROOT nothing is counted or failed.
 * fault_calls() tells how many calls were counted.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long counted = 0;

long fault_calls(void) { return __atomic_load_n(&counted, __ATOMIC_SEQ_CST); }

static int has_root_prefix(const char *path) {
    const char *root = getenv("FAULT_ROOT");
    return root != NULL && path != NULL && strncmp(path, root, strlen(root)) == 0;
}

static int path_in_root(const char *path) {
    char absolute[4096];
    if (getenv("FAULT_ROOT") == NULL || path == NULL) return 0;
    if (path[0] == '/') return has_root_prefix(path);
    if (getcwd(absolute, sizeof absolute - 1) == NULL) return 0;
    size_t used = strlen(absolute);
    snprintf(absolute + used, sizeof absolute - used, "/%s", path);
    return has_root_prefix(absolute);
}

static int fd_in_root(int fd) {
    char link[64], target[4096];
    if (getenv("FAULT_ROOT") == NULL) return 0;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) return 0;
    target[n] = '\0';
    return has_root_prefix(target);
}

/* The errno this call must fail with, or 0 to let it through. */
static int fault(void) {
    long k = __atomic_add_fetch(&counted, 1, __ATOMIC_SEQ_CST);
    const char *at = getenv("FAULT_AT");
    long target = at ? atol(at) : 0;
    if (target <= 0) return 0;
    const char *mode = getenv("FAULT_MODE");
    if (mode != NULL && strcmp(mode, "eio") == 0) return k == target ? EIO : 0;
    return k >= target ? ENOSPC : 0;
}

#define REAL(name) \
    static __typeof__(&name) real_##name; \
    if (real_##name == NULL) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

#define FAIL_FD(fd, failed) \
    if (fd_in_root(fd)) { int e = fault(); if (e) { errno = e; return failed; } }

#define FAIL_PATH(path, failed) \
    if (path_in_root(path)) { int e = fault(); if (e) { errno = e; return failed; } }

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write);
    FAIL_FD(fd, -1);
    return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t at) {
    REAL(pwrite);
    FAIL_FD(fd, -1);
    return real_pwrite(fd, buf, n, at);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t at) {
    REAL(pwrite64);
    FAIL_FD(fd, -1);
    return real_pwrite64(fd, buf, n, at);
}

ssize_t writev(int fd, const struct iovec *iov, int count) {
    REAL(writev);
    FAIL_FD(fd, -1);
    return real_writev(fd, iov, count);
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t at) {
    REAL(pwritev);
    FAIL_FD(fd, -1);
    return real_pwritev(fd, iov, count, at);
}

ssize_t sendfile(int out, int in, off_t *at, size_t n) {
    REAL(sendfile);
    FAIL_FD(out, -1);
    return real_sendfile(out, in, at, n);
}

ssize_t sendfile64(int out, int in, off64_t *at, size_t n) {
    REAL(sendfile64);
    FAIL_FD(out, -1);
    return real_sendfile64(out, in, at, n);
}

ssize_t copy_file_range(int in, off64_t *in_at, int out, off64_t *out_at, size_t n,
                        unsigned int flags) {
    REAL(copy_file_range);
    FAIL_FD(out, -1);
    return real_copy_file_range(in, in_at, out, out_at, n, flags);
}

int fsync(int fd) {
    REAL(fsync);
    FAIL_FD(fd, -1);
    return real_fsync(fd);
}

int fdatasync(int fd) {
    REAL(fdatasync);
    FAIL_FD(fd, -1);
    return real_fdatasync(fd);
}

int ftruncate(int fd, off_t size) {
    REAL(ftruncate);
    FAIL_FD(fd, -1);
    return real_ftruncate(fd, size);
}

int ftruncate64(int fd, off64_t size) {
    REAL(ftruncate64);
    FAIL_FD(fd, -1);
    return real_ftruncate64(fd, size);
}

int rename(const char *from, const char *to) {
    REAL(rename);
    FAIL_PATH(to, -1);
    return real_rename(from, to);
}

int renameat(int from_dir, const char *from, int to_dir, const char *to) {
    REAL(renameat);
    FAIL_PATH(to, -1);
    return real_renameat(from_dir, from, to_dir, to);
}

int link(const char *from, const char *to) {
    REAL(link);
    FAIL_PATH(to, -1);
    return real_link(from, to);
}

int linkat(int from_dir, const char *from, int to_dir, const char *to, int flags) {
    REAL(linkat);
    FAIL_PATH(to, -1);
    return real_linkat(from_dir, from, to_dir, to, flags);
}

int mkdir(const char *path, mode_t mode) {
    REAL(mkdir);
    FAIL_PATH(path, -1);
    return real_mkdir(path, mode);
}

int mkdirat(int dir, const char *path, mode_t mode) {
    REAL(mkdirat);
    FAIL_PATH(path, -1);
    return real_mkdirat(dir, path, mode);
}
