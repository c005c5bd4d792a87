package availability

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// checkSortOffsets: sortOffsets sorts like slices.Sort, for short and long
// slices and values of every magnitude.
func checkSortOffsets(t *rapid.T) {
	hi := rapid.Int64Range(0, 1<<63-1).Draw(t, "largest")
	n := rapid.SampledFrom([]int{0, 1, 5, 1023, 1024, 3000}).Draw(t, "length")
	seed := rapid.Uint64().Draw(t, "seed")
	a := make([]int64, n)
	for i := range a { // a cheap generator: rapid drawing thousands of values is slow
		seed = seed*6364136223846793005 + 1442695040888963407
		a[i] = int64(seed>>1) % (hi + 1)
		if hi == 1<<63-1 {
			a[i] = int64(seed >> 1)
		}
	}
	want := slices.Clone(a)
	slices.Sort(want)
	sortOffsets(a)
	if !slices.Equal(a, want) {
		t.Fatalf("sortOffsets differs from slices.Sort for %d values up to %d", n, hi)
	}
}

func TestSortOffsets(t *testing.T) { rapid.Check(t, checkSortOffsets) }
func FuzzSortOffsets(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkSortOffsets)) }
