package availability

import "github.com/slakit/slakit/internal/enum"

// Class is how an instant counted in the formula. When several apply, the
// highest in the precedence planned > excluded > unplanned > unknown > up
// wins (I10, I15): the first four follow their numeric order, and
// [ClassUnknown], added later, comes between [ClassUp] and [ClassUnplanned].
type Class uint8

// The classes.
const (
	ClassUp        Class = iota // monitored, and no downtime; never in [Report.Evidence]
	ClassUnplanned              // unplanned downtime, U
	ClassExcluded               // exceptional circumstance or security block
	ClassPlanned                // planned downtime, P
	// ClassUnknown is time that monitoring did not cover and no outage, window
	// or maintenance accounts for: it may have been up or down (I15).
	ClassUnknown
)

// numClass is the number of classes.
const numClass = int(ClassUnknown) + 1

var classNames = enum.Names{Type: "Class", Names: []string{"up", "unplanned", "excluded", "planned", "unknown"}}

// String returns the text form of c, such as "planned", or "%!Class(7)" for a
// value outside the constants.
func (c Class) String() string { return classNames.String(int(c)) }

// IsValid reports whether c is one of the constants.
func (c Class) IsValid() bool { return classNames.Valid(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: "up", "unplanned",
// "excluded", "planned" or "unknown"; a value outside the constants is an
// error.
func (c Class) MarshalText() ([]byte, error) { return classNames.Marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts exactly the
// names MarshalText writes.
func (c *Class) UnmarshalText(text []byte) error {
	v, err := classNames.Parse(text)
	if err != nil {
		return err
	}
	*c = Class(v)
	return nil
}
