package sla

import (
	"hash/maphash"
	"slices"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/severity"
)

// tally counts the tickets of one month report, one at a time, keeping the
// counts exact and the lists within their limit.
type tally struct {
	e        *Engine
	eval     *evaluator // evaluates without explanations, reusing its memory
	period   calendar.Interval
	now      time.Time
	opt      Options
	rows     [][]Row // by level and milestone; a row with a zero Severity is unused
	tickets  int     // counted in a row
	breaches topK[Breach]
	open     topK[Open]

	ids           idSet  // IDsAnyOrder
	last          string // IDsAscending: the previous ID and its index
	lastAt        int
	read, ignored int
}

func newTally(e *Engine, period calendar.Interval, now time.Time, opt Options, size int) *tally {
	limit := opt.Limit
	switch {
	case limit == 0:
		limit = DefaultLimit
	case limit < 0:
		limit = 0
	}
	t := &tally{e: e, eval: e.evaluator(), period: period, now: now, opt: opt,
		breaches: topK[Breach]{limit: limit, rank: worseBreach},
		open:     topK[Open]{limit: limit, rank: compareOpen},
		lastAt:   -1,
	}
	if opt.IDs == IDsAnyOrder {
		t.ids = idSet{seed: maphash.MakeSeed(), hashes: make([]uint64, 0, size), index: make([]uint32, 0, size)}
	}
	return t
}

// add reads ticket i.
func (t *tally) add(i int, tk *Ticket) error {
	t.read++
	if err := t.checkID(i, tk.ID); err != nil {
		return err
	}
	path := func() string { return fault.Index("tickets", i) }
	if tk.Received.After(t.now) || !tk.Received.Before(t.period.End) {
		// Too late for this report; checked all the same.
		if _, err := t.eval.status(tk, tk.Received); err != nil {
			return fault.At(path(), err)
		}
		t.ignored++
		return nil
	}
	st, err := t.eval.status(tk, t.now)
	if err != nil {
		return fault.At(path(), err)
	}
	counted := false
	for _, ts := range st.Targets {
		if d := ts.Decided; !d.IsZero() && (d.Before(t.period.Start) || !d.Before(t.period.End)) {
			continue // another month's
		}
		r, ok := t.row(ts.Level, ts.Milestone).count(ts.State)
		counted = counted || ok
		switch ts.State {
		case StateMissed:
			b := breachOf(st.Ticket, ts)
			r.worst(b.Overrun, st.Ticket)
			t.breaches.push(b)
			if t.opt.OnBreach != nil {
				t.opt.OnBreach(b)
			}
		case StatePending, StateAtRisk:
			t.open.push(openOf(st.Ticket, ts))
		}
	}
	if counted {
		t.tickets++
	}
	return nil
}

// row returns the row of (l, m), making room for it.
func (t *tally) row(l severity.Level, m Milestone) *Row {
	for int(l) >= len(t.rows) {
		t.rows = append(t.rows, nil)
	}
	for int(m) >= len(t.rows[l]) {
		t.rows[l] = append(t.rows[l], Row{})
	}
	r := &t.rows[l][m]
	if r.Severity == 0 && r.Milestone == 0 {
		r.Severity, r.Milestone = l, m
	}
	return r
}

// checkID refuses a missing ID, and with [IDsAscending] one not above the
// previous; [IDsAnyOrder] duplicates are found at the end (see idSet).
func (t *tally) checkID(i int, id string) error {
	path := func() string { return fault.Index("tickets", i) + ".id" }
	if id == "" {
		return fault.Field(path(), "", ErrMissing, "want the ticket's ID, which names it in the report")
	}
	if t.opt.IDs == IDsAnyOrder {
		if i >= maxIDs {
			return fault.Field(path(), id, ErrLimit, "want at most 4294967295 tickets in any order of ID, or IDs in ascending order (IDsAscending)")
		}
		t.ids.add(i, id)
		return nil
	}
	switch {
	case t.lastAt < 0 || id > t.last:
		t.last, t.lastAt = id, i
		return nil
	case id == t.last:
		return fault.Field(path(), id, ErrDuplicate, "also "+fault.Index("tickets", t.lastAt))
	}
	return fault.Field(path(), id, ErrInvalid, "want IDs in ascending order: after "+fault.Index("tickets", t.lastAt)+` "`+t.last+`"`)
}

// result returns the counts with their lists in listed order.
func (t *tally) result() Compliance {
	c := Compliance{Tickets: t.tickets, Limit: t.breaches.limit}
	for _, byLevel := range t.rows {
		for _, r := range byLevel {
			if r.Severity != 0 || r.Milestone != 0 {
				c.Rows = append(c.Rows, r)
			}
		}
	}
	c.Breaches, c.BreachesCut = t.breaches.sorted(compareBreaches)
	c.Open, c.OpenCut = t.open.sorted(compareOpen)
	// In the month's zone, whatever the zone of the policy a ticket was
	// evaluated under.
	loc := t.period.Start.Location()
	for i := range c.Breaches {
		c.Breaches[i].Due, c.Breaches[i].Done = inZone(c.Breaches[i].Due, loc), inZone(c.Breaches[i].Done, loc)
	}
	for i := range c.Open {
		c.Open[i].Due = inZone(c.Open[i].Due, loc)
	}
	return c
}

// topK keeps the first limit values pushed in the order rank (every value
// when limit is 0), and counts the others.
type topK[T any] struct {
	limit int
	rank  func(a, b T) int
	h     []T // with a limit, a heap whose root ranks last
	cut   int
}

func (k *topK[T]) push(x T) {
	if k.limit <= 0 {
		k.h = append(k.h, x)
		return
	}
	if len(k.h) < k.limit {
		k.h = append(k.h, x)
		for i := len(k.h) - 1; i > 0; {
			p := (i - 1) / 2
			if k.rank(k.h[i], k.h[p]) <= 0 {
				break
			}
			k.h[i], k.h[p] = k.h[p], k.h[i]
			i = p
		}
		return
	}
	k.cut++
	if k.rank(x, k.h[0]) >= 0 {
		return
	}
	k.h[0] = x
	for i := 0; ; {
		l, big := 2*i+1, i
		if l < len(k.h) && k.rank(k.h[l], k.h[big]) > 0 {
			big = l
		}
		if r := l + 1; r < len(k.h) && k.rank(k.h[r], k.h[big]) > 0 {
			big = r
		}
		if big == i {
			break
		}
		k.h[i], k.h[big] = k.h[big], k.h[i]
		i = big
	}
}

// sorted returns the values kept, in the order list, and the number cut.
func (k *topK[T]) sorted(list func(a, b T) int) ([]T, int) {
	if len(k.h) == 0 {
		return nil, k.cut
	}
	out := slices.Clone(k.h)
	slices.SortStableFunc(out, list)
	return out, k.cut
}
