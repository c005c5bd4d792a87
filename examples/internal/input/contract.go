package input

import (
	"fmt"

	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/sla"
)

// Contract decodes a contract file strictly and compiles it; errors name the
// file and the path in it ("contract.json: policies[0].policy.availability").
func Contract(name string, raw []byte) (*sla.Engine, error) {
	var c sla.Contract
	if err := jsonx.Decode(raw, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	e, err := sla.New(c)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return e, nil
}
