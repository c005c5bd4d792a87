package calendar

import (
	"math"
	"time"
)

// AddDays moves t by n open days (business days), keeping the open time already
// elapsed in the day. An open day is a local date with opening hours that is not
// closed; an overnight range counts for the day it starts on.
//
// Counting starts in the open day at or after t (for n > 0) or before t (for
// n < 0); the result is the earliest (latest, going back) instant of the n-th
// open day from there with the same open time elapsed in that day, capped at the
// day's length. On a calendar whose open days all last L, AddDays(t, n) equals
// Add(t, n×L); on the [Continuous] calendar a day is 24 elapsed hours (SPEC I2).
func (c *Calendar) AddDays(t time.Time, n int) time.Time {
	if c.always {
		return c.Add(t, time.Duration(satMul(int64(n), int64(24*time.Hour))))
	}
	if n == 0 {
		return t.In(c.loc)
	}
	b, x := c.locate(t)
	f, _ := b.open(x)
	y0, i0, start0, ok := c.dayFrom(b, f, n > 0)
	if !ok {
		if n > 0 {
			return c.end()
		}
		return c.start()
	}
	k := f - start0*nsPerSec // open time elapsed in the start day

	// The target day, counted in open days from the start of year y0: in b
	// itself most of the time, else found through the totals table.
	zb, j, startZ := b, i0+n, int64(0) // startZ: the day's start in open seconds from b's start
	if y0 == b.year && n > -len(b.dayF) && n < len(b.dayF) && j >= 0 && j < len(b.dayF) {
		startZ = int64(b.dayF[j])
	} else {
		z, dz, ok := c.seek(y0, int64(i0)+int64(n), true)
		if !ok {
			if n > 0 {
				return c.end()
			}
			return c.start()
		}
		zb = c.block(z)
		j = int(int64(i0) + int64(n) - dz)
		startZ = c.openFrom(b.year, z) + int64(zb.dayF[j])
	}
	target := satAdd(satMul(startZ, nsPerSec), min(k, int64(zb.dayLen[j])*nsPerSec))
	switch delta := satAdd(target, -f); {
	case delta > 0:
		return c.forward(b, f, delta)
	case delta < 0:
		return c.backward(b, f, -max(delta, math.MinInt64+1))
	}
	return t.In(c.loc)
}

// dayFrom finds the open day where counting starts, for a position with f of
// open time since b's start: going forward, the first day whose open time ends
// after f; going back, the last day whose open time starts before f. It returns
// the day's year, its index there, and its start in open seconds from b's start.
func (c *Calendar) dayFrom(b *block, f int64, forward bool) (y, i int, start int64, ok bool) {
	if forward {
		// The last day of the year before may run on overnight into b.
		if (len(b.dayF) == 0 || f < int64(b.dayF[0])*nsPerSec) && b.year > minYear {
			p := c.block(b.year - 1)
			if n := len(p.dayF); n > 0 {
				s := int64(p.dayF[n-1]) - p.total()
				if (s+int64(p.dayLen[n-1]))*nsPerSec > f {
					return p.year, n - 1, s, true
				}
			}
		}
		// first day whose open time ends after f (days are in order)
		lo, hi := 0, len(b.dayF)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if int64(b.dayF[m]+b.dayLen[m])*nsPerSec <= f {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(b.dayF) {
			return b.year, lo, int64(b.dayF[lo]), true
		}
		z, _, ok := c.seek(b.year+1, 0, true) // the year of the next open day
		if !ok || b.year == maxYear {
			return 0, 0, 0, false
		}
		zb := c.block(z)
		if len(zb.dayF) == 0 {
			return 0, 0, 0, false
		}
		return z, 0, c.openFrom(b.year, z) + int64(zb.dayF[0]), true
	}
	// last day whose open time starts before f
	lo, hi := 0, len(b.dayF)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int64(b.dayF[m])*nsPerSec < f {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo > 0 {
		return b.year, lo - 1, int64(b.dayF[lo-1]), true
	}
	z, _, ok := c.seek(b.year, -1, true) // the year of the previous open day
	if !ok {
		return 0, 0, 0, false
	}
	zb := c.block(z)
	n := len(zb.dayF)
	if n == 0 {
		return 0, 0, 0, false
	}
	return z, n - 1, c.openFrom(b.year, z) + int64(zb.dayF[n-1]), true
}

// openFrom returns the open seconds from the start of year a to the start of
// year z, negative when z is before a.
func (c *Calendar) openFrom(a, z int) int64 {
	if a == z {
		return 0
	}
	return c.totals(min(a, z), max(a, z)).openBefore(a, z)
}

func satMul(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	r := a * b
	if r/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		if (a < 0) != (b < 0) {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	return r
}
