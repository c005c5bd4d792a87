package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clock is the current time of every test: mid-July 2026 in Paris.
func clock() time.Time { return time.Date(2026, 7, 15, 10, 30, 0, 123, time.UTC) }

// runTool runs the tool and returns its exit status, output and errors.
func runTool(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	code := run(args, &out, &errs, clock)
	return code, out.String(), errs.String()
}

// sampleFile is the path on disk of a file of the built-in sample.
func sampleFile(name string) string { return filepath.Join("sample", name) }

// write writes data to a new file of the test's temporary directory.
func write(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	return p
}

func TestSampleReport(t *testing.T) {
	for _, format := range []string{"text", "json", "html"} {
		t.Run(format, func(t *testing.T) {
			code, out, errs := runTool(t, "-format", format)
			require.Equal(t, 0, code, errs)
			golden.Check(t, "report."+format, []byte(out))
		})
	}
}

func TestHTMLIsSelfContained(t *testing.T) {
	code, page, errs := runTool(t, "-format", "html")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, page, "<svg")
	assert.Contains(t, page, `class="unplanned"`)
	assert.Contains(t, page, `class="planned"`)
	assert.Contains(t, page, `<circle class="missed"`)
	assert.NotContains(t, page, "http://", "no external resources")
	assert.NotContains(t, page, "https://", "no external resources")
}
