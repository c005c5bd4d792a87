package input

import (
	"bytes"
	"fmt"

	"github.com/slakit/slakit/recovery"
)

// Points reads the recovery points of raw, named name in errors (see
// recovery.ParsePoints, whose errors name the line and quote at most its
// first 40 bytes). A file without a point is supplied and empty, not nil.
func Points(name string, raw []byte) ([]recovery.Point, error) {
	ps, err := recovery.ParsePoints(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if ps == nil {
		ps = []recovery.Point{}
	}
	return ps, nil
}
