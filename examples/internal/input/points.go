package input

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"

	"github.com/slakit/slakit/recovery"
)

// Points reads the recovery points of raw, named name in errors (see
// recovery.ParsePoints). A bad line is quoted short: it may be a megabyte of
// binary.
func Points(name string, raw []byte) ([]recovery.Point, error) {
	ps, err := recovery.ParsePoints(bytes.NewReader(raw))
	var le *recovery.LineError
	switch {
	case errors.Is(err, bufio.ErrTooLong):
		n, line := longLine(raw)
		return nil, fmt.Errorf("%s: line %d %s: want a line of at most 64 KiB", name, n, Quote(line))
	case errors.As(err, &le):
		return nil, fmt.Errorf("%s: line %d %s: %w", name, le.Line, Quote(le.Text), le.Err)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", name, err)
	case ps == nil:
		return []recovery.Point{}, nil // supplied, even when empty
	}
	return ps, nil
}

// longLine finds the first line too long for a bufio.Scanner, and its number.
func longLine(raw []byte) (int, string) {
	for n := 1; len(raw) > 0; n++ {
		line, rest, _ := bytes.Cut(raw, []byte("\n"))
		if len(line) >= bufio.MaxScanTokenSize {
			return n, string(line)
		}
		raw = rest
	}
	return 0, ""
}
