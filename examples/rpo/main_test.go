package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSample(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run(nil, nil, &out, &errs), errs.String())
	golden.Check(t, "sample.txt", out.Bytes())
}

func TestStdin(t *testing.T) {
	in := strings.NewReader("# nightly backups\n2026-06-01T00:00:00Z\n2026-06-02T00:00:00Z 2026-06-02T01:30:00Z\n")
	var out, errs bytes.Buffer
	require.Equal(t, 0, run([]string{"-file", "-", "-from", "2026-06-01T00:00:00Z", "-to", "2026-06-03T00:00:00Z", "-rpo", "24h"}, in, &out, &errs), errs.String())
	golden.Check(t, "stdin.txt", out.Bytes())
}

func TestBadLine(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 1, run([]string{"-file", "-"}, strings.NewReader("2026-06-01T00:00:00Z\nnot a time\n"), &out, &errs))
	assert.Equal(t, "rpo: stdin: line 2 \"not\": invalid syntax: want an RFC 3339 instant, optionally followed by the instant it was stored\n", errs.String())
}

// TestBinary: a binary file is refused with a short quote of its first line,
// never the whole line.
func TestBinary(t *testing.T) {
	for name, tc := range map[string]struct{ data, want string }{
		"short lines": {strings.Repeat("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00\x01\x00\x00\x00\x40\x10\x40\x00\x00\x00\x00\x00@", 100) + "\n",
			`rpo: stdin: line 1 "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00\x01\x00\x00\x00@\x10@\x00\x00\x00\x00\x00@\x7fELF\x02\x01\x01…": invalid syntax: want an RFC 3339 instant, optionally followed by the instant it was stored`},
		"one long line": {strings.Repeat("\x00\xff", 40000),
			`rpo: stdin: line 1 "` + strings.Repeat(`\x00\xff`, 20) + `…": over the limit: want a line of at most 65536 bytes`},
	} {
		t.Run(name, func(t *testing.T) {
			var out, errs bytes.Buffer
			assert.Equal(t, 1, run([]string{"-file", "-"}, strings.NewReader(tc.data), &out, &errs))
			assert.Equal(t, tc.want+"\n", errs.String())
		})
	}
}

func TestTooLarge(t *testing.T) {
	var out, errs bytes.Buffer
	assert.Equal(t, 1, run([]string{"-file", "-"}, strings.NewReader(strings.Repeat("#\n", 16<<20+1)), &out, &errs))
	assert.Equal(t, "rpo: stdin: over the limit: want at most 32 MiB\n", errs.String())
}

// TestBadFlags: a wrong flag value is status 2, as a wrong flag is; a bad
// file is status 1.
func TestBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-from", "June"}, `rpo: -from "June": want an RFC 3339 instant`},
		{[]string{"-to", "2026-07-01"}, `rpo: -to "2026-07-01": want an RFC 3339 instant`},
		{[]string{"-now", "now"}, `rpo: -now "now": want an RFC 3339 instant`},
	} {
		var out, errs bytes.Buffer
		assert.Equal(t, 2, run(tc.args, nil, &out, &errs), tc.args)
		assert.Equal(t, tc.want+"\n", errs.String())
	}
	var out, errs bytes.Buffer
	assert.Equal(t, 2, run([]string{"-rpo", "soon"}, nil, &out, &errs))
}
