package slo_test

import (
	"fmt"
	"os"
	"time"

	"github.com/slakit/slakit/sla"
	"github.com/slakit/slakit/sla/slo"
)

// The OpenSLO document of a 99.95 % monthly objective for a customer in Paris,
// measured in one-minute slices of an HTTP error ratio.
func ExampleOpenSLO() {
	p := sla.Preset("Europe/Paris", "FR")
	p.Availability = sla.MustRatio("99.95%")
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: p}}})
	if err != nil {
		panic(err)
	}
	doc, err := slo.OpenSLO(e, time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC), slo.Options{
		SLI: `sum(rate(http_requests_total{code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total[{{.window}}]))`,
	})
	if err != nil {
		panic(err)
	}
	if err := doc.WriteJSON(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "apiVersion": "openslo/v1",
	//   "kind": "SLO",
	//   "metadata": {
	//     "name": "acme-availability",
	//     "displayName": "ACME availability",
	//     "annotations": {
	//       "slakit/customer": "ACME",
	//       "slakit/formula": "(T - P - U) / (T - P): planned maintenance P is neither uptime nor downtime",
	//       "slakit/maintenance-notice": "48h",
	//       "slakit/maintenance-window": "Europe/Paris mon-sun 01:00-02:00",
	//       "slakit/policy": "SaaS support and service levels"
	//     }
	//   },
	//   "spec": {
	//     "description": "Monthly availability objective of the support contract, per calendar month in the customer's time zone. Planned maintenance does not count (see the annotations): OpenSLO v1 has no field for it, so leave it out of the SLI.",
	//     "service": "acme-availability",
	//     "indicator": {
	//       "metadata": {
	//         "name": "acme-availability-errors",
	//         "displayName": "error ratio"
	//       },
	//       "spec": {
	//         "ratioMetric": {
	//           "rawType": "failure",
	//           "raw": {
	//             "metricSource": {
	//               "type": "Prometheus",
	//               "spec": {
	//                 "query": "sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m]))"
	//               }
	//             }
	//           }
	//         }
	//       }
	//     },
	//     "timeWindow": [
	//       {
	//         "duration": "1M",
	//         "isRolling": false,
	//         "calendar": {
	//           "startTime": "2026-06-01 00:00:00",
	//           "timeZone": "Europe/Paris"
	//         }
	//       }
	//     ],
	//     "budgetingMethod": "Timeslices",
	//     "objectives": [
	//       {
	//         "displayName": "contract availability",
	//         "target": 0.9995,
	//         "timeSliceTarget": 1,
	//         "timeSliceWindow": "1m"
	//       }
	//     ]
	//   }
	// }
}

// The burn-rate alerts of the preset's 99.9 % objective: each long window
// with the short window that confirms it, against factor × 0.001.
func ExamplePrometheus() {
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	if err != nil {
		panic(err)
	}
	rules, err := slo.Prometheus(e, time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC), slo.Options{
		SLI: `sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))`,
	})
	if err != nil {
		panic(err)
	}
	for _, r := range rules.Groups[0].Rules {
		if r.Alert != "" {
			fmt.Printf("%s (%s): %s\n", r.Alert, r.Labels["severity"], r.Expr)
		} else {
			fmt.Printf("%s = %s\n", r.Record, r.Expr)
		}
	}
	// Output:
	// slakit:sli_error:ratio_rate5m = sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))
	// slakit:sli_error:ratio_rate30m = sum(rate(errors_total[30m])) / sum(rate(requests_total[30m]))
	// slakit:sli_error:ratio_rate1h = sum(rate(errors_total[1h])) / sum(rate(requests_total[1h]))
	// slakit:sli_error:ratio_rate2h = sum(rate(errors_total[2h])) / sum(rate(requests_total[2h]))
	// slakit:sli_error:ratio_rate6h = sum(rate(errors_total[6h])) / sum(rate(requests_total[6h]))
	// slakit:sli_error:ratio_rate1d = sum(rate(errors_total[1d])) / sum(rate(requests_total[1d]))
	// slakit:sli_error:ratio_rate3d = sum(rate(errors_total[3d])) / sum(rate(requests_total[3d]))
	// slakit:objective:ratio = vector(0.999)
	// slakit:error_budget:ratio = vector(0.001)
	// AvailabilityBurnRate1h (page): slakit:sli_error:ratio_rate1h{slo="acme-availability"} > 0.0144 and slakit:sli_error:ratio_rate5m{slo="acme-availability"} > 0.0144
	// AvailabilityBurnRate6h (page): slakit:sli_error:ratio_rate6h{slo="acme-availability"} > 0.006 and slakit:sli_error:ratio_rate30m{slo="acme-availability"} > 0.006
	// AvailabilityBurnRate1d (ticket): slakit:sli_error:ratio_rate1d{slo="acme-availability"} > 0.003 and slakit:sli_error:ratio_rate2h{slo="acme-availability"} > 0.003
	// AvailabilityBurnRate3d (ticket): slakit:sli_error:ratio_rate3d{slo="acme-availability"} > 0.001 and slakit:sli_error:ratio_rate6h{slo="acme-availability"} > 0.001
}
