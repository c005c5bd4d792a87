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
// customer's zone and country. Objectives are set from text
// (sla.MustRatio("99.95%"), [ParseRatio]); the decimal package is needed only
// for exact arithmetic of one's own.
//
// A [Contract] names the customer, its designated contacts (R1), and the
// policies in force over time. [New] validates it, reporting every problem at
// once, and returns an [*Engine]: immutable, safe for concurrent use.
// [Engine.Rules] and [Engine.Period] give the availability rules and the month
// interval of the policy in force, for callers of package availability.
//
// # Errors
//
// Every error that comes from user data is a [*FieldError], the one error
// shape of slakit: the JSON path of the field ("policies[0].policy.availability",
// "tickets[7].events[2].at"; list elements numbered from 0), the value given,
// and what is wanted. The sentinels ([ErrMissing], [ErrInvalid], ...) are the
// same values in every slakit package, so errors.Is finds a missing value
// whichever package reported it. [Decode] reads any of this package's types
// from JSON strictly: an unknown key, a key written twice, or data after the
// value is an error naming its path.
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
// target, as things stand at an instant the caller gives.
//
// Each target is counted in exactly one month (I14): the month, in the
// customer's zone, in which its outcome was decided, whatever the ticket's
// receipt date, so the months of a year sum to the year. A target still
// pending is listed as open, with its due time, and counted in no month yet.
// A month report therefore reads every ticket that may have a target decided
// in the month; tickets received after it are ignored by rule and counted.
//
// Absence of evidence is never compliance (I15): an input that was not
// supplied gives no section, no verdict, and [Report.Inputs] says so; an input
// supplied empty ([Supplied]) is evidence: no outage at all, no recovery point
// at all. Bad records are refused with an error naming each one, never
// dropped.
//
// [Engine.MonthStream] reads tickets from an iterator, one at a time, in memory
// bounded by what the report keeps: the counts are exact, the lists of
// breaches and open targets are capped ([Options]), and duplicate IDs are
// found in 12 bytes a ticket, or in constant memory when IDs come in
// ascending order. Reports of disjoint sets of tickets merge exactly
// ([Report.Merge]), also after a round trip through JSON, so millions of
// tickets can be reported in shards on any engine. A report prints as text
// ([Report.WriteText]).
package sla
