package availability

import "github.com/slakit/slakit/internal/enum"

// Cause says why a service was down, which decides how its time counts
// (R10–R12). The zero value is [Unplanned].
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

var causeNames = enum.Names{Type: "Cause", Names: []string{"unplanned", "maintenance", "exceptional", "security-block"}}

// String returns the text form of c, such as "maintenance", or "%!Cause(7)"
// for a value outside the constants.
func (c Cause) String() string { return causeNames.String(int(c)) }

// IsValid reports whether c is one of the constants.
func (c Cause) IsValid() bool { return causeNames.Valid(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: "unplanned", "maintenance",
// "exceptional" or "security-block"; a value outside the constants is an error.
func (c Cause) MarshalText() ([]byte, error) { return causeNames.Marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts exactly the
// names MarshalText writes.
func (c *Cause) UnmarshalText(text []byte) error {
	v, err := causeNames.Parse(text)
	if err != nil {
		return err
	}
	*c = Cause(v)
	return nil
}

// Category is the kind of exceptional circumstance (R4) behind an outage whose
// cause is [Exceptional]. The zero value, [NoCategory], means "none": it is
// not a valid category ([Category.IsValid] is false), its text form is empty,
// and it is the only value allowed for the other causes.
type Category uint8

// The exceptional circumstances of R4.
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

var categoryNames = enum.Names{Type: "Category", Names: []string{
	"", "customer-infrastructure", "third-party-software", "external-connectivity",
	"misuse", "malicious-attack", "force-majeure", "beyond-control",
}}

// String returns the text form of c, such as "force-majeure", or
// "%!Category(9)" for [NoCategory] and values outside the constants.
func (c Category) String() string { return categoryNames.String(int(c)) }

// IsValid reports whether c names an R4 circumstance: false for [NoCategory]
// and for values outside the constants.
func (c Category) IsValid() bool { return categoryNames.Valid(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: [NoCategory] is empty text,
// a value outside the constants is an error.
func (c Category) MarshalText() ([]byte, error) { return categoryNames.Marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts exactly what
// MarshalText writes, so empty text is [NoCategory].
func (c *Category) UnmarshalText(text []byte) error {
	v, err := categoryNames.Parse(text)
	if err != nil {
		return err
	}
	*c = Category(v)
	return nil
}
