// Package severity holds the severity levels of a support contract, the rule
// that classifies an incident into a level, and the response, workaround and fix
// targets of each level, with their units and clocks stated explicitly.
//
// Across SLA products "1 day" means a 24-hour block, one business day or 24
// business hours. Here a target always says which: "2d continuous" is 48 elapsed
// hours, "5d business" is five support days, "24h business" is 24 hours of
// opening hours. The preset numbers are those of the rules R5, R6 and I1–I4; a
// policy may use any others. Rules are cited by their ids (R5, I2), defined in
// the documentation of package [github.com/slakit/slakit].
//
// # Levels
//
// [Level] runs from [Sev1], total service interruption, to [Sev4], minor business
// impact; its zero value is unset. [ParseLevel] reads the ways people write a
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
// time falls due at Clock().Add(due, p, business) (I7).
//
// Every function that takes instants and a business calendar takes the
// instants first and the calendar last, as [Target.Due] does:
// Due(start, business), Elapsed(from, to, business), Remaining(start, now,
// business), Add(t, d, business), Between(a, b, business).
//
// # Matrix
//
// [Targets] holds the three targets of a level and [Matrix] maps every level to
// its Targets. A Matrix reads and writes JSON such as
//
//	{"sev1":{"response":"1h continuous","workaround":"30m continuous","fix":"1h continuous"}, …}
//
// and decoding is strict and names the level and the field of every mistake.
// [PresetMatrix] is the published matrix of R6. [Matrix.Lint] returns
// [Warning] values with stable [Code] values for legal but odd contracts, such
// as a workaround due before the response.
//
// # Errors
//
// Every error is a [*FieldError], slakit's one error shape: the path of the
// field ("sev3.fix" in a matrix; empty for a value parsed alone, for the
// caller to fill in), the value given and the reason, which says what is
// wanted:
//
//	sev4.fix "1y": invalid syntax: want a target such as "4h business", "5d continuous", "12mo" or "n/a"
//
// Reasons wrap sentinels such as [ErrSyntax], [ErrRange], [ErrClock] and
// [ErrMissing], the same values as those of every package of slakit, to be
// tested with [errors.Is]. Decoding a [Matrix] reports every problem at once.
package severity
