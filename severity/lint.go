package severity

import "github.com/slakit/slakit/internal/fault"

// Code identifies a kind of [Warning] from [Matrix.Lint]. Codes are stable: a
// code keeps its meaning and its name in every version, so that a policy tool
// may list the codes it accepts.
type Code string

// The codes of [Matrix.Lint].
const (
	// CodeWorkaroundBeforeResponse: a level's workaround target can fall due
	// before its response target. The published severity 1 row does this (30
	// minutes against 1 hour); I3 keeps it as published.
	CodeWorkaroundBeforeResponse Code = "SEV001"
	// CodeFixBeforeWorkaround: a level's fix target can fall due before its
	// workaround target.
	CodeFixBeforeWorkaround Code = "SEV002"
	// CodeLessSevereTighter: a less severe level has a target that can fall due
	// before the same target of a more severe level, or has a target where the
	// more severe level has none.
	CodeLessSevereTighter Code = "SEV003"
)

// IsValid reports whether c is one of the codes of [Matrix.Lint].
func (c Code) IsValid() bool { return c.Name() != "" }

// MarshalText implements [encoding.TextMarshaler]: the code itself, such as
// "SEV001", and empty text for the zero Code. An unknown code is an error
// wrapping [ErrInvalid].
func (c Code) MarshalText() ([]byte, error) {
	if c != "" && !c.IsValid() {
		return nil, fault.Field("", string(c), ErrInvalid, "not a valid Code")
	}
	return []byte(c), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it reads what
// MarshalText writes.
func (c *Code) UnmarshalText(text []byte) error {
	if v := Code(text); v == "" || v.IsValid() {
		*c = v
		return nil
	}
	return fault.Field("", short(string(text)), ErrInvalid, "want one of SEV001, SEV002, SEV003")
}

// Name returns the stable name of the code, such as "workaround-before-response",
// or "" for an unknown code.
func (c Code) Name() string {
	switch c {
	case CodeWorkaroundBeforeResponse:
		return "workaround-before-response"
	case CodeFixBeforeWorkaround:
		return "fix-before-workaround"
	case CodeLessSevereTighter:
		return "less-severe-tighter"
	}
	return ""
}

// Warning is a contract oddity found by [Matrix.Lint]: legal, as every matrix
// that validates is, but worth a second look.
type Warning struct {
	Code    Code   `json:"code"`    // the kind of oddity
	Level   Level  `json:"level"`   // the level whose target is odd
	Field   string `json:"field"`   // "response", "workaround" or "fix": the odd target
	Message string `json:"message"` // what was compared, such as "workaround 30m continuous can fall due before response 1h continuous"
}

// String returns the warning on one line: code, name, level and message, as in
// "SEV001 workaround-before-response: sev1: workaround 30m continuous can fall
// due before response 1h continuous".
func (w Warning) String() string {
	return string(w.Code) + " " + w.Code.Name() + ": " + w.Level.String() + ": " + w.Message
}

// Lint returns the oddities of m, by level then by code: a workaround that can
// fall due before the response ([CodeWorkaroundBeforeResponse]), a fix that can
// fall due before the workaround ([CodeFixBeforeWorkaround]), and a less severe
// level with a target that can fall due before the same target of a more severe
// one ([CodeLessSevereTighter]; "n/a" counts as no deadline there). Targets of a
// level are compared only when both apply. The preset matrix gives one warning:
// SEV001 on sev1.
//
// Lint has no calendar, so it compares two targets only where the order does
// not depend on one, and says "can fall due before" when it does from some start:
//   - minutes and hours on either clock, and days on the continuous clock (24
//     hours, I2), compare as durations: business time never runs faster than
//     elapsed time, so a business target shorter than a continuous one falls due
//     first whenever support is open all along;
//   - business days compare with business days by count, and with continuous
//     targets as calendar days of 24 hours;
//   - business days never compare with business minutes or hours: their ratio is
//     the calendar's day length;
//   - ends of day compare with ends of day and business days by count (N ends
//     of day fall due at or after N business days), never with business
//     minutes or hours, and with continuous targets as N to N+1 calendar days;
//   - months compare with months by count, and with other targets as 28 to 31
//     days each.
//
// Lint reads whatever levels m has; it does not validate m.
func (m Matrix) Lint() []Warning {
	var out []Warning
	for _, l := range Levels() {
		ts, ok := m[l]
		if !ok {
			continue
		}
		f := ts.fields()
		for _, c := range [...]struct {
			code       Code
			early, ref int // indices into f
		}{
			{CodeWorkaroundBeforeResponse, 1, 0},
			{CodeFixBeforeWorkaround, 2, 1},
		} {
			a, b := f[c.early], f[c.ref]
			if a.IsApplicable() && b.IsApplicable() && canFallDueBefore(a, b) {
				out = append(out, Warning{c.code, l, targetFields[c.early],
					targetFields[c.early] + " " + a.String() + " can fall due before " + targetFields[c.ref] + " " + b.String()})
			}
		}
		for k := Sev1; k < l; k++ { // every more severe level
			other, ok := m[k]
			if !ok {
				continue
			}
			g := other.fields()
			for i, name := range targetFields {
				if canFallDueBefore(f[i], g[i]) {
					out = append(out, Warning{CodeLessSevereTighter, l, name,
						name + " " + f[i].String() + " can fall due before " + k.String() + " " + name + " " + g[i].String()})
				}
			}
		}
	}
	return out
}

// canFallDueBefore reports whether a can fall due strictly before b, both started
// at the same instant, by the rules of [Matrix.Lint]. The zero Target never
// falls due.
func canFallDueBefore(a, b Target) bool {
	switch {
	case !a.IsApplicable():
		return false
	case !b.IsApplicable():
		return true
	case a.unit == b.unit && (a.unit == Months || a.unit == EndsOfDay || a.unit == Days && a.clock == b.clock):
		return a.amount < b.amount
	case a.unit == EndsOfDay && b.isBusinessDays():
		return a.amount < b.amount
	case a.isBusinessDays() && b.unit == EndsOfDay:
		return a.amount <= b.amount
	case a.countsOpenDays() && b.clock == Business && !b.countsOpenDays(),
		b.countsOpenDays() && a.clock == Business && !a.countsOpenDays():
		return false
	}
	lo, _ := a.lintSpan()
	_, hi := b.lintSpan()
	return lo < hi
}

func (t Target) isBusinessDays() bool { return t.unit == Days && t.clock == Business }

// countsOpenDays reports whether t counts the calendar's open days.
func (t Target) countsOpenDays() bool { return t.isBusinessDays() || t.unit == EndsOfDay }

// lintSpan returns the shortest and longest length Lint gives t, in minutes: a
// day is 24 hours on either clock, N ends of day N to N+1 days, a month 28 to
// 31 days.
func (t Target) lintSpan() (lo, hi int64) {
	n := int64(t.amount)
	switch t.unit {
	case Minutes:
		return n, n
	case Hours:
		return 60 * n, 60 * n
	case Days:
		return 1440 * n, 1440 * n
	case EndsOfDay:
		return 1440 * n, 1440 * (n + 1)
	}
	return 28 * 1440 * n, 31 * 1440 * n
}
