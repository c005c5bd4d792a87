package main

import (
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/slakit/slakit/sla"
)

// Beam runs this same binary on its workers, which must know every function
// and type of the pipeline before beam.Init hands them over to the harness:
// hence registration at package initialisation, the Beam Go SDK's rule.
func init() {
	register.DoFn3x1[context.Context, []byte, func(string), error](&globFn{})
	register.DoFn3x1[context.Context, string, func(line), error](&readFn{})
	register.DoFn5x0[context.Context, line, func(key, entry), func(string, receipt), func(string)](&keyFn{})
	register.Combiner3[receipts, receipt, receipts](&receiptsFn{})
	register.Function4x0(finalize)
	register.Function3x0(counted)
	register.Emitter2[string, receipt]()
	register.Emitter2[key, sla.Report]()
	register.Iter1[receipts]()
	register.DoFn3x1[context.Context, key, sla.Report, error](&writeFn{})
	// Not register.Combiner3: its fast path has no context for the merge,
	// which counts merges.
	beam.RegisterType(reflect.TypeFor[reportFn]())
	beam.RegisterType(reflect.TypeFor[mergeFn]())
	register.Function2x2(unshard)
	register.Function4x0(idOf)
	register.Function5x0(onlyOnce)
	register.Iter1[line]()
	register.Emitter2[ticketID, line]()
	register.Emitter1[string]()
	register.Emitter1[line]()
	register.Emitter2[key, entry]()
	beam.RegisterType(reflect.TypeFor[line]())
	beam.RegisterType(reflect.TypeFor[key]())
	beam.RegisterType(reflect.TypeFor[ticketID]())
	beam.RegisterCoder(reflect.TypeFor[entry](), encodeEntry, decodeEntry)
	beam.RegisterCoder(reflect.TypeFor[accum](), encodeAccum, decodeAccum)
	beam.RegisterCoder(reflect.TypeFor[sla.Report](), encodeReport, decodeReport)
	beam.RegisterCoder(reflect.TypeFor[receipts](), encodeReceipts, decodeReceipts)
	beam.RegisterType(reflect.TypeFor[receipt]())
}
