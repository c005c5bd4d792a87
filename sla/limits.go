package sla

import "github.com/slakit/slakit/internal/fault"

// Limits a service can rely on: every ticket within them evaluates in bounded
// time and memory, O(n log n) and O(n) in its number of events. A ticket over
// a limit is refused with an error wrapping [ErrLimit] that names the field.
const (
	// MaxEvents is the largest number of events of one ticket: a million
	// evaluate in under a second. Cycles need no limit of their own: each
	// takes a fix and a reopening, so a ticket has at most MaxEvents/2 + 1 of
	// them; with the reply targets' instances (one at most per event) a status
	// has at most 2 × MaxEvents + 3 targets.
	MaxEvents = 1_000_000
	// MaxWarnings is the largest number of warning points of a policy.
	MaxWarnings = 16
)

// ErrLimit is wrapped by the errors of input over one of the limits.
var ErrLimit = fault.ErrLimit
