package sla

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
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
	from time.Time
	*compiled
}

// New validates the contract and compiles it. Every problem is reported at
// once (joined with [errors.Join]), each a [*FieldError] naming its path, such
// as "policies[0].policy.availability" or "contacts".
func New(c Contract) (*Engine, error) {
	e := &Engine{contract: c, contacts: map[string]bool{}}
	var errs []error
	if len(c.Policies) == 0 {
		errs = append(errs, &FieldError{Field: "policies", Err: ErrMissing})
	}
	for i, d := range c.Policies {
		p, err := c.localize(d.Policy).compile()
		if err != nil {
			for _, one := range unjoin(err) {
				errs = append(errs, prefix(fmt.Sprintf("policies[%d].policy", i), one))
			}
			continue
		}
		if n := p.MaxContacts; n > 0 && len(c.Contacts) > n {
			errs = append(errs, &FieldError{Field: "contacts", Value: fmt.Sprint(len(c.Contacts)),
				Err: fmt.Errorf("%w: policies[%d] allows %d", ErrContacts, i, n)})
		}
		e.terms = append(e.terms, term{d.From.Round(0), p})
	}
	for i, who := range c.Contacts {
		k := contactKey(who)
		if k == "" {
			errs = append(errs, &FieldError{Field: fmt.Sprintf("contacts[%d]", i), Err: ErrMissing})
		}
		if e.contacts[k] {
			errs = append(errs, &FieldError{Field: fmt.Sprintf("contacts[%d]", i), Value: who, Err: ErrDuplicate})
		}
		e.contacts[k] = true
	}
	slices.SortStableFunc(e.terms, func(a, b term) int { return a.from.Compare(b.from) })
	for i := 1; i < len(e.terms); i++ {
		if e.terms[i].from.Equal(e.terms[i-1].from) {
			errs = append(errs, &FieldError{Field: "policies", Value: e.terms[i].from.Format(time.RFC3339),
				Err: fmt.Errorf("%w: two policies from the same instant", ErrDuplicate)})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return e, nil
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func contactKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Contract returns the contract the engine was built from.
func (e *Engine) Contract() Contract { return e.contract }

// PolicyAt returns the policy in force at t, with the contract's zone and
// holidays applied.
func (e *Engine) PolicyAt(t time.Time) (Policy, error) {
	p, err := e.at(t)
	if err != nil {
		return Policy{}, err
	}
	return p.Policy, nil
}

func (e *Engine) at(t time.Time) (*compiled, error) {
	i, found := slices.BinarySearchFunc(e.terms, t, func(x term, t time.Time) int { return x.from.Compare(t) })
	if !found {
		i--
	}
	if i < 0 {
		return nil, &FieldError{Field: "policies", Value: t.Format(time.RFC3339), Err: ErrNoPolicy}
	}
	return e.terms[i].compiled, nil
}

// Covers reports whether a request from contact is covered (R1).
func (e *Engine) Covers(contact string) bool {
	return len(e.contacts) == 0 || e.contacts[contactKey(contact)]
}

// UnmarshalJSON decodes a contract strictly: an unknown field is an error that
// names it.
func (c *Contract) UnmarshalJSON(data []byte) error {
	if err := checkFields(data, []string{"customer", "time_zone", "holidays", "closed", "contacts", "policies"}); err != nil {
		return err
	}
	type plain Contract
	var v plain
	if err := json.Unmarshal(data, &v); err != nil {
		return jsonError(err)
	}
	*c = Contract(v)
	return nil
}

// UnmarshalJSON decodes a dated policy strictly.
func (d *Dated) UnmarshalJSON(data []byte) error {
	if err := checkFields(data, []string{"from", "policy"}); err != nil {
		return err
	}
	type plain Dated
	var v plain
	if err := json.Unmarshal(data, &v); err != nil {
		return jsonError(err)
	}
	*d = Dated(v)
	return nil
}
