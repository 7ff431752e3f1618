// SPDX-License-Identifier: GPL-2.0
// Physically contiguous runs of a 1 GiB 4K mlock() at 1 and at N threads.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SIZE (1UL << 30)

static void set_threads(const char *n)
{
	int fd = open("/proc/sys/vm/populate_max_threads", O_WRONLY);

	if (fd < 0 || write(fd, n, strlen(n)) < 0)
		perror("populate_max_threads");
	close(fd);
}

static void one(const char *threads)
{
	size_t n = SIZE / 4096, i, runs = 1, longest = 1, cur = 1;
	char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint64_t *pm = malloc(n * 8);
	int fd = open("/proc/self/pagemap", O_RDONLY);

	set_threads(threads);
	madvise(p, SIZE, MADV_NOHUGEPAGE);
	if (mlock(p, SIZE))
		perror("mlock");
	if (pread(fd, pm, n * 8, (uintptr_t)p / 4096 * 8) != (ssize_t)(n * 8))
		perror("pagemap");
	for (i = 1; i < n; i++) {
		uint64_t a = pm[i - 1] & ((1ULL << 55) - 1);
		uint64_t b = pm[i] & ((1ULL << 55) - 1);

		if (b == a + 1) {
			cur++;
		} else {
			runs++;
			cur = 1;
		}
		if (cur > longest)
			longest = cur;
	}
	printf("threads %s: %zu pages in %zu physically contiguous runs (mean %.1f pages, longest %zu)\n",
	       threads, n, runs, (double)n / runs, longest);
	close(fd);
	free(pm);
	munmap(p, SIZE);
}

/* pfn_runs [THREADS...]: one mlock() at each, in order (default: 1 2 1 2). */
int main(int argc, char **argv)
{
	static char *def[] = { "1", "2", "1", "2" };
	char **t = argc > 1 ? argv + 1 : def;
	int n = argc > 1 ? argc - 1 : 4;

	for (int i = 0; i < n; i++)
		one(t[i]);
	set_threads("16");
	return 0;
}
