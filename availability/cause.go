package availability

import (
	"errors"
	"strconv"
)

// Cause says why a service was down, which decides how its time counts
// (SPEC R10–R12). The zero value is [Unplanned].
type Cause uint8

// The causes of downtime.
const (
	// Unplanned downtime counts against availability (R12).
	Unplanned Cause = iota
	// Maintenance is downtime announced to the customer beforehand. It is planned
	// when announced at least the notice period before its start, up to its
	// announced end; otherwise, and past that end, it is unplanned (R11, I12).
	Maintenance
	// Exceptional is downtime caused by an exceptional circumstance of R4, given
	// by a [Category]. It is excluded: neither counted nor a breach.
	Exceptional
	// SecurityBlock is the provider blocking data or services under its security
	// procedures (R12). It is excluded like [Exceptional].
	SecurityBlock
)

var causeNames = [...]string{"unplanned", "maintenance", "exceptional", "security-block"}

// String returns the text form of c, such as "maintenance", or "Cause(7)" for a
// value outside the constants.
func (c Cause) String() string {
	if int(c) < len(causeNames) {
		return causeNames[c]
	}
	return "Cause(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText implements [encoding.TextMarshaler]: "unplanned", "maintenance",
// "exceptional" or "security-block".
func (c Cause) MarshalText() ([]byte, error) {
	if int(c) >= len(causeNames) {
		return nil, errors.New("availability: cannot marshal " + c.String() + ": " + ErrCause.Error())
	}
	return []byte(causeNames[c]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the names
// MarshalText writes; empty text is the zero value, [Unplanned].
func (c *Cause) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*c = Unplanned
		return nil
	}
	for i, name := range causeNames {
		if string(text) == name {
			*c = Cause(i)
			return nil
		}
	}
	return fieldError("", -1, "cause", string(text), ErrCause)
}

// Category is the kind of exceptional circumstance (SPEC R4) behind an outage
// whose cause is [Exceptional]. The zero value, [NoCategory], is the only one
// allowed for other causes.
type Category uint8

// The exceptional circumstances of SPEC R4.
const (
	NoCategory             Category = iota // not an exceptional outage
	CustomerInfrastructure                 // the customer's hardware or network
	ThirdPartySoftware                     // software not supplied by the provider
	ExternalConnectivity                   // connection or service problems outside the provider
	Misuse                                 // use contrary to the licence, agreement or documentation
	MaliciousAttack                        // a malicious attack
	ForceMajeure                           // force majeure
	BeyondControl                          // any other cause beyond the provider's reasonable control
)

var categoryNames = [...]string{
	"", "customer-infrastructure", "third-party-software", "external-connectivity",
	"misuse", "malicious-attack", "force-majeure", "beyond-control",
}

// String returns the text form of c, such as "force-majeure", "" for
// [NoCategory], or "Category(9)" for a value outside the constants.
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return "Category(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText implements [encoding.TextMarshaler]; [NoCategory] is empty text.
func (c Category) MarshalText() ([]byte, error) {
	if int(c) >= len(categoryNames) {
		return nil, errors.New("availability: cannot marshal " + c.String() + ": " + ErrCategory.Error())
	}
	return []byte(categoryNames[c]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the names
// MarshalText writes; empty text is [NoCategory].
func (c *Category) UnmarshalText(text []byte) error {
	for i, name := range categoryNames {
		if string(text) == name {
			*c = Category(i)
			return nil
		}
	}
	return fieldError("", -1, "category", string(text), ErrCategory)
}
