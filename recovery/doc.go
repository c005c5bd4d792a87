// Package recovery checks recovery objectives and shows the evidence: the recovery
// time objective (RTO: how long restoring the service may take) and the recovery point
// objective (RPO: how much data, as a span of time, an incident may lose).
//
// Every check returns a small value holding the measured duration, the objective, the
// margin (objective − measured, negative when missed), the verdict and the evidence it
// was computed from: the incident's instants, the recovery point used, the gaps in the
// history. Nothing reads the clock: the current time is an argument. Times keep the
// caller's locations, lose their monotonic clock readings, and are compared as
// instants, so durations are elapsed time whatever the time zone or DST change.
// Rules are cited by their ids (I13, I15), defined in the documentation of package
// [github.com/slakit/slakit].
//
// # RTO
//
// [CheckRTO] and [Incident.Check] measure the elapsed time from the moment a
// disruption is reported to the moment the service is restored; the objective is met
// when the time taken is at most the objective (exactly 24 hours meets a 24-hour RTO;
// I13). When the disruption's start is known, the result also gives the detection
// lag. [Incident.CheckAt] measures an incident still open as of an instant the caller
// gives: ongoing, with the time so far, breached or not yet.
//
// # RPO
//
// A [Point] is a recovery point: the instant the data is consistent as of (At) and,
// optionally, the instant it was durably stored (Stored). It is usable at instant x
// when At ≤ x and, if Stored is set, Stored ≤ x. The exposure at x is what an incident at x would lose:
// x − the At of the latest point usable at x.
//
//   - [DataLoss] is the exposure at an incident, with the point used as evidence; met
//     when it is at most the objective. With no usable point the loss is unbounded
//     and the error wraps [ErrNoPoint].
//   - [Current] is the exposure at now, and rejects points from the future.
//   - [Exposure] covers a period: the worst gap (the largest exposure over the period,
//     counting the period's start and end; I13), the total time in breach (how long
//     the exposure exceeded the objective) and the list of gaps in breach. A point
//     from before the period that is usable at its start is the baseline there; while
//     no point is usable the period start stands in as one, as in the usual gap
//     "period start → first point". With no point usable in the period at all, an
//     empty list included, the worst gap is the whole period (I15). [Exposure] gives
//     the exact definition.
//
// For the instants of a period the worst gap is never less than the data loss
// [DataLoss] reports, and with no Stored times and no point before the period the gaps
// are the plain gaps between consecutive points, the period's start and its end.
//
// [ParsePoints] reads recovery points from the text a backup tool logs, one a line.
//
// # JSON
//
// [Incident] and [Point] read and write JSON strictly (an unknown key, a key written
// twice or trailing data is an error naming the key); results write snake_case names,
// instants in RFC 3339 and durations as text such as "24h" or "1h30m" (Go's duration
// syntax without zero units), and read back what they write.
//
// # Errors
//
// Every error is a [*FieldError], slakit's one error shape: the path of the argument
// ("restored"), of the point ("points[3].stored", numbered from 0 in the caller's
// slice) or of the line ("line 4", numbered from 1), the value given, and the reason,
// which says what is wanted and wraps a sentinel such as [ErrZeroTime], [ErrFuture],
// [ErrReversed], [ErrObjective], [ErrNoPoint], [ErrSyntax] or [ErrLimit]; the general
// ones are the same values in every package of slakit. Input order never matters and
// input slices are never modified.
package recovery
