package sla

import (
	"fmt"
	"strings"
	"time"

	"github.com/slakit/slakit/severity"
)

// Milestone names one of a level's three targets (R6).
type Milestone uint8

// The milestones, in the order of R6.
const (
	Response Milestone = iota + 1
	Workaround
	Fix
)

var milestoneNames = [...]string{"", "response", "workaround", "fix"}

// String returns "response", "workaround" or "fix".
func (m Milestone) String() string {
	if m >= Response && m <= Fix {
		return milestoneNames[m]
	}
	return fmt.Sprintf("Milestone(%d)", uint8(m))
}

// MarshalText implements encoding.TextMarshaler.
func (m Milestone) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Milestone) UnmarshalText(b []byte) error {
	for i := Response; i <= Fix; i++ {
		if milestoneNames[i] == string(b) {
			*m = i
			return nil
		}
	}
	return &FieldError{Field: "target", Value: string(b), Err: ErrInvalid}
}

// State is where a target stands.
type State uint8

// The states of a target. A target is decided (met or missed) once its
// milestone happens or its due time passes.
const (
	StatePending       State = iota + 1 // due later, clock under the at-risk threshold
	StateAtRisk                         // due later, but the clock used has reached the policy's threshold
	StateMet                            // the milestone happened by the due time
	StateMissed                         // the due time passed without the milestone
	StateExcluded                       // the ticket is excluded (R4, I9): it does not count
	StateNotApplicable                  // no such target: "n/a" in the matrix, or the fix of a non-defect (R3)
	StateWaived                         // the customer never provided what was asked (R9, I7)
	StateNotCovered                     // the request came from someone not designated (R1)
)

var stateNames = [...]string{"", "pending", "at-risk", "met", "missed", "excluded", "not-applicable", "waived", "not-covered"}

// String returns the text form, such as "at-risk".
func (s State) String() string {
	if s >= StatePending && s <= StateNotCovered {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *State) UnmarshalText(b []byte) error {
	for i := StatePending; i <= StateNotCovered; i++ {
		if stateNames[i] == string(b) {
			*s = i
			return nil
		}
	}
	return &FieldError{Field: "state", Value: string(b), Err: ErrInvalid}
}

// Status is a ticket evaluated at an instant.
type Status struct {
	Ticket   string         `json:"ticket"`
	At       time.Time      `json:"at"`       // the instant evaluated ("now")
	Policy   string         `json:"policy"`   // name of the policy in force at receipt
	Severity severity.Level `json:"severity"` // in force at At
	Covered  bool           `json:"covered"`
	Reason   string         `json:"reason,omitempty"` // why not covered, excluded or waived
	Targets  []TargetStatus `json:"targets"`
}

// TargetStatus is one target of one cycle of a ticket.
type TargetStatus struct {
	Cycle     int             `json:"cycle"` // 0 for the first; each reopening adds one
	Milestone Milestone       `json:"target"`
	Level     severity.Level  `json:"severity"` // whose target applies
	Rule      severity.Target `json:"rule"`     // such as "4h business"
	State     State           `json:"state"`
	Due       time.Time       `json:"due,omitzero"`
	Done      time.Time       `json:"done,omitzero"` // when the milestone happened
	// Used is the target's clock time from its start to Done (or At), pauses
	// excluded; Remaining is the clock time from there to Due, negative when
	// overdue; Paused is the clock time stopped while waiting on the customer.
	Used      Duration `json:"used"`
	Remaining Duration `json:"remaining"`
	Paused    Duration `json:"paused"`
	// Steps explain the due time, in order.
	Steps []Step `json:"steps,omitempty"`
}

// Step is one step of the reasoning behind a due time. Its fields are data;
// [Step.String] renders it as a sentence.
type Step struct {
	What StepKind  `json:"what"`
	At   time.Time `json:"at"`           // when the step happens (start, pause, completion)
	To   time.Time `json:"to,omitzero"`  // the end of a pause
	By   Duration  `json:"by,omitzero"`  // clock time added by a pause
	Due  time.Time `json:"due,omitzero"` // the due time after this step
	// Why the clock starts: "received", "reopened" or "severity changed"; or
	// why there is no target: "not a program error (R3)".
	Why string `json:"why,omitempty"`
	// Level, Milestone, Rule and Calendar say which rule applies, on which
	// calendar (empty on the continuous clock).
	Level     severity.Level  `json:"severity,omitzero"`
	Milestone Milestone       `json:"target,omitzero"`
	Rule      severity.Target `json:"rule,omitzero"`
	Calendar  string          `json:"calendar,omitempty"`
}

// StepKind says what a Step did.
type StepKind uint8

// The kinds of step.
const (
	// StepStart: the target's clock starts (at receipt, a reopening or a
	// severity change) and its rule gives a first due time, or says n/a.
	StepStart StepKind = iota + 1
	// StepPause: a wait on the customer moves the due time back.
	StepPause
)

var stepNames = [...]string{"", "start", "pause"}

// String returns "start" or "pause".
func (k StepKind) String() string {
	if k >= StepStart && k <= StepPause {
		return stepNames[k]
	}
	return fmt.Sprintf("StepKind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler.
func (k StepKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *StepKind) UnmarshalText(b []byte) error {
	for i := StepStart; i <= StepPause; i++ {
		if stepNames[i] == string(b) {
			*k = i
			return nil
		}
	}
	return &FieldError{Field: "what", Value: string(b), Err: ErrInvalid}
}

// String renders the step as a sentence.
func (s Step) String() string {
	const f = "2006-01-02 15:04 MST"
	switch s.What {
	case StepStart:
		why := s.Why
		if why == whyChange {
			why += " to " + s.Level.String()
		}
		r := why + " " + s.At.Format(f) + ": " + s.Rule.String()
		if s.Calendar != "" {
			r += " on " + s.Calendar
		}
		if s.Due.IsZero() {
			return r
		}
		return r + " → due " + s.Due.Format(f)
	case StepPause:
		return "waiting on customer " + s.At.Format(f) + " → " + s.To.Format(f) + ": +" + s.By.String() + " → due " + s.Due.Format(f)
	}
	return s.What.String()
}

// Explain renders the steps of a target, one per line.
func (t TargetStatus) Explain() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (cycle %d, %s %s): %s\n", t.Milestone, t.Cycle, t.Level, t.Rule, t.State)
	for _, s := range t.Steps {
		b.WriteString("  " + s.String() + "\n")
	}
	return b.String()
}
