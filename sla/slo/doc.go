// Package slo exports a contract's availability objective to the tools SREs
// watch it with day to day: an OpenSLO v1 SLO document ([OpenSLO]) and a
// Prometheus rule file of error-ratio recording rules and multi-window,
// multi-burn-rate alerts ([Prometheus]).
//
// Both are built from the policy in force at a given instant: its objective,
// written exactly as the contract states it; the customer's time zone, in which
// the month runs; and the maintenance window, which the contract's formula (R10,
// I10) leaves out of the month altogether. Neither format has a field for time
// that is excluded from the objective, so the exports say it where each format
// allows it: annotations of the OpenSLO document, annotations of every alert.
// The SLI query is the caller's: the error ratio (failed over all, from 0 to 1)
// of the service over a window, written with [Window] where the window goes.
//
// # Output
//
// Both results marshal to JSON, which YAML readers (promtool, OpenSLO tools)
// read as YAML; [SLO.WriteJSON] and [RuleFile.WriteJSON] write it indented and
// without escaping "<", ">" and "&", so that PromQL stays readable. The field
// names are those of the two formats (camelCase for OpenSLO), not slakit's own
// snake_case.
//
// # Burn-rate alerts
//
// The alerts are the four pairs of the SRE workbook's "Alerting on SLOs": a
// long window with a short one that confirms the burn is still going on, each
// firing when both windows burn the error budget (1 − objective) faster than a
// factor: 14.4 over 1h and 5m, 6 over 6h and 30m (page), 3 over 1d and 2h, 1
// over 3d and 6h (ticket). The threshold, factor × budget, is computed in exact
// decimals and written as such ("0.0144" for 14.4 × 0.001). The factors are
// the workbook's for a 30-day budget; over a calendar month of 28 to 31 days
// each alert stands for a budget share within 7 % of the workbook's.
package slo
