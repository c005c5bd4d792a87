package severity

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
)

// Targets are the three targets of one level (SPEC R6), each measured from the
// moment the ticket is received and independent of the others (SPEC I3). The
// zero Targets has no target at all.
//
// In JSON a Targets is an object with the three fields, each in the text form of
// [Target]; all three are required ("n/a" says "not applicable") and no other
// field is allowed:
//
//	{"response":"4h business","workaround":"5d business","fix":"15d business"}
type Targets struct {
	Response   Target `json:"response"`   // first answer from support
	Workaround Target `json:"workaround"` // an acceptable workaround
	Fix        Target `json:"fix"`        // the fix of the problem
}

var errTargetsSyntax = wrap(ErrSyntax, "want an object with response, workaround and fix")

// targetFields names the fields of Targets in their order.
var targetFields = [3]string{"response", "workaround", "fix"}

// fields returns the targets in the order of targetFields.
func (ts Targets) fields() [3]Target { return [3]Target{ts.Response, ts.Workaround, ts.Fix} }

// String returns the three targets, such as "response 4h business, workaround
// 5d business, fix 15d business".
func (ts Targets) String() string {
	f := ts.fields()
	return "response " + f[0].String() + ", workaround " + f[1].String() + ", fix " + f[2].String()
}

// UnmarshalJSON decodes the JSON object described on [Targets]. An error is a
// [*FieldError] naming the field (its Level is left zero; [Matrix] sets it).
func (ts *Targets) UnmarshalJSON(data []byte) error {
	v, err := decodeTargets(data)
	if err != nil {
		return err
	}
	*ts = v
	return nil
}

// decodeTargets is UnmarshalJSON with a concrete error type, for Matrix to
// complete with the level.
func decodeTargets(data []byte) (Targets, *FieldError) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil { // not an object, or null
		return Targets{}, &FieldError{Err: errTargetsSyntax}
	}
	for _, key := range sortedKeys(raw) {
		if !isTargetField(key) {
			return Targets{}, &FieldError{Field: key, Err: ErrUnknown}
		}
	}
	var v Targets
	for i, p := range [3]*Target{&v.Response, &v.Workaround, &v.Fix} {
		name := targetFields[i]
		msg, ok := raw[name]
		if !ok {
			return Targets{}, &FieldError{Field: name, Err: wrap(ErrMissing, `write "n/a" for "not applicable"`)}
		}
		var text string
		if err := json.Unmarshal(msg, &text); err != nil || bytes.Equal(bytes.TrimSpace(msg), []byte("null")) {
			return Targets{}, &FieldError{Field: name, Value: string(msg), Err: wrap(ErrSyntax, "want a string")}
		}
		t, err := parseTarget(text)
		if err != nil {
			return Targets{}, &FieldError{Field: name, Value: text, Err: err}
		}
		*p = t
	}
	return v, nil
}

func isTargetField(key string) bool { return slices.Contains(targetFields[:], key) }

// Matrix maps each level to its targets (SPEC R6). A valid Matrix has an entry
// for each of Sev1 to Sev4 and no other key; [Matrix.Validate] checks that.
//
// In JSON a Matrix is an object keyed by level, each value a [Targets]:
//
//	{"sev1":{"response":"1h continuous","workaround":"30m continuous","fix":"1h continuous"},
//	 "sev2":{…},"sev3":{…},"sev4":{…}}
//
// Decoding validates, so a decoded Matrix is valid; keys may be written in any
// form [ParseLevel] accepts ("S1", "severity 1"), and are written back as "sev1".
//
// The zero (nil) Matrix has no level and is not valid. [PresetMatrix] returns the
// matrix of the SPEC; a Matrix is a map, so a copy that is changed must be made
// with maps.Clone.
type Matrix map[Level]Targets

// Validate reports the first problem of m, in level order, as a [*FieldError]:
// a key that is not a valid level ([ErrRange]) or a level missing ([ErrMissing]).
// The targets themselves are always valid: every [Target] is.
func (m Matrix) Validate() error {
	for _, l := range slices.Sorted(maps.Keys(m)) {
		if !l.IsValid() {
			return &FieldError{Field: "level", Value: l.String(), Err: errRangeLevel}
		}
	}
	for _, l := range Levels() {
		if _, ok := m[l]; !ok {
			return &FieldError{Level: l, Err: ErrMissing}
		}
	}
	return nil
}

// MarshalJSON encodes the JSON object described on [Matrix], levels in order. It
// refuses a matrix that [Matrix.Validate] refuses, so that what it writes always
// reads back.
func (m Matrix) MarshalJSON() ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(map[Level]Targets(m)) // keys sort as "sev1" < … < "sev4"
}

// UnmarshalJSON decodes the JSON object described on [Matrix] and validates it.
// An error is a [*FieldError] naming the level and the field, such as
// `severity: sev3.fix "15x business": invalid syntax (…)`.
func (m *Matrix) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil { // not an object, or null
		return &FieldError{Field: "matrix", Err: wrap(ErrSyntax, "want an object keyed by level")}
	}
	v := make(Matrix, len(raw))
	for _, key := range sortedKeys(raw) {
		l, err := parseLevel(key)
		if err != nil {
			return &FieldError{Field: "level", Value: key, Err: err}
		}
		if _, dup := v[l]; dup {
			return &FieldError{Level: l, Value: key, Err: ErrDuplicate}
		}
		ts, fe := decodeTargets(raw[key])
		if fe != nil {
			fe.Level = l
			return fe
		}
		v[l] = ts
	}
	if err := v.Validate(); err != nil {
		return err
	}
	*m = v
	return nil
}

// sortedKeys returns the keys of a JSON object in order, so that the first error
// reported does not depend on map iteration.
func sortedKeys(raw map[string]json.RawMessage) []string {
	return slices.Sorted(maps.Keys(raw))
}

// PresetMatrix returns the targets of the SPEC: the published table of R6 on the
// clocks of I1, days as in I2 and months as in I4:
//
//	| level | response      | workaround     | fix           |
//	|-------|---------------|----------------|---------------|
//	| sev1  | 1h continuous | 30m continuous | 1h continuous |
//	| sev2  | 1h continuous | 2d continuous  | 5d continuous |
//	| sev3  | 4h business   | 5d business    | 15d business  |
//	| sev4  | 8h business   | n/a            | 12mo          |
//
// Each call returns a new Matrix, which the caller may change.
func PresetMatrix() Matrix {
	t := func(n int, u Unit, c Clock) Target {
		return Target{amount: int32(n), unit: u, clock: c}
	}
	return Matrix{
		Sev1: {Response: t(1, Hours, Continuous), Workaround: t(30, Minutes, Continuous), Fix: t(1, Hours, Continuous)},
		Sev2: {Response: t(1, Hours, Continuous), Workaround: t(2, Days, Continuous), Fix: t(5, Days, Continuous)},
		Sev3: {Response: t(4, Hours, Business), Workaround: t(5, Days, Business), Fix: t(15, Days, Business)},
		Sev4: {Response: t(8, Hours, Business), Workaround: Target{}, Fix: t(12, Months, Continuous)},
	}
}
