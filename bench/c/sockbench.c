// SPDX-License-Identifier: Apache-2.0
/* The C baseline of ./pysocket bench (bench/compare.py): the same loopback workloads as the JMH
 * benchmarks and bench/python/sockbench.py, as plain libc calls.
 *
 *   sockbench [--idle-thread] [--ms T] WORKLOAD [ARG]
 *     percall            getsockopt(SO_RCVBUF) on a TCP socket
 *     pingpong tcp|unix  send 64 B on one end, recv them on the other (TCP_NODELAY)
 *     bulk BYTES         64 KiB send loop to a reader thread doing 64 KiB recv, BYTES in all
 *     select|poll|epoll N  one non-blocking readiness poll of N sockets, one of them readable
 *     connect            socket, connect, accept, close both (SO_LINGER 0: no TIME_WAIT)
 *
 * Prints nanoseconds per operation (bulk: per 64 KiB chunk), after a warm-up of a quarter of
 * the measured time. --idle-thread starts a second thread that only sleeps: the JVM is always
 * multi-threaded, and Linux charges a multi-threaded process more per descriptor syscall
 * (fdget takes a reference once the descriptor table is shared). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

static void die(const char *what) { perror(what); exit(1); }
static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}
static void *idle(void *arg) { (void) arg; for (;;) pause(); return NULL; }

static int listener(struct sockaddr_in *addr) {
    int l = socket(AF_INET, SOCK_STREAM, 0);
    socklen_t len = sizeof *addr;
    memset(addr, 0, sizeof *addr);
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (l < 0 || bind(l, (struct sockaddr *) addr, sizeof *addr) || listen(l, 128)
        || getsockname(l, (struct sockaddr *) addr, &len)) die("listener");
    return l;
}

static void pair(const char *transport, int fd[2]) {
    if (strcmp(transport, "unix") == 0) {
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, fd)) die("socketpair");
        return;
    }
    struct sockaddr_in addr;
    int l = listener(&addr), one = 1;
    fd[0] = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd[0], (struct sockaddr *) &addr, sizeof addr)) die("connect");
    if ((fd[1] = accept(l, NULL, NULL)) < 0) die("accept");
    close(l);
    setsockopt(fd[0], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(fd[1], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

static void sendall(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t k = send(fd, p, n, 0);
        if (k < 0) { if (errno == EINTR) continue; die("send"); }
        p += k; n -= (size_t) k;
    }
}

/* One operation of the workload; state set up by main. */
static int kind, nfds, fds[4096], ep, lsock, pp[2];
static struct sockaddr_in laddr;
static char msg[64], big[CHUNK];
static struct pollfd pfds[4096];
static long sink;
enum { PERCALL, PINGPONG, BULK, SELECT, POLL, EPOLL, CONNECT };

static void op(void) {
    switch (kind) {
    case PERCALL: {
        int v; socklen_t len = sizeof v;
        if (getsockopt(pp[0], SOL_SOCKET, SO_RCVBUF, &v, &len)) die("getsockopt");
        sink += v;
        break;
    }
    case PINGPONG: {
        sendall(pp[0], msg, sizeof msg);
        size_t got = 0;
        while (got < sizeof msg) {
            ssize_t k = recv(pp[1], msg + got, sizeof msg - got, 0);
            if (k <= 0) die("recv");
            got += (size_t) k;
        }
        break;
    }
    case BULK:
        sendall(pp[0], big, CHUNK);
        break;
    case SELECT: {
        fd_set r;
        FD_ZERO(&r);
        int max = 0;
        for (int i = 0; i < nfds; i++) { FD_SET(fds[i], &r); if (fds[i] > max) max = fds[i]; }
        struct timeval tv = {0, 0};
        int n = select(max + 1, &r, NULL, NULL, &tv);
        if (n != 1) die("select");
        for (int i = 0; i < nfds; i++) if (FD_ISSET(fds[i], &r)) sink += fds[i];
        break;
    }
    case POLL: {
        int n = poll(pfds, (nfds_t) nfds, 0);
        if (n != 1) die("poll");
        for (int i = 0; i < nfds; i++) if (pfds[i].revents) sink += pfds[i].fd;
        break;
    }
    case EPOLL: {
        struct epoll_event ev[4096];
        int n = epoll_wait(ep, ev, nfds, 0);
        if (n != 1) die("epoll_wait");
        for (int i = 0; i < n; i++) sink += ev[i].data.fd;
        break;
    }
    case CONNECT: {
        struct linger lg = {1, 0};
        int c = socket(AF_INET, SOCK_STREAM, 0);
        if (c < 0) die("socket");
        setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        if (connect(c, (struct sockaddr *) &laddr, sizeof laddr)) die("connect");
        int s = accept(lsock, NULL, NULL);
        if (s < 0) die("accept");
        close(c);
        close(s);
        break;
    }
    }
}

static void *drain(void *arg) {
    static char buf[CHUNK];
    (void) arg;
    while (recv(pp[1], buf, CHUNK, 0) > 0) {}
    return NULL;
}

/* Runs op() for about ms milliseconds (or exactly count times if count > 0); ns per op. */
static double run(double ms, long count) {
    long done = 0;
    double t0 = now_ns(), end = t0 + ms * 1e6, t;
    do {
        long batch = count > 0 ? count : 64;
        for (long i = 0; i < batch; i++) op();
        done += batch;
        t = now_ns();
    } while (count <= 0 && t < end);
    return (t - t0) / (double) done;
}

int main(int argc, char **argv) {
    double ms = 1000;
    int a = 1;
    pthread_t th;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (strcmp(argv[a], "--idle-thread") == 0) {
            if (pthread_create(&th, NULL, idle, NULL)) die("pthread_create");
        } else if (strcmp(argv[a], "--ms") == 0 && a + 1 < argc) {
            ms = atof(argv[++a]);
        } else {
            fprintf(stderr, "unknown option %s\n", argv[a]);
            return 2;
        }
    }
    if (a >= argc) { fprintf(stderr, "usage: sockbench [--idle-thread] [--ms T] WORKLOAD [ARG]\n"); return 2; }
    const char *w = argv[a], *arg = a + 1 < argc ? argv[a + 1] : "";
    long count = 0;
    if (strcmp(w, "percall") == 0) {
        kind = PERCALL;
        pair("tcp", pp);
    } else if (strcmp(w, "pingpong") == 0) {
        kind = PINGPONG;
        pair(arg, pp);
    } else if (strcmp(w, "bulk") == 0) {
        kind = BULK;
        pair("tcp", pp);
        if (pthread_create(&th, NULL, drain, NULL)) die("pthread_create");
        count = atol(arg) / CHUNK;
    } else if (!strcmp(w, "select") || !strcmp(w, "poll") || !strcmp(w, "epoll")) {
        kind = !strcmp(w, "select") ? SELECT : !strcmp(w, "poll") ? POLL : EPOLL;
        nfds = atoi(arg);
        if (nfds < 2 || nfds > 4096 || nfds % 2) { fprintf(stderr, "N: an even number 2..4096\n"); return 2; }
        ep = epoll_create1(0);
        for (int i = 0; i < nfds; i += 2) {  /* both ends of N/2 pairs are watched */
            if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds + i)) die("socketpair");
        }
        for (int i = 0; i < nfds; i++) {
            struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[i]};
            if (epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev)) die("epoll_ctl");
            pfds[i].fd = fds[i];
            pfds[i].events = POLLIN;
        }
        if (kind == SELECT && fds[nfds - 1] >= FD_SETSIZE) { fprintf(stderr, "fd past FD_SETSIZE\n"); return 2; }
        sendall(fds[nfds - 1], "x", 1);  /* its peer, fds[nfds - 2], is the one ready */
    } else if (strcmp(w, "connect") == 0) {
        kind = CONNECT;
        lsock = listener(&laddr);
    } else {
        fprintf(stderr, "unknown workload %s\n", w);
        return 2;
    }
    double ns;
    if (count > 0) {
        run(0, count / 8 > 0 ? count / 8 : 1);
        ns = run(0, count);
    } else {
        run(ms / 4, 0);
        ns = run(ms, 0);
    }
    printf("%.1f\n", ns);
    return sink == 42 ? 1 : 0;  /* keeps sink alive */
}
