package sla

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/recovery"
)

// MonthData is what happened during a month, as [Engine.Month] reads it.
type MonthData struct {
	Tickets   []Ticket              `json:"tickets,omitempty"`
	Outages   []availability.Outage `json:"outages,omitempty"`
	Incidents []recovery.Incident   `json:"incidents,omitempty"`       // disruptions, for the RTO
	Points    []recovery.Point      `json:"recovery_points,omitempty"` // backups, for the RPO
}

// Report is every figure a customer is owed for one month: availability, RTO
// per incident, RPO exposure, and ticket compliance per severity and target.
// It marshals to JSON and prints as text ([Report.WriteText]).
type Report struct {
	Customer string    `json:"customer"`
	Month    string    `json:"month"` // "2026-06"
	Policy   string    `json:"policy"`
	At       time.Time `json:"at"` // the instant the report describes ("now")
	// Partial is set when At falls inside the month: availability and the RPO
	// cover the month up to At only.
	Partial      bool                     `json:"partial,omitempty"`
	Availability *availability.Report     `json:"availability,omitempty"`
	RTO          []recovery.RTOResult     `json:"rto,omitempty"`
	RPO          *recovery.ExposureResult `json:"rpo,omitempty"`
	Tickets      Compliance               `json:"tickets"`
}

// Month computes the report of month (1–12) of year, in the customer's zone,
// under the policy in force at the month's start, as things stand at now:
//
//   - availability over the month (SPEC R10, I10–I12), from data.Outages;
//   - RTO for each incident reported in the month (I13);
//   - RPO exposure over the month from data.Points (I13);
//   - compliance of the tickets received in the month, each evaluated at now
//     under the policy in force when it was received.
//
// When now falls inside the month, availability and RPO cover the month up to
// now and the report is Partial. Errors name the record: "tickets[3]",
// "outages[2].end", "incidents[0]".
func (e *Engine) Month(year int, month time.Month, data MonthData, now time.Time) (Report, error) {
	now = now.Round(0)
	if month < time.January || month > time.December {
		return Report{}, &FieldError{Field: "month", Value: fmt.Sprint(int(month)), Err: ErrMonth}
	}
	// The zone of the policy in force; policies of one contract share it.
	first := e.terms[0].support.Location()
	period, err := availability.Month(year, month, first)
	if err != nil {
		return Report{}, prefix("month", err)
	}
	p, err := e.at(period.Start)
	if err != nil {
		return Report{}, err
	}
	if loc := p.support.Location(); loc != first {
		if period, err = availability.Month(year, month, loc); err != nil {
			return Report{}, prefix("month", err)
		}
	}
	r := Report{
		Customer: e.contract.Customer,
		Month:    fmt.Sprintf("%04d-%02d", year, int(month)),
		Policy:   p.Name,
		At:       now,
	}
	if !now.After(period.Start) {
		return Report{}, &FieldError{Field: "now", Value: now.Format(time.RFC3339), Err: fmt.Errorf("%w: before the month starts", ErrInvalid)}
	}
	upTo := period
	if now.Before(period.End) {
		upTo.End, r.Partial = now, true
	}

	av, err := availability.Compute(upTo, data.Outages, availability.Rules{
		Window: p.maintenance, Notice: time.Duration(p.Notice), Objective: p.Availability.d,
	})
	if err != nil {
		return Report{}, err // already names outages[i].field
	}
	r.Availability = &av

	for i, in := range data.Incidents {
		if !period.Contains(in.Reported) {
			continue
		}
		loc := period.Start.Location() // report instants in the customer's zone
		in = recovery.Incident{Started: inZone(in.Started, loc), Reported: in.Reported.In(loc), Restored: in.Restored.In(loc)}
		res, err := in.Check(time.Duration(p.RTO))
		if err != nil {
			return Report{}, prefix(fmt.Sprintf("incidents[%d]", i), err)
		}
		r.RTO = append(r.RTO, res)
	}
	if len(data.Points) > 0 {
		x, err := recovery.Exposure(data.Points, upTo.Start, upTo.End, time.Duration(p.RPO))
		if err != nil {
			return Report{}, prefix("recovery_points", err)
		}
		r.RPO = &x
	}

	for i, t := range data.Tickets {
		if !period.Contains(t.Received) {
			continue
		}
		st, err := e.evaluate(t, now, false)
		if err != nil {
			return Report{}, prefix(fmt.Sprintf("tickets[%d]", i), err)
		}
		r.Tickets.Add(st)
	}
	return r, nil
}

// Merge combines two reports of the same customer, month and policy computed
// on disjoint sets of tickets: ticket compliance is merged (see
// [Compliance.Merge]); availability, RTO and RPO must be equal where both
// reports have them, and are taken from whichever has them. At is the later
// of the two. Merge is associative and commutative.
func (r Report) Merge(o Report) (Report, error) {
	if r.Customer != o.Customer || r.Month != o.Month || r.Policy != o.Policy {
		return Report{}, fmt.Errorf("sla: %w: %s/%s/%s and %s/%s/%s", ErrMerge,
			r.Customer, r.Month, r.Policy, o.Customer, o.Month, o.Policy)
	}
	out := r
	if o.At.After(out.At) {
		out.At = o.At
	}
	out.Partial = r.Partial || o.Partial
	var err error
	if out.Availability, err = same("availability", r.Availability, o.Availability); err != nil {
		return Report{}, err
	}
	if out.RPO, err = same("rpo", r.RPO, o.RPO); err != nil {
		return Report{}, err
	}
	rto, err := same("rto", &r.RTO, &o.RTO)
	if err != nil {
		return Report{}, err
	}
	out.RTO = *rto
	out.Tickets = r.Tickets.Merge(o.Tickets)
	return out, nil
}

// same returns whichever of a and b is set, or an error when both are set and
// differ. Values are compared by their JSON form, which is exact for decimals.
func same[T any](what string, a, b *T) (*T, error) {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	if err := errors.Join(errA, errB); err != nil {
		return nil, err
	}
	empty := func(j []byte) bool { return string(j) == "null" || string(j) == "[]" }
	switch {
	case empty(jb):
		return a, nil
	case empty(ja):
		return b, nil
	case !bytes.Equal(ja, jb):
		return nil, fmt.Errorf("sla: %w: the two reports disagree on %s", ErrMerge, what)
	}
	return a, nil
}

// inZone is t in loc, keeping the zero time zero.
func inZone(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(loc)
}
