package availability_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/internal/golden"
	"pgregory.net/rapid"
)

func TestPercentTruncates(t *testing.T) {
	for _, tc := range []struct {
		avail  string
		places int32
		want   string
	}{
		{"0.998951", 2, "99.89 %"}, // rounding would print a compliant-looking 99.90 %
		{"0.998951", 4, "99.8951 %"},
		{"0.998951", 6, "99.895100 %"},
		{"0.998951", 0, "99 %"},
		{"0.998951", -3, "99 %"},
		{"0.99899999999", 3, "99.899 %"},
		{"0.999", 1, "99.9 %"},
		{"0.999", 3, "99.900 %"},
		{"1", 2, "100.00 %"},
		{"0", 2, "0.00 %"},
		{"0.00009", 2, "0.00 %"},
	} {
		r := availability.Report{Availability: dec(tc.avail)}
		if got := r.Percent(tc.places); got != tc.want {
			t.Errorf("Percent(%d) of %s = %q, want %q", tc.places, tc.avail, got, tc.want)
		}
	}
}

// TestReportJSONGolden pins the JSON form of the report of worked example E5, which other
// packages store and read back. Run with -update to rewrite it after a
// deliberate change, and review the diff.
func TestReportJSONGolden(t *testing.T) {
	p := month(t, 2026, time.June, "Europe/Paris")
	out := []availability.Outage{unplanned(paris(t, 2026, 6, 10, 0, 30, 0), paris(t, 2026, 6, 10, 2, 30, 0))}
	r := compute(t, p, out, specRules("Europe/Paris"))
	got, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "report_e5.json", append(got, '\n'))
}

// checkReportJSON: a report survives a trip through JSON, so a stored report
// can be read back and queried.
func checkReportJSON(t *rapid.T) {
	s := genScenario(t)
	r, err := availability.ComputeCovered(s.period, s.outages, genCoverage(t, s.period).c, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back availability.Report
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	sameTotals(t, back, r)
	if !back.Period.Start.Equal(r.Period.Start) || !back.Period.End.Equal(r.Period.End) || !back.Objective.Equal(r.Objective) {
		t.Fatalf("period or objective changed: %v %s", back.Period, back.Objective)
	}
	if len(back.Outages) != len(r.Outages) {
		t.Fatalf("%d breakdowns came back, want %d", len(back.Outages), len(r.Outages))
	}
	for i := range r.Outages {
		if back.Outages[i] != r.Outages[i] {
			t.Fatalf("breakdown %d came back as %+v, want %+v", i, back.Outages[i], r.Outages[i])
		}
	}
}

func TestReportJSONRoundTrip(t *testing.T) { rapid.Check(t, checkReportJSON) }
func FuzzReportJSONRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkReportJSON)) }

func TestReportJSONRefuses(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{`{"objective":"x","availability":"1"}`, `objective: error decoding string '"x"': can't convert x to decimal`},
		{`{"objective":"0.999","availability":"one"}`, `availability: error decoding string '"one"': can't convert one to decimal: exponent is not numeric`},
		{`{"objective":"0.999","availability":"1","total":"720"}`, `total "720": invalid syntax: want a duration such as "24h", "1h30m" or "90s"`},
		{`{"objective":"0.999","availability":"1","total":720}`, `total "720": invalid value: want a duration such as "24h" or "1h30m"`},
		{`{"objective":"0.999","availability":"1","evidence":[{"class":"sometimes"}]}`,
			`evidence[0].class "sometimes": invalid value: want one of "up", "unplanned", "excluded", "planned", "unknown"`},
		{`{"verdict":"maybe"}`, `verdict "maybe": invalid value: want one of "unknown", "met", "missed"`},
		{`{"met":true,"met":false}`, `met: duplicate: key written twice in one object`},
		{`{"availability":"1","Met":true}`, `Met: unknown field: want one of period, objective, total, planned, unplanned, excluded, unknown, monitored, up, availability, highest, verdict, met, budget, budget_left, evidence, outages`},
	} {
		var r availability.Report
		if err := json.Unmarshal([]byte(tc.in), &r); err == nil || err.Error() != tc.msg {
			t.Errorf("%s:\n got %v\nwant %s", tc.in, err, tc.msg)
		}
	}
}
