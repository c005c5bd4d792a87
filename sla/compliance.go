package sla

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/severity"
)

// Compliance counts target outcomes per severity and milestone. It is a
// commutative monoid under [Compliance.Merge]: counts computed on disjoint sets
// of tickets (shards, on any engine) merge into the counts of their union.
// The zero value is the empty count, with no limit on the lists.
//
// The counts are exact whatever the limit. The lists are capped at Limit
// entries each when Limit is positive: Breaches keeps the Limit worst missed
// targets (largest overrun first; on a tie the smaller ticket ID, cycle and
// milestone) and Open the Limit most urgent open targets (earliest due time
// first, then ticket, cycle and milestone); BreachesCut and OpenCut count what
// was left out. Because the kept entries are the first of one total order,
// merging capped shards keeps exactly what the whole would have kept.
type Compliance struct {
	// Tickets counts the tickets with at least one target counted in a row.
	Tickets int   `json:"tickets"`
	Rows    []Row `json:"rows"` // one per severity × milestone that has targets, in order
	// Breaches lists missed targets, ordered by ticket, cycle and milestone.
	Breaches    []Breach `json:"breaches,omitempty"`
	BreachesCut int      `json:"breaches_cut,omitempty"` // missed targets not in Breaches
	// Open lists targets still pending at the report instant, ordered by due
	// time, ticket, cycle and milestone.
	Open    []Open `json:"open,omitempty"`
	OpenCut int    `json:"open_cut,omitempty"` // open targets not in Open
	// Limit caps Breaches and Open; 0 means no limit. Merging keeps the
	// smaller positive limit.
	Limit int `json:"limit,omitempty"`
}

// Row counts the targets of one severity and milestone. Met, Missed, Excluded,
// Waived, NotApplicable and NotCovered count targets decided in the report's
// month (I14); Pending and AtRisk count targets still open at the report
// instant, which no month counts yet.
type Row struct {
	Severity      severity.Level `json:"severity"`
	Milestone     Milestone      `json:"target"`
	Met           int            `json:"met"`
	Missed        int            `json:"missed"`
	Pending       int            `json:"pending"`
	AtRisk        int            `json:"at_risk"`
	Excluded      int            `json:"excluded"`
	Waived        int            `json:"waived"`
	NotApplicable int            `json:"not_applicable"`
	NotCovered    int            `json:"not_covered"`
	// WorstOverrun is the largest clock time by which a missed target was
	// late (at its completion, or at the report instant if still open), and
	// WorstTicket the ticket it belongs to (the smallest ID on a tie).
	WorstOverrun Duration `json:"worst_overrun"`
	WorstTicket  string   `json:"worst_ticket,omitempty"`
}

// Breach is one missed target.
type Breach struct {
	Ticket    string         `json:"ticket"`
	Cycle     int            `json:"cycle"`
	Milestone Milestone      `json:"target"`
	Severity  severity.Level `json:"severity"`
	Due       time.Time      `json:"due"`
	Done      time.Time      `json:"done,omitzero"` // zero while the milestone has not happened
	Overrun   Duration       `json:"overrun"`       // clock time late, at Done or at the report instant
}

// Open is one target still pending at the report instant, with its due time.
type Open struct {
	Ticket    string         `json:"ticket"`
	Cycle     int            `json:"cycle"`
	Milestone Milestone      `json:"target"`
	Severity  severity.Level `json:"severity"`
	State     State          `json:"state"` // pending or at-risk
	Due       time.Time      `json:"due"`
	Remaining Duration       `json:"remaining"` // clock time left at the report instant
}

// Percent returns met / (met + missed), the share of decided targets that were
// met, as an exact fraction truncated to 6 decimal places, and false when no
// target was decided. Pending, excluded, waived and not-applicable targets
// do not count.
func (r Row) Percent() (decimal.Decimal, bool) {
	n := r.Met + r.Missed
	if n == 0 {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromInt(int64(r.Met)).DivRound(decimal.NewFromInt(int64(n)), 8).Truncate(6), true
}

// Add counts every target of one evaluated ticket, whatever the month: a
// decided target by its state, a pending or at-risk one as open. It is the
// building block for counts of one's own; [Engine.Month] counts each target in
// the month it was decided (I14).
func (c *Compliance) Add(st Status) {
	nb, no := len(c.Breaches), len(c.Open)
	counted := false
	for _, ts := range st.Targets {
		r, ok := c.row(ts.Level, ts.Milestone).count(ts.State)
		counted = counted || ok
		switch ts.State {
		case StateMissed:
			b := breachOf(st.Ticket, ts)
			r.worst(b.Overrun, st.Ticket)
			c.Breaches = append(c.Breaches, b)
		case StatePending, StateAtRisk:
			c.Open = append(c.Open, openOf(st.Ticket, ts))
		}
	}
	if counted {
		c.Tickets++
	}
	// Only the new entries can be out of place.
	if !slices.IsSortedFunc(c.Breaches[max(nb-1, 0):], compareBreaches) || !slices.IsSortedFunc(c.Open[max(no-1, 0):], compareOpen) ||
		c.Limit > 0 && (len(c.Breaches) > c.Limit || len(c.Open) > c.Limit) {
		c.trim()
	}
}

// count adds a target in state s to the row; false when s is not one of the
// constants.
func (r *Row) count(s State) (*Row, bool) {
	switch s {
	case StateMet:
		r.Met++
	case StateMissed:
		r.Missed++
	case StatePending:
		r.Pending++
	case StateAtRisk:
		r.AtRisk++
	case StateExcluded:
		r.Excluded++
	case StateWaived:
		r.Waived++
	case StateNotApplicable:
		r.NotApplicable++
	case StateNotCovered:
		r.NotCovered++
	default:
		return r, false
	}
	return r, true
}

func breachOf(ticket string, ts TargetStatus) Breach {
	return Breach{Ticket: ticket, Cycle: ts.Cycle, Milestone: ts.Milestone,
		Severity: ts.Level, Due: ts.Due, Done: ts.Done, Overrun: -ts.Remaining}
}

func openOf(ticket string, ts TargetStatus) Open {
	return Open{Ticket: ticket, Cycle: ts.Cycle, Milestone: ts.Milestone, Severity: ts.Level,
		State: ts.State, Due: ts.Due, Remaining: ts.Remaining}
}

// worst keeps the largest overrun, and the smallest ticket ID on a tie.
func (r *Row) worst(over Duration, ticket string) {
	if r.WorstTicket == "" || over > r.WorstOverrun || over == r.WorstOverrun && ticket < r.WorstTicket {
		r.WorstOverrun, r.WorstTicket = over, ticket
	}
}

// row returns the row of (l, m), inserting it in order.
func (c *Compliance) row(l severity.Level, m Milestone) *Row {
	i, found := slices.BinarySearchFunc(c.Rows, Row{Severity: l, Milestone: m}, compareRows)
	if !found {
		c.Rows = slices.Insert(c.Rows, i, Row{Severity: l, Milestone: m})
	}
	return &c.Rows[i]
}

func compareRows(a, b Row) int {
	return cmp.Or(cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Milestone, b.Milestone))
}

// compareBreaches is the order Breaches are listed in; the due time tells
// apart the instances of a recurring target (next reply, update).
func compareBreaches(a, b Breach) int {
	return cmp.Or(cmp.Compare(a.Ticket, b.Ticket), cmp.Compare(a.Cycle, b.Cycle), cmp.Compare(a.Milestone, b.Milestone),
		a.Due.Compare(b.Due))
}

// worseBreach is the order Breaches are kept in under a limit: worst first.
func worseBreach(a, b Breach) int {
	return cmp.Or(cmp.Compare(b.Overrun, a.Overrun), compareBreaches(a, b))
}

// compareOpen is the order Open is listed and kept in: most urgent first.
func compareOpen(a, b Open) int {
	return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.Ticket, b.Ticket), cmp.Compare(a.Cycle, b.Cycle),
		cmp.Compare(a.Milestone, b.Milestone))
}

// Merge returns the counts of both: rows added, worst overruns kept, lists
// merged in order and capped at the smaller positive limit. Neither operand is
// modified.
func (c Compliance) Merge(o Compliance) Compliance {
	out := Compliance{
		Tickets:     c.Tickets + o.Tickets,
		Rows:        slices.Clone(c.Rows),
		Breaches:    concat(c.Breaches, o.Breaches),
		BreachesCut: c.BreachesCut + o.BreachesCut,
		Open:        concat(c.Open, o.Open),
		OpenCut:     c.OpenCut + o.OpenCut,
		Limit:       minLimit(c.Limit, o.Limit),
	}
	for _, r := range o.Rows {
		m := out.row(r.Severity, r.Milestone)
		m.Met += r.Met
		m.Missed += r.Missed
		m.Pending += r.Pending
		m.AtRisk += r.AtRisk
		m.Excluded += r.Excluded
		m.Waived += r.Waived
		m.NotApplicable += r.NotApplicable
		m.NotCovered += r.NotCovered
		if r.WorstTicket != "" {
			m.worst(r.WorstOverrun, r.WorstTicket)
		}
	}
	out.trim()
	return out
}

func minLimit(a, b int) int {
	switch {
	case a <= 0:
		return max(b, 0)
	case b <= 0:
		return a
	}
	return min(a, b)
}

// concat returns a new slice holding a then b, nil when both are empty.
func concat[T any](a, b []T) []T {
	if len(a)+len(b) == 0 {
		return nil
	}
	return append(append(make([]T, 0, len(a)+len(b)), a...), b...)
}

// trim caps the lists at the limit and puts them in their listed order.
func (c *Compliance) trim() {
	c.Breaches, c.BreachesCut = keep(c.Breaches, c.BreachesCut, c.Limit, worseBreach, compareBreaches)
	c.Open, c.OpenCut = keep(c.Open, c.OpenCut, c.Limit, compareOpen, compareOpen)
}

// keep returns the first limit elements of xs in the order rank (all when
// limit is not positive), sorted by list, and cut increased by the number
// left out.
func keep[T any](xs []T, cut, limit int, rank, list func(a, b T) int) ([]T, int) {
	if limit > 0 && len(xs) > limit {
		slices.SortFunc(xs, rank)
		cut += len(xs) - limit
		clear(xs[limit:])
		xs = xs[:limit:limit]
	}
	if !slices.IsSortedFunc(xs, list) {
		slices.SortStableFunc(xs, list)
	}
	if len(xs) == 0 {
		xs = nil
	}
	return xs, cut
}
