// Command rpo checks a history of recovery points (backups) against a recovery
// point objective: the worst gap, the time in breach, every breaching gap, and
// the exposure now.
//
//	go run ./examples/rpo                       # the built-in sample: June 2026, one missed run
//	go run ./examples/rpo -file backups.txt -from 2026-06-01T00:00:00Z -to 2026-07-01T00:00:00Z
//	grep ok backups.log | cut -d' ' -f1 | go run ./examples/rpo -file - -rpo 1h
//
// The input has one RFC 3339 instant a line (the data is consistent as of it),
// optionally followed by a second (when the point was durably stored).
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/recovery"
)

//go:embed sample.txt
var sample []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("rpo", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var (
		file = fl.String("file", "", "recovery points file, or - for standard input (default: the built-in sample)")
		from = fl.String("from", "2026-06-01T00:00:00+02:00", "start of the period, RFC 3339")
		to   = fl.String("to", "2026-07-01T00:00:00+02:00", "end of the period, RFC 3339")
		now  = fl.String("now", "", "the instant for the current exposure (default: the end of the period)")
		rpo  = fl.Duration("rpo", 30*time.Minute, "the recovery point objective")
	)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	name, raw := "sample.txt", sample
	switch *file {
	case "":
	case "-":
		name = "stdin"
		var err error
		if raw, err = io.ReadAll(stdin); err != nil {
			fmt.Fprintln(stderr, "rpo:", err)
			return 1
		}
	default:
		name = *file
		var err error
		if raw, err = os.ReadFile(*file); err != nil {
			fmt.Fprintln(stderr, "rpo:", err)
			return 1
		}
	}
	if err := check(stdout, name, raw, *from, *to, *now, *rpo); err != nil {
		fmt.Fprintln(stderr, "rpo:", err)
		return 1
	}
	return 0
}

func check(w io.Writer, name string, raw []byte, fromText, toText, nowText string, rpo time.Duration) error {
	from, err := time.Parse(time.RFC3339, fromText)
	if err != nil {
		return fmt.Errorf("-from %q: want an RFC 3339 instant", fromText)
	}
	to, err := time.Parse(time.RFC3339, toText)
	if err != nil {
		return fmt.Errorf("-to %q: want an RFC 3339 instant", toText)
	}
	now := to
	if nowText != "" {
		if now, err = time.Parse(time.RFC3339, nowText); err != nil {
			return fmt.Errorf("-now %q: want an RFC 3339 instant", nowText)
		}
	}
	points, err := recovery.ParsePoints(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	x, err := recovery.Exposure(points, from, to, rpo)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fmt.Fprintf(w, "%d recovery points, period %s → %s, RPO %s\n", len(points), from.Format(time.RFC3339), to.Format(time.RFC3339), dur.Format(rpo))
	fmt.Fprintln(w, x)
	for _, g := range x.Breaching {
		fmt.Fprintln(w, "  breach:", g)
	}
	var usable []recovery.Point
	for _, p := range points {
		if !p.At.After(now) && (p.Stored.IsZero() || !p.Stored.After(now)) {
			usable = append(usable, p)
		}
	}
	cur, err := recovery.Current(usable, now, rpo)
	if err != nil {
		fmt.Fprintf(w, "now (%s): %v\n", now.Format(time.RFC3339), err)
		return nil
	}
	fmt.Fprintf(w, "now (%s): %v\n", now.Format(time.RFC3339), cur)
	return nil
}
