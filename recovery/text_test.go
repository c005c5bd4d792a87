package recovery

import (
	"bufio"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

func TestParsePoints(t *testing.T) {
	got, err := ParsePoints(strings.NewReader("# backups\n\n2026-06-01T00:00:00Z # nightly\r\n  2026-06-01T00:15:00+02:00 2026-06-01T00:20:00+02:00 \n2026-06-01T01:00:00.5Z"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Point{
		{At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)},
		{At: time.Date(2026, 5, 31, 22, 15, 0, 0, time.UTC), Stored: time.Date(2026, 5, 31, 22, 20, 0, 0, time.UTC)},
		{At: time.Date(2026, 6, 1, 1, 0, 0, 5e8, time.UTC)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d points, want %d", len(got), len(want))
	}
	for i := range want {
		if !got[i].At.Equal(want[i].At) || !got[i].Stored.Equal(want[i].Stored) {
			t.Errorf("point %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, empty := range []string{"", "\n", "# nothing yet\n", "   \n\t\n"} {
		if ps, err := ParsePoints(strings.NewReader(empty)); err != nil || len(ps) != 0 {
			t.Errorf("%q: %v, %v", empty, ps, err)
		}
	}
}

func TestParsePointsErrors(t *testing.T) {
	const want = "want an RFC 3339 instant, optionally followed by the instant it was stored"
	tests := []struct {
		in   string
		kind error
		msg  string
	}{
		{"yesterday", ErrSyntax, `line 2 "yesterday": invalid syntax: ` + want},
		{"2026-06-01T00:00:00Z soon", ErrSyntax, `line 2 "soon": invalid syntax: ` + want},
		{"  2026-06-01T00:00:00Z 2026-06-01T00:00:00Z extra  ", ErrSyntax, `line 2 "extra": invalid syntax: ` + want},
		{"2026-06-01 00:00:00", ErrSyntax, `line 2 "2026-06-01": invalid syntax: ` + want},
		{"2026-06-01T00:00:00Z nightly # comment", ErrSyntax, `line 2 "nightly": invalid syntax: ` + want},
		{"2026-06-01T25:00:00Z", ErrSyntax, `line 2 "2026-06-01T25:00:00Z": invalid syntax: ` + want},
		{"2026-06-01T01:00:00Z 2026-06-01T00:59:59Z", ErrReversed,
			`line 2 "2026-06-01T00:59:59Z": end before start: want the instant it was stored at or after the instant of its data, 2026-06-01T01:00:00Z`},
		{"0001-01-01T00:00:00Z", ErrZeroTime, `line 2 "0001-01-01T00:00:00Z": zero time: want an instant after the year 1`},
		{strings.Repeat("x", 100), ErrSyntax, `line 2 "` + strings.Repeat("x", 40) + `…": invalid syntax: ` + want},
	}
	for _, tt := range tests {
		_, err := ParsePoints(strings.NewReader("2026-06-01T00:00:00Z\n" + tt.in + "\n2026-06-01T02:00:00Z\n"))
		if !errors.Is(err, tt.kind) || err.Error() != tt.msg {
			t.Errorf("%q: error\n%v\nwant\n%s", tt.in, err, tt.msg)
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "line 2" {
			t.Errorf("%q: error %#v does not name line 2", tt.in, err)
		}
	}
}

// Issue 12: a line over 64 KB gave "bufio.Scanner: token too long", with no
// line number and no *FieldError.
func TestParsePointsLineOver64KBNamesItsLine(t *testing.T) {
	long := strings.Repeat("9", MaxLine+1)
	for _, in := range []string{
		"2026-06-01T00:00:00Z\n\n" + long + "\n2026-06-01T02:00:00Z\n",
		"2026-06-01T00:00:00Z\n\n" + long, // last line, no line ending
		"2026-06-01T00:00:00Z\n\n#" + long + "\n",
	} {
		_, err := ParsePoints(strings.NewReader(in))
		var fe *FieldError
		if !errors.Is(err, ErrLimit) || !errors.As(err, &fe) || fe.Field != "line 3" {
			t.Fatalf("error %v, want ErrLimit on line 3", err)
		}
		if want := `line 3 "` + in[22:22+40] + `…": over the limit: want a line of at most 65536 bytes`; err.Error() != want {
			t.Errorf("message\n%s\nwant\n%s", err, want)
		}
	}
	// The longest line allowed is read: a point, with blanks around it.
	pad := strings.Repeat(" ", MaxLine-len("2026-06-01T00:00:00Z"))
	for _, in := range []string{pad + "2026-06-01T00:00:00Z\n", "2026-06-01T00:00:00Z" + pad, pad[1:] + "2026-06-01T00:00:00Z\r\n"} {
		if ps, err := ParsePoints(strings.NewReader(in)); err != nil || len(ps) != 1 {
			t.Errorf("line of %d bytes: %v, %v", len(strings.TrimSuffix(in, "\n")), ps, err)
		}
	}
}

// Issue 12: the rpo tool repeated a whole binary line as escaped bytes.
func TestParsePointsBinaryLineNotRepeated(t *testing.T) {
	junk := make([]byte, 5000)
	for i := range junk {
		junk[i] = byte(i*131 + 7)
		if junk[i] <= ' ' {
			junk[i] = 0x80 // one field: no white space
		}
	}
	junk[0] = 0xff // not a comment, not blank
	_, err := ParsePoints(strings.NewReader("2026-06-01T00:00:00Z\n" + string(junk) + "\n"))
	var fe *FieldError
	if !errors.Is(err, ErrSyntax) || !errors.As(err, &fe) || fe.Field != "line 2" {
		t.Fatalf("error %v, want ErrSyntax on line 2", err)
	}
	if len(fe.Value) > 40+len("…") || !strings.HasSuffix(fe.Value, "…") {
		t.Errorf("value of %d bytes repeated: %q", len(fe.Value), fe.Value)
	}
	if len(err.Error()) > 300 {
		t.Errorf("message of %d bytes", len(err.Error()))
	}
}

// A failing reader is reported at the line being read.
func TestParsePointsReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("2026-06-01T00:00:00Z\n2026-06"), iotest.ErrReader(io.ErrUnexpectedEOF))
	_, err := ParsePoints(r)
	if !errors.Is(err, io.ErrUnexpectedEOF) || err.Error() != "line 2: unexpected EOF" {
		t.Errorf("error %v", err)
	}
}

var linePath = regexp.MustCompile(`^line [1-9][0-9]*$`)

// FuzzParsePoints: no input panics; every error is a *FieldError naming a line
// that exists, with a short value; every point read is valid.
func FuzzParsePoints(f *testing.F) {
	f.Add("2026-06-01T00:00:00Z\n2026-06-01T00:15:00Z 2026-06-01T00:16:00Z\n")
	f.Add("# none\n")
	f.Add("2026-06-01T00:16:00Z 2026-06-01T00:15:00Z\r\n")
	f.Add("0001-01-01T00:00:00Z\n\xff\xfe\n")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParsePoints(strings.NewReader(s))
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || !linePath.MatchString(fe.Field) {
				t.Fatalf("error %v (%T) does not name a line", err, err)
			}
			if n, _ := strconv.Atoi(strings.TrimPrefix(fe.Field, "line ")); n > strings.Count(s, "\n")+1 {
				t.Fatalf("error names %s of %d lines", fe.Field, strings.Count(s, "\n")+1)
			}
			if len(fe.Value) > 40+len("…") {
				t.Fatalf("value %q repeated in full", fe.Value)
			}
			return
		}
		for _, p := range ps {
			if p.At.IsZero() || !p.Stored.IsZero() && p.Stored.Before(p.At) {
				t.Fatalf("invalid point %+v from %q", p, s)
			}
		}
	})
}

// BenchmarkParsePoints reads 100 000 lines (a year and more of 15-minute
// backups, half with a stored instant) beside its anchor: bufio.Scanner,
// strings.Fields and time.Parse with no checks, the least any reader does.
func BenchmarkParsePoints(b *testing.B) {
	var text strings.Builder
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 100_000 {
		text.WriteString(at.Format(time.RFC3339))
		if i%2 == 0 {
			text.WriteString(" " + at.Add(2*time.Minute).Format(time.RFC3339))
		}
		text.WriteByte('\n')
		at = at.Add(15 * time.Minute)
	}
	data := text.String()
	b.Run("ParsePoints", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			ps, err := ParsePoints(strings.NewReader(data))
			if err != nil || len(ps) != 100_000 {
				b.Fatal(len(ps), err)
			}
		}
	})
	b.Run("anchor", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var ps []Point
			sc := bufio.NewScanner(strings.NewReader(data))
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				var p Point
				p.At, _ = time.Parse(time.RFC3339Nano, f[0])
				if len(f) == 2 {
					p.Stored, _ = time.Parse(time.RFC3339Nano, f[1])
				}
				ps = append(ps, p)
			}
			if len(ps) != 100_000 {
				b.Fatal(len(ps))
			}
		}
	})
}
