package page_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/slakit/slakit/recovery"
	"github.com/slakit/slakit/sla"
)

// sampleDir holds the sample customer of examples/report: a contract and one
// month of tickets, outages, incidents and recovery points.
const sampleDir = "../../examples/internal/sample"

// sample is the sample customer's engine and data.
func sample(t testing.TB) (*sla.Engine, sla.MonthData) {
	t.Helper()
	read := func(name string, v any) {
		b, err := os.ReadFile(filepath.Join(sampleDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	var c sla.Contract
	var d sla.MonthData
	read("contract.json", &c)
	read("tickets.json", &d.Tickets)
	read("outages.json", &d.Outages)
	read("incidents.json", &d.Incidents)
	b, err := os.ReadFile(filepath.Join(sampleDir, "points.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Points, err = recovery.ParsePoints(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	e, err := sla.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return e, d
}

// sampleReport is the sample's June 2026 report as of the month's end.
func sampleReport(t testing.TB) (*sla.Engine, sla.Report, sla.MonthData) {
	t.Helper()
	e, d := sample(t)
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Month(2026, time.June, d, time.Date(2026, 7, 1, 0, 0, 0, 0, paris))
	if err != nil {
		t.Fatal(err)
	}
	return e, r, d
}
