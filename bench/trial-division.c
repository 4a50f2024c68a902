/* Counts primes in [from, to] by trial division over the 6k +- 1 wheel, the C reference for TrialDivisionKernel. */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Whether n >= 5, coprime to 6, is prime; 32-bit division as the Java kernel's int path. */
static int is_wheel_prime32(uint32_t n) {
    uint32_t limit = (uint32_t) sqrt((double) n);
    for (uint32_t d = 5; d <= limit; d += 6) {
        if (n % d == 0 || n % (d + 2) == 0) {
            return 0;
        }
    }
    return 1;
}

/* The same test in 64-bit arithmetic for n beyond 2^31 - 1, as the Java kernel's long path. */
static int is_wheel_prime64(uint64_t n) {
    uint64_t limit = (uint64_t) sqrtl((long double) n);
    while (limit * limit > n) {
        limit--;
    }
    while ((limit + 1) * (limit + 1) <= n) {
        limit++;
    }
    for (uint64_t d = 5; d <= limit; d += 6) {
        if (n % d == 0 || n % (d + 2) == 0) {
            return 0;
        }
    }
    return 1;
}

static int is_wheel_prime(uint64_t n) {
    return n <= INT32_MAX ? is_wheel_prime32((uint32_t) n) : is_wheel_prime64(n);
}

static uint64_t count_primes(uint64_t from, uint64_t to) {
    uint64_t count = 0;
    if (from <= 2 && 2 <= to) {
        count++;
    }
    if (from <= 3 && 3 <= to) {
        count++;
    }
    uint64_t lo = from > 5 ? from : 5;
    for (uint64_t k = (lo + 1) / 6; 6 * k - 1 <= to; k++) {
        uint64_t below = 6 * k - 1;
        uint64_t above = below + 2;
        if (below >= lo && is_wheel_prime(below)) {
            count++;
        }
        if (above >= lo && above <= to && is_wheel_prime(above)) {
            count++;
        }
    }
    return count;
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Usage: trial-division FROM TO [RUNS]; prints the count and the best and median of RUNS timed runs. */
int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s FROM TO [RUNS]\n", argv[0]);
        return 2;
    }
    uint64_t from = strtoull(argv[1], NULL, 10);
    uint64_t to = strtoull(argv[2], NULL, 10);
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    if (runs < 1 || runs > 100 || from > to) {
        fprintf(stderr, "need FROM <= TO and 1 <= RUNS <= 100\n");
        return 2;
    }
    double times[100];
    uint64_t count = 0;
    for (int i = 0; i < runs; i++) {
        double start = now_seconds();
        count = count_primes(from, to);
        times[i] = now_seconds() - start;
    }
    for (int i = 1; i < runs; i++) {
        for (int j = i; j > 0 && times[j - 1] > times[j]; j--) {
            double swap = times[j];
            times[j] = times[j - 1];
            times[j - 1] = swap;
        }
    }
    printf("c [%" PRIu64 ", %" PRIu64 "] count=%" PRIu64 " best=%.4f s median=%.4f s runs=%d\n",
           from, to, count, times[0], times[runs / 2], runs);
    return 0;
}
