package availability

import "time"

// Compute works on offsets: nanoseconds from the period's start, clipped to
// [0, T]. The sweep unites the intervals of each class, then lets the higher
// classes take their time from the lower ones, in O(n log n) for n intervals.

// sweep collects intervals per class as start and end offsets, and the
// monitored intervals under ClassUp.
type sweep struct {
	starts, ends [numClass][]int64
}

// add records [from, to) for class c; ClassUp records a monitored interval.
func (s *sweep) add(c Class, from, to int64) {
	if from < to {
		s.starts[c] = append(s.starts[c], from)
		s.ends[c] = append(s.ends[c], to)
	}
}

// span is a maximal stretch of one class other than ClassUp, in offsets.
type span struct {
	from, to int64
	class    Class
}

// run returns the maximal spans of downtime and unknown time in [0, total),
// in time order, each with the highest class present: the union of each
// class, less the time taken by the classes above it. With full coverage
// every other instant is up; otherwise time outside the monitored intervals
// (ClassUp) and outside every downtime is unknown. It also returns the
// monitored time.
func (s *sweep) run(total int64, full bool) ([]span, int64) {
	var union [numClass][]span
	for c := range numClass {
		sortOffsets(s.starts[c])
		sortOffsets(s.ends[c])
		union[c] = unite(Class(c), s.starts[c], s.ends[c])
	}
	planned := union[ClassPlanned]
	excluded := minus(union[ClassExcluded], planned)
	unplanned := minus(minus(union[ClassUnplanned], planned), excluded)
	monitored := total
	var unknown []span
	if !full {
		monitored = 0
		for _, sp := range union[ClassUp] {
			monitored += sp.to - sp.from
		}
		if total > 0 {
			gaps := minus([]span{{0, total, ClassUnknown}}, union[ClassUp])
			unknown = minus(minus(minus(gaps, planned), excluded), unplanned)
		}
	}

	// Merge the disjoint sorted lists by start.
	lists := [...][]span{planned, excluded, unplanned, unknown}
	out := make([]span, 0, len(planned)+len(excluded)+len(unplanned)+len(unknown))
	for {
		next := -1
		for i, l := range lists {
			if len(l) > 0 && (next < 0 || l[0].from < lists[next][0].from) {
				next = i
			}
		}
		if next < 0 {
			return out, monitored
		}
		out = append(out, lists[next][0])
		lists[next] = lists[next][1:]
	}
}

// unite returns the union of the intervals [starts[i], ends[i]) as maximal
// disjoint spans, in order; intervals that touch are joined. Both slices are
// sorted, of equal length, and each interval is non-empty, so the k-th
// smallest end is never before the k-th smallest start.
func unite(c Class, starts, ends []int64) []span {
	var out []span
	active, j := 0, 0
	var from int64
	for _, st := range starts {
		for ; ends[j] < st; j++ { // an interval closes before the next opens
			if active--; active == 0 {
				out = append(out, span{from, ends[j], c})
			}
		}
		if active == 0 {
			from = st
		}
		active++
	}
	if active > 0 {
		out = append(out, span{from, ends[len(ends)-1], c})
	}
	return out
}

// minus returns the parts of the spans a not covered by the spans b; both are
// sorted and disjoint.
func minus(a, b []span) []span {
	if len(b) == 0 {
		return a
	}
	out := make([]span, 0, len(a))
	j := 0
	for _, x := range a {
		from := x.from
		for j < len(b) && b[j].to <= from {
			j++
		}
		for k := j; k < len(b) && b[k].from < x.to; k++ {
			if b[k].from > from {
				out = append(out, span{from, b[k].from, x.class})
			}
			from = max(from, b[k].to)
		}
		if from < x.to {
			out = append(out, span{from, x.to, x.class})
		}
	}
	return out
}

// cumulate returns, for each i, the time of each class in spans[:i].
func cumulate(spans []span) [][numClass]int64 {
	cum := make([][numClass]int64, len(spans)+1)
	for i, sp := range spans {
		cum[i+1] = cum[i]
		cum[i+1][sp.class] += sp.to - sp.from
	}
	return cum
}

// before returns the time of each class in [0, x).
func before(spans []span, cum [][numClass]int64, x int64) [numClass]int64 {
	i, j := 0, len(spans) // first span ending after x
	for i < j {
		if m := int(uint(i+j) >> 1); spans[m].to > x {
			j = m
		} else {
			i = m + 1
		}
	}
	r := cum[i]
	if i < len(spans) && spans[i].from < x {
		r[spans[i].class] += x - spans[i].from
	}
	return r
}

// breakdown returns how the time in [from, to) was counted.
func breakdown(spans []span, cum [][numClass]int64, from, to int64) Breakdown {
	a, b := before(spans, cum, from), before(spans, cum, to)
	return Breakdown{
		Planned:   time.Duration(b[ClassPlanned] - a[ClassPlanned]),
		Excluded:  time.Duration(b[ClassExcluded] - a[ClassExcluded]),
		Unplanned: time.Duration(b[ClassUnplanned] - a[ClassUnplanned]),
	}
}
