package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"pgregory.net/rapid"
)

// draw is a source of choices: a seeded generator for the fixed data set of
// the pipeline test, rapid for properties.
type draw interface {
	// intn returns an integer in [lo, hi].
	intn(lo, hi int, label string) int
}

type seeded struct{ r *rand.Rand }

func (s seeded) intn(lo, hi int, _ string) int { return lo + s.r.IntN(hi-lo+1) }

type drawn struct{ t *rapid.T }

func (d drawn) intn(lo, hi int, label string) int { return rapid.IntRange(lo, hi).Draw(d.t, label) }

func pick[T any](d draw, label string, xs ...T) T { return xs[d.intn(0, len(xs)-1, label)] }

var acmeContacts = []string{"ana@acme.example", "ben@acme.example", "chloe@acme.example"}

// testContracts are four customers whose contracts differ where the report
// does: zones on three continents (both hemispheres' DST changes fall in the
// data's months), holidays, a contract's own zone over a UTC template, a policy
// change in mid-period with the other severity-change rule, designated
// contacts or none, and a customer's name that needs escaping in a file name.
func testContracts() []sla.Contract {
	acme := sla.Preset("Europe/Paris", "FR")
	acme.Name = "Acme support 2026"
	globex := sla.Preset("America/New_York", "US")
	globex.Name, globex.MaxContacts = "Globex standard", 0
	globex2 := globex
	globex2.Name, globex2.SeverityChange, globex2.AtRisk = "Globex premium", sla.Recompute, sla.MustRatio("50%")
	globex2.Severities = severity.PresetMatrix()
	initech := sla.Preset("Australia/Sydney", "AU-NSW")
	initech.Name = "Initech APAC"
	umbrella := sla.Preset("UTC", "")
	umbrella.Name = "Umbrella template"
	return []sla.Contract{
		{Customer: "Acme Logistics", Contacts: acmeContacts, Policies: []sla.Dated{{Policy: acme}}},
		{Customer: "Globex", Policies: []sla.Dated{
			{Policy: globex},
			{From: time.Date(2026, 9, 1, 4, 0, 0, 0, time.UTC), Policy: globex2}, // midnight in New York
		}},
		{Customer: "Initech", Policies: []sla.Dated{{Policy: initech}}},
		{Customer: "Umbrella 株式会社/JP", TimeZone: "Asia/Tokyo", Holidays: []string{"JP"}, Policies: []sla.Dated{{Policy: umbrella}}},
	}
}

// zoneOf is the zone of a test contract's reports.
func zoneOf(c sla.Contract) *time.Location {
	name := c.TimeZone
	if name == "" {
		name = c.Policies[0].Policy.Support.TimeZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// genReceived draws a receipt instant in [from, to): uniform, or, one time in
// four, within two hours of a local midnight that starts a month, where the
// customer's month and the UTC month differ.
func genReceived(d draw, from, to time.Time, loc *time.Location) time.Time {
	span := to.Sub(from)
	if d.intn(0, 3, "edge") == 0 {
		t := from.Add(time.Duration(d.intn(0, int(span/time.Hour), "hour")) * time.Hour).In(loc)
		start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
		t = start.Add(time.Duration(d.intn(-120, 119, "minutes")) * time.Minute)
		if !t.Before(from) && t.Before(to) {
			return t
		}
	}
	return from.Add(time.Duration(d.intn(0, int(span/time.Minute)-1, "minute")) * time.Minute)
}

// genTicket draws a ticket with a valid timeline: a state machine over the
// events, with gaps of minutes to days, so that timelines cross weekends,
// holidays, DST changes and month ends.
func genTicket(d draw, id string, received time.Time, contacts []string) sla.Ticket {
	t := sla.Ticket{
		ID:       id,
		Contact:  "requester@client.example", // anyone, where nobody is designated
		Received: received,
		Severity: severity.Level(d.intn(1, 4, "severity")),
	}
	if len(contacts) > 0 {
		t.Contact = pick(d, "contact", append(contacts, "stranger@else.example")...)
	}
	at, level := received, t.Severity
	var paused, fixed, workaround, responded, excluded, notDefect, waived bool
	var changed time.Time
	for range d.intn(0, 9, "events") {
		// A minute to ten days: events at one instant are ordered by rules
		// of their own, which the library's tests cover.
		switch d.intn(0, 2, "unit") {
		case 0:
			at = at.Add(time.Duration(d.intn(1, 59, "minutes")) * time.Minute)
		case 1:
			at = at.Add(time.Duration(d.intn(1, 23, "hours")) * time.Hour)
		default:
			at = at.Add(time.Duration(d.intn(1, 10, "days"))*24*time.Hour + time.Duration(d.intn(0, 1439, "minutes"))*time.Minute)
		}
		var kinds []sla.Kind
		switch {
		case paused:
			kinds = append(kinds, sla.Resumed)
			if !waived {
				kinds = append(kinds, sla.Waived)
			}
		case fixed:
			kinds = append(kinds, sla.Waiting, sla.Reopened)
		default:
			kinds = append(kinds, sla.Waiting)
		}
		if !responded {
			kinds = append(kinds, sla.Responded, sla.Responded)
		}
		if !fixed {
			kinds = append(kinds, sla.Fixed, sla.Fixed)
			if !workaround {
				kinds = append(kinds, sla.WorkaroundGiven)
			}
			if !changed.Equal(at) {
				kinds = append(kinds, sla.SeverityChanged)
			}
		}
		if !excluded && d.intn(0, 19, "rare") == 0 {
			kinds = append(kinds, sla.Excluded)
		}
		if !notDefect && d.intn(0, 19, "rare") == 0 {
			kinds = append(kinds, sla.NotADefect)
		}
		ev := sla.Event{At: at, Kind: pick(d, "kind", kinds...)}
		switch ev.Kind {
		case sla.Resumed:
			paused = false
		case sla.Waiting:
			paused = true
		case sla.Reopened:
			fixed, workaround = false, false
		case sla.Responded:
			responded = true
		case sla.WorkaroundGiven:
			workaround = true
		case sla.Fixed:
			fixed = true
		case sla.SeverityChanged:
			for ev.Severity == 0 || ev.Severity == level {
				ev.Severity = severity.Level(d.intn(1, 4, "new severity"))
			}
			level, changed = ev.Severity, at
		case sla.Excluded:
			excluded = true
			ev.Category = availability.Category(d.intn(int(availability.CustomerInfrastructure), int(availability.BeyondControl), "category"))
		case sla.NotADefect:
			notDefect = true
		case sla.Waived:
			waived = true
		}
		t.Events = append(t.Events, ev)
	}
	// Events come in any order (the library sorts them): shuffle them so that
	// the pipeline carries them as given.
	for i := len(t.Events) - 1; i > 0; i-- {
		j := d.intn(0, i, "shuffle")
		t.Events[i], t.Events[j] = t.Events[j], t.Events[i]
	}
	return t
}

// dataSet is tickets of several customers over several months.
type dataSet struct {
	contracts []sla.Contract
	records   []record // in input order
	now       time.Time
}

// genDataSet draws perCustomer tickets for each test contract, received from
// 1 July 2026 to now (20 October 2026, in mid-month: the last reports are
// partial, with targets pending and at risk).
func genDataSet(d draw, perCustomer int) dataSet {
	ds := dataSet{contracts: testContracts(), now: time.Date(2026, 10, 20, 9, 30, 0, 0, time.UTC)}
	from := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	for ci, c := range ds.contracts {
		loc := zoneOf(c)
		for i := range perCustomer {
			id := fmt.Sprintf("%c-%04d", 'A'+ci, i)
			t := genTicket(d, id, genReceived(d, from, ds.now, loc), c.Contacts)
			t.Received = t.Received.In(loc) // as a helpdesk would write them
			for i := range t.Events {
				t.Events[i].At = t.Events[i].At.In(loc)
			}
			ds.records = append(ds.records, record{c.Customer, t})
		}
	}
	for i := len(ds.records) - 1; i > 0; i-- {
		j := d.intn(0, i, "order")
		ds.records[i], ds.records[j] = ds.records[j], ds.records[i]
	}
	return ds
}

func newSeeded(seed uint64) draw { return seeded{rand.New(rand.NewPCG(seed, seed))} }
