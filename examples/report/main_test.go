package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSampleReport(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var out, errs bytes.Buffer
			code := run([]string{"-format", format}, &out, &errs)
			require.Equal(t, 0, code, errs.String())
			golden.Check(t, "report."+format, out.Bytes())
		})
	}
}

// The pages themselves are tested, with golden files, in package sla/page;
// here the tool must write them whole.
func TestPages(t *testing.T) {
	for format, title := range map[string]string{"html": "SLA report — Acme Logistics — June 2026", "status": "Service status — Acme Logistics"} {
		var out, errs bytes.Buffer
		require.Equal(t, 0, run([]string{"-format", format}, &out, &errs), errs.String())
		page := out.String()
		assert.True(t, strings.HasPrefix(page, "<!doctype html>"), format)
		assert.Contains(t, page, "<title>"+title+"</title>")
		assert.True(t, strings.HasSuffix(page, "</html>\n"), format)
	}
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	sampleFile := func(name string) []byte {
		b, err := sample.ReadFile("sample/" + name)
		require.NoError(t, err)
		return b
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	contract := write("contract.json", sampleFile("contract.json"))
	cases := []struct {
		name, flag, file string
		data             []byte
		want             []string
	}{
		{"unknown kind", "-tickets", "t.json", []byte(`[{"id":"A","received":"2026-06-01T09:00:00+02:00","severity":"sev3"},
			{"id":"B","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"waitin"}]}]`),
			[]string{"t.json", "record 1", "kind", "waitin"}},
		{"impossible timeline", "-tickets", "t2.json", []byte(`[{"id":"A","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"resumed"}]}]`),
			[]string{"t2.json", "tickets[0].events[0]", "resumed without a pause"}},
		{"outage reversed", "-outages", "o.json", []byte(`[{"start":"2026-06-02T10:00:00+02:00","end":"2026-06-02T09:00:00+02:00"}]`),
			[]string{"o.json", "outages[0]", "end"}},
		{"unknown field", "-outages", "o2.json", []byte(`[{"start":"2026-06-02T10:00:00+02:00","end":"2026-06-02T11:00:00+02:00","cuase":"unplanned"}]`),
			[]string{"o2.json", "record 0", "cuase"}},
		{"bad point", "-points", "p.txt", []byte("2026-06-01T00:00:00Z\nyesterday\n"),
			[]string{"p.txt", "line 2", "yesterday"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			code := run([]string{"-contract", contract, tc.flag, write(tc.file, tc.data)}, &out, &errs)
			assert.NotEqual(t, 0, code)
			for _, w := range tc.want {
				assert.Contains(t, errs.String(), w)
			}
		})
	}
	var out, errs bytes.Buffer
	assert.Equal(t, 1, run([]string{"-month", "2026-13"}, &out, &errs))
	assert.True(t, strings.Contains(errs.String(), "-month"))
}
