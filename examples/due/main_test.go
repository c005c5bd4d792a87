package main

import (
	"bytes"
	"testing"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDue(t *testing.T) {
	for name, args := range map[string][]string{
		"e4.txt":       nil,
		"sev1-dst.txt": {"-severity", "S1", "-received", "2026-10-24T23:30:00+02:00"},
		"sev4-ny.txt":  {"-severity", "severity 4", "-received", "2028-02-29T10:00:00-05:00", "-zone", "America/New_York", "-country", "US"},
	} {
		t.Run(name, func(t *testing.T) {
			var out, errs bytes.Buffer
			require.Equal(t, 0, run(args, &out, &errs), errs.String())
			golden.Check(t, name, out.Bytes())
		})
	}
}

func TestDueBadInput(t *testing.T) {
	for _, args := range [][]string{{"-severity", "9"}, {"-received", "yesterday"}, {"-zone", "Mars/Olympus"}, {"-country", "XX"}} {
		var out, errs bytes.Buffer
		assert.Equal(t, 1, run(args, &out, &errs), args)
		assert.Contains(t, errs.String(), "due:")
	}
}
