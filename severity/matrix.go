package severity

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strconv"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Targets are the three targets of one level (R6), each measured from the
// moment the ticket is received and independent of the others (I3). The
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

// UnmarshalJSON decodes the JSON object described on [Targets], strictly: a
// key written twice, an unknown key or anything after the object is an
// error. Every problem is reported (joined with [errors.Join]), each a
// [*FieldError] whose path names the field, such as `fix "15x business":
// invalid syntax: want a target such as …`.
func (ts *Targets) UnmarshalJSON(data []byte) error {
	v, err := decodeTargets(data, "")
	if err != nil {
		return err
	}
	*ts = v
	return nil
}

// decodeTargets decodes the Targets at path.
func decodeTargets(data []byte, path string) (Targets, error) {
	raw, err := decodeObject(data, path, "want an object with response, workaround and fix")
	if err != nil {
		return Targets{}, err
	}
	var (
		v    Targets
		errs []error
	)
	for i, p := range [3]*Target{&v.Response, &v.Workaround, &v.Fix} {
		name := targetFields[i]
		msg, ok := raw[name]
		at := fault.Join(path, name)
		var text string
		switch {
		case !ok:
			errs = append(errs, fault.Field(at, "", ErrMissing, `want a target, or "n/a" for "not applicable"`))
		case msg == nil || json.Unmarshal(msg, &text) != nil: // a member that is null is nil
			errs = append(errs, fault.Field(at, short(string(orNull(msg))), ErrSyntax, `want a string such as "4h business" or "n/a"`))
		default:
			t, err := parseTarget(text)
			if err != nil {
				errs = append(errs, &FieldError{Field: at, Value: short(text), Err: err})
			}
			*p = t
		}
	}
	for _, key := range sortedKeys(raw) {
		if !slices.Contains(targetFields[:], key) {
			errs = append(errs, fault.Field(fault.Join(path, key), "", ErrUnknown, "want one of response, workaround, fix"))
		}
	}
	if len(errs) > 0 {
		return Targets{}, errors.Join(errs...)
	}
	return v, nil
}

// decodeObject reads a JSON object strictly (no key twice, nothing after it),
// keeping its members raw; a member that is null is nil. A value that is not
// an object is an error at path saying what is wanted.
func decodeObject(data []byte, path, want string) (map[string]json.RawMessage, error) {
	if b := bytes.TrimSpace(data); len(b) == 0 || b[0] != '{' {
		return nil, fault.Field(path, short(string(orNull(b))), ErrSyntax, want)
	}
	var raw map[string]json.RawMessage
	if err := jsonx.Decode(data, &raw); err != nil {
		return nil, fault.At(path, err)
	}
	return raw, nil
}

// orNull returns b, or "null" for a member that was null.
func orNull(b []byte) []byte {
	if len(b) == 0 {
		return []byte("null")
	}
	return b
}

// Matrix maps each level to its targets (R6). A valid Matrix has an entry
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
// matrix of R6; a Matrix is a map, so a copy that is changed must be made
// with maps.Clone.
type Matrix map[Level]Targets

// Validate reports every problem of m at once (joined with [errors.Join]), in
// level order, each a [*FieldError]: a key that is not a valid level
// ([ErrRange]) or a level missing ([ErrMissing]). The targets themselves are
// always valid: every [Target] is.
func (m Matrix) Validate() error {
	var errs []error
	for _, l := range slices.Sorted(maps.Keys(m)) {
		if !l.IsValid() {
			errs = append(errs, fault.Field(l.String(), "", ErrRange, "want only the levels sev1 to sev4"))
		}
	}
	for _, l := range Levels() {
		if _, ok := m[l]; !ok {
			errs = append(errs, missingLevel(l.String()))
		}
	}
	return errors.Join(errs...)
}

func missingLevel(path string) error {
	return fault.Field(path, "", ErrMissing, "want targets for every level, sev1 to sev4")
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

// UnmarshalJSON decodes the JSON object described on [Matrix] and validates
// it, strictly: a key written twice (also as two forms of one level, "sev1"
// and "S1"), an unknown key or anything after the object is an error. Every
// problem is reported (joined with [errors.Join]), each a [*FieldError] whose
// path starts with the level's key as written, such as
// `sev3.fix "15x business": invalid syntax: want a target such as …`.
func (m *Matrix) UnmarshalJSON(data []byte) error {
	raw, err := decodeObject(data, "", `want an object keyed by level, such as {"sev1": {"response": …}, …}`)
	if err != nil {
		return err
	}
	v := make(Matrix, len(raw))
	keys := make(map[Level]string, len(raw)) // the key each level was read from
	var errs []error
	for _, key := range sortedKeys(raw) {
		l, err := parseLevel(key)
		if err != nil {
			errs = append(errs, &FieldError{Field: short(key), Err: err})
			continue
		}
		if first, dup := keys[l]; dup {
			errs = append(errs, fault.Field(key, "", ErrDuplicate,
				"want each level once: "+strconv.Quote(first)+" and "+strconv.Quote(key)+" are both "+l.String()))
			continue
		}
		keys[l] = key
		ts, err := decodeTargets(raw[key], key)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		v[l] = ts
	}
	for _, l := range Levels() {
		if _, ok := keys[l]; !ok {
			errs = append(errs, missingLevel(l.String()))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*m = v
	return nil
}

// sortedKeys returns the keys of a JSON object in order, so that the errors
// reported do not depend on map iteration.
func sortedKeys(raw map[string]json.RawMessage) []string {
	return slices.Sorted(maps.Keys(raw))
}

// PresetMatrix returns the published targets: the table of R6 on the clocks of
// I1, days as in I2 and months as in I4:
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
