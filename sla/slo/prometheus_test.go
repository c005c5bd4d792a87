package slo_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/internal/golden"
	"github.com/slakit/slakit/sla"
	"github.com/slakit/slakit/sla/slo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestPrometheusThresholds(t *testing.T) {
	for _, tc := range []struct {
		objective string
		budget    string
		want      [4]string // thresholds of the 1h, 6h, 1d and 3d alerts
	}{
		{"99.9%", "0.001", [4]string{"0.0144", "0.006", "0.003", "0.001"}},
		{"99.95%", "0.0005", [4]string{"0.0072", "0.003", "0.0015", "0.0005"}},
		{"99.5%", "0.005", [4]string{"0.072", "0.03", "0.015", "0.005"}},
		{"99%", "0.01", [4]string{"0.144", "0.06", "0.03", "0.01"}},
		{"99.99%", "0.0001", [4]string{"0.00144", "0.0006", "0.0003", "0.0001"}},
		// a factor times the budget may exceed 1: the alert then never fires, as it should
		{"90%", "0.1", [4]string{"1.44", "0.6", "0.3", "0.1"}},
		{"99.123456789%", "0.00876543211", [4]string{"0.126222222384", "0.05259259266", "0.02629629633", "0.00876543211"}},
	} {
		t.Run(tc.objective, func(t *testing.T) {
			f, err := slo.Prometheus(engine(t, "ACME", "Europe/Paris", tc.objective), june10, slo.Options{SLI: sli})
			require.NoError(t, err)
			require.Len(t, f.Groups, 1)
			alerts := f.Groups[0].Rules[9:]
			require.Len(t, alerts, 4)
			for i, w := range []struct{ long, short, factor, severity string }{
				{"1h", "5m", "14.4", "page"}, {"6h", "30m", "6", "page"}, {"1d", "2h", "3", "ticket"}, {"3d", "6h", "1", "ticket"},
			} {
				a := alerts[i]
				assert.Equal(t, "AvailabilityBurnRate"+w.long, a.Alert)
				assert.Equal(t, "slakit:sli_error:ratio_rate"+w.long+`{slo="acme-availability"} > `+tc.want[i]+
					" and slakit:sli_error:ratio_rate"+w.short+`{slo="acme-availability"} > `+tc.want[i], a.Expr)
				assert.Equal(t, map[string]string{"slo": "acme-availability", "severity": w.severity, "long_window": w.long, "short_window": w.short}, a.Labels)
				assert.Equal(t, w.factor, a.Annotations["burn_rate"])
				assert.Equal(t, tc.budget, a.Annotations["error_budget"])
				assert.Equal(t, "Planned maintenance does not count against the contract: Europe/Paris mon-sun 01:00-02:00, and maintenance announced at least 48h ahead.",
					a.Annotations["maintenance"])
			}
			meta := f.Groups[0].Rules[7:9]
			assert.Equal(t, slo.Rule{Record: "slakit:objective:ratio", Expr: "vector(" + sla.MustRatio(tc.objective).Decimal().String() + ")",
				Labels: map[string]string{"slo": "acme-availability"}}, meta[0])
			assert.Equal(t, slo.Rule{Record: "slakit:error_budget:ratio", Expr: "vector(" + tc.budget + ")",
				Labels: map[string]string{"slo": "acme-availability"}}, meta[1])
		})
	}
}

// TestPrometheusJSON reads the rule file as promtool would: one group, the
// seven recorded windows in order, each the SLI over its window.
func TestPrometheusJSON(t *testing.T) {
	f, err := slo.Prometheus(engine(t, "Acme Logistics", "Europe/Paris", ""), june10, slo.Options{SLI: sli})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, f.WriteJSON(&buf))
	assert.NotContains(t, buf.String(), `\u003e`, "PromQL is written as is")
	var file struct {
		Groups []struct {
			Name  string
			Rules []map[string]any
		}
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&file))
	require.Len(t, file.Groups, 1)
	g := file.Groups[0]
	assert.Equal(t, "slakit-acme-logistics-availability", g.Name)
	require.Len(t, g.Rules, 13)
	for i, w := range []string{"5m", "30m", "1h", "2h", "6h", "1d", "3d"} {
		assert.Equal(t, map[string]any{
			"record": "slakit:sli_error:ratio_rate" + w,
			"expr":   `sum(rate(http_requests_total{code=~"5.."}[` + w + `])) / sum(rate(http_requests_total[` + w + `]))`,
			"labels": map[string]any{"slo": "acme-logistics-availability"},
		}, g.Rules[i])
	}
	var alerts []string
	for _, r := range g.Rules {
		if a, ok := r["alert"]; ok {
			alerts = append(alerts, a.(string))
			assert.ElementsMatch(t, []string{"alert", "expr", "labels", "annotations"}, keys(r))
		}
	}
	assert.Equal(t, []string{"AvailabilityBurnRate1h", "AvailabilityBurnRate6h", "AvailabilityBurnRate1d", "AvailabilityBurnRate3d"}, alerts)
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestRuleFileGolden keeps testdata/rules.json, which CI checks with promtool
// (`promtool check rules` and the unit tests of testdata/burnrate_test.yml),
// equal to what Prometheus returns.
func TestRuleFileGolden(t *testing.T) {
	f, err := slo.Prometheus(engine(t, "Acme Logistics", "Europe/Paris", ""), june10,
		slo.Options{SLI: `sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))`})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, f.WriteJSON(&buf))
	golden.Check(t, "rules.json", buf.Bytes())
}

// checkThresholds: for any objective below 100 %, every alert's threshold is
// exactly its factor times 1 − objective, and the objective is written back
// exactly.
func checkThresholds(t *rapid.T) {
	digits := rapid.IntRange(1, 12).Draw(t, "digits")
	scale := decimal.New(1, int32(digits))
	coef := rapid.Int64Range(1, scale.IntPart()-1).Draw(t, "coefficient")
	objective := decimal.New(coef, -int32(digits))
	p := sla.Preset("UTC", "")
	p.Availability = sla.NewRatio(objective)
	e, err := sla.New(sla.Contract{Customer: "c", Policies: []sla.Dated{{Policy: p}}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := slo.Prometheus(e, june10, slo.Options{SLI: "x[{{.window}}]"})
	if err != nil {
		t.Fatal(err)
	}
	budget := decimal.NewFromInt(1).Sub(objective)
	rules := f.Groups[0].Rules
	if got := rules[7].Expr; got != "vector("+objective.String()+")" {
		t.Fatalf("objective written as %s, want %s", got, objective)
	}
	for i, factor := range []string{"14.4", "6", "3", "1"} {
		a := rules[9+i]
		th := strings.Fields(a.Expr)[2]
		got, err := decimal.NewFromString(th)
		if err != nil {
			t.Fatalf("%s: threshold %q: %v", a.Alert, th, err)
		}
		if want := decimal.RequireFromString(factor).Mul(budget); !got.Equal(want) {
			t.Fatalf("%s: threshold %s, want %s × %s = %s", a.Alert, got, factor, budget, want)
		}
	}
	d, err := slo.OpenSLO(e, june10, slo.Options{SLI: "x[{{.window}}]"})
	if err != nil {
		t.Fatal(err)
	}
	if got := decimal.RequireFromString(d.Spec.Objectives[0].Target.String()); !got.Equal(objective) {
		t.Fatalf("OpenSLO target %s, want %s", got, objective)
	}
}

func TestThresholds(t *testing.T) { rapid.Check(t, checkThresholds) }
func FuzzThresholds(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkThresholds)) }

// FuzzSLI: whatever query is given, the exports either refuse it with an error
// about "sli" or write valid JSON that carries it exactly, window by window.
func FuzzSLI(f *testing.F) {
	for _, s := range []string{sli, "", "x", slo.Window, "a{{.window}}b{{.window}}", "\"\\\n\t{{.window}}\u2028<>&", "{{.window", "\xff{{.window}}"} {
		f.Add(s)
	}
	e := engine(f, "ACME", "Europe/Paris", "")
	f.Fuzz(func(t *testing.T, q string) {
		rules, err := slo.Prometheus(e, june10, slo.Options{SLI: q})
		doc, err2 := slo.OpenSLO(e, june10, slo.Options{SLI: q})
		if (err == nil) != (err2 == nil) && q != "" { // OpenSLO alone takes no query
			t.Fatalf("Prometheus: %v; OpenSLO: %v", err, err2)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "sli") {
				t.Fatalf("error not about the SLI: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := rules.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		var back slo.RuleFile
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatalf("rule file is not JSON: %v", err)
		}
		for i, w := range []string{"5m", "30m", "1h", "2h", "6h", "1d", "3d"} {
			if got, want := back.Groups[0].Rules[i].Expr, strings.ReplaceAll(q, slo.Window, w); got != want {
				t.Fatalf("rule %d: %q, want %q", i, got, want)
			}
		}
		buf.Reset()
		if err := doc.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		var docBack slo.SLO
		if err := json.Unmarshal(buf.Bytes(), &docBack); err != nil {
			t.Fatalf("document is not JSON: %v", err)
		}
		if got, want := docBack.Spec.Indicator.Spec.RatioMetric.Raw.MetricSource.Spec.Query, strings.ReplaceAll(q, slo.Window, "1m"); got != want {
			t.Fatalf("query %q, want %q", got, want)
		}
	})
}
