// Package slakit turns a SaaS support contract into code: business-hours
// calendars with holidays, severity levels with their response, workaround and
// fix targets, the monthly availability formula, and RTO/RPO checks.
//
// The module is a set of small packages, each usable alone:
//
//   - [github.com/slakit/slakit/calendar]: when a clock runs (business hours,
//     holidays, 24×7), with constant-time Add and Between at any span.
//   - [github.com/slakit/slakit/severity]: levels, classification and targets
//     with explicit units and clocks.
//   - [github.com/slakit/slakit/availability]: the monthly availability formula,
//     exact, with planned, excluded and unplanned downtime.
//   - [github.com/slakit/slakit/recovery]: RTO and RPO checks with their evidence.
//   - [github.com/slakit/slakit/sla]: the contract as data, tickets evaluated over
//     their timeline, and the monthly report.
//
// Every function takes the current time as an argument: nothing reads the
// machine clock, so the same inputs always give the same answer.
package slakit
