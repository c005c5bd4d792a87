package availability

import "slices"

// sortOffsets sorts non-negative int64 values in place. Large slices use a
// least-significant-digit radix sort, 11 bits per pass, skipping the passes
// where every value has the same digit; it is several times faster than a
// comparison sort on the millions of offsets a big Compute sorts.
func sortOffsets(a []int64) {
	const bits, buckets = 11, 1 << 11
	if len(a) < 1024 {
		slices.Sort(a)
		return
	}
	var hi int64
	for _, v := range a {
		hi = max(hi, v)
	}
	buf := make([]int64, len(a))
	src, dst := a, buf
	for shift := uint(0); shift < 63 && hi>>shift > 0; shift += bits {
		var count [buckets]int
		for _, v := range src {
			count[v>>shift&(buckets-1)]++
		}
		if count[hi>>shift&(buckets-1)] == len(src) {
			continue // one digit for all: nothing moves
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, v := range src {
			d := v >> shift & (buckets - 1)
			dst[count[d]] = v
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
}
