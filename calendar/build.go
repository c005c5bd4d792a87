package calendar

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// buildBlock computes the tables of local year y in four steps: the year's
// frame (its instants, dates and zone offsets), the hours in force on each
// date, the open pieces those hours give in real time, and the tables that
// answer queries.
func (c *compiled) buildBlock(y int) *block {
	f := newFrame(c.loc, y)
	var hours [maxFrameDays]int32
	c.hoursOf(&f, &hours)
	pieces, days := c.place(&f, &hours)
	return f.tables(pieces, days)
}

// maxFrameDays is the most dates a frame holds: 31 December of the year
// before (its overnight ranges reach into the year) and up to 366 dates.
const maxFrameDays = 367

// frame is a local year: from 1 January 00:00 (start) to the next 1 January
// 00:00 (end), its dates, and the zone offsets in force around it.
type frame struct {
	year           int
	start, end     int64 // Unix seconds
	first, last    int64 // civil days: 31 December of the year before, 31 December
	segs           []segment
	minOff, maxOff int64
}

func newFrame(loc *time.Location, y int) frame {
	f := frame{
		year:  y,
		start: time.Date(y, time.January, 1, 0, 0, 0, 0, loc).Unix(),
		end:   time.Date(y+1, time.January, 1, 0, 0, 0, 0, loc).Unix(),
		first: civilDay(y-1, time.December, 31),
		last:  civilDay(y, time.December, 31),
	}
	const margin = 3 * 86400
	f.segs = segments(loc, f.start-margin, f.end+margin)
	f.minOff, f.maxOff = f.segs[0].offset, f.segs[0].offset
	for _, sg := range f.segs {
		f.minOff, f.maxOff = min(f.minOff, sg.offset), max(f.maxOff, sg.offset)
	}
	return f
}

// The hours of a date, as an index: closed, a weekday's hours (time.Weekday),
// or an override (hoursDated + its index in dated, then the yearly ones).
const (
	hoursClosed = -1
	hoursDated  = 7
)

// spans returns the ranges an hours index stands for.
func (c *compiled) spans(h int32) []span {
	switch {
	case h == hoursClosed:
		return nil
	case h < hoursDated:
		return c.week[h]
	case int(h) < hoursDated+len(c.dated):
		return c.dated[h-hoursDated].spans
	}
	return c.yearly[int(h)-hoursDated-len(c.dated)].spans
}

// hoursOf sets the hours of each date of f, by increasing precedence (I18):
// the weekly hours, holidays, yearly closures and overrides, one-date
// closures and overrides. New refused a date both closed and overridden at
// the same precedence, so the order within a level does not matter.
func (c *compiled) hoursOf(f *frame, hours *[maxFrameDays]int32) {
	n := f.last - f.first + 1
	for i := range n {
		hours[i] = int32(weekday(f.first + i))
	}
	set := func(d int64, h int32) {
		if d >= f.first && d <= f.last {
			hours[d-f.first] = h
		}
	}
	for _, h := range c.rules {
		// Computed on a copy: some rickar/cal rules (Japan's equinoxes) write
		// into the Holiday they are given, which would race, and mix years,
		// between goroutines building years.
		h := *h
		// An observed date can cross a year's end: look at the neighbours.
		for yy := f.year - 1; yy <= f.year+1; yy++ {
			actual, observed := h.Calc(yy)
			if !actual.IsZero() {
				set(civilDay(actual.Date()), hoursClosed)
				set(civilDay(observed.Date()), hoursClosed)
			}
		}
	}
	yearly := func(md monthDay, h int32) {
		for yy := f.year - 1; yy <= f.year; yy++ {
			if md.dayOfMonth() <= daysIn(yy, md.month()) { // --02-29 in leap years only
				set(civilDay(yy, md.month(), md.dayOfMonth()), h)
			}
		}
	}
	for _, md := range c.closedMD {
		yearly(md, hoursClosed)
	}
	for j, o := range c.yearly {
		yearly(o.md, int32(hoursDated+len(c.dated)+j))
	}
	i, _ := slices.BinarySearch(c.closed, f.first)
	for ; i < len(c.closed) && c.closed[i] <= f.last; i++ {
		set(c.closed[i], hoursClosed)
	}
	j, _ := slices.BinarySearchFunc(c.dated, f.first, func(o datedHours, d int64) int { return cmp.Compare(o.day, d) })
	for ; j < len(c.dated) && c.dated[j].day <= f.last; j++ {
		set(c.dated[j].day, int32(hoursDated+j))
	}
}

// piece is an open stretch of one date's range, in seconds from the frame's start.
type piece struct{ from, to int64 }

func comparePieces(p, q piece) int { return cmp.Compare(p.from, q.from) }

// openDay is a date with open time: its first open instant, its close, and
// its open time (Unix seconds, seconds).
type openDay struct{ first, end, length int64 }

// place turns each date's wall-clock ranges into instants, one piece per zone
// offset a range meets (a range inside a skipped hour meets none and opens
// nothing). It returns the pieces within the year and the dates whose open
// time starts in it, in date order; their closes are a running maximum that
// counts the overnight ranges of 31 December of the year before.
func (c *compiled) place(f *frame, hours *[maxFrameDays]int32) ([]piece, []openDay) {
	n := int(f.last - f.first + 1)
	perDay := 0
	for _, h := range hours[:n] {
		perDay = max(perDay, len(c.spans(h)))
	}
	pieces := make([]piece, 0, n*(perDay+1)) // one more for a DST split
	days := make([]openDay, 0, n)
	si := 0                        // first segment that can still matter
	closes := int64(math.MinInt64) // the latest close so far
	for k := range n {
		spans := c.spans(hours[k])
		if len(spans) == 0 {
			continue
		}
		d := f.first + int64(k)
		day := openDay{first: math.MaxInt64, end: math.MinInt64}
		for si < len(f.segs)-1 && f.segs[si].to <= d*86400-f.maxOff {
			si++ // segments that end before this date's wall time can reach
		}
		for _, sp := range spans {
			w1 := d*86400 + int64(sp.start)*60
			w2 := d*86400 + int64(sp.end)*60
			for _, sg := range f.segs[si:] {
				if sg.from >= w2-f.minOff {
					break // this and later segments start after the range
				}
				from := max(w1-sg.offset, sg.from)
				to := min(w2-sg.offset, sg.to)
				if from >= to {
					continue
				}
				day.first, day.end = min(day.first, from), max(day.end, to)
				day.length += to - from
				from, to = max(from, f.start), min(to, f.end)
				if from < to {
					pieces = append(pieces, piece{from - f.start, to - f.start})
				}
			}
		}
		if day.length == 0 {
			continue
		}
		closes = max(closes, day.end)
		day.end = closes
		if day.first >= f.start && day.first < f.end {
			days = append(days, day)
		}
	}
	if !slices.IsSortedFunc(pieces, comparePieces) { // where a DST change or an override interleaves ranges
		slices.SortFunc(pieces, comparePieces)
	}
	return pieces, days
}

// tables merges the pieces into disjoint intervals with running totals, and
// indexes them by day and by open date.
func (f *frame) tables(pieces []piece, days []openDay) *block {
	b := &block{
		year:  f.year,
		start: f.start,
		end:   f.end,
		from:  make([]int32, 0, len(pieces)),
		to:    make([]int32, 0, len(pieces)),
	}
	for _, p := range pieces {
		n := len(b.from)
		if n > 0 && int64(b.to[n-1]) >= p.from { // touching or overlapping: their union
			b.to[n-1] = max(b.to[n-1], int32(p.to))
			continue
		}
		b.from = append(b.from, int32(p.from))
		b.to = append(b.to, int32(p.to))
	}
	b.cum = make([]int32, 1, len(b.from)+1)
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
	b.dayEnd = make([]int32, 0, len(days))
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
		open := b.cum[i]
		if i < len(b.from) && b.from[i] < x {
			open += x - b.from[i]
		}
		b.dayF = append(b.dayF, open)
		b.dayLen = append(b.dayLen, int32(d.length))
		b.dayEnd = append(b.dayEnd, int32(d.end-b.start))
	}
	return b
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

// block returns the block of year y (minYear ≤ y ≤ maxYear), from the cache or
// freshly built. Two goroutines may build the same year at once; both results
// are identical, and the cache keeps the first.
func (c *compiled) block(y int) *block {
	if b := c.cache.get(y); b != nil {
		return b
	}
	return c.cache.put(c.buildBlock(y), true)
}

// locate returns the block that holds t and t's offset in it in nanoseconds.
// Instants before minYear clamp to its start, after maxYear to its end.
func (c *compiled) locate(t time.Time) (*block, int64) {
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
