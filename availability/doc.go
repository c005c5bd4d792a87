// Package availability computes the monthly availability that a SaaS contract
// promises (SPEC R8, R10–R13), exactly, with planned, excluded and unplanned
// downtime told apart.
//
// # The formula
//
// For a period, usually a calendar month in the customer's zone from [Month],
// let T be its real elapsed length (Europe/Paris: March 2026 lasts 743 h), P
// the measure of the union of planned intervals, and U the unplanned downtime
// outside P and outside excluded time. The availability of R10 is then
//
//	(T − P − U) / (T − P)
//
// and 100 % when T − P is zero (SPEC I10). [Compute] takes the period, the
// [Outage] values and the contract's [Rules] and returns a [Report] with T, P,
// U, the excluded time, the availability, whether it meets the objective, the
// unplanned-downtime budget (1 − objective) × (T − P), what is left of it, and
// the evidence: every interval of downtime with the [Class] it counted in.
//
// # Causes and precedence
//
// Each outage has a [Cause]:
//
//   - [Unplanned], the default, counts in U.
//   - [Maintenance] is planned when announced at least [Rules.Notice] before
//     its start, in elapsed time (48 hours in the SPEC; an announcement on
//     Friday 10:00 for Sunday 10:00 across the spring-forward night is 47 hours,
//     not enough), and only up to its announced end: an overrun is unplanned.
//     Announced too late, all of it is unplanned (R11, I12).
//   - [Exceptional], with the R4 [Category] (customer infrastructure, third-party
//     software, external connectivity, misuse, malicious attack, force majeure,
//     other cause beyond control), and [SecurityBlock] (R12) are excluded: they
//     count neither in the formula nor as a breach.
//
// The maintenance window ([Rules.Window], a calendar open 01:00–02:00 every
// night in the SPEC) is planned time whether or not anything was down, with
// the real length of the wall-clock hour (I11): two hours on a fall-back night
// where it happens twice, nothing where it is skipped. Overlaps never count
// twice: an instant is planned if any planned interval covers it, else
// excluded if any exclusion does, else unplanned if an outage does. Outages
// are clipped to the period, so one that runs over midnight at the end of the
// month splits at the local month boundary.
//
// # Exact figures
//
// Durations are whole nanoseconds and the availability is a
// [github.com/shopspring/decimal.Decimal] rounded at the 30th decimal
// ([Precision]), far below any digit a report prints.
// [Report.Met] is decided exactly, by comparing (T − P − U) with
// objective × (T − P): 99.9 % exactly meets a 99.9 % objective and one
// nanosecond more of downtime misses it. [Report.Percent] truncates, so
// 99.8951 % prints as "99.89 %", never as a compliant-looking "99.90 %".
//
// # Error budget
//
// As SLO tools do, but on the contract's formula, [Report.BudgetAt] tells how
// much of the period's budget was spent by an instant, [Report.BurnRate] how
// fast it burned over a trailing window (1 means exactly on pace to spend it
// by the end of the period), and [Report.Alerts] applies multi-window
// [AlertRule] values such as those of [DefaultAlerts]: page when 2 % of the
// budget burns in an hour or 5 % in six hours, open a ticket when 10 % burns
// in three days.
//
// # Monitoring
//
// R8 asks for monitoring around the clock. [FromProbes] turns timestamped
// up/down probe results into unplanned outages weighted by time, not by probe
// count, and reports a wait between probes longer than a given limit as a gap
// of missing data rather than as up or down time.
//
// # Inputs and errors
//
// Every function takes its times as arguments; nothing reads the machine
// clock. Slices given are never modified. Monotonic clock readings are
// stripped on entry. Bad input is reported as a [*FieldError] naming the
// field, such as "outages[3].end", and wrapping a sentinel such as
// [ErrReversed] or [ErrAnnouncedLate].
package availability
