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
	assert.Contains(t, errs.String(), `rpo: stdin: line 2 "not": invalid syntax: want an RFC 3339 instant`)
}
