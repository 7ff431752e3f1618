// SPDX-License-Identifier: GPL-2.0
// Does mremap() of part of a private hugetlb mapping leak reservations?
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HP (2UL << 20)

static long rsvd(void)
{
	char line[128];
	long v = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "HugePages_Rsvd: %ld", &v) == 1)
			break;
	fclose(f);
	return v;
}

static void one(int touch, int aligned)
{
	size_t len = 40 * HP, cut = 20 * HP, off = HP;
	char *buf = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
	char *to = mmap(NULL, cut + HP, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *dst, *r;
	long before;

	if (buf == MAP_FAILED || to == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	dst = aligned ? (char *)(((unsigned long)to + HP - 1) & ~(HP - 1)) : to + 4096;
	before = rsvd();
	if (touch)
		for (size_t i = 0; i < len / 2; i += HP)
			buf[i] = 1;
	r = mremap(buf + off, cut, cut, MREMAP_MAYMOVE | MREMAP_FIXED, dst);
	printf("touch %d aligned %d: rsvd after mmap %ld, mremap %s, rsvd now %ld",
	       touch, aligned, before, r == MAP_FAILED ? "failed" : "ok", rsvd());
	munmap(buf, len);
	munmap(to, cut + HP);
	printf(", after munmap %ld\n", rsvd());
}

int main(void)
{
	one(0, 1);
	one(1, 1);
	one(0, 0);
	one(1, 0);
	return 0;
}
