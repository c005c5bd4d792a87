package recovery

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
)

// ErrSyntax reports a line of a recovery-point list that [ParsePoints] cannot read.
var ErrSyntax = errors.New("want an RFC 3339 instant, optionally followed by when it was stored")

// LineError reports a bad line of a recovery-point list: its number (from 1),
// the text, and why.
type LineError struct {
	Line int
	Text string
	Err  error
}

// Error implements error: `recovery: line 2 "yesterday": want an RFC 3339 instant…`.
func (e *LineError) Error() string {
	return "recovery: line " + strconv.Itoa(e.Line) + " " + strconv.Quote(e.Text) + ": " + e.Err.Error()
}

// Unwrap returns the cause, [ErrSyntax].
func (e *LineError) Unwrap() error { return e.Err }

// ParsePoints reads recovery points as backup tools log them: one a line, the
// RFC 3339 instant the data is consistent as of, optionally followed by the
// instant the point was durably stored. Blank lines and lines starting with #
// are skipped. Lines may come in any order. A bad line is a [*LineError].
func ParsePoints(r io.Reader) ([]Point, error) {
	var out []Point
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		f := strings.Fields(text)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		var p Point
		var err error
		if len(f) > 2 {
			err = ErrSyntax
		}
		if err == nil {
			p.At, err = time.Parse(time.RFC3339Nano, f[0])
		}
		if err == nil && len(f) == 2 {
			p.Stored, err = time.Parse(time.RFC3339Nano, f[1])
		}
		if err != nil {
			return nil, &LineError{Line: line, Text: text, Err: ErrSyntax}
		}
		out = append(out, p)
	}
	return out, sc.Err()
}
