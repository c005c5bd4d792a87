// Package severity holds the severity levels of a support contract, the rule
// that classifies an incident into a level, and the response, workaround and fix
// targets of each level, with their units and clocks stated explicitly.
//
// Across SLA products "1 day" means a 24-hour block, one business day or 24
// business hours. Here a target always says which: "2d continuous" is 48 elapsed
// hours, "5d business" is five support days, "24h business" is 24 hours of
// opening hours. The numbers are those of SPEC.md (R5, R6, I1–I4); a policy may
// use any others.
//
// # Levels
//
// [Level] runs from [Sev1], total service interruption, to [Sev4], minor business
// impact; its zero value is unknown. [ParseLevel] reads the ways people write a
// level ("1", "sev1", "S1", "Severity 1"); text and JSON use "sev1".
//
// # Classification
//
// [Impact] records the plain facts of an incident (service unavailable, essential
// features blocked, work stopped, …) and [Classify] maps them to a level by the
// decision table of R5. Planned maintenance is never severity 1, and an Impact
// that states nothing is an error, not a guess.
//
// # Targets
//
// A [Target] is an amount, a [Unit] and a [Clock], or "n/a". Its text form is
// written and read back exactly by [Target.String] and [ParseTarget]:
//
//	30m continuous  4h business  5d business  2d continuous  12mo  n/a
//
// [Target.Due] computes when a target falls due for a ticket received at some
// instant, given the business calendar of package
// [github.com/slakit/slakit/calendar]: business minutes and hours with
// Calendar.Add, business days with Calendar.AddDays, continuous time as elapsed
// time (a day is 24 hours, even across a DST change), and months as civil
// arithmetic in the customer's zone, clamped to the end of the month.
//
// # Measuring clock time
//
// Reports need the clock time used and left: [Target.Elapsed] and
// [Target.Remaining]. [Target.Clock] gives the clock to measure a target's
// pauses with, and [Clock.Add] and [Clock.Between] do the arithmetic on either
// clock, so that a caller never branches on it: a ticket paused for p of clock
// time falls due at Clock().Add(business, due, p) (SPEC I7).
//
// # Matrix
//
// [Targets] holds the three targets of a level and [Matrix] maps every level to
// its Targets. A Matrix reads and writes JSON such as
//
//	{"sev1":{"response":"1h continuous","workaround":"30m continuous","fix":"1h continuous"}, …}
//
// and decoding names the level and the field of any mistake. [PresetMatrix] is
// the matrix of the SPEC. [Matrix.Lint] returns [Warning] values with stable
// [Code] values for legal but odd contracts, such as a workaround due before the
// response.
//
// # Errors
//
// Parsing errors are [*ParseError] values and matrix errors [*FieldError]
// values; both wrap sentinels such as [ErrSyntax], [ErrRange], [ErrClock] and
// [ErrMissing], to be tested with [errors.Is]. Every message starts with
// "severity: ".
package severity
