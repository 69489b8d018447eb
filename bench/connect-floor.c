/*
 * connect-floor: how fast can the kernel alone answer a TCP connect scan of 127.0.0.1, ports
 * 1-65535? The lower bound for any connect scanner on this machine (see README, Benchmarks, S1).
 *
 *   gcc -O2 -pthread -o /tmp/connect-floor bench/connect-floor.c
 *   sudo ip netns add vb-floor && sudo ip -n vb-floor link set lo up
 *   sudo ip netns exec vb-floor /tmp/connect-floor THREADS fresh|reuse
 *   sudo ip netns del vb-floor
 *
 * fresh: a new non-blocking socket per port, closed after the answer (what nmap -sT and Java's
 *        NIO do: socket, connect, wait, close).
 * reuse: a socket whose connect was refused carries the next port; a second connect() reads the
 *        verdict and readies the socket (what Vantage's native lanes do).
 * Ports are split between THREADS threads (1-8). Only loopback inside the namespace is touched.
 * Prints the wall time and how many ports answered open, refused, or otherwise ("open" also
 * counts the rare connect to the socket's own port, which the scanners recognise and retry).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int threads, reuse;
static long counts[8][3];   /* open, refused, other */

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int fresh_socket(void) { return socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0); }

/* Returns 0 (connected), or the errno of the verdict. Waits at most 1 s for an answer. */
static int attempt(int s, int port) {
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(s, (void *) &a, sizeof a) == 0) return 0;
    if (errno != EINPROGRESS) return errno;
    for (int tries = 0; tries < 1000; tries++) {
        if (connect(s, (void *) &a, sizeof a) == 0) return 0;
        if (errno == EISCONN) return 0;
        if (errno != EALREADY && errno != EINPROGRESS) return errno;
        struct pollfd p = {s, POLLOUT, 0};
        poll(&p, 1, 1);
    }
    return ETIMEDOUT;
}

static void *run(void *arg) {
    long id = (long) arg;
    int s = fresh_socket();
    for (int port = 1 + id; port <= 65535; port += threads) {
        if (s < 0) { counts[id][2]++; s = fresh_socket(); continue; }
        int r = attempt(s, port);
        int slot = r == 0 ? 0 : r == ECONNREFUSED ? 1 : 2;
        counts[id][slot]++;
        if (!(reuse && slot == 1)) {
            if (r == 0) {
                struct linger l = {1, 0};   /* end with a reset, as the scanners do */
                setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            }
            close(s);
            s = fresh_socket();
        }
    }
    if (s >= 0) close(s);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3 || (threads = atoi(argv[1])) < 1 || threads > 8
            || (strcmp(argv[2], "fresh") && strcmp(argv[2], "reuse"))) {
        fprintf(stderr, "usage: connect-floor THREADS(1-8) fresh|reuse\n");
        return 2;
    }
    reuse = strcmp(argv[2], "reuse") == 0;
    pthread_t t[8];
    double start = now();
    for (long i = 0; i < threads; i++) pthread_create(&t[i], NULL, run, (void *) i);
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    long o = 0, c = 0, x = 0;
    for (int i = 0; i < threads; i++) { o += counts[i][0]; c += counts[i][1]; x += counts[i][2]; }
    printf("%d thread(s), %s sockets: %.3f s; open %ld, refused %ld, other %ld\n",
           threads, reuse ? "reused" : "fresh", now() - start, o, c, x);
    return 0;
}
