package calendar

// table holds running totals over a contiguous range of years, so that spans
// of many years cost two lookups instead of a walk. It is immutable once
// published; growth builds a longer copy under compiled.grow.
type table struct {
	first int     // year of index 0
	cum   []int64 // cum[i]: open seconds in years first … first+i−1; len = years+1
	days  []int64 // days[i]: open days starting in those years
}

func (t *table) covers(lo, hi int) bool {
	return t != nil && lo >= t.first && hi < t.first+len(t.cum)-1
}

// openBefore returns the open seconds from the start of year a to the start of
// year b (a ≤ b), both in the table.
func (t *table) openBefore(a, b int) int64 { return t.cum[b-t.first] - t.cum[a-t.first] }

// daysBefore is openBefore for open days.
func (t *table) daysBefore(a, b int) int64 { return t.days[b-t.first] - t.days[a-t.first] }

// totals returns a table covering years lo … hi (clamped to the supported range).
func (c *compiled) totals(lo, hi int) *table {
	lo, hi = max(lo, minYear), min(hi, maxYear)
	if t := c.years.Load(); t.covers(lo, hi) {
		return t
	}
	c.grow.Lock()
	defer c.grow.Unlock()
	old := c.years.Load()
	if old.covers(lo, hi) {
		return old
	}
	if old != nil { // keep what is known and extend it on both sides
		lo = min(lo, old.first)
		hi = max(hi, old.first+len(old.cum)-2)
	}
	t := &table{first: lo, cum: make([]int64, 1, hi-lo+2), days: make([]int64, 1, hi-lo+2)}
	for y := lo; y <= hi; y++ {
		var total, days int64
		if old.covers(y, y) {
			total = old.openBefore(y, y+1)
			days = old.daysBefore(y, y+1)
		} else {
			b := c.peek(y)
			total, days = b.total(), int64(len(b.dayF))
		}
		t.cum = append(t.cum, t.cum[len(t.cum)-1]+total)
		t.days = append(t.days, t.days[len(t.days)-1]+days)
	}
	c.years.Store(t)
	return t
}

// peek returns year y's block without evicting the cached blocks of other
// years: growing the table over centuries must not flush the years in use.
func (c *compiled) peek(y int) *block {
	if b := c.cache.get(y); b != nil {
		return b
	}
	return c.cache.put(c.buildBlock(y), false)
}
