package sla

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/severity"
)

// Compliance counts target outcomes per severity and milestone. It is a
// commutative monoid under [Compliance.Merge]: reports computed on disjoint sets
// of tickets (shards, on any engine) merge into the report of their union.
// The zero value is the empty count.
type Compliance struct {
	Rows     []Row    `json:"rows"`               // one per severity × milestone that has targets, in order
	Breaches []Breach `json:"breaches,omitempty"` // every missed target, ordered by ticket, cycle, milestone
}

// Row counts the targets of one severity and milestone.
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
	Done      time.Time      `json:"done,omitzero"`
	Overrun   Duration       `json:"overrun"`
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

// Add counts the targets of one evaluated ticket.
func (c *Compliance) Add(st Status) {
	for _, ts := range st.Targets {
		r := c.row(ts.Level, ts.Milestone)
		switch ts.State {
		case StateMet:
			r.Met++
		case StateMissed:
			r.Missed++
			over := -ts.Remaining
			if over > r.WorstOverrun || over == r.WorstOverrun && (r.WorstTicket == "" || st.Ticket < r.WorstTicket) {
				r.WorstOverrun, r.WorstTicket = over, st.Ticket
			}
			c.addBreach(Breach{Ticket: st.Ticket, Cycle: ts.Cycle, Milestone: ts.Milestone,
				Severity: ts.Level, Due: ts.Due, Done: ts.Done, Overrun: over})
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
		}
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

func compareBreaches(a, b Breach) int {
	return cmp.Or(cmp.Compare(a.Ticket, b.Ticket), cmp.Compare(a.Cycle, b.Cycle), cmp.Compare(a.Milestone, b.Milestone))
}

// Merge returns the counts of both: rows added, worst overruns kept, breaches
// merged in order. Neither operand is modified.
func (c Compliance) Merge(o Compliance) Compliance {
	out := Compliance{Rows: slices.Clone(c.Rows)}
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
		if r.WorstTicket != "" && (r.WorstOverrun > m.WorstOverrun || r.WorstOverrun == m.WorstOverrun &&
			(m.WorstTicket == "" || r.WorstTicket < m.WorstTicket)) {
			m.WorstOverrun, m.WorstTicket = r.WorstOverrun, r.WorstTicket
		}
	}
	if len(c.Breaches)+len(o.Breaches) > 0 {
		out.Breaches = make([]Breach, 0, len(c.Breaches)+len(o.Breaches))
		out.Breaches = append(append(out.Breaches, c.Breaches...), o.Breaches...)
		slices.SortStableFunc(out.Breaches, compareBreaches)
	}
	return out
}

// addBreach keeps Breaches in canonical order; tickets usually come in order,
// so this is an append.
func (c *Compliance) addBreach(b Breach) {
	if n := len(c.Breaches); n == 0 || compareBreaches(c.Breaches[n-1], b) <= 0 {
		c.Breaches = append(c.Breaches, b)
		return
	}
	i, _ := slices.BinarySearchFunc(c.Breaches, b, compareBreaches)
	c.Breaches = slices.Insert(c.Breaches, i, b)
}
