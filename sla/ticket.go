package sla

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/severity"
)

// Ticket is a support request and everything that happened to it. Events may be
// given in any order: they are put in time order before evaluation, so the same
// ticket always gives the same status.
type Ticket struct {
	ID       string         `json:"id"`
	Contact  string         `json:"contact"`  // who asked; must be a designated contact (R1)
	Received time.Time      `json:"received"` // when support received the request (I3)
	Severity severity.Level `json:"severity"` // as first diagnosed (R3)
	Events   []Event        `json:"events,omitempty"`
}

// Event is one thing that happened to a ticket.
type Event struct {
	// Ticket, when set, is the ID of the ticket the event belongs to: an event
	// recorded under another ticket is an error. Exports that keep events in a
	// file of their own carry it.
	Ticket string    `json:"ticket,omitempty"`
	At     time.Time `json:"at"`
	Kind   Kind      `json:"kind"`
	// Severity is the new level of a [SeverityChanged] event.
	Severity severity.Level `json:"severity,omitzero"`
	// Category is the R4 circumstance of an [Excluded] event.
	Category availability.Category `json:"category,omitzero"`
	Note     string                `json:"note,omitempty"`
}

// String describes the event briefly: "waiting at 2026-06-01T10:00:00+02:00".
func (e Event) String() string {
	s := e.Kind.String()
	switch e.Kind {
	case SeverityChanged:
		s += " to " + e.Severity.String()
	case Excluded:
		s += " (" + e.Category.String() + ")"
	}
	return s + " at " + e.At.Format(time.RFC3339)
}

// Kind is what an event records. The zero Kind is invalid.
type Kind uint8

// The kinds of event, in the order they are applied when several share an
// instant: a resume before anything else, the milestones before a reopening,
// a new pause after them.
const (
	Resumed         Kind = iota + 1 // the customer provided what was asked: clocks run again (I7)
	SeverityChanged                 // the severity was changed to Event.Severity (I8)
	Responded                       // support responded
	WorkaroundGiven                 // an acceptable workaround was provided
	Fixed                           // the problem was fixed
	Reopened                        // the problem came back after a fix: a new cycle of workaround and fix
	Waiting                         // support waits on the customer for information (R9): clocks stop (I7)
	NotADefect                      // diagnosis: not caused by a program error (R3): the fix target does not apply
	Excluded                        // caused by an exceptional circumstance (R4, I9)
	Waived                          // the requested information never came (R9): unmet targets are waived (I7)
)

var kindNames = [...]string{"", "resumed", "severity", "responded", "workaround", "fixed", "reopened",
	"waiting", "not-a-defect", "excluded", "waived"}

// String returns the text form, such as "waiting", or "Kind(n)" when out of range.
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if k == 0 || int(k) >= len(kindNames) {
		return nil, &FieldError{Field: "kind", Value: k.String(), Err: ErrInvalid}
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error {
	i := slices.Index(kindNames[:], strings.ToLower(string(b)))
	if i <= 0 {
		return &FieldError{Field: "kind", Value: string(b), Err: fmt.Errorf("%w (want one of %s)", ErrInvalid, strings.Join(kindNames[1:], ", "))}
	}
	*k = Kind(i)
	return nil
}

// indexed is an event with its position in Ticket.Events as given.
type indexed struct {
	Event
	index int
}

// ordered returns the events in canonical order: by time, then by kind, then
// by content, so that the order given never matters.
func ordered(events []Event, loc *time.Location, buf []indexed) []indexed {
	out := buf[:0]
	for i, e := range events {
		e.At = e.At.In(loc)
		out = append(out, indexed{e, i})
	}
	slices.SortFunc(out, func(a, b indexed) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Category, b.Category),
			strings.Compare(a.Note, b.Note), cmp.Compare(a.index, b.index))
	})
	return out
}
