// Command rpo checks a history of recovery points (backups) against a recovery
// point objective: the worst gap, the time in breach, every breaching gap, and
// the exposure now.
//
//	go run ./examples/rpo                       # the built-in sample: June 2026, one missed run
//	go run ./examples/rpo -file backups.txt -from 2026-06-01T00:00:00Z -to 2026-07-01T00:00:00Z
//	grep ok backups.log | cut -d' ' -f1 | go run ./examples/rpo -file - -rpo 1h
//
// The input has one RFC 3339 instant a line (the data is consistent as of it),
// optionally followed by a second (when the point was durably stored); blank
// lines and lines starting with # are skipped. It may hold at most 32 MiB. A
// bad line is quoted in the error, cut short when it is long. Exit status: 0,
// 1 on a bad file, 2 on bad flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
	_ "time/tzdata" // instants may name any zone's offset; tzdata keeps zone names loadable on hosts without zoneinfo files

	"github.com/slakit/slakit/examples/internal/input"
	"github.com/slakit/slakit/examples/internal/sample"
	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/recovery"
)

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
	name := "points.txt"
	raw, err := sample.FS.ReadFile(name)
	if err != nil {
		fmt.Fprintln(stderr, "rpo:", err) // unreachable: the file is embedded
		return 1
	}
	switch *file {
	case "":
	case "-":
		name = "stdin"
		var err error
		if raw, err = input.Read(stdin, name, input.MaxData); err != nil {
			fmt.Fprintln(stderr, "rpo:", err)
			return 1
		}
	default:
		name = *file
		var err error
		if raw, err = input.ReadFile(*file, input.MaxData); err != nil {
			fmt.Fprintln(stderr, "rpo:", err)
			return 1
		}
	}
	if err := check(stdout, name, raw, *from, *to, *now, *rpo); err != nil {
		fmt.Fprintln(stderr, "rpo:", err)
		if errors.As(err, new(usageError)) {
			return 2
		}
		return 1
	}
	return 0
}

// usageError is a wrong flag value: exit status 2, as for any flag error.
type usageError struct{ error }

func check(w io.Writer, name string, raw []byte, fromText, toText, nowText string, rpo time.Duration) error {
	from, err := time.Parse(time.RFC3339, fromText)
	if err != nil {
		return usageError{fmt.Errorf("-from %q: want an RFC 3339 instant", fromText)}
	}
	to, err := time.Parse(time.RFC3339, toText)
	if err != nil {
		return usageError{fmt.Errorf("-to %q: want an RFC 3339 instant", toText)}
	}
	now := to
	if nowText != "" {
		if now, err = time.Parse(time.RFC3339, nowText); err != nil {
			return usageError{fmt.Errorf("-now %q: want an RFC 3339 instant", nowText)}
		}
	}
	points, err := input.Points(name, raw)
	if err != nil {
		return err
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
