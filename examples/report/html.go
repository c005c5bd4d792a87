package main

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/slakit/slakit/sla"
)

func writeJSON(w io.Writer, r sla.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// The timeline is drawn in a fixed coordinate space; the browser scales it.
const (
	svgWidth = 1000.0
	laneTop  = 40.0
)

type bar struct {
	X, W  float64
	Class string
	Title string
}

type mark struct {
	X     float64
	Y     float64
	Class string
	Title string
}

type tick struct {
	X       float64
	Label   string
	Weekend bool
	W       float64
}

type page struct {
	R       sla.Report
	Ticks   []tick
	Downs   []bar
	Marks   []mark
	Percent string
	Rows    []row
}

type row struct {
	sla.Row
	Percent string
}

// writeHTML renders one self-contained page: an SVG timeline of the month
// (downtime by class, maintenance windows, ticket due times met and missed)
// and the report's tables.
func writeHTML(w io.Writer, e *sla.Engine, r sla.Report, d sla.MonthData) error {
	if r.Availability == nil {
		return fmt.Errorf("no availability in the report")
	}
	start, end := r.Availability.Period.Start, r.Availability.Period.End
	span := end.Sub(start).Seconds()
	x := func(t time.Time) float64 {
		f := t.Sub(start).Seconds() / span
		return min(max(f, 0), 1) * svgWidth
	}
	p := page{R: r, Percent: r.Availability.Percent(4)}
	for day := start; day.Before(end); day = day.AddDate(0, 0, 1) {
		wd := day.Weekday()
		p.Ticks = append(p.Ticks, tick{X: x(day), W: x(day.AddDate(0, 0, 1)) - x(day), Label: fmt.Sprint(day.Day()),
			Weekend: wd == time.Saturday || wd == time.Sunday})
	}
	for _, s := range r.Availability.Evidence {
		p.Downs = append(p.Downs, bar{X: x(s.Start), W: max(x(s.End)-x(s.Start), 0.8), Class: s.Class.String(),
			Title: fmt.Sprintf("%s %s → %s (%v)", s.Class, s.Start.Format("Jan 2 15:04"), s.End.Format("15:04"), s.End.Sub(s.Start))})
	}
	lanes := map[sla.Milestone]float64{sla.Response: 0, sla.Workaround: 1, sla.Fix: 2}
	for _, t := range d.Tickets {
		if t.Received.Before(start) || !t.Received.Before(end) {
			continue
		}
		st, err := e.Evaluate(t, r.At)
		if err != nil {
			return err
		}
		for _, ts := range st.Targets {
			if ts.Due.IsZero() || ts.Due.Before(start) || !ts.Due.Before(end) {
				continue
			}
			p.Marks = append(p.Marks, mark{X: x(ts.Due), Y: laneTop + 70 + 18*lanes[ts.Milestone], Class: ts.State.String(),
				Title: fmt.Sprintf("%s %s %s due %s: %s", t.ID, ts.Level, ts.Milestone, ts.Due.Format("Jan 2 15:04"), ts.State)})
		}
	}
	for _, rr := range r.Tickets.Rows {
		pct := "—"
		if v, ok := rr.Percent(); ok {
			pct = v.Shift(2).Truncate(2).StringFixed(2) + " %"
		}
		p.Rows = append(p.Rows, row{rr, pct})
	}
	return pageTemplate.Execute(w, p)
}

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"when": func(t time.Time) string { return t.Format("2006-01-02 15:04 MST") },
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>SLA report {{.R.Customer}} {{.R.Month}}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse}td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:right}
th:first-child,td:first-child,th:nth-child(2),td:nth-child(2){text-align:left}
.met{color:#1a7f37}.missed{color:#cf222e}
svg{width:100%;height:auto;border:1px solid #ddd;background:#fff}
svg .weekend{fill:#f3f3f3}svg .grid{stroke:#e4e4e4}svg text{font-size:10px;fill:#666}
svg .planned{fill:#8da7c9}svg .unplanned{fill:#cf222e}svg .excluded{fill:#e09b2d}
svg circle.met{fill:#1a7f37}svg circle.missed{fill:#cf222e}svg circle.pending{fill:#aaa}svg circle.at-risk{fill:#e09b2d}
svg circle.waived,svg circle.excluded,svg circle.not-covered{fill:none;stroke:#999}
.legend span{display:inline-block;margin-right:1.2em}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-2px}
</style></head><body>
<h1>SLA report — {{.R.Customer}} — {{.R.Month}}</h1>
<p>Policy: {{.R.Policy}}. Figures as of {{when .R.At}}{{if .R.Partial}} (partial month){{end}}.</p>
<svg viewBox="-60 0 1070 160" role="img" aria-label="timeline of the month">
{{range .Ticks}}{{if .Weekend}}<rect class="weekend" x="{{.X}}" y="20" width="{{.W}}" height="135"/>{{end}}<line class="grid" x1="{{.X}}" x2="{{.X}}" y1="20" y2="155"/><text x="{{.X}}" y="14">{{.Label}}</text>
{{end}}<text x="-58" y="{{printf "%.0f" 62.0}}">downtime</text>
{{range .Downs}}<rect class="{{.Class}}" x="{{printf "%.2f" .X}}" y="45" width="{{printf "%.2f" .W}}" height="30"><title>{{.Title}}</title></rect>
{{end}}<text x="-58" y="114">response</text><text x="-58" y="132">workaround</text><text x="-58" y="150">fix</text>
{{range .Marks}}<circle class="{{.Class}}" cx="{{printf "%.2f" .X}}" cy="{{.Y}}" r="4"><title>{{.Title}}</title></circle>
{{end}}</svg>
<p class="legend"><span><i style="background:#8da7c9"></i>planned (nightly window, announced maintenance)</span><span><i style="background:#cf222e"></i>unplanned</span><span><i style="background:#e09b2d"></i>excluded (R4, security)</span><span>due times: <b class="met">●</b> met <b class="missed">●</b> missed <b style="color:#aaa">●</b> pending</span></p>
{{with .R.Availability}}
<h2>Availability <span class="{{if .Met}}met{{else}}missed{{end}}">{{$.Percent}} — {{if .Met}}met{{else}}missed{{end}}</span> (objective {{.Objective.Shift 2}} %)</h2>
<table><tr><th>month</th><th></th><td>{{.Total}}</td></tr><tr><th>planned (P)</th><th></th><td>{{.Planned}}</td></tr>
<tr><th>unplanned (U)</th><th></th><td>{{.Unplanned}}</td></tr><tr><th>excluded</th><th></th><td>{{.Excluded}}</td></tr>
<tr><th>budget</th><th></th><td>{{.Budget}}</td></tr><tr><th>budget left</th><th></th><td>{{.BudgetLeft}}</td></tr></table>
{{end}}
{{if .R.RTO}}<h2>RTO per incident</h2>
<table><tr><th>reported</th><th>restored</th><th>took</th><th>objective</th><th>verdict</th></tr>
{{range .R.RTO}}<tr><td>{{when .Reported}}</td><td>{{when .Restored}}</td><td>{{.Took}}</td><td>{{.Objective}}</td><td class="{{if .Met}}met{{else}}missed{{end}}">{{if .Met}}met{{else}}missed{{end}}</td></tr>
{{end}}</table>{{end}}
{{with .R.RPO}}<h2>RPO: worst gap {{.Worst.Duration}} of {{.Objective}} — <span class="{{if .Met}}met{{else}}missed{{end}}">{{if .Met}}met{{else}}missed{{end}}</span></h2>
<p>Time in breach: {{.Breach}}.</p>{{if .Breaching}}<ul>{{range .Breaching}}<li>{{.}}</li>{{end}}</ul>{{end}}{{end}}
<h2>Tickets</h2>
<table><tr><th>severity</th><th>target</th><th>met</th><th>missed</th><th>pending</th><th>at risk</th><th>excluded</th><th>waived</th><th>n/a</th><th>not covered</th><th>compliance</th><th>worst overrun</th></tr>
{{range .Rows}}<tr><td>{{.Severity}}</td><td>{{.Milestone}}</td><td>{{.Met}}</td><td>{{.Missed}}</td><td>{{.Pending}}</td><td>{{.AtRisk}}</td><td>{{.Excluded}}</td><td>{{.Waived}}</td><td>{{.NotApplicable}}</td><td>{{.NotCovered}}</td><td>{{.Percent}}</td><td>{{if .WorstTicket}}{{.WorstOverrun}} ({{.WorstTicket}}){{else}}—{{end}}</td></tr>
{{end}}</table>
{{if .R.Tickets.Breaches}}<h2>Breaches</h2>
<table><tr><th>ticket</th><th>target</th><th>due</th><th>done</th><th>late by</th></tr>
{{range .R.Tickets.Breaches}}<tr><td>{{.Ticket}}</td><td>{{.Severity}} {{.Milestone}}</td><td>{{when .Due}}</td><td>{{if .Done.IsZero}}still open{{else}}{{when .Done}}{{end}}</td><td>{{.Overrun}}</td></tr>
{{end}}</table>{{end}}
</body></html>
`))
