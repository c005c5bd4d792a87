package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
func sampleFile(name string) string { return filepath.Join("..", "internal", "sample", name) }

// write writes data to a new file of the test's temporary directory.
func write(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	return p
}

func TestSampleReport(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, errs := runTool(t, "-format", format)
			require.Equal(t, 0, code, errs)
			golden.Check(t, "report."+format, []byte(out))
		})
	}
}

// TestPages: the tool writes whole documents for the month report page and
// the status page (package sla/page has their golden files).
func TestPages(t *testing.T) {
	for format, title := range map[string]string{"html": "SLA report — Acme Logistics — June 2026", "status": "Service status — Acme Logistics"} {
		code, page, errs := runTool(t, "-format", format)
		require.Equal(t, 0, code, errs)
		assert.True(t, strings.HasPrefix(page, "<!doctype html>"), format)
		assert.Contains(t, page, "<title>"+title+"</title>")
		assert.True(t, strings.HasSuffix(page, "</html>\n"), format)
		assert.NotContains(t, page, "http://", "no external resources")
		assert.NotContains(t, page, "https://", "no external resources")
	}
}
