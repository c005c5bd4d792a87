package main

import (
	"bufio"
	"context"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// maxLine is the longest line read: a ticket with thousands of events fits,
// a file that is not JSON Lines stops the pipeline instead of filling memory.
const maxLine = 16 << 20

// readLines reads every file matching glob, on any file system Beam knows
// (local, gs://, s3://), one element per line with its file and number.
// Files are read whole by one worker each: spread a large input over several
// files to read it in parallel.
func readLines(s beam.Scope, glob string) beam.PCollection {
	s = s.Scope("ReadLines")
	files := beam.ParDo(s, &globFn{Glob: glob}, beam.Impulse(s))
	return beam.ParDo(s, &readFn{}, beam.Reshuffle(s, files))
}

// globFn lists the files matching Glob, in name order; none is an error.
type globFn struct {
	Glob string
}

func (f *globFn) ProcessElement(ctx context.Context, _ []byte, emit func(string)) error {
	fs, err := filesystem.New(ctx, f.Glob)
	if err != nil {
		return err
	}
	defer fs.Close()
	names, err := fs.List(ctx, f.Glob)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("-input %q: no file matches", f.Glob)
	}
	slices.Sort(names)
	for _, n := range names {
		emit(n)
	}
	return nil
}

// readFn emits the lines of one file, numbered from 1.
type readFn struct{}

func (f *readFn) ProcessElement(ctx context.Context, name string, emit func(line)) error {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return err
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		emit(line{File: name, Number: n, Text: sc.Text()})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: line %d: %w", name, n+1, err)
	}
	return nil
}
