// Package enum gives slakit's enumerations one behaviour: String prints an
// out-of-range value as "%!Type(9)" (as time.Month does), MarshalText refuses
// it, and UnmarshalText reads back exactly what MarshalText writes. The zero
// value, when it has no name, is "unset" and its text form is empty (as with
// netip.Addr).
package enum

import (
	"strconv"
	"strings"

	"github.com/slakit/slakit/internal/fault"
)

// Names lists the text forms of an enumeration, indexed by value; "" marks a
// value with no name (usually the zero value, "unset").
type Names struct {
	Type  string   // the Go type name, for "%!Type(9)"
	Names []string // text form of each value
}

// Valid reports whether v has a name.
func (n Names) Valid(v int) bool { return v >= 0 && v < len(n.Names) && n.Names[v] != "" }

// String returns v's name, or "%!Type(v)" for a value without one.
func (n Names) String(v int) string {
	if n.Valid(v) {
		return n.Names[v]
	}
	return "%!" + n.Type + "(" + strconv.Itoa(v) + ")"
}

// Marshal returns v's name; the zero value without a name marshals as empty
// text; any other value without a name is an error.
func (n Names) Marshal(v int) ([]byte, error) {
	if n.Valid(v) {
		return []byte(n.Names[v]), nil
	}
	if v == 0 {
		return nil, nil
	}
	return nil, fault.Field("", strconv.Itoa(v), fault.ErrInvalid, "not a valid "+n.Type)
}

// Parse reads what Marshal writes: a name, or empty text for the zero value.
func (n Names) Parse(text []byte) (int, error) {
	s := string(text)
	if s == "" && !n.Valid(0) {
		return 0, nil
	}
	for v, name := range n.Names {
		if name != "" && name == s {
			return v, nil
		}
	}
	return 0, fault.Field("", s, fault.ErrInvalid, "want one of "+n.list())
}

func (n Names) list() string {
	var out []string
	for _, name := range n.Names {
		if name != "" {
			out = append(out, strconv.Quote(name))
		}
	}
	return strings.Join(out, ", ")
}
