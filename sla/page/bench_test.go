package page_test

import (
	"io"
	"testing"

	"github.com/slakit/slakit/sla/page"
)

// The anchor is the text report of the same month: what printing the figures
// costs without drawing them.
func BenchmarkSampleText(b *testing.B) {
	_, r, _ := sampleReport(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := r.WriteText(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// The month page of the sample: 60 tickets evaluated for their due times,
// 30 days, five week rows.
func BenchmarkSampleMonth(b *testing.B) {
	e, r, d := sampleReport(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Month(io.Discard, e, r, d); err != nil {
			b.Fatal(err)
		}
	}
}

// The status page: three month reports for 90 days.
func BenchmarkSampleStatus(b *testing.B) {
	e, r, d := sampleReport(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Status(io.Discard, e, d, r.At); err != nil {
			b.Fatal(err)
		}
	}
}
