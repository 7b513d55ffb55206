/*
 * tests/bench/delayproxy.c
 *   A slow link for the benchmarks (netem is not in every container): a
 *   TCP proxy on the loopback interface that holds every chunk it reads
 *   for a fixed delay before passing it on, in each direction, so a round
 *   trip through it costs 2 * delay more. One thread, poll(); the bytes
 *   pass untouched (TLS works through it).
 *
 *   delayproxy [-d MS] [-l LOG] [-p FILE] LISTEN_PORT TARGET_PORT
 *
 *   Listens on 127.0.0.1:LISTEN_PORT (0: a free port) and connects each
 *   client to 127.0.0.1:TARGET_PORT. -d is the one-way delay in
 *   milliseconds (default 15: 30 ms round trips). -p writes the port
 *   listened on to FILE once listening. -l appends a line to LOG for
 *   each chunk delivered: "SECONDS.MICROS CONN DIR BYTES" (CLOCK_REALTIME
 *   at delivery; DIR '>' to the server, '<' to the client), from which
 *   tests/bench/startup.sh counts round trips: a '<' line after a '>'
 *   line of the same connection is the end of one. Runs until SIGTERM or
 *   SIGINT.
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNS 64
#define CHUNK 65536

/* A chunk read from one side, due on the other at `due`; len 0 is the end
 * of the stream (shut the other side's writing down). */
struct chunk {
    struct chunk *next;
    long long due; /* microseconds, CLOCK_MONOTONIC */
    size_t len, off;
    char data[];
};

/* One direction of a connection: read from `from`, written to `to`. */
struct pipe_dir {
    int from, to;
    struct chunk *head, *tail;
    bool eof_read, eof_sent;
};

struct conn {
    bool used;
    int id;
    struct pipe_dir dir[2]; /* 0: client to server, 1: back */
};

static struct conn conns[MAX_CONNS];
static long long delay_us = 15000;
static FILE *log_fp;
static volatile sig_atomic_t stop;

static long long
now_us(clockid_t clock)
{
    struct timespec ts;

    clock_gettime(clock, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

static int
set_nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);

    return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static void
loopback(struct sockaddr_in *sa, int port)
{
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((unsigned short)port);
    sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

static int
listen_on(int port, int *bound)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof sa;
    int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    loopback(&sa, port);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
        listen(fd, 16) != 0 ||
        getsockname(fd, (struct sockaddr *)&sa, &len) != 0) {
        close(fd);
        return -1;
    }
    *bound = ntohs(sa.sin_port);
    return fd;
}

static int
connect_to(int port)
{
    struct sockaddr_in sa;
    int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    loopback(&sa, port);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static void
free_chunks(struct pipe_dir *d)
{
    while (d->head != NULL) {
        struct chunk *c = d->head;

        d->head = c->next;
        free(c);
    }
    d->tail = NULL;
}

static void
conn_close(struct conn *c)
{
    close(c->dir[0].from);
    close(c->dir[0].to);
    free_chunks(&c->dir[0]);
    free_chunks(&c->dir[1]);
    c->used = false;
}

static void
accept_one(int lfd, int target, int *next_id)
{
    int one = 1, cfd = accept(lfd, NULL, NULL), sfd;

    if (cfd < 0)
        return;
    setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sfd = connect_to(target);
    for (int i = 0; i < MAX_CONNS && sfd >= 0; i++) {
        struct conn *c = &conns[i];

        if (c->used)
            continue;
        if (set_nonblock(cfd) != 0 || set_nonblock(sfd) != 0)
            break;
        memset(c, 0, sizeof *c);
        c->used = true;
        c->id = ++*next_id;
        c->dir[0].from = cfd;
        c->dir[0].to = sfd;
        c->dir[1].from = sfd;
        c->dir[1].to = cfd;
        return;
    }
    fprintf(stderr, "delayproxy: connection dropped (%s)\n",
            sfd < 0 ? strerror(errno) : "too many connections");
    close(cfd);
    if (sfd >= 0)
        close(sfd);
}

/* Read what `from` has into a new chunk; -1 on an error. */
static int
read_side(struct pipe_dir *d)
{
    char buf[CHUNK];
    ssize_t n = read(d->from, buf, sizeof buf);
    struct chunk *c;

    if (n < 0)
        return errno == EAGAIN || errno == EINTR ? 0 : -1;
    c = malloc(sizeof *c + (size_t)n);
    if (c == NULL)
        return -1;
    c->next = NULL;
    c->due = now_us(CLOCK_MONOTONIC) + delay_us;
    c->len = (size_t)n;
    c->off = 0;
    memcpy(c->data, buf, (size_t)n);
    if (n == 0)
        d->eof_read = true;
    if (d->tail != NULL)
        d->tail->next = c;
    else
        d->head = c;
    d->tail = c;
    return 0;
}

static void
log_chunk(const struct conn *c, int which, size_t len)
{
    long long t;

    if (log_fp == NULL)
        return;
    t = now_us(CLOCK_REALTIME);
    fprintf(log_fp, "%lld.%06lld %d %c %zu\n", t / 1000000, t % 1000000, c->id,
            which == 0 ? '>' : '<', len);
    fflush(log_fp);
}

/* Write the chunks that are due; -1 on an error. */
static int
write_due(struct conn *c, int which, long long now)
{
    struct pipe_dir *d = &c->dir[which];

    while (d->head != NULL && d->head->due <= now) {
        struct chunk *ch = d->head;
        ssize_t n;

        if (ch->len == 0) {
            shutdown(d->to, SHUT_WR);
            d->eof_sent = true;
        } else {
            n = write(d->to, ch->data + ch->off, ch->len - ch->off);
            if (n < 0)
                return errno == EAGAIN || errno == EINTR ? 0 : -1;
            ch->off += (size_t)n;
            if (ch->off < ch->len)
                return 0;
            log_chunk(c, which, ch->len);
        }
        d->head = ch->next;
        if (d->head == NULL)
            d->tail = NULL;
        free(ch);
    }
    return 0;
}

/* The poll timeout: until the earliest chunk not yet due is due, or -1
 * (a chunk already due waits for room: POLLOUT). */
static int
next_timeout(long long now)
{
    long long best = -1;

    for (int i = 0; i < MAX_CONNS; i++)
        for (int w = 0; conns[i].used && w < 2; w++) {
            const struct chunk *ch = conns[i].dir[w].head;

            if (ch != NULL && ch->due > now &&
                (best < 0 || ch->due - now < best))
                best = ch->due - now;
        }
    return best < 0 ? -1 : (int)((best + 999) / 1000);
}

/* Poll entries: the listener, then two per connection. */
static nfds_t
fill_poll(struct pollfd *pf, int lfd, int *owner, long long now)
{
    nfds_t n = 1;

    pf[0].fd = lfd;
    pf[0].events = POLLIN;
    for (int i = 0; i < MAX_CONNS; i++)
        for (int w = 0; conns[i].used && w < 2; w++) {
            const struct pipe_dir *d = &conns[i].dir[w];
            const struct chunk *h;

            pf[n].fd = d->from;
            pf[n].events = d->eof_read ? 0 : POLLIN;
            /* this socket is also where the other direction writes: a
             * chunk due there waits for room */
            h = conns[i].dir[1 - w].head;
            if (h != NULL && h->due <= now)
                pf[n].events |= POLLOUT;
            owner[n] = i * 2 + w;
            n++;
        }
    return n;
}

static void
serve(int lfd, int target)
{
    struct pollfd pf[1 + 2 * MAX_CONNS];
    int owner[1 + 2 * MAX_CONNS], next_id = 0;

    while (!stop) {
        long long now = now_us(CLOCK_MONOTONIC);
        nfds_t n = fill_poll(pf, lfd, owner, now);
        int timeout = next_timeout(now), rc;

        rc = poll(pf, n, timeout < 0 ? -1 : timeout);
        if (rc < 0 && errno != EINTR)
            break;
        if (rc > 0 && (pf[0].revents & POLLIN))
            accept_one(lfd, target, &next_id);
        for (nfds_t k = 1; rc > 0 && k < n; k++) {
            struct conn *c = &conns[owner[k] / 2];

            if (c->used && !c->dir[owner[k] % 2].eof_read &&
                (pf[k].revents & (POLLIN | POLLHUP | POLLERR)) &&
                read_side(&c->dir[owner[k] % 2]) != 0)
                conn_close(c);
        }
        now = now_us(CLOCK_MONOTONIC);
        for (int i = 0; i < MAX_CONNS; i++) {
            struct conn *c = &conns[i];

            if (c->used &&
                (write_due(c, 0, now) != 0 || write_due(c, 1, now) != 0 ||
                 (c->dir[0].eof_sent && c->dir[1].eof_sent)))
                conn_close(c);
        }
    }
}

static int
usage(void)
{
    fprintf(stderr, "usage: delayproxy [-d MS] [-l LOG] [-p PORTFILE] "
                    "LISTEN_PORT TARGET_PORT\n");
    return 2;
}

static int
write_port(const char *path, int port)
{
    FILE *f = fopen(path, "w");

    if (f == NULL)
        return -1;
    fprintf(f, "%d\n", port);
    return fclose(f);
}

int
main(int argc, char **argv)
{
    const char *portfile = NULL;
    int opt, lfd, bound;
    struct sigaction sa;

    while ((opt = getopt(argc, argv, "d:l:p:")) != -1) {
        if (opt == 'd')
            delay_us = atoll(optarg) * 1000;
        else if (opt == 'l' && (log_fp = fopen(optarg, "a")) == NULL)
            return perror(optarg), 2;
        else if (opt == 'p')
            portfile = optarg;
        else if (opt != 'l')
            return usage();
    }
    if (argc - optind != 2 || delay_us < 0)
        return usage();
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    lfd = listen_on(atoi(argv[optind]), &bound);
    if (lfd < 0 || set_nonblock(lfd) != 0)
        return perror("delayproxy: listen"), 2;
    if (portfile != NULL && write_port(portfile, bound) != 0)
        return perror(portfile), 2;
    serve(lfd, atoi(argv[optind + 1]));
    for (int i = 0; i < MAX_CONNS; i++)
        if (conns[i].used)
            conn_close(&conns[i]);
    close(lfd);
    if (log_fp != NULL)
        fclose(log_fp);
    return 0;
}
