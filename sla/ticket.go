package sla

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/internal/enum"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/severity"
)

// Ticket is a support request and everything that happened to it. Events may be
// given in any order: they are put in time order before evaluation, so the same
// ticket always gives the same status. A ticket has at most [MaxEvents] events.
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

// UnmarshalJSON decodes a ticket strictly: an unknown or repeated key, or a
// value of the wrong form, is an error naming its path ("events[2].kind").
func (t *Ticket) UnmarshalJSON(b []byte) error {
	type plain Ticket
	return jsonx.Decode(b, (*plain)(t))
}

// UnmarshalJSON decodes an event strictly, as [Ticket.UnmarshalJSON] does.
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event
	return jsonx.Decode(b, (*plain)(e))
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

// Kind is what an event records. The zero Kind is unset, and no event may have
// it.
type Kind uint8

// The kinds of event, in the order they are applied when several share an
// instant: a resume before anything else, the milestones before a reopening,
// a new pause after them, a customer message last.
const (
	Resumed         Kind = iota + 1 // the customer provided what was asked: clocks run again (I7)
	SeverityChanged                 // the severity was changed to Event.Severity (I8)
	// Responded: an agent replied. The first response, workaround or fix
	// meets the response target; under a policy with next-reply or update
	// targets (I16) an agent may respond any number of times, and each
	// response, workaround or fix is an agent reply.
	Responded
	WorkaroundGiven // an acceptable workaround was provided
	Fixed           // the problem was fixed
	Reopened        // the problem came back after a fix: a new cycle of workaround and fix
	Waiting         // support waits on the customer for information (R9): clocks stop (I7)
	NotADefect      // diagnosis: not caused by a program error (R3): the fix target does not apply
	Excluded        // caused by an exceptional circumstance (R4, I9)
	Waived          // the requested information never came (R9): unmet targets are waived (I7)
	// CustomerReplied: the customer sent a message; when the customer had
	// been answered, it starts a next-reply target (I16). An agent reply at
	// the same instant comes before it.
	CustomerReplied
)

var kindNames = enum.Names{Type: "Kind", Names: []string{"", "resumed", "severity", "responded", "workaround", "fixed", "reopened",
	"waiting", "not-a-defect", "excluded", "waived", "customer-replied"}}

// String returns the text form, such as "waiting", or "%!Kind(n)" for a value
// out of range.
func (k Kind) String() string { return kindNames.String(int(k)) }

// IsValid reports whether k is one of the named kinds.
func (k Kind) IsValid() bool { return kindNames.Valid(int(k)) }

// MarshalText implements encoding.TextMarshaler; the zero Kind is empty text,
// a value out of range an error.
func (k Kind) MarshalText() ([]byte, error) { return kindNames.Marshal(int(k)) }

// UnmarshalText implements encoding.TextUnmarshaler: what MarshalText writes,
// in any case ("WAITING" is "waiting").
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := kindNames.Parse(bytes.ToLower(b))
	if err == nil {
		*k = Kind(v)
	}
	return err
}

// ordered returns the indices of events in canonical order: by time, then
// by kind, then by content, so that the order given never matters. It
// appends to buf[:0].
func ordered(events []Event, buf []int32) []int32 {
	out := buf[:0]
	sorted := true
	for i := range events {
		out = append(out, int32(i))
		sorted = sorted && (i == 0 || compareEvents(&events[i-1], &events[i]) <= 0)
	}
	if !sorted { // tickets usually come in order
		slices.SortFunc(out, func(a, b int32) int {
			return cmp.Or(compareEvents(&events[a], &events[b]), cmp.Compare(a, b))
		})
	}
	return out
}

// compareEvents orders two events by time, then kind, then content.
func compareEvents(a, b *Event) int {
	return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Kind, b.Kind),
		cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Category, b.Category),
		strings.Compare(a.Note, b.Note))
}
