// Package sla is the contract as a whole: policies as data, tickets evaluated
// over their whole timeline, and the monthly report a customer is owed.
//
// # Policies and contracts
//
// A [Policy] holds the numbers of a support contract: the support calendar,
// the severity matrix, the maintenance window and notice, the availability
// objective, RTO and RPO, the designated-contact limit, how a severity change
// affects targets, and the at-risk threshold. It has a strict, versioned JSON
// form; [Preset] builds the policy of the reference contract (R1–R13) for a
// customer's zone and country.
//
// A [Contract] names the customer, its designated contacts (R1), and the
// policies in force over time. [New] validates it, reporting every problem at
// once, and returns an [*Engine]: immutable, safe for concurrent use.
//
// # Tickets
//
// A [Ticket] is a request with its events (responded, workaround, fixed,
// waiting on the customer and resumed, severity changed, excluded, not a
// defect, waived, reopened, customer replied) in any order. [Engine.Evaluate]
// replays them under the policy in force at receipt and returns, for every
// target, its due time, state, clock time used and remaining, paused time, the
// instant its outcome was decided, its warning points, and the [Step]s that
// explain the due time; and [Status.Recheck], the one instant at which a
// service needs to look at the ticket again. Besides the response, workaround
// and fix of R6, a policy may set next-reply and update targets per level
// ([Replies], I16) and warning points ([Warning], I17). It is a pure function
// of the ticket and the instant given: no clock is read, no state is kept. It
// takes O(n log n) time and O(n) memory in the number of events, up to
// [MaxEvents].
//
// # Monthly report
//
// [Engine.Month] computes availability (package availability), RTO per incident
// and RPO exposure (package recovery), and ticket compliance per severity and
// target. Compliance figures from disjoint sets of tickets merge exactly
// ([Report.Merge]), so millions of tickets can be reported in shards. A report
// marshals to JSON and prints as text ([Report.WriteText]).
package sla
