package severity_test

import (
	"encoding/json"
	"errors"
	"testing"

	"pgregory.net/rapid"

	"github.com/slakit/slakit/severity"
)

// The R5 situations, one per line of the level definitions.
func TestClassifyR5(t *testing.T) {
	tests := []struct {
		name string
		in   severity.Impact
		want severity.Level
		err  error
	}{
		{"service down", severity.Impact{ServiceUnavailable: true}, severity.Sev1, nil},
		{"down for planned maintenance", severity.Impact{ServiceUnavailable: true, PlannedMaintenance: true}, 0, severity.ErrPlanned},
		{"down for planned maintenance, work stopped", severity.Impact{ServiceUnavailable: true, PlannedMaintenance: true, WorkStopped: true}, severity.Sev2, nil},
		{"down for planned maintenance, minor loss", severity.Impact{ServiceUnavailable: true, PlannedMaintenance: true, MinorLoss: true}, severity.Sev4, nil},
		{"essential features blocked", severity.Impact{EssentialFeaturesBlocked: true}, severity.Sev2, nil},
		{"latency blocks essential features", severity.Impact{HeavyLatency: true, EssentialFeaturesBlocked: true}, severity.Sev2, nil},
		{"work cannot go on", severity.Impact{WorkStopped: true}, severity.Sev2, nil},
		{"heavy latency alone", severity.Impact{HeavyLatency: true}, severity.Sev3, nil},
		{"major productivity impact", severity.Impact{MajorImpact: true}, severity.Sev3, nil},
		{"reduced scope", severity.Impact{ReducedScope: true}, severity.Sev3, nil},
		{"major impact, work goes on reduced", severity.Impact{MajorImpact: true, ReducedScope: true}, severity.Sev3, nil},
		{"minor loss", severity.Impact{MinorLoss: true}, severity.Sev4, nil},
		{"inconvenience with workaround", severity.Impact{WorkaroundAvailable: true}, severity.Sev4, nil},
		{"workaround does not lower sev2", severity.Impact{WorkStopped: true, WorkaroundAvailable: true}, severity.Sev2, nil},
		{"nothing", severity.Impact{}, 0, severity.ErrNoImpact},
		{"planned maintenance alone", severity.Impact{PlannedMaintenance: true}, 0, severity.ErrNoImpact},
	}
	for _, tt := range tests {
		got, err := severity.Classify(tt.in)
		if got != tt.want {
			t.Errorf("%s: Classify(%v) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
		if tt.err == nil && err != nil {
			t.Errorf("%s: Classify(%v) error %v", tt.name, tt.in, err)
		}
		if tt.err != nil {
			wantErr(t, err, tt.err)
		}
	}
}

func TestImpactJSON(t *testing.T) {
	var i severity.Impact
	if err := json.Unmarshal([]byte(`{"service_unavailable":true,"planned_maintenance":false}`), &i); err != nil || i != (severity.Impact{ServiceUnavailable: true}) {
		t.Errorf("decode: %v, %v", i, err)
	}
	for in, want := range map[string]string{
		`{"service_down":true}`: `service_down: unknown field: want one of service_unavailable, planned_maintenance, essential_features_blocked, ` +
			`work_stopped, heavy_latency, major_impact, reduced_scope, minor_loss, workaround_available`,
		`{"minor_loss":true,"minor_loss":false}`: `minor_loss: duplicate: key written twice in one object`,
		`{"minor_loss":"yes"}`:                   `minor_loss "\"yes\"": invalid value: want true or false`,
	} {
		var i severity.Impact
		if err := json.Unmarshal([]byte(in), &i); err == nil || err.Error() != want {
			t.Errorf("%s: error\n%v\nwant\n%s", in, err, want)
		}
	}
}

func TestImpactString(t *testing.T) {
	tests := map[severity.Impact]string{
		{}: "{}",
		{ServiceUnavailable: true, PlannedMaintenance: true}: "{service unavailable, planned maintenance}",
		{WorkaroundAvailable: true}:                          "{workaround available}",
	}
	for in, want := range tests {
		if got := in.String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

// fact is one field of Impact, with the level R5 gives it on its own (0 for
// PlannedMaintenance, which is a cause, not an impact), written from the rules
// table independently of Classify.
type fact struct {
	name  string
	level severity.Level
	set   func(*severity.Impact)
}

var facts = []fact{
	{"ServiceUnavailable", severity.Sev1, func(i *severity.Impact) { i.ServiceUnavailable = true }},
	{"PlannedMaintenance", 0, func(i *severity.Impact) { i.PlannedMaintenance = true }},
	{"EssentialFeaturesBlocked", severity.Sev2, func(i *severity.Impact) { i.EssentialFeaturesBlocked = true }},
	{"WorkStopped", severity.Sev2, func(i *severity.Impact) { i.WorkStopped = true }},
	{"HeavyLatency", severity.Sev3, func(i *severity.Impact) { i.HeavyLatency = true }},
	{"MajorImpact", severity.Sev3, func(i *severity.Impact) { i.MajorImpact = true }},
	{"ReducedScope", severity.Sev3, func(i *severity.Impact) { i.ReducedScope = true }},
	{"MinorLoss", severity.Sev4, func(i *severity.Impact) { i.MinorLoss = true }},
	{"WorkaroundAvailable", severity.Sev4, func(i *severity.Impact) { i.WorkaroundAvailable = true }},
}

// impactOf sets the facts whose bit is set in mask.
func impactOf(mask int) severity.Impact {
	var i severity.Impact
	for b, f := range facts {
		if mask&(1<<b) != 0 {
			f.set(&i)
		}
	}
	return i
}

// checkClassify: Classify is total (a valid level and no error, or the zero
// Level and one of its two errors), never gives severity 1 to planned
// maintenance, agrees with the most severe fact, and is monotonic: adding a fact
// other than PlannedMaintenance never makes the level less severe.
func checkClassify(t *rapid.T) {
	mask := rapid.IntRange(0, 1<<len(facts)-1).Draw(t, "facts")
	extra := rapid.IntRange(0, len(facts)-1).Draw(t, "extra")
	verifyClassify(t, mask, extra)
}

func verifyClassify(t interface{ Fatalf(string, ...any) }, mask, extra int) {
	in := impactOf(mask)
	got, err := severity.Classify(in)
	switch {
	case err == nil && !got.IsValid(),
		err != nil && got != 0,
		err != nil && !errors.Is(err, severity.ErrNoImpact) && !errors.Is(err, severity.ErrPlanned):
		t.Fatalf("Classify(%v) = %v, %v: not total", in, got, err)
	}
	if in.PlannedMaintenance && got == severity.Sev1 {
		t.Fatalf("Classify(%v) = sev1 under planned maintenance", in)
	}

	// The most severe fact decides; an unavailability under planned maintenance
	// counts for nothing.
	var want severity.Level
	for b, f := range facts {
		if mask&(1<<b) == 0 || f.level == 0 || f.name == "ServiceUnavailable" && in.PlannedMaintenance {
			continue
		}
		if want == 0 || f.level < want {
			want = f.level
		}
	}
	if got != want {
		t.Fatalf("Classify(%v) = %v, want %v", in, got, want)
	}

	if facts[extra].name == "PlannedMaintenance" {
		return
	}
	more := impactOf(mask | 1<<extra)
	after, err := severity.Classify(more)
	if got != 0 && (err != nil || after > got) {
		t.Fatalf("Classify(%v) = %v but Classify(%v) = %v, %v", in, got, more, after, err)
	}
}

func TestClassifyProperties(t *testing.T) { rapid.Check(t, checkClassify) }

// There are only 512 impacts: check them all, with every extra fact.
func TestClassifyExhaustive(t *testing.T) {
	for mask := range 1 << len(facts) {
		for extra := range facts {
			verifyClassify(t, mask, extra)
		}
	}
}

func FuzzClassify(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkClassify)) }
