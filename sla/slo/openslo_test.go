package slo_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/sla/slo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenSLO(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		customer, zone, obj  string
		at                   time.Time
		opts                 slo.Options
		wantName, wantTarget string
		wantStart            string
		wantSliceTarget      string
		wantSlice            string
	}{
		{"preset", "Acme Logistics", "Europe/Paris", "", june10, slo.Options{SLI: sli},
			"acme-logistics-availability", "0.999", "2026-06-01 00:00:00", "1", "1m"},
		{"objective as written", "ACME", "Europe/Paris", "99.95%", june10, slo.Options{SLI: sli},
			"acme-availability", "0.9995", "2026-06-01 00:00:00", "1", "1m"},
		{"fraction with many digits", "ACME", "Europe/Paris", "0.987654321987654321", june10, slo.Options{SLI: sli},
			"acme-availability", "0.987654321987654321", "2026-06-01 00:00:00", "1", "1m"},
		// 00:30 on 1 July in Paris is still 30 June in UTC: the month is the customer's.
		{"month in the customer's zone", "ACME", "Europe/Paris", "", time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), slo.Options{SLI: sli},
			"acme-availability", "0.999", "2026-07-01 00:00:00", "1", "1m"},
		{"New York, one minute before November there", "Globex", "America/New_York", "99.5%", time.Date(2026, 11, 1, 3, 59, 0, 0, time.UTC), slo.Options{SLI: sli},
			"globex-availability", "0.995", "2026-10-01 00:00:00", "1", "1m"},
		{"slices of five minutes, 5 % errors allowed", "ACME", "Asia/Kolkata", "", june10,
			slo.Options{SLI: sli, Slices: availability.SliceRule{Length: 5 * time.Minute, Threshold: ratio(t, "5%")}},
			"acme-availability", "0.999", "2026-06-01 00:00:00", "0.95", "5m"},
		{"hour slices, own name", "ACME", "UTC", "", june10,
			slo.Options{SLI: sli, Name: "checkout-eu", Slices: availability.SliceRule{Length: 2 * time.Hour, Threshold: ratio(t, "12.5%"), MinRun: 3}},
			"checkout-eu", "0.999", "2026-06-01 00:00:00", "0.875", "2h"},
		// Kiritimati skipped 00:00-00:20 on 1 October 1979: the window still
		// starts, in wall-clock text, at 00:00 on the 1st
		{"a month whose midnight does not exist", "ACME", "Pacific/Kiritimati", "", time.Date(1979, 10, 15, 0, 0, 0, 0, time.UTC), slo.Options{SLI: sli},
			"acme-availability", "0.999", "1979-10-01 00:00:00", "1", "1m"},
		{"no customer", "", "UTC", "", june10, slo.Options{SLI: sli},
			"availability", "0.999", "2026-06-01 00:00:00", "1", "1m"},
		{"customer with a long name", strings.Repeat("Société Générale ", 5), "UTC", "", june10, slo.Options{SLI: sli},
			"soci-t-g-n-rale-soci-t-g-n-rale-soci-t-g-n-rale-so-availability", "0.999", "2026-06-01 00:00:00", "1", "1m"},
		{"customer without letters", "株式会社", "UTC", "", june10, slo.Options{SLI: sli},
			"availability", "0.999", "2026-06-01 00:00:00", "1", "1m"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := slo.OpenSLO(engine(t, tc.customer, tc.zone, tc.obj), tc.at, tc.opts)
			require.NoError(t, err)
			assert.Equal(t, "openslo/v1", d.APIVersion)
			assert.Equal(t, "SLO", d.Kind)
			assert.Equal(t, tc.wantName, d.Metadata.Name)
			assert.LessOrEqual(t, len(d.Metadata.Name), 63, "an RFC 1123 label")
			assert.LessOrEqual(t, utf8.RuneCountInString(d.Metadata.DisplayName), 63, "OpenSLO's limit")
			assert.True(t, strings.HasSuffix(d.Metadata.DisplayName, " availability"))
			assert.Equal(t, []slo.TimeWindow{{Duration: "1M", IsRolling: false,
				Calendar: slo.Calendar{StartTime: tc.wantStart, TimeZone: tc.zone}}}, d.Spec.TimeWindow)
			assert.Equal(t, "Timeslices", d.Spec.BudgetingMethod)
			require.Len(t, d.Spec.Objectives, 1)
			o := d.Spec.Objectives[0]
			assert.Equal(t, tc.wantTarget, o.Target.String())
			assert.Equal(t, tc.wantSliceTarget, o.TimeSliceTarget.String())
			assert.Equal(t, tc.wantSlice, o.TimeSliceWindow)
			assert.Equal(t, "failure", d.Spec.Indicator.Spec.RatioMetric.RawType)
			src := d.Spec.Indicator.Spec.RatioMetric.Raw.MetricSource
			assert.Equal(t, "Prometheus", src.Type)
			assert.Equal(t, `sum(rate(http_requests_total{code=~"5.."}[`+tc.wantSlice+`])) / sum(rate(http_requests_total[`+tc.wantSlice+`]))`, src.Spec.Query)
			assert.Equal(t, tc.zone+" mon-sun 01:00-02:00", d.Metadata.Annotations[slo.AnnotationMaintenance])
			assert.Equal(t, "48h", d.Metadata.Annotations[slo.AnnotationNotice])
			if tc.opts.Slices.MinRun > 1 {
				assert.Equal(t, "3", d.Metadata.Annotations[slo.AnnotationMinRun])
			} else {
				assert.NotContains(t, d.Metadata.Annotations, slo.AnnotationMinRun)
			}
		})
	}
}

// TestOpenSLOJSON checks the document as a YAML or JSON reader sees it: the
// field names of OpenSLO v1 and the target as the number the contract states.
func TestOpenSLOJSON(t *testing.T) {
	d, err := slo.OpenSLO(engine(t, "Acme Logistics", "Europe/Paris", "99.95%"), june10, slo.Options{SLI: sli})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, d.WriteJSON(&buf))
	assert.NotContains(t, buf.String(), `\u003e`, "PromQL is written as is")
	assert.NotContains(t, buf.String(), "\t", "YAML forbids tabs in indentation")

	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	var doc map[string]any
	require.NoError(t, dec.Decode(&doc))
	assert.Equal(t, "openslo/v1", doc["apiVersion"])
	assert.Equal(t, "SLO", doc["kind"])
	meta := doc["metadata"].(map[string]any)
	assert.Equal(t, "acme-logistics-availability", meta["name"])
	assert.Contains(t, meta["annotations"], "slakit/maintenance-window")
	spec := doc["spec"].(map[string]any)
	assert.Equal(t, "Timeslices", spec["budgetingMethod"])
	assert.Equal(t, []any{map[string]any{
		"duration": "1M", "isRolling": false,
		"calendar": map[string]any{"startTime": "2026-06-01 00:00:00", "timeZone": "Europe/Paris"},
	}}, spec["timeWindow"])
	assert.Equal(t, []any{map[string]any{
		"displayName": "contract availability", "target": json.Number("0.9995"),
		"timeSliceTarget": json.Number("1"), "timeSliceWindow": "1m",
	}}, spec["objectives"])
	raw := spec["indicator"].(map[string]any)["spec"].(map[string]any)["ratioMetric"].(map[string]any)
	assert.Equal(t, "failure", raw["rawType"])
	assert.LessOrEqual(t, len(spec["description"].(string)), 1050, "OpenSLO's limit")
}
