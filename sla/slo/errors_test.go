package slo_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/sla"
	"github.com/slakit/slakit/sla/slo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBadOptions(t *testing.T) {
	e := engine(t, "ACME", "Europe/Paris", "")
	full := engine(t, "ACME", "Europe/Paris", "100%")
	later, err := sla.New(sla.Contract{Policies: []sla.Dated{{From: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Policy: sla.Preset("UTC", "")}}})
	require.NoError(t, err)
	long := strings.Repeat("x", slo.MaxSLI-len(slo.Window)) + slo.Window
	for _, tc := range []struct {
		name string
		e    *sla.Engine
		opts slo.Options
		want string
		is   error
	}{
		{"blank SLI", e, slo.Options{SLI: " \n"}, `sli: missing: want the PromQL error ratio with {{.window}} where the window goes`, slo.ErrMissing},
		{"no window", e, slo.Options{SLI: `sum(rate(errors_total[5m]))`},
			`sli "sum(rate(errors_total[5m]))": invalid value: want {{.window}} where the window goes, as in rate(errors_total[{{.window}}])`, slo.ErrInvalid},
		{"not UTF-8", e, slo.Options{SLI: "rate(x[{{.window}}])\xff"}, `sli "rate(x[{{.window}}])\xff": invalid syntax: want UTF-8 text`, slo.ErrSyntax},
		{"too long", e, slo.Options{SLI: long + "y"}, `sli "16385 bytes": over the limit: want at most 16384 bytes`, slo.ErrLimit},
		{"name with capitals", e, slo.Options{SLI: sli, Name: "Checkout"},
			`name "Checkout": invalid syntax: want an RFC 1123 label: lower-case letters, digits and -, at most 63, starting and ending with a letter or digit`, slo.ErrSyntax},
		{"name ending in a dash", e, slo.Options{SLI: sli, Name: "checkout-"},
			`name "checkout-": invalid syntax: want an RFC 1123 label: lower-case letters, digits and -, at most 63, starting and ending with a letter or digit`, slo.ErrSyntax},
		{"name of 64", e, slo.Options{SLI: sli, Name: strings.Repeat("a", 64)},
			`name "` + strings.Repeat("a", 64) + `": invalid syntax: want an RFC 1123 label: lower-case letters, digits and -, at most 63, starting and ending with a letter or digit`, slo.ErrSyntax},
		{"slice of seconds", e, slo.Options{SLI: sli, Slices: availability.SliceRule{Length: 90 * time.Second}}, `slices.length "1m30s": out of range: want whole minutes from 1m to 24h`, slo.ErrRange},
		{"slice over a day", e, slo.Options{SLI: sli, Slices: availability.SliceRule{Length: 25 * time.Hour}}, `slices.length "25h": out of range: want whole minutes from 1m to 24h`, slo.ErrRange},
		{"negative slice", e, slo.Options{SLI: sli, Slices: availability.SliceRule{Length: -time.Minute}}, `slices.length "-1m": out of range: want whole minutes from 1m to 24h`, slo.ErrRange},
		{"every slice good", e, slo.Options{SLI: sli, Slices: availability.SliceRule{Threshold: ratio(t, "100%")}}, `slices.threshold "100%": out of range: want at least 0% and below 100%`, slo.ErrRange},
		{"negative run", e, slo.Options{SLI: sli, Slices: availability.SliceRule{MinRun: -1}}, `slices.min_run "-1": out of range: want 0 or more consecutive slices`, slo.ErrRange},
		{"objective of 100 %", full, slo.Options{SLI: sli}, `availability "100%": out of range: want below 100%: an SLO tool needs an error budget`, slo.ErrRange},
		{"no engine", nil, slo.Options{SLI: sli}, `engine: missing: want a contract built with sla.New`, slo.ErrMissing},
		{"no policy in force", later, slo.Options{SLI: sli}, `policies "2026-06-10T12:00:00Z": no policy in force: want a policy from 2027-01-01T00:00:00Z or earlier, or one without a date`, sla.ErrNoPolicy},
		{"every problem at once", nil, slo.Options{SLI: "\t", Name: "-", Slices: availability.SliceRule{Length: time.Second}},
			"sli: missing: want the PromQL error ratio with {{.window}} where the window goes\n" +
				`slices.length "1s": out of range: want whole minutes from 1m to 24h` + "\n" +
				`name "-": invalid syntax: want an RFC 1123 label: lower-case letters, digits and -, at most 63, starting and ending with a letter or digit` + "\n" +
				"engine: missing: want a contract built with sla.New", slo.ErrMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := slo.OpenSLO(tc.e, june10, tc.opts)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			assert.ErrorIs(t, err, tc.is)
			_, err2 := slo.Prometheus(tc.e, june10, tc.opts)
			require.Error(t, err2)
			assert.Equal(t, err.Error(), err2.Error(), "both exports check the same things")
			var fe *slo.FieldError
			assert.True(t, errors.As(err, &fe), "every error is a FieldError")
		})
	}
}

// TestNoSLI: Prometheus needs the query; OpenSLO refers to an SLI defined
// elsewhere instead.
func TestNoSLI(t *testing.T) {
	e := engine(t, "ACME", "Europe/Paris", "")
	_, err := slo.Prometheus(e, june10, slo.Options{})
	assert.EqualError(t, err, `sli: missing: want the PromQL error ratio with {{.window}} where the window goes`)
	assert.ErrorIs(t, err, slo.ErrMissing)
	d, err := slo.OpenSLO(e, june10, slo.Options{})
	require.NoError(t, err)
	assert.Nil(t, d.Spec.Indicator)
	assert.Equal(t, "acme-availability-errors", d.Spec.IndicatorRef)
	var buf bytes.Buffer
	require.NoError(t, d.WriteJSON(&buf))
	assert.Contains(t, buf.String(), `"indicatorRef": "acme-availability-errors"`)
	assert.NotContains(t, buf.String(), `"indicator":`)
}

func TestLongSLIAccepted(t *testing.T) {
	q := strings.Repeat("x", slo.MaxSLI-len(slo.Window)) + slo.Window
	_, err := slo.Prometheus(engine(t, "ACME", "UTC", ""), june10, slo.Options{SLI: q})
	assert.NoError(t, err, "exactly MaxSLI bytes")
}
