package main

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/slakit/slakit/sla"
)

var reportsWritten = beam.NewCounter("slakit", "reports")

// reportPath is where the report of a customer-month is written:
// DIR/CUSTOMER/YYYY-MM.json, the customer's name path-escaped so that any
// name makes one file name ("Acme Logistics" → "Acme%20Logistics").
func reportPath(dir string, k key) string {
	return strings.TrimSuffix(dir, "/") + "/" + url.PathEscape(k.Customer) + "/" + k.Month + ".json"
}

// writeFn writes each report as indented JSON to its own file under Dir,
// on any file system Beam knows. A retried bundle writes the same bytes again.
type writeFn struct {
	Dir string
}

func (f *writeFn) ProcessElement(ctx context.Context, k key, r sla.Report) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	name := reportPath(f.Dir, k)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	if err := filesystem.Write(ctx, fs, name, append(b, '\n')); err != nil {
		return err
	}
	reportsWritten.Inc(ctx, 1)
	return nil
}
