package page_test

import (
	"os"
	"testing"
	"time"

	"github.com/slakit/slakit/sla/page"
)

func TestRenderSampleToFile(t *testing.T) {
	e, r, d := sampleReport(t)
	f, err := os.Create("/tmp/page-month.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := page.Month(f, e, r, d); err != nil {
		t.Fatal(err)
	}
}

func TestRenderStatusToFile(t *testing.T) {
	e, _, d := sampleReport(t)
	f, err := os.Create("/tmp/page-status.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := page.Status(f, e, d, time.Date(2026, 6, 19, 12, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
}
