package slo_test

import (
	"testing"
	"time"
	_ "time/tzdata" // the tests' zones, whatever the host has

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/require"
)

// sli is the error ratio of an HTTP service, as a caller would give it.
const sli = `sum(rate(http_requests_total{code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total[{{.window}}]))`

// engine is the preset policy for customer in zone, with objective when not
// empty ("99.95%").
func engine(t testing.TB, customer, zone, objective string) *sla.Engine {
	t.Helper()
	p := sla.Preset(zone, "")
	if objective != "" {
		p.Availability = sla.MustRatio(objective)
	}
	e, err := sla.New(sla.Contract{Customer: customer, Policies: []sla.Dated{{Policy: p}}})
	require.NoError(t, err)
	return e
}

// ratio parses a percentage of the availability package.
func ratio(t testing.TB, s string) availability.Ratio {
	t.Helper()
	r, err := availability.ParseRatio(s)
	require.NoError(t, err)
	return r
}

// june10 is an instant inside June 2026 everywhere.
var june10 = time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
