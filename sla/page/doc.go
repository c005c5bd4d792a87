// Package page renders the monthly SLA report and the public status page of a
// contract as HTML documents that people want to read, on a phone as on a
// desktop, on screen as on paper.
//
// [Month] writes the report of one month ([sla.Report]): the verdicts first
// (availability met, missed or unknown against its objective; the error
// budget used and left; RTO and RPO; ticket compliance per severity), then
// the error budget across the month, the availability of each day, a
// timeline of the month week by week (support hours, holidays and closed
// days, the maintenance window, downtime as it counted, incidents, recovery
// point gaps, and the due time of every ticket target marked by its state)
// and the tables behind every figure. [Status] writes the public status page:
// the state of the service at an instant, the last [StatusDays] days, recent
// unplanned downtime and announced maintenance.
//
// # The documents
//
// Each page is one self-contained HTML document: styles, charts (inline SVG)
// and symbols are inside it; it runs no script and loads nothing, so it can be
// mailed, archived or served as a static file. Both follow the same rules:
//
//   - instants are shown in the customer's zone, durations in the one text
//     form of the library ("1h49m", never "1h49m0s"), percentages truncated,
//     never rounded up;
//   - every mark has a shape as well as a colour (a missed target is a cross,
//     a met one a disc, one at risk a triangle, a pending one a square, one
//     that does not count a dashed ring), and a legend generated from the
//     policy explains exactly the marks drawn ("maintenance daily 01:00–02:00
//     Europe/Paris");
//   - charts carry an SVG title and description, tables a header row,
//     verdicts a word; nothing depends on hovering; text reaches a contrast
//     of 4.5:1 and marks 3:1 (WCAG 2.2 AA); a print style sheet keeps the
//     colours and avoids breaking cards and rows across pages;
//   - the layout reflows from 360 px up: the verdicts fit above the fold of
//     a phone, the timeline draws one row per week so a day stays wide enough
//     to read, and wide tables scroll inside their own box.
//
// The module examples/browser loads both pages in headless Chromium at 360,
// 420, 768 and 1400 px and checks these promises.
//
// Both functions are safe for concurrent use.
package page
