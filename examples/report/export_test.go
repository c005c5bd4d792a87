package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testSLI = `sum(rate(http_requests_total{code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total[{{.window}}]))`

// TestOpenSLO: the sample contract's objective as an OpenSLO v1 document, a
// calendar month in Paris from the reported month.
func TestOpenSLO(t *testing.T) {
	code, out, errs := runTool(t, "-format", "openslo", "-sli", testSLI)
	require.Equal(t, 0, code, errs)
	golden.Check(t, "openslo.json", []byte(out))
	var doc struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Spec       struct {
			TimeWindow []struct {
				Duration  string `json:"duration"`
				IsRolling bool   `json:"isRolling"`
				Calendar  struct {
					StartTime string `json:"startTime"`
					TimeZone  string `json:"timeZone"`
				} `json:"calendar"`
			} `json:"timeWindow"`
			BudgetingMethod string `json:"budgetingMethod"`
			Objectives      []struct {
				Target json.Number `json:"target"`
			} `json:"objectives"`
		} `json:"spec"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&doc))
	assert.Equal(t, "openslo/v1", doc.APIVersion)
	assert.Equal(t, "SLO", doc.Kind)
	require.Len(t, doc.Spec.TimeWindow, 1)
	w := doc.Spec.TimeWindow[0]
	assert.Equal(t, "1M", w.Duration)
	assert.False(t, w.IsRolling)
	assert.Equal(t, "2026-06-01 00:00:00", w.Calendar.StartTime)
	assert.Equal(t, "Europe/Paris", w.Calendar.TimeZone)
	assert.Equal(t, "Timeslices", doc.Spec.BudgetingMethod)
	require.Len(t, doc.Spec.Objectives, 1)
	assert.Equal(t, json.Number("0.999"), doc.Spec.Objectives[0].Target)

	// with your own contract, the month defaults as for a report: last month
	code, out, errs = runTool(t, "-format", "openslo", "-sli", testSLI, "-contract", sampleFile("contract.json"))
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"startTime": "2026-06-01 00:00:00"`)
	// without -sli: an SLI defined elsewhere
	code, out, errs = runTool(t, "-format", "openslo")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"indicatorRef": "acme-logistics-availability-errors"`)

	// any month, even one after the current time
	code, out, errs = runTool(t, "-format", "openslo", "-sli", testSLI, "-contract", sampleFile("contract.json"), "-month", "2027-02")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"startTime": "2027-02-01 00:00:00"`)
}

// TestPrometheus: the four burn-rate alerts with the workbook's factors over
// the sample's budget of 0.001.
func TestPrometheus(t *testing.T) {
	code, out, errs := runTool(t, "-format", "prometheus", "-sli", testSLI)
	require.Equal(t, 0, code, errs)
	golden.Check(t, "prometheus.json", []byte(out))
	var file struct {
		Groups []struct {
			Rules []struct {
				Record, Alert, Expr string
				Annotations         map[string]string
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &file))
	require.Len(t, file.Groups, 1)
	var alerts []string
	for _, r := range file.Groups[0].Rules {
		if r.Alert != "" {
			alerts = append(alerts, r.Alert+" "+r.Annotations["burn_rate"]+": "+r.Expr)
		}
	}
	assert.Equal(t, []string{
		`AvailabilityBurnRate1h 14.4: slakit:sli_error:ratio_rate1h{slo="acme-logistics-availability"} > 0.0144 and slakit:sli_error:ratio_rate5m{slo="acme-logistics-availability"} > 0.0144`,
		`AvailabilityBurnRate6h 6: slakit:sli_error:ratio_rate6h{slo="acme-logistics-availability"} > 0.006 and slakit:sli_error:ratio_rate30m{slo="acme-logistics-availability"} > 0.006`,
		`AvailabilityBurnRate1d 3: slakit:sli_error:ratio_rate1d{slo="acme-logistics-availability"} > 0.003 and slakit:sli_error:ratio_rate2h{slo="acme-logistics-availability"} > 0.003`,
		`AvailabilityBurnRate3d 1: slakit:sli_error:ratio_rate3d{slo="acme-logistics-availability"} > 0.001 and slakit:sli_error:ratio_rate6h{slo="acme-logistics-availability"} > 0.001`,
	}, alerts)
}

// TestExportFullObjective: a contract promising 100 % has no budget to export.
func TestExportFullObjective(t *testing.T) {
	c := write(t, "contract.json", `{"customer":"X","policies":[{"policy":{"version":1,"name":"p",
		"support":{"time_zone":"UTC","hours":{"mon":["09:00-17:00"]}},
		"severities":{"sev1":{"response":"1h continuous","workaround":"n/a","fix":"n/a"},"sev2":{"response":"1h continuous","workaround":"n/a","fix":"n/a"},
		"sev3":{"response":"1h continuous","workaround":"n/a","fix":"n/a"},"sev4":{"response":"1h continuous","workaround":"n/a","fix":"n/a"}},
		"maintenance":{"time_zone":"UTC","hours":{"sun":["01:00-02:00"]}},"notice":"48h","availability":"100%","rto":"24h","rpo":"30m","at_risk":"75%"}}]}`)
	code, out, errs := runTool(t, "-format", "prometheus", "-sli", testSLI, "-contract", c)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "report: "+c+`: availability "100%": out of range: want below 100%: an SLO tool needs an error budget`+"\n", errs)
}
