package input

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/internal/fault"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMonth(t *testing.T) {
	for _, s := range []string{"2026-06", "0001-01", "9999-12", "1970-10"} {
		_, _, err := ParseMonth(s)
		assert.NoError(t, err, s)
	}
	y, m, err := ParseMonth("2026-06")
	require.NoError(t, err)
	assert.Equal(t, 2026, y)
	assert.Equal(t, time.June, m)
	for _, s := range []string{"+026-06", "-026-06", "26-06", "02026-06", "2026-6", "2026-13", "2026-00", "2026-06-01", " 2026-06", "2026-06\n", "2026/06", "２０２６-06", ""} {
		_, _, err := ParseMonth(s)
		assert.ErrorIs(t, err, ErrMonth, s)
	}
	_, _, err = ParseMonth("+026-06")
	assert.EqualError(t, err, `-month "+026-06": want a month as YYYY-MM, such as 2026-06`)
}

func TestLastFullMonth(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	for _, tc := range []struct {
		now   time.Time
		year  int
		month time.Month
	}{
		{time.Date(2026, 7, 15, 12, 0, 0, 0, paris), 2026, time.June},
		{time.Date(2026, 7, 1, 0, 0, 0, 0, paris), 2026, time.June}, // June has just ended
		{time.Date(2026, 6, 30, 23, 59, 59, 0, paris), 2026, time.May},
		{time.Date(2026, 1, 10, 0, 0, 0, 0, paris), 2025, time.December},
		// 30 June 22:30 UTC is already 1 July in Paris
		{time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), 2026, time.June},
		{time.Date(2026, 3, 31, 12, 0, 0, 0, paris), 2026, time.February}, // no day-31 overflow
	} {
		y, m := LastFullMonth(tc.now, paris)
		assert.Equal(t, tc.year, y, tc.now)
		assert.Equal(t, tc.month, m, tc.now)
	}
}

func TestRead(t *testing.T) {
	b, err := Read(strings.NewReader("12345"), "f", 5)
	require.NoError(t, err)
	assert.Equal(t, "12345", string(b))
	_, err = Read(strings.NewReader("123456"), "f.json", 5)
	assert.EqualError(t, err, "f.json: over the limit: want at most 5 bytes")
	assert.True(t, errors.Is(err, fault.ErrLimit))
	_, err = Read(strings.NewReader(strings.Repeat(" ", 1<<20+1)), "big.json", 1<<20)
	assert.EqualError(t, err, "big.json: over the limit: want at most 1 MiB")
	assert.Equal(t, "32 MiB", Size(MaxData))
	assert.Equal(t, "1 MiB", Size(MaxContract))
	_, err = ReadFile("/nonexistent/contract.json", MaxContract)
	assert.EqualError(t, err, "open /nonexistent/contract.json: no such file or directory")
}

func TestQuote(t *testing.T) {
	assert.Equal(t, `"yesterday"`, Quote("yesterday"))
	bin := string(bytes.Repeat([]byte{0, 1, 2, 0xff}, 20000))
	assert.Equal(t, `"\x00\x01\x02\xff\x00\x01\x02\xff\x00\x01\x02\xff\x00\x01\x02\xff\x00\x01\x02\xff\x00\x01\x02\xff\x00\x01\x02\xff\x00\x01\x02\xff\x00\x01\x02\xff\x00\x01\x02\xff"… (80000 bytes)`, Quote(bin))
	// a cut never splits a character
	assert.Equal(t, `"`+strings.Repeat("é", 20)+`"… (84 bytes)`, Quote(strings.Repeat("é", 42)))
}

// FuzzParseMonth: a month is accepted exactly when it is four digits, a dash
// and 01 to 12, and it prints back as given.
func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2026-06", "+026-06", "2026-13", "0000-01", "9999-12", "2026-6", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, m, err := ParseMonth(s)
		valid := len(s) == 7 && s[4] == '-' && strings.Trim(s[:4]+s[5:], "0123456789") == "" && s[5:] >= "01" && s[5:] <= "12"
		if valid != (err == nil) {
			t.Fatalf("ParseMonth(%q): %v", s, err)
		}
		if err == nil && fmt.Sprintf("%04d-%02d", y, int(m)) != s {
			t.Fatalf("ParseMonth(%q) = %d, %d", s, y, m)
		}
	})
}
