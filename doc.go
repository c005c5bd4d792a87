// Package slakit turns a SaaS support contract into code: business-hours
// calendars with holidays, severity levels with their response, workaround and
// fix targets, the monthly availability formula, and RTO/RPO checks.
//
// The module is a set of small packages, each usable alone:
//
//   - [github.com/slakit/slakit/calendar]: when a clock runs (business hours,
//     holidays, dated overrides, 24×7), with constant-time Add and Between at
//     any span.
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
//
// This page is the statement of the contract the library encodes. Doc
// comments across the module cite its rules (R1…R13), the interpretations the
// library makes where the contract is silent (I1…I19), and the worked
// examples (E1…E6) by these ids.
//
// # Rules of the contract
//
// The contract is a vendor's published support and service-level terms. Every
// number below is a default of the built-in preset (sla.Preset); a policy
// can set others, with other calendars and clocks, without forking the code.
//
// R1 Designated contacts. The customer names at most 5 trained people who may
// contact support. A request from anyone else is not covered.
//
// R2 Support period. Monday to Friday, 08:00–18:00 in the customer's local
// time, public holidays excluded. (The channels, portal, phone and e-mail,
// are informational.)
//
// R3 Diagnosis. Support diagnoses each request and gives it a severity. A
// problem not caused by a program error gets advice, not a fix: its fix
// target does not apply.
//
// R4 Exceptional circumstances, which are neither defects nor unplanned
// downtime: the customer's hardware or network failing, third-party software,
// connection or service problems outside the vendor, use contrary to the
// licence, agreement or documentation, a malicious attack, force majeure, and
// any other cause beyond the vendor's reasonable control.
//
// R5 Severity levels.
//
//	level  name                         in short
//	1      total service interruption   the service is down, and not for planned maintenance
//	2      critical business impact     essential features blocked or heavy latency; work stopped; an emergency
//	3      significant business impact  major loss of productivity; work goes on in a reduced scope
//	4      minor business impact        a minor loss of service; an inconvenience that may need a workaround
//
// R6 Targets per level.
//
//	level  response  workaround  fix
//	1      1 hour    30 minutes  1 hour
//	2      1 hour    2 days      5 days
//	3      4 hours   5 days      15 days
//	4      8 hours   none        within 12 months, with the next available patch
//
// R7 Continuous effort. From receipt or diagnosis of a severity 1 or 2
// problem, the vendor works on it without interruption.
//
// R8 Monitoring. Availability is monitored 24 hours a day, every day.
//
// R9 Customer information. The customer provides the information, data and
// files support reasonably asks for; until it does, the service levels do not
// apply to that problem.
//
// R10 Availability formula, per calendar month:
//
//	(Uptime − PlannedDowntime) / ((Uptime − PlannedDowntime) + UnplannedDowntime)
//
// R11 Planned downtime: downtime announced to the customer at least 48 hours
// ahead, plus the nightly maintenance window 01:00–02:00 local time.
//
// R12 Unplanned downtime: all other downtime, except downtime caused by an
// exceptional circumstance (R4) and the vendor blocking data or services under
// its security procedures, which counts neither in the formula nor as a
// breach.
//
// R13 Objectives. Availability 99.9 % per month; RTO 24 hours (the longest
// admissible time from the report of a disruption to the restored service);
// RPO 30 minutes (the largest admissible data loss, as a span of time).
//
// # How the library reads the contract
//
// Each interpretation is a documented default that a policy can change.
//
// I1 Clocks. A target runs on a clock: the business clock (the support
// calendar of R2) or the continuous clock (24×7). In the preset, severities 1
// and 2 run all their targets on the continuous clock (R7, R8); 3 and 4 on the
// business clock.
//
// I2 Days. On the continuous clock a day is 24 elapsed hours, so "2 days"
// across a DST change is 48 real hours. On the business clock a day is one
// support day: with the preset's uniform 10-hour days, 5 business days are 50
// business hours and 15 are 150.
//
// I3 Start. Every target runs from the moment the ticket is received, not from
// the previous milestone, and targets are independent: nothing requires the
// workaround target to exceed the response target (severity 1 has 30 minutes
// against 1 hour, as published).
//
// I4 Months. "12 months" is calendar arithmetic in the customer's zone, same
// wall-clock time, clamped to the month's last day: received 2028-02-29 10:00,
// due 2029-02-28 10:00.
//
// I5 Business time. Adding business time returns the earliest instant at
// which that much open time has elapsed: Friday 17:00 + 1 h is Friday 18:00,
// not Monday 08:00. Adding zero returns the start; a start outside opening
// hours counts from the next opening. Open ranges are half-open [from, to).
// Arithmetic is on the wall clock of the calendar's zone, so DST changes never
// move opening hours.
//
// I6 Holidays. A day is closed when a holiday's actual or observed date falls
// on it: US Independence Day 2026 is a Saturday observed on Friday 3 July, and
// both days are closed. Holidays come from github.com/rickar/cal/v2's country
// and region lists, plus a contract's own closed dates. An overnight range
// (22:00-06:00) belongs to the day it starts on: it runs to 06:00 the next day,
// and a closed start day closes all of it.
//
// I7 Pauses. While a ticket waits on the customer (R9) every running clock
// stops, and the paused clock time is added to each due time. A ticket whose
// information never came can be waived: its unmet targets are "waived", never
// "missed".
//
// I8 Severity change. Targets already met stay met; each unmet target restarts
// under the new level, measured from the change. A policy may choose to
// recompute from the original receipt instead.
//
// I9 Exclusions. A ticket caused by an exceptional circumstance (R4) is
// excluded: its targets are "excluded" and count in no compliance figure. A
// problem that is not a program error (R3) has no fix target: "not
// applicable".
//
// I10 Availability. The month is [first day 00:00, first day of the next
// month 00:00) in the customer's zone, so its length is real elapsed time
// (Europe/Paris: March 2026 lasts 743 h, October 2026 745 h). With T the
// month's length, P the measure of the union of planned intervals, and U the
// unplanned downtime outside P and outside excluded time, Uptime = T − U and
// R10 becomes (T − P − U) / (T − P). Overlaps never count twice; precedence is
// planned > excluded > unplanned. If T − P is zero the availability is 100 %.
// Figures are exact decimals, so exactly 99.9 % meets a 99.9 % objective;
// printed percentages are truncated, never rounded up.
//
// I11 Maintenance window. The nightly window is whenever the local wall clock
// reads 01:00 to 02:00. On a fall-back night where that hour happens twice
// (America/New_York, 2026-11-01) it lasts two real hours; where it is skipped,
// it lasts what exists.
//
// I12 Notice. An announced maintenance is planned only if announced at least
// 48 elapsed hours before it starts (exactly 48 h counts); any part running
// past the announced end is unplanned.
//
// I13 RTO and RPO. RTO is elapsed time from "reported" to "restored"; met when
// at most the objective (exactly 24 h is met). The data loss of an incident is
// its instant minus the latest good recovery point at or before it; met when
// at most the RPO. The worst exposure over a period is the largest gap between
// consecutive recovery points, counting the period's start and end.
//
// I14 Month attribution. A target counts in exactly one month, in the
// customer's zone: the month its outcome was decided. Met: at its completion.
// Missed: at its due time, even when completed later. Excluded, waived, not
// covered, not applicable: when that became final. A target still pending at
// the report's instant is listed as open and counted in no month yet. So a
// ticket received 30 June and answered late on 1 July counts in July, and the
// months of a year sum to the year.
//
// I15 Missing data. Absence of evidence is never compliance. Availability is
// known only where monitoring covered the time; unmonitored time is unknown.
// With M the unknown time, the verdict is met if the objective holds with M
// counted as down, missed if it fails with M counted as up, and unknown
// otherwise, or with no coverage at all. An input that was not supplied is
// reported as "not supplied", apart from "supplied and empty". Recovery points
// supplied with none usable in the period make the worst gap the whole period.
// No verdict or credit comes from "not supplied" or "unknown".
//
// I16 Reply and update targets, optional per level. Next reply: each customer
// message starts a clock that stops at the next agent reply. Update: while the
// ticket is open and not waiting on the customer, an agent reply is due at
// least every given time after the previous agent reply (or after receipt).
// Both run on the level's clock and pause while waiting. Each occurrence is its
// own target. They never change the response, workaround or fix due times.
//
// I17 Warnings. A warning point is a share of a target's clock time ("75%") or
// an offset before its due time ("-1h"), measured on the target's own clock,
// so on a business clock a warning instant is open time. Recheck is the
// earliest instant after "now" at which any target's state would change; zero
// when none will.
//
// I18 Calendar overrides. A date (YYYY-MM-DD, or --MM-DD for every year) may
// have its own hours, replacing its weekly hours and any holiday closure; an
// empty list closes it. A one-date entry beats a yearly one for the same date;
// the same date in both closed and overrides at the same specificity is an
// error. Overnight ranges belong to the date they start on, so a range of the
// previous day may run into an overridden date; where the two overlap, open
// time is their union, never counted twice. Overriding a holiday reopens that
// date only, not the holiday's other actual or observed date. --02-29 applies
// in leap years only; an invalid key such as --13-01 is an error. A range
// inside a skipped DST hour is valid and opens nothing. Prev with no earlier
// open time returns the start of the supported range, as Next with none later
// returns its end.
//
// I19 Service credits. The credit for a period is the tier with the lowest
// threshold that the availability is strictly below (exactly 99.9 % earns
// nothing under "below 99.9 %"), capped; an unknown availability gives an
// unknown credit.
//
// # Worked examples
//
// In Europe/Paris, with French holidays and the preset policy:
//
//	E1  business +4 h from Fri 2026-03-27 16:00 (+01:00)    Mon 2026-03-30 10:00 (+02:00)
//	E2  business +8 h from Sat 2026-05-02 10:00             Mon 2026-05-04 16:00
//	E3  business +8 h from Thu 2026-12-24 14:00             Mon 2026-12-28 12:00 (25 Dec closed)
//	E4  severity 3 received Fri 2026-03-27 16:00            response 2026-03-30 10:00, workaround 2026-04-03 16:00,
//	                                                        fix 2026-04-20 16:00 (Easter Monday 6 Apr closed)
//	E5  June 2026, unplanned outage 10 Jun 00:30–02:30      U = 1 h (01:00–02:00 is the window), P = 30 h,
//	                                                        availability 689/690 = 99.8550…% → missed
//	E6  RTO reported 2026-06-10 09:00 UTC,                  24 h → met; one second later → missed
//	    restored 2026-06-11 09:00 UTC
//
// # Conventions
//
// Errors from user data are one shape in every package: the path of the field
// as in JSON ("policies[0].policy.availability", "tickets[3].events[0].at"),
// the value given, and the reason with what would have been accepted. List
// elements are numbered from 0, as in the path; lines of a text file from 1
// ("line 4"). The sentinels (ErrMissing, ErrInvalid, ErrUnknown, ErrDuplicate,
// …) are the same values in every package, so errors.Is finds them whichever
// package reported the error.
//
// Durations are written one way everywhere, in JSON, text, HTML and errors:
// Go's duration syntax without zero units ("24h", "1h49m", "41m18.6s",
// "-1h37m41.4s"), which time.ParseDuration reads back exactly. Instants are
// RFC 3339 in the customer's zone. JSON input is strict: an unknown key, a key
// written twice, or anything after the value is an error naming its path.
//
// The library packages do not embed the time zone database: a program that
// runs where the system has none imports time/tzdata, as the example programs
// do.
package slakit
