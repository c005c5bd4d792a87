package page_test

import (
	"os"
	"testing"

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
