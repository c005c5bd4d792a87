package sla

import (
	"cmp"
	"hash/maphash"
	"math"
	"slices"

	"github.com/slakit/slakit/internal/fault"
)

// idSet finds ticket IDs given twice, in any order. It keeps a 64-bit hash and
// a 32-bit index per ticket (12 bytes) and, for tickets that came from an
// iterator, the ID itself; duplicates are found at the end by sorting the
// hashes (a radix sort, which reads memory in order where a hash table of a
// million IDs would miss the cache on every ticket). Equal hashes are
// confirmed by comparing the IDs, so the answer is exact.
type idSet struct {
	seed   maphash.Seed
	hashes []uint64
	index  []uint32
	kept   []string // IDs of tickets from an iterator, by index − len(from)
	from   []Ticket // the tickets given as a slice, which hold their own IDs
}

// maxIDs is the most tickets idSet can tell apart.
const maxIDs = math.MaxUint32

func (s *idSet) add(i int, id string) {
	s.hashes = append(s.hashes, maphash.String(s.seed, id))
	s.index = append(s.index, uint32(i))
	if i >= len(s.from) {
		s.kept = append(s.kept, id)
	}
}

func (s *idSet) id(i int) string {
	if i < len(s.from) {
		return s.from[i].ID
	}
	return s.kept[i-len(s.from)]
}

// duplicates returns an error for each ticket whose ID an earlier ticket
// has, in the order of the tickets.
func (s *idSet) duplicates() []error {
	h, x := radixSort(s.hashes, s.index)
	type dup struct{ at, first int }
	var dups []dup
	for lo := 0; lo < len(h); {
		hi := lo + 1
		for hi < len(h) && h[hi] == h[lo] {
			hi++
		}
		for k := lo + 1; k < hi; k++ { // a run is one ID, but for a hash collision
			for j := lo; j < k; j++ {
				if s.id(int(x[j])) == s.id(int(x[k])) {
					dups = append(dups, dup{int(x[k]), int(x[j])})
					break
				}
			}
		}
		lo = hi
	}
	slices.SortFunc(dups, func(a, b dup) int { return cmp.Compare(a.at, b.at) })
	errs := make([]error, len(dups))
	for k, d := range dups {
		errs[k] = fault.Field(fault.Index("tickets", d.at)+".id", s.id(d.at), ErrDuplicate, "also "+fault.Index("tickets", d.first))
	}
	return errs
}

// radixSort sorts keys, carrying vals along, by a stable least-significant-
// digit radix sort of 16-bit digits: four sequential passes whatever n. It
// may reuse the slices given; equal keys keep their order.
func radixSort(keys []uint64, vals []uint32) ([]uint64, []uint32) {
	n := len(keys)
	if n < 256 {
		p := make([]int, n)
		for i := range p {
			p[i] = i
		}
		slices.SortStableFunc(p, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
		k2, v2 := make([]uint64, n), make([]uint32, n)
		for i, j := range p {
			k2[i], v2[i] = keys[j], vals[j]
		}
		return k2, v2
	}
	k2, v2 := make([]uint64, n), make([]uint32, n)
	var count [1 << 16]int
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count[:])
		for _, k := range keys {
			count[(k>>shift)&0xffff]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for i, k := range keys {
			d := (k >> shift) & 0xffff
			k2[count[d]], v2[count[d]] = k, vals[i]
			count[d]++
		}
		keys, k2 = k2, keys
		vals, v2 = v2, vals
	}
	return keys, vals
}
