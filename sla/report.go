package sla

import (
	"bytes"
	"fmt"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/recovery"
)

// Report is every figure a customer is owed for one month: availability, RTO
// per incident, RPO exposure, and ticket compliance per severity and target.
// It marshals to JSON (snake_case keys, durations as "1h49m", instants in RFC
// 3339 in the customer's zone), reads back exactly ([Report.UnmarshalJSON]),
// merges with the report of another shard ([Report.Merge]) and prints as text
// ([Report.WriteText]).
//
// An input that was not supplied leaves its section out (nil), and Inputs says
// so explicitly; an input supplied empty gives its section: no outages is 100 %
// available, no recovery point is one gap the length of the month.
type Report struct {
	Customer string    `json:"customer"`
	Month    string    `json:"month"` // "2026-06"
	Policy   string    `json:"policy"`
	At       time.Time `json:"at"` // the instant the report describes ("now")
	// Partial is set when At falls inside the month: availability and the RPO
	// cover the month up to At only.
	Partial bool `json:"partial,omitempty"`
	// Inputs says which inputs were supplied and how many records were read
	// and ignored by rule.
	Inputs Inputs `json:"inputs"`
	// Availability is nil when neither outages nor coverage were supplied;
	// its Verdict is met, missed or unknown (I15).
	Availability *availability.Report `json:"availability,omitempty"`
	// Credit is the service credit owed for the month (I19): nil when the
	// policy has no credit tiers, unknown when availability is unknown or
	// was not supplied, never a tier derived from unknown time.
	Credit  *availability.Credit     `json:"credit,omitempty"`
	RTO     []recovery.RTOResult     `json:"rto,omitempty"` // one per incident reported in the month
	RPO     *recovery.ExposureResult `json:"rpo,omitempty"` // nil when recovery points were not supplied
	Tickets Compliance               `json:"tickets"`
}

// Inputs describes what a report was computed from.
type Inputs struct {
	Tickets   Input `json:"tickets"`
	Outages   Input `json:"outages"`
	Coverage  Input `json:"coverage"` // Read counts the intervals given; 0 for full coverage
	Incidents Input `json:"incidents"`
	Points    Input `json:"recovery_points"`
}

// Input says whether one input was supplied, how many records were read, and
// how many of those were ignored by rule: tickets received after the month
// (or after the report instant), outages entirely outside the month (up to the
// report instant), incidents reported outside it. Ignored records are still
// checked: a bad one is an error.
type Input struct {
	Supplied bool `json:"supplied"`
	Read     int  `json:"read"`
	Ignored  int  `json:"ignored"`
}

// MarshalJSON writes the form described on [Report].
func (r Report) MarshalJSON() ([]byte, error) { return jsonx.Marshal(r) }

// UnmarshalJSON reads what MarshalJSON writes, strictly: an unknown key, a key
// written twice or trailing data is an error naming its path. A report read
// back merges and marshals exactly as the original.
func (r *Report) UnmarshalJSON(data []byte) error {
	type plain Report
	var v plain
	if err := jsonx.Decode(data, &v); err != nil {
		return err
	}
	*r = Report(v)
	return nil
}

// Merge combines two reports of the same customer, month and policy computed
// on disjoint sets of tickets (shards): ticket compliance is merged (see
// [Compliance.Merge]) and ticket inputs added; each other section must be
// equal where both reports were supplied its input, and is taken from
// whichever was. At is the later of the two. Merge is associative and
// commutative, and works on reports read back from JSON, so that a
// distributed job may keep the JSON form as its accumulator.
func (r Report) Merge(o Report) (Report, error) {
	if r.Customer != o.Customer || r.Month != o.Month || r.Policy != o.Policy {
		return Report{}, fmt.Errorf("%w: %s/%s/%s and %s/%s/%s", ErrMerge,
			r.Customer, r.Month, r.Policy, o.Customer, o.Month, o.Policy)
	}
	out := r
	if o.At.After(out.At) {
		out.At = o.At
	}
	out.Partial = r.Partial || o.Partial
	out.Inputs.Tickets = Input{
		Supplied: r.Inputs.Tickets.Supplied || o.Inputs.Tickets.Supplied,
		Read:     r.Inputs.Tickets.Read + o.Inputs.Tickets.Read,
		Ignored:  r.Inputs.Tickets.Ignored + o.Inputs.Tickets.Ignored,
	}
	var err error
	type avail struct {
		Outages, Coverage Input
		Availability      *availability.Report
		Credit            *availability.Credit
	}
	a, b := avail{r.Inputs.Outages, r.Inputs.Coverage, r.Availability, r.Credit}, avail{o.Inputs.Outages, o.Inputs.Coverage, o.Availability, o.Credit}
	supplied := func(x avail) Input { return Input{Supplied: x.Outages.Supplied || x.Coverage.Supplied} }
	if _, a, err = section("availability", supplied(a), supplied(b), a, b); err != nil {
		return Report{}, err
	}
	out.Inputs.Outages, out.Inputs.Coverage, out.Availability, out.Credit = a.Outages, a.Coverage, a.Availability, a.Credit
	if out.Inputs.Incidents, out.RTO, err = section("rto", r.Inputs.Incidents, o.Inputs.Incidents, r.RTO, o.RTO); err != nil {
		return Report{}, err
	}
	if out.Inputs.Points, out.RPO, err = section("rpo", r.Inputs.Points, o.Inputs.Points, r.RPO, o.RPO); err != nil {
		return Report{}, err
	}
	out.Tickets = r.Tickets.Merge(o.Tickets)
	return out, nil
}

// section returns the section of whichever report was supplied its input,
// after checking that two supplied sections are equal.
func section[T any](what string, a, b Input, x, y T) (Input, T, error) {
	switch {
	case a.Supplied && b.Supplied:
		err := sameJSON(what, a, b)
		if err == nil {
			err = sameJSON(what, x, y)
		}
		if err != nil {
			return Input{}, x, err
		}
	case b.Supplied:
		return b, y, nil
	}
	return a, x, nil
}

// sameJSON reports an error when a and b differ; values are compared by their
// JSON form, which is exact for decimals and instants.
func sameJSON(what string, a, b any) error {
	ja, err := jsonx.Marshal(a)
	if err != nil {
		return err
	}
	jb, err := jsonx.Marshal(b)
	if err != nil {
		return err
	}
	if !bytes.Equal(ja, jb) {
		return fmt.Errorf("%w: the two reports disagree on %s", ErrMerge, what)
	}
	return nil
}
