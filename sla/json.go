package sla

import (
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/recovery"
)

// monthJSON is the JSON form of MonthData: a key present is an input supplied.
type monthJSON struct {
	Tickets   *[]Ticket              `json:"tickets,omitempty"`
	Outages   *[]availability.Outage `json:"outages,omitempty"`
	Coverage  availability.Coverage  `json:"coverage,omitzero"`
	Incidents *[]recovery.Incident   `json:"incidents,omitempty"`
	Points    *[]recovery.Point      `json:"recovery_points,omitempty"`
}

// UnmarshalJSON decodes month data strictly; a key that is present supplies
// its input, even as an empty list ({"outages": []}), and sets its flag in
// Supplied.
func (d *MonthData) UnmarshalJSON(data []byte) error {
	var v monthJSON
	if err := jsonx.Decode(data, &v); err != nil {
		return err
	}
	*d = MonthData{}
	d.Tickets, d.Supplied.Tickets = deref(v.Tickets)
	d.Outages, d.Supplied.Outages = deref(v.Outages)
	d.Coverage = v.Coverage
	d.Incidents, d.Supplied.Incidents = deref(v.Incidents)
	d.Points, d.Supplied.Points = deref(v.Points)
	return nil
}

// MarshalJSON writes the key of every input supplied, even when empty.
func (d MonthData) MarshalJSON() ([]byte, error) {
	return jsonx.Marshal(monthJSON{
		Tickets:   ref(d.Tickets, d.Supplied.Tickets),
		Outages:   ref(d.Outages, d.Supplied.Outages),
		Coverage:  d.Coverage,
		Incidents: ref(d.Incidents, d.Supplied.Incidents),
		Points:    ref(d.Points, d.Supplied.Points),
	})
}

func deref[T any](p *[]T) ([]T, bool) {
	if p == nil {
		return nil, false
	}
	return *p, true
}

func ref[T any](xs []T, supplied bool) *[]T {
	if len(xs) == 0 && !supplied {
		return nil
	}
	if xs == nil {
		xs = []T{}
	}
	return &xs
}

// Decode reads exactly one JSON value from data into v, a pointer to any of
// this package's types or a list of them (*Contract, *Policy, *Ticket,
// *[]Ticket, *MonthData, *Report). Unlike json.Unmarshal it refuses a key
// written twice in one object and data after the value, and every error is a
// [*FieldError] naming the JSON path: `tickets[3].events[0].at "1 June":
// invalid syntax: want an RFC 3339 instant such as …`.
func Decode(data []byte, v any) error { return jsonx.Decode(data, v) }
