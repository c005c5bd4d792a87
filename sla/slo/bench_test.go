package slo_test

import (
	"encoding/json"
	"testing"

	"github.com/slakit/slakit/sla/slo"
)

// The exports cost a policy lookup and a few dozen strings; the anchor is the
// JSON encoding of the result, which every caller pays next.
func BenchmarkPrometheus(b *testing.B) {
	e := engine(b, "Acme Logistics", "Europe/Paris", "")
	for b.Loop() {
		if _, err := slo.Prometheus(e, june10, slo.Options{SLI: sli}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenSLO(b *testing.B) {
	e := engine(b, "Acme Logistics", "Europe/Paris", "")
	for b.Loop() {
		if _, err := slo.OpenSLO(e, june10, slo.Options{SLI: sli}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnchorMarshalRules(b *testing.B) {
	e := engine(b, "Acme Logistics", "Europe/Paris", "")
	f, err := slo.Prometheus(e, june10, slo.Options{SLI: sli})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := json.Marshal(f); err != nil {
			b.Fatal(err)
		}
	}
}
