package recovery

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/slakit/slakit/internal/fault"
)

// MaxLine is the longest line [ParsePoints] reads, in bytes, its line ending
// not counted. A recovery-point line needs under 80; the limit keeps a file
// of junk from being held in memory a line at a time.
const MaxLine = 64 << 10

const wantPointLine = "want an RFC 3339 instant, optionally followed by the instant it was stored"

// ParsePoints reads recovery points as backup tools log them: one a line, the
// RFC 3339 instant the data is consistent as of, optionally followed by the
// instant the point was durably stored (not before the first). A # starts a
// comment, to the end of the line; blank lines are skipped. Lines may come in
// any order.
//
// An error is a [*FieldError] whose path is the line, numbered from 1 ("line
// 4"), with the offending field of the line (its first 40 bytes and "…" when
// longer); it
// wraps [ErrSyntax] for a line that does not read, [ErrReversed] for a point
// stored before its data's instant, [ErrZeroTime] for the zero instant
// (year 1), and [ErrLimit] for a line longer than [MaxLine]. An error of r is
// reported at the line being read.
func ParsePoints(r io.Reader) ([]Point, error) {
	var out []Point
	br := bufio.NewReaderSize(r, MaxLine+1) // room for the longest line and its '\n'
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		text := bytes.TrimSuffix(line, []byte{'\n'})
		if errors.Is(err, bufio.ErrBufferFull) || len(text) > MaxLine {
			return nil, fault.Field(lineField(n), short(string(text)), ErrLimit,
				"want a line of at most "+strconv.Itoa(MaxLine)+" bytes")
		}
		if err != nil && err != io.EOF {
			return nil, fault.At(lineField(n), err)
		}
		if p, ok, perr := parsePoint(text); perr != nil {
			return nil, fault.At(lineField(n), perr)
		} else if ok {
			out = append(out, p)
		}
		if err == io.EOF {
			return out, nil
		}
	}
}

func lineField(n int) string { return "line " + strconv.Itoa(n) }

// parsePoint reads one line; ok is false for a blank line or a comment. An
// error carries the first field at fault, not the whole line.
func parsePoint(line []byte) (p Point, ok bool, err error) {
	f := bytes.Fields(line)
	for i := range f {
		if f[i][0] == '#' { // a comment, to the end of the line
			f = f[:i]
			break
		}
	}
	if len(f) == 0 {
		return Point{}, false, nil
	}
	bad := func(i int) error { return fault.Field("", short(string(f[i])), ErrSyntax, wantPointLine) }
	if p.At, err = time.Parse(time.RFC3339Nano, string(f[0])); err != nil {
		return Point{}, false, bad(0)
	}
	if len(f) >= 2 {
		if p.Stored, err = time.Parse(time.RFC3339Nano, string(f[1])); err != nil {
			return Point{}, false, bad(1)
		}
	}
	if len(f) > 2 {
		return Point{}, false, bad(2)
	}
	switch {
	case p.At.IsZero():
		return Point{}, false, fault.Field("", string(f[0]), ErrZeroTime, "want an instant after the year 1")
	case !p.Stored.IsZero() && p.Stored.Before(p.At):
		return Point{}, false, fault.Field("", string(f[1]), ErrReversed, "want the instant it was stored at or after the instant of its data, "+string(f[0]))
	}
	return p, true, nil
}
