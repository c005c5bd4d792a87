package calendar

import (
	"cmp"
	"math"
	"slices"
	"time"
)

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
	dayF       []int32 // open days starting in this year: open seconds before the day's first instant
	dayLen     []int32 // and how long each is open
	// byDay[k] is the number of intervals starting before k×86400 seconds
	// from start: it narrows a search to the few intervals of one day.
	byDay []int32
}

func (b *block) total() int64 { return int64(b.cum[len(b.cum)-1]) }

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

// time converts an offset to a time in loc.
func (b *block) time(x int64, loc *time.Location) time.Time {
	return time.Unix(b.start+x/nsPerSec, x%nsPerSec).In(loc)
}

// segment is a stretch of instants [from, to) (Unix seconds) with one UTC offset.
type segment struct{ from, to, offset int64 }

// segments lists the zone offsets in force from lo to hi (Unix seconds), merging
// neighbours with the same offset.
func segments(loc *time.Location, lo, hi int64) []segment {
	var out []segment
	for cur := lo; cur < hi; {
		t := time.Unix(cur, 0).In(loc)
		_, e := t.ZoneBounds()
		_, off := t.Zone()
		next := hi
		if !e.IsZero() && e.Unix() < hi {
			next = e.Unix()
		}
		if next <= cur {
			// Beyond its table a zone follows a rule, and ZoneBounds can then
			// report the instant asked about as the end. Step a day instead,
			// and bisect if the offset changed within it.
			next = min(cur+86400, hi)
			if offsetAt(loc, next-1) != off {
				l, u := cur, next-1 // offset(l) = off, offset(u) ≠ off
				for u-l > 1 {
					m := l + (u-l)/2
					if offsetAt(loc, m) == off {
						l = m
					} else {
						u = m
					}
				}
				next = u
			}
		}
		if n := len(out); n > 0 && out[n-1].offset == int64(off) {
			out[n-1].to = next
		} else {
			out = append(out, segment{from: cur, to: next, offset: int64(off)})
		}
		cur = next
	}
	out[0].from = math.MinInt64 / 2 // the first and last offsets hold beyond the margin
	out[len(out)-1].to = math.MaxInt64 / 2
	return out
}

func offsetAt(loc *time.Location, sec int64) int {
	_, off := time.Unix(sec, 0).In(loc).Zone()
	return off
}

// buildBlock computes the open intervals of local year y. Days run from
// 31 December of y−1 (whose overnight ranges reach into y) to 31 December of y.
func (c *Calendar) buildBlock(y int) *block {
	b := &block{
		year:  y,
		start: time.Date(y, time.January, 1, 0, 0, 0, 0, c.loc).Unix(),
		end:   time.Date(y+1, time.January, 1, 0, 0, 0, 0, c.loc).Unix(),
	}
	const margin = 3 * 86400
	segs := segments(c.loc, b.start-margin, b.end+margin)
	first := civilDay(y-1, time.December, 31)
	last := civilDay(y, time.December, 31)
	var closed [368]bool // by day from first
	for _, d := range c.closedDays(y) {
		if d >= first && d <= last {
			closed[d-first] = true
		}
	}
	perDay := 0
	for _, spans := range c.week {
		perDay = max(perDay, len(spans))
	}
	capacity := int(last-first+1) * (perDay + 1) // one more for a DST split
	pieces := make([]piece, 0, capacity)
	minOff, maxOff := segs[0].offset, segs[0].offset
	for _, sg := range segs {
		minOff, maxOff = min(minOff, sg.offset), max(maxOff, sg.offset)
	}
	si := 0 // first segment that can still matter
	type dayInfo struct{ first, length int64 }
	days := make([]dayInfo, 0, last-first+1)
	for d := first; d <= last; d++ {
		if closed[d-first] {
			continue
		}
		wd := time.Weekday((d%7 + 7 + 4) % 7) // 1970-01-01 was a Thursday
		spans := c.week[wd]
		if len(spans) == 0 {
			continue
		}
		di := dayInfo{first: -1}
		for si < len(segs)-1 && segs[si].to <= d*86400-maxOff {
			si++ // segments that end before this day's wall time can reach
		}
		for _, sp := range spans {
			w1 := d*86400 + int64(sp.start)*60
			w2 := d*86400 + int64(sp.end)*60
			for _, sg := range segs[si:] {
				f := max(w1-sg.offset, sg.from)
				t := min(w2-sg.offset, sg.to)
				if sg.from >= w2-minOff {
					break // this and later segments start after the range
				}
				if f >= t {
					continue
				}
				if di.first < 0 || f < di.first {
					di.first = f
				}
				di.length += t - f
				f, t = max(f, b.start), min(t, b.end)
				if f < t {
					pieces = append(pieces, piece{f - b.start, t - b.start})
				}
			}
		}
		if di.length > 0 && di.first >= b.start && di.first < b.end {
			days = append(days, di)
		}
	}
	if !slices.IsSortedFunc(pieces, comparePieces) { // only where a DST change interleaves ranges
		slices.SortFunc(pieces, comparePieces)
	}
	b.from = make([]int32, 0, len(pieces))
	b.to = make([]int32, 0, len(pieces))
	b.cum = make([]int32, 1, len(pieces)+1)
	for _, p := range pieces {
		n := len(b.from)
		if n > 0 && int64(b.to[n-1]) >= p.from { // touching or overlapping: merge
			b.to[n-1] = max(b.to[n-1], int32(p.to))
			continue
		}
		b.from = append(b.from, int32(p.from))
		b.to = append(b.to, int32(p.to))
	}
	var sum int32
	for i := range b.from {
		sum += b.to[i] - b.from[i]
		b.cum = append(b.cum, sum)
	}
	nDays := int((b.end-b.start)/86400) + 2
	b.byDay = make([]int32, nDays+1)
	for k, i := 0, 0; k <= nDays; k++ {
		for i < len(b.from) && int64(b.from[i]) < int64(k)*86400 {
			i++
		}
		b.byDay[k] = int32(i)
	}
	b.dayF = make([]int32, 0, len(days))
	b.dayLen = make([]int32, 0, len(days))
	i, prev := 0, int32(-1) // days come in order: walk the intervals once
	for _, d := range days {
		x := int32(d.first - b.start)
		if x < prev {
			i = 0 // a DST change put a day's start before the previous day's
		}
		prev = x
		for i < len(b.from) && b.to[i] <= x {
			i++
		}
		f := b.cum[i]
		if i < len(b.from) && b.from[i] < x {
			f += x - b.from[i]
		}
		b.dayF = append(b.dayF, f)
		b.dayLen = append(b.dayLen, int32(d.length))
	}
	return b
}

// piece is an open stretch of one day's range, in seconds from a block's start.
type piece struct{ from, to int64 }

func comparePieces(p, q piece) int { return cmp.Compare(p.from, q.from) }

// closedDays returns the sorted civil days closed around year y: holidays'
// actual and observed dates (an observed date can cross a year boundary, so the
// neighbouring years are computed too) and the extra closed dates.
func (c *Calendar) closedDays(y int) []int64 {
	var out []int64
	for _, h := range c.rules {
		for yy := y - 1; yy <= y+1; yy++ {
			actual, observed := h.Calc(yy)
			if actual.IsZero() {
				continue
			}
			out = append(out,
				civilDay(actual.Date()),
				civilDay(observed.Date()))
		}
	}
	lo := civilDay(y-1, time.December, 1)
	hi := civilDay(y+1, time.January, 31)
	i, _ := slices.BinarySearch(c.closed, lo)
	for ; i < len(c.closed) && c.closed[i] <= hi; i++ {
		out = append(out, c.closed[i])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// block returns the block of year y (minYear ≤ y ≤ maxYear), from the cache or
// freshly built. Two goroutines may build the same year at once; both results
// are identical, so whichever is stored last is as good.
func (c *Calendar) block(y int) *block {
	slot := &c.blocks[y&(cacheSlots-1)]
	if b := slot.Load(); b != nil && b.year == y {
		return b
	}
	b := c.buildBlock(y)
	slot.Store(b)
	return b
}

// locate returns the block that holds t and t's offset in it in nanoseconds.
// Instants before minYear clamp to its start, after maxYear to its end.
func (c *Calendar) locate(t time.Time) (*block, int64) {
	sec := t.Unix()
	y := 1970 + int(floorDiv(sec, 31556952)) // mean Gregorian year; off by one at most
	y = min(max(y, minYear), maxYear)
	b := c.block(y)
	for sec < b.start && y > minYear {
		y--
		b = c.block(y)
	}
	for sec >= b.end && y < maxYear {
		y++
		b = c.block(y)
	}
	switch {
	case sec < b.start:
		return b, 0
	case sec >= b.end:
		return b, b.span()
	}
	return b, (sec-b.start)*nsPerSec + int64(t.Nanosecond())
}
