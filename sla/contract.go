package sla

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Contract is one customer's agreement: who may ask for support (R1), where the
// customer is, and the policies in force over time.
//
// Policies are effective-dated: a ticket is evaluated under the policy in force
// when it was received, a month under the policy in force at its start. Adding
// a newer policy never changes a past result.
type Contract struct {
	Customer string `json:"customer"`
	// TimeZone, when set, replaces the zone of every policy's support and
	// maintenance calendars: one policy template serves customers everywhere.
	TimeZone string `json:"time_zone,omitempty"`
	// Holidays, when set, replaces the holiday codes of every policy's support
	// calendar; Closed adds closed dates to it.
	Holidays []string `json:"holidays,omitempty"`
	Closed   []string `json:"closed,omitempty"`
	// Contacts are the designated contacts (R1), compared without regard to
	// case or surrounding space. An empty list designates nobody in particular:
	// every request is covered.
	Contacts []string `json:"contacts,omitempty"`
	Policies []Dated  `json:"policies"`
}

// Dated is a policy and the instant from which it is in force. A zero From is
// "since always".
type Dated struct {
	From   time.Time `json:"from,omitzero"`
	Policy Policy    `json:"policy"`
}

// localize applies the contract's zone and holidays to p.
func (c Contract) localize(p Policy) Policy {
	if c.TimeZone != "" {
		p.Support.TimeZone = c.TimeZone
		p.Maintenance.TimeZone = c.TimeZone
	}
	if len(c.Holidays) > 0 {
		p.Support.Holidays = slices.Clone(c.Holidays)
	}
	if len(c.Closed) > 0 {
		p.Support.Closed = append(slices.Clone(p.Support.Closed), c.Closed...)
	}
	return p
}

// Engine is a compiled contract: calendars built, policies validated. It is
// immutable and safe for concurrent use.
type Engine struct {
	contract Contract
	terms    []term // sorted by from
	contacts map[string]bool
}

type term struct {
	from  time.Time
	index int // in Contract.Policies
	*compiled
}

// New validates the contract and compiles it. Every problem is reported at
// once (joined with [errors.Join]), each a [*FieldError] naming its path, such
// as "policies[0].policy.availability", "time_zone" or "contacts[2]".
func New(c Contract) (*Engine, error) {
	e := &Engine{contract: c, contacts: map[string]bool{}}
	var errs []error
	if len(c.Policies) == 0 {
		errs = append(errs, fault.Field("policies", "", ErrMissing, "want at least one policy"))
	}
	local, err := c.checkLocal()
	if err != nil {
		errs = append(errs, err)
	}
	for i, d := range c.Policies {
		path := fault.Index("policies", i)
		p, err := local.localize(d.Policy).compile()
		if err != nil {
			errs = append(errs, fault.At(path+".policy", err))
			continue
		}
		if n := p.MaxContacts; n > 0 && len(c.Contacts) > n {
			errs = append(errs, fault.Field("contacts", strconv.Itoa(len(c.Contacts))+" contacts", ErrContacts,
				"want at most "+strconv.Itoa(n)+", as "+path+".policy.max_contacts says"))
		}
		e.terms = append(e.terms, term{from: d.From.Round(0), index: i, compiled: p})
	}
	first := map[string]int{}
	for i, who := range c.Contacts {
		k := contactKey(who)
		if k == "" {
			errs = append(errs, fault.Field(fault.Index("contacts", i), "", ErrMissing, "want an e-mail address or a name"))
			continue
		}
		if j, dup := first[k]; dup {
			errs = append(errs, fault.Field(fault.Index("contacts", i), who, ErrDuplicate,
				"also "+fault.Index("contacts", j)+" (contacts are compared without regard to case)"))
			continue
		}
		first[k] = i
		e.contacts[k] = true
	}
	slices.SortStableFunc(e.terms, func(a, b term) int { return a.from.Compare(b.from) })
	for i := 1; i < len(e.terms); i++ {
		if a, b := e.terms[i-1], e.terms[i]; a.from.Equal(b.from) {
			j, k := min(a.index, b.index), max(a.index, b.index)
			errs = append(errs, fault.Field(fault.Index("policies", k)+".from", formatFrom(b.from), ErrDuplicate,
				"also "+fault.Index("policies", j)+".from: want one policy from each instant"))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return e, nil
}

func formatFrom(t time.Time) string {
	if t.IsZero() {
		return "" // "since always"
	}
	return t.Format(time.RFC3339)
}

// checkLocal validates the contract's own zone, holidays and closed dates,
// which replace those of its policies, and returns the contract with the
// invalid ones left out, so that one bad zone is reported once, at
// "time_zone", not once per policy.
func (c Contract) checkLocal() (Contract, error) {
	if c.TimeZone == "" && len(c.Holidays) == 0 && len(c.Closed) == 0 {
		return c, nil
	}
	zone := c.TimeZone
	if zone == "" {
		zone = "UTC"
	}
	always := []string{"00:00-24:00"}
	_, err := calendar.New(calendar.Spec{TimeZone: zone, Holidays: c.Holidays, Closed: c.Closed,
		Hours: calendar.Week{Mon: always, Tue: always, Wed: always, Thu: always, Fri: always, Sat: always, Sun: always}})
	if err == nil {
		return c, nil
	}
	// Leave out what is wrong; the policies' own values stand in.
	for _, one := range unjoin(err) {
		var fe *FieldError
		if !errors.As(one, &fe) {
			continue
		}
		switch {
		case fe.Field == "time_zone":
			c.TimeZone = ""
		case strings.HasPrefix(fe.Field, "holidays"):
			c.Holidays = nil
		case strings.HasPrefix(fe.Field, "closed"):
			c.Closed = nil
		}
	}
	return c, err
}

func contactKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Contract returns the contract the engine was built from; the zero Contract
// for a nil or zero Engine.
func (e *Engine) Contract() Contract {
	if e == nil {
		return Contract{}
	}
	return e.contract
}

// PolicyAt returns the policy in force at t, with the contract's zone and
// holidays applied.
func (e *Engine) PolicyAt(t time.Time) (Policy, error) {
	p, err := e.at(t)
	if err != nil {
		return Policy{}, err
	}
	return p.Policy, nil
}

// at returns the policy in force at t. A nil or zero Engine has none.
func (e *Engine) at(t time.Time) (*compiled, error) {
	if e == nil || len(e.terms) == 0 {
		return nil, ErrEngine
	}
	i, found := slices.BinarySearchFunc(e.terms, t, func(x term, t time.Time) int { return x.from.Compare(t) })
	if !found {
		i--
	}
	if i < 0 {
		return nil, fault.Field("policies", t.Format(time.RFC3339), ErrNoPolicy,
			"want a policy from "+e.terms[0].from.Format(time.RFC3339)+" or earlier, or one without a date")
	}
	return e.terms[i].compiled, nil
}

// Covers reports whether a request from contact is covered (R1). A nil or
// zero Engine covers nobody.
func (e *Engine) Covers(contact string) bool {
	if e == nil || len(e.terms) == 0 {
		return false
	}
	return len(e.contacts) == 0 || e.contacts[contactKey(contact)]
}

// UnmarshalJSON decodes a contract strictly: an unknown key, a key written
// twice or trailing data is an error naming its path ("policies[0].policy.rto").
func (c *Contract) UnmarshalJSON(data []byte) error {
	type plain Contract
	return jsonx.Decode(data, (*plain)(c))
}

// UnmarshalJSON decodes a dated policy strictly.
func (d *Dated) UnmarshalJSON(data []byte) error {
	type plain Dated
	return jsonx.Decode(data, (*plain)(d))
}
