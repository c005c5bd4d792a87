// Package input holds what the example programs share in reading a user's
// files and flags: size limits, the strict -month form, and short quotes of
// bad data, so that a binary file is never echoed back whole.
package input

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/slakit/slakit/internal/fault"
)

// The largest files the programs read. A contract is a few kilobytes; the
// limits on data files keep a month of a busy helpdesk (about 100 000 tickets)
// within reach while bounding the memory a careless input can take.
const (
	MaxContract = 1 << 20  // 1 MiB
	MaxData     = 32 << 20 // 32 MiB for each tickets, events, outages, incidents or points file
)

// ReadFile reads the file name, refusing it when it holds more than limit
// bytes. Errors name the file.
func ReadFile(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err // *PathError names the file
	}
	defer f.Close()
	return Read(f, name, limit)
}

// Read reads r, named name in errors, refusing more than limit bytes.
func Read(r io.Reader, name string, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: %w: want at most %s", name, fault.ErrLimit, Size(limit))
	}
	return b, nil
}

// Size writes a byte count the way the limits are documented: "32 MiB".
func Size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// ErrMonth is the reason a -month value is refused.
var ErrMonth = errors.New("want a month as YYYY-MM, such as 2026-06")

var monthForm = regexp.MustCompile(`^([0-9]{4})-(0[1-9]|1[0-2])$`)

// ParseMonth reads YYYY-MM strictly: four digits for the year, no sign, two
// for the month, nothing else.
func ParseMonth(s string) (int, time.Month, error) {
	m := monthForm.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, fmt.Errorf("-month %s: %w", Quote(s), ErrMonth)
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	return year, time.Month(month), nil
}

// LastFullMonth is the last calendar month, in loc, that ended at or before
// now: for any instant of July, June.
func LastFullMonth(now time.Time, loc *time.Location) (int, time.Month) {
	t := now.In(loc)
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
	prev := first.AddDate(0, -1, 0)
	return prev.Year(), prev.Month()
}

// Quote quotes s for a message, cut to its first 40 bytes (on a character
// boundary) with the full length noted, so that a binary line or a huge value
// is shown as a short excerpt: "\x00\x01…"… (70 000 bytes).
func Quote(s string) string {
	const n = 40
	if len(s) <= n {
		return strconv.Quote(s)
	}
	cut := n
	for cut > n-utf8.UTFMax && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "… (" + strconv.Itoa(len(s)) + " bytes)"
}
