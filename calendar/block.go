package calendar

import "time"

const nsPerSec = int64(time.Second)

// block holds the open intervals of one local year: the instants from local
// 1 January 00:00 (start) up to the next 1 January 00:00 (end), as seconds from
// start. Opening ranges are whole minutes of wall time and zone offsets whole
// seconds, so seconds are exact; callers add the nanoseconds of their inputs.
type block struct {
	year       int
	start, end int64   // Unix seconds
	from, to   []int32 // open intervals, sorted, disjoint, not touching
	cum        []int32 // cum[i] = open seconds before interval i; cum[len(from)] = total
	// The open days whose first open instant lies in this year, in date
	// order: open seconds before the day's first instant, how long the day
	// is open (its own ranges, never counted twice), and its close: seconds
	// from start to the end of its last range, or of an earlier day's range
	// that runs later (a running maximum, so closes never go back).
	dayF, dayLen, dayEnd []int32
	// byDay[k] is the number of intervals starting before k×86400 seconds
	// from start: it narrows a search to the few intervals of one day.
	byDay []int32
}

func (b *block) total() int64 { return int64(b.cum[len(b.cum)-1]) }

// size returns the bytes the block holds, for the cache's budget.
func (b *block) size() int {
	return 128 + 4*(len(b.from)+len(b.to)+len(b.cum)+len(b.dayF)+len(b.dayLen)+len(b.dayEnd)+len(b.byDay))
}

// span returns the block's length in nanoseconds.
func (b *block) span() int64 { return (b.end - b.start) * nsPerSec }

// open returns the open time before offset x (ns from start, 0 ≤ x ≤ span) and
// whether x itself is open.
func (b *block) open(x int64) (int64, bool) {
	xs := int32(x / nsPerSec)
	// i = number of intervals starting at or before xs, found among the
	// intervals of xs's day.
	k := int(xs / 86400)
	i, hi := int(b.byDay[k]), int(b.byDay[k+1])
	for i < hi && b.from[i] <= xs {
		i++
	}
	i--
	if i < 0 {
		return 0, false
	}
	in := x - int64(b.from[i])*nsPerSec
	length := int64(b.to[i]-b.from[i]) * nsPerSec
	if in >= length {
		return int64(b.cum[i+1]) * nsPerSec, false
	}
	return int64(b.cum[i])*nsPerSec + in, true
}

// earliest returns the earliest offset at which c ns of open time have elapsed
// since start; 0 < c ≤ total.
func (b *block) earliest(c int64) int64 {
	cs := int32((c + nsPerSec - 1) / nsPerSec) // cum[j] ≥ cs ⇔ cum[j]·1e9 ≥ c
	// first interval i whose end cumulative cum[i+1] reaches cs
	lo, hi := 0, len(b.from)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if b.cum[m+1] < cs {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return int64(b.from[lo])*nsPerSec + c - int64(b.cum[lo])*nsPerSec
}

// latest returns the latest offset at which exactly c ns of open time have
// elapsed since start; 0 ≤ c < total.
func (b *block) latest(c int64) int64 {
	cs := int32(c / nsPerSec) // cum[j] > cs ⇔ cum[j]·1e9 > c
	// first interval i whose end cumulative cum[i+1] passes cs
	lo, hi := 0, len(b.from)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if b.cum[m+1] <= cs {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return int64(b.from[lo])*nsPerSec + c - int64(b.cum[lo])*nsPerSec
}

// after returns the first interval whose end is after offset x: the one that
// contains x or follows it; len(b.to) when there is none.
func (b *block) after(x int64) int {
	lo, hi := 0, len(b.to)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int64(b.to[m])*nsPerSec <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// next returns the first open offset ≥ x in the block, or false.
func (b *block) next(x int64) (int64, bool) {
	i := b.after(x)
	if i == len(b.to) {
		return 0, false
	}
	return max(x, int64(b.from[i])*nsPerSec), true
}

// prev returns the last offset ≤ x (x > 0) with open time just before it: x
// itself inside or at the end of an interval, else the end of the interval
// before; false when no interval starts before x.
func (b *block) prev(x int64) (int64, bool) {
	i := b.after(x - 1) // the first interval ending at or after x
	if i < len(b.from) && int64(b.from[i])*nsPerSec < x {
		return x, true
	}
	if i == 0 {
		return 0, false
	}
	return int64(b.to[i-1]) * nsPerSec, true
}

// time converts an offset to a time in loc.
func (b *block) time(x int64, loc *time.Location) time.Time {
	return time.Unix(b.start+x/nsPerSec, x%nsPerSec).In(loc)
}
