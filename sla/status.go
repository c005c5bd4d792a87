package sla

import (
	"fmt"
	"strings"
	"time"

	"github.com/slakit/slakit/internal/enum"
	"github.com/slakit/slakit/severity"
)

// Milestone names a kind of target: the three of each level (R6), and the
// optional reply targets (I16). The zero Milestone is unset.
type Milestone uint8

// The milestones: those of R6 in their order, then the reply targets.
const (
	Response   Milestone = iota + 1 // the first response (first cycle only)
	Workaround                      // an acceptable workaround, once per cycle
	Fix                             // the fix, once per cycle
	// NextReply: an agent reply after a customer message; one instance per
	// message that finds the customer answered (I16).
	NextReply
	// Update: an agent reply at least this often while the ticket is open; one
	// instance per agent reply (and per reopening) while it is open (I16).
	Update
)

var milestoneNames = enum.Names{Type: "Milestone", Names: []string{"", "response", "workaround", "fix", "next-reply", "update"}}

// String returns "response", "workaround", "fix", "next-reply" or "update",
// and "%!Milestone(9)" for a value out of range.
func (m Milestone) String() string { return milestoneNames.String(int(m)) }

// IsValid reports whether m is one of the named milestones.
func (m Milestone) IsValid() bool { return milestoneNames.Valid(int(m)) }

// MarshalText implements encoding.TextMarshaler; the zero Milestone is empty
// text, a value out of range an error.
func (m Milestone) MarshalText() ([]byte, error) { return milestoneNames.Marshal(int(m)) }

// UnmarshalText implements encoding.TextUnmarshaler: what MarshalText writes.
func (m *Milestone) UnmarshalText(b []byte) error {
	v, err := milestoneNames.Parse(b)
	if err == nil {
		*m = Milestone(v)
	}
	return err
}

// State is where a target stands. The zero State is unset.
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

var stateNames = enum.Names{Type: "State", Names: []string{"", "pending", "at-risk", "met", "missed", "excluded", "not-applicable", "waived", "not-covered"}}

// String returns the text form, such as "at-risk", and "%!State(9)" for a
// value out of range.
func (s State) String() string { return stateNames.String(int(s)) }

// IsValid reports whether s is one of the named states.
func (s State) IsValid() bool { return stateNames.Valid(int(s)) }

// MarshalText implements encoding.TextMarshaler; the zero State is empty text,
// a value out of range an error.
func (s State) MarshalText() ([]byte, error) { return stateNames.Marshal(int(s)) }

// UnmarshalText implements encoding.TextUnmarshaler: what MarshalText writes.
func (s *State) UnmarshalText(b []byte) error {
	v, err := stateNames.Parse(b)
	if err == nil {
		*s = State(v)
	}
	return err
}

// Status is a ticket evaluated at an instant. Instants are in the customer's
// zone (that of the support calendar) and within its years 1 to 9999, so that
// every Status the library returns marshals to JSON: an instant computed
// beyond (the due time of a "99999mo" target) is reported as the last
// nanosecond of 9999.
type Status struct {
	Ticket   string         `json:"ticket"`
	At       time.Time      `json:"at"`       // the instant evaluated ("now")
	Policy   string         `json:"policy"`   // name of the policy in force at receipt
	Severity severity.Level `json:"severity"` // in force at At
	Covered  bool           `json:"covered"`
	Reason   string         `json:"reason,omitempty"` // why not covered, excluded or waived
	Targets  []TargetStatus `json:"targets"`
	// Recheck is the earliest instant after At at which a target's state
	// would change or one of its warning points pass, if nothing else happens
	// to the ticket (I17): the one timer a service needs per ticket. It is the
	// zero Time when nothing will change without a new event. Events after At
	// are not taken into account: they have not happened yet.
	Recheck time.Time `json:"recheck,omitzero"`
}

// Target returns the target of milestone m in cycle (0 for the first, one
// more per reopening). For next-reply and update targets, of which a cycle may
// have several instances, it returns the last one: the one still running, if
// any. It reports false when the status has no such target.
func (s Status) Target(cycle int, m Milestone) (TargetStatus, bool) {
	for i := len(s.Targets) - 1; i >= 0; i-- {
		if ts := s.Targets[i]; ts.Cycle == cycle && ts.Milestone == m {
			return ts, true
		}
	}
	return TargetStatus{}, false
}

// TargetStatus is one target of one cycle of a ticket, or one instance of a
// next-reply or update target.
type TargetStatus struct {
	Cycle     int       `json:"cycle"` // 0 for the first; each reopening adds one
	Milestone Milestone `json:"target"`
	// Instance numbers the instances of a next-reply or update target within
	// its cycle, from 0 in the order they start; 0 for the targets of R6.
	Instance int             `json:"instance,omitzero"`
	Level    severity.Level  `json:"severity"` // whose target applies
	Rule     severity.Target `json:"rule"`     // such as "4h business"
	State    State           `json:"state"`
	// Start is when the target started: the receipt, the reopening of its
	// cycle, or the customer message or agent reply that started an instance.
	Start time.Time `json:"start"`
	Due   time.Time `json:"due,omitzero"`
	Done  time.Time `json:"done,omitzero"` // when the milestone happened
	// Decided is the instant the outcome became final, which places the
	// target in one month (I14): for a met target its completion; for a
	// missed one its due time, even when completed later; for an excluded,
	// waived, not covered or not applicable one the instant that became so
	// (the exclusion, the waiver, the start of the target, the severity change
	// or the diagnosis). It is the zero Time while the target is pending or
	// at risk.
	Decided time.Time `json:"decided,omitzero"`
	// Used is the target's clock time from its start to Done (or At), pauses
	// excluded; Remaining is the clock time from there to Due, negative when
	// overdue; Paused is the clock time stopped while waiting on the customer.
	Used      Duration `json:"used"`
	Remaining Duration `json:"remaining"`
	Paused    Duration `json:"paused"`
	// Warnings are the policy's warning points for this target (I17), in the
	// policy's order; none for a target that is excluded, not covered or not
	// applicable.
	Warnings []WarningStatus `json:"warnings,omitempty"`
	// Steps explain the due time, in order, then the warning points.
	Steps []Step `json:"steps,omitempty"`
}

// Step is one step of the reasoning behind a due time. Its fields are data;
// [Step.String] renders it as a sentence.
type Step struct {
	What StepKind  `json:"what"`
	At   time.Time `json:"at"`           // when the step happens (start, pause, warning point)
	To   time.Time `json:"to,omitzero"`  // the end of a pause
	By   Duration  `json:"by,omitzero"`  // clock time added by a pause
	Due  time.Time `json:"due,omitzero"` // the due time after this step
	// Why the clock starts: "received", "reopened", "severity changed",
	// "customer replied" or "agent replied"; why there is no target: "not a
	// program error (R3)"; or, for a warning, its point ("75%", "-1h").
	Why string `json:"why,omitempty"`
	// Level, Milestone, Rule and Calendar say which rule applies, on which
	// calendar (empty on the continuous clock).
	Level     severity.Level  `json:"severity,omitzero"`
	Milestone Milestone       `json:"target,omitzero"`
	Rule      severity.Target `json:"rule,omitzero"`
	Calendar  string          `json:"calendar,omitempty"`
}

// StepKind says what a Step did. The zero StepKind is unset.
type StepKind uint8

// The kinds of step.
const (
	// StepStart: the target's clock starts (at receipt, a reopening, a
	// severity change, a customer message or an agent reply) and its rule
	// gives a first due time, or says n/a.
	StepStart StepKind = iota + 1
	// StepPause: a wait on the customer moves the due time back.
	StepPause
	// StepWarning: a warning point of the policy falls at At (I17).
	StepWarning
)

var stepNames = enum.Names{Type: "StepKind", Names: []string{"", "start", "pause", "warning"}}

// String returns "start", "pause" or "warning", and "%!StepKind(9)" for a
// value out of range.
func (k StepKind) String() string { return stepNames.String(int(k)) }

// IsValid reports whether k is one of the named kinds.
func (k StepKind) IsValid() bool { return stepNames.Valid(int(k)) }

// MarshalText implements encoding.TextMarshaler; the zero StepKind is empty
// text, a value out of range an error.
func (k StepKind) MarshalText() ([]byte, error) { return stepNames.Marshal(int(k)) }

// UnmarshalText implements encoding.TextUnmarshaler: what MarshalText writes.
func (k *StepKind) UnmarshalText(b []byte) error {
	v, err := stepNames.Parse(b)
	if err == nil {
		*k = StepKind(v)
	}
	return err
}

// String renders the step as a sentence, such as "customer replied
// 2026-06-01 14:02 CEST: next reply 4h business on … → due 2026-06-01 18:02
// CEST".
func (s Step) String() string {
	const f = "2006-01-02 15:04 MST"
	switch s.What {
	case StepStart:
		why := s.Why
		if why == whyChange {
			why += " to " + s.Level.String()
		}
		r := why + " " + s.At.Format(f) + ": "
		if s.Milestone == NextReply || s.Milestone == Update {
			r += strings.ReplaceAll(s.Milestone.String(), "-", " ") + " "
		}
		r += s.Rule.String()
		if s.Calendar != "" {
			r += " on " + s.Calendar
		}
		if s.Due.IsZero() {
			return r
		}
		return r + " → due " + s.Due.Format(f)
	case StepPause:
		return "waiting on customer " + s.At.Format(f) + " → " + s.To.Format(f) + ": +" + s.By.String() + " → due " + s.Due.Format(f)
	case StepWarning:
		return "warning " + s.Why + " → " + s.At.Format(f)
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
