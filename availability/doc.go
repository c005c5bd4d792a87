// Package availability computes the monthly availability that a SaaS contract
// promises (R8, R10–R13, I10–I12, I15, I19), exactly, with planned, excluded
// and unplanned downtime told apart, and with time that monitoring did not
// see kept apart as unknown.
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
// and 100 % when T − P is zero (I10). [Compute] takes the period, the
// [Outage] values and the contract's [Rules] and returns a [Report] with T, P,
// U, the excluded time, the availability, the verdict, the unplanned-downtime
// budget (1 − objective) × (T − P), what is left of it, and the evidence:
// every interval of downtime with the [Class] it counted in.
//
// # Causes and precedence
//
// Each outage has a [Cause]:
//
//   - [Unplanned], the default, counts in U.
//   - [Maintenance] is planned when announced at least [Rules.Notice] before
//     its start, in elapsed time (48 hours in R11; an announcement on Friday
//     10:00 for Sunday 10:00 across the spring-forward night is 47 hours, not
//     enough), and only up to its announced end: an overrun is unplanned.
//     Announced too late, all of it is unplanned (R11, I12).
//   - [Exceptional], with the R4 [Category] (customer infrastructure,
//     third-party software, external connectivity, misuse, malicious attack,
//     force majeure, other cause beyond control), and [SecurityBlock] (R12)
//     are excluded: they count neither in the formula nor as a breach.
//
// The maintenance window ([Rules.Window], a calendar open 01:00–02:00 every
// night in R11) is planned time whether or not anything was down, with the
// real length of the wall-clock hour (I11): two hours on a fall-back night
// where it happens twice, nothing where it is skipped. Overlaps never count
// twice: an instant is planned if any planned interval covers it, else
// excluded if any exclusion does, else unplanned if an outage does. Outages
// are clipped to the period, so one that runs over midnight at the end of the
// month splits at the local month boundary.
//
// # Missing data
//
// Absence of evidence is never compliance (I15). [Compute] takes the outages
// as the complete record of the period. When monitoring may have missed
// part of it, [ComputeCovered] takes a [Coverage] as well: [FullyMonitored],
// [Monitored] intervals (declared by the caller beside the outages, or from
// [Observation.Coverage]), or the zero value, "not supplied". Time outside
// the coverage that no window, maintenance or outage accounts for is unknown
// (M, [Report.Unknown]). The [Verdict] is met when the objective holds even
// with M counted as down, missed when it fails even with M counted as up, and
// unknown otherwise, or when no time was monitored at all.
// [Report.Availability] and [Report.Highest] are the two bounds.
//
// # Exact figures
//
// Durations are whole nanoseconds and the availability is a
// [github.com/shopspring/decimal.Decimal] rounded at the 30th decimal
// ([Precision]), far below any digit a report prints. The verdict is decided
// exactly, by comparing (T − P − U − M) and (T − P − U) with
// objective × (T − P): 99.9 % exactly meets a 99.9 % objective and one
// nanosecond more of downtime misses it. [Report.Percent] truncates, so
// 99.8951 % prints as "99.89 %", never as a compliant-looking "99.90 %".
// [ParseObjective] and [ParseRatio] read percentages such as "99.9%" exactly,
// so a program sets an objective from text without importing decimal.
//
// # Service credits
//
// [Credits] is a contract's credit table (I19): the credit for a period is
// that of the tier with the lowest threshold the availability is strictly
// below, capped; exactly 99.9 % earns nothing under "below 99.9%".
// [Credits.For] decides it exactly from a [Report]; an unknown verdict, or
// bounds that fall in different tiers, give an unknown [Credit], never zero.
//
// # Monitoring
//
// R8 asks for monitoring around the clock. [FromProbes] turns timestamped
// up/down probe results into unplanned outages weighted by time, not by probe
// count, and reports a wait between probes longer than a given limit as a gap
// of missing data rather than as up or down time. [FromSlices] does the same
// for services measured by requests: per-slice counts of good and total
// requests, a slice down when its error ratio exceeds a threshold
// ([SliceRule]), optionally only in runs of consecutive bad slices, and a
// slice without requests unknown. Both return an [Observation] whose outages
// and coverage go to [ComputeCovered].
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
// # Inputs, output and errors
//
// Every function takes its times as arguments; nothing reads the machine
// clock. Slices given are never modified. Monotonic clock readings are
// stripped on entry. Every function is safe for concurrent use, and so is
// every value while no one modifies it ([Coverage] cannot be modified). JSON
// is strict on input (unknown or repeated keys are
// errors with their path) and writes durations as "1h30m", never
// "1h30m0s" or nanoseconds. Bad input is reported as a [*FieldError] naming
// the path of the field, the value and what is wanted, such as
//
//	outages[3].end "2026-06-10T09:00:00+02:00": end before start: want at or after start "2026-06-10T10:00:00+02:00"
//
// wrapping a sentinel such as [ErrReversed] that errors.Is finds, together
// with the general one it refines ([ErrInvalid]); a call with several bad
// values reports them all, joined.
package availability
