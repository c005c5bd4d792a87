package page_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/sla"
	"github.com/slakit/slakit/sla/page"
)

// A month with one unplanned outage across the nightly window: the page opens
// with the verdicts, and its legend describes the policy's real window.
func ExampleMonth() {
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	if err != nil {
		panic(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	data := sla.MonthData{Outages: []availability.Outage{{
		ID:    "INC-1",
		Start: time.Date(2026, 6, 10, 0, 30, 0, 0, paris),
		End:   time.Date(2026, 6, 10, 2, 30, 0, 0, paris),
	}}}
	r, err := e.Month(2026, time.June, data, time.Date(2026, 7, 1, 0, 0, 0, 0, paris))
	if err != nil {
		panic(err)
	}
	var html bytes.Buffer
	if err := page.Month(&html, e, r, data); err != nil {
		panic(err)
	}
	show(html.Bytes(), `<title>(.*)</title>`)
	show(html.Bytes(), `<h2 id="card-availability-h">(.*)</h2>\n<span class="badge[^"]*">.*?</svg>(\w+)</span>\n<p class="figure">(.*)</p>`)
	show(html.Bytes(), `data-legend="window">.*?<span>(.*)</span>`)
	// Output:
	// SLA report — ACME — June 2026
	// Availability | missed | 99.8550 %
	// maintenance daily 01:00–02:00 Europe/Paris (planned)
}

// The status page in the middle of an outage.
func ExampleStatus() {
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	if err != nil {
		panic(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	data := sla.MonthData{Outages: []availability.Outage{{
		ID:    "INC-2",
		Start: time.Date(2026, 6, 17, 15, 12, 0, 0, paris),
		End:   time.Date(2026, 6, 17, 15, 31, 0, 0, paris),
	}}}
	var html bytes.Buffer
	if err := page.Status(&html, e, data, time.Date(2026, 6, 17, 15, 20, 0, 0, paris)); err != nil {
		panic(err)
	}
	show(html.Bytes(), `<p class="big">(.*?)</p><p class="sub">(.*?)</p>`)
	// Output:
	// Service down | Unplanned outage INC-2 since Wed 17 Jun 15:12 CEST (8m so far).
}

// show prints the groups of the first match of re in a page, separated by |,
// with the page's no-break spaces (as in "99.8550 %") printed as spaces.
func show(page []byte, re string) {
	m := regexp.MustCompile(re).FindSubmatch(page)
	if m == nil {
		fmt.Println("no match for", re)
		return
	}
	out := ""
	for i, g := range m[1:] {
		if i > 0 {
			out += " | "
		}
		out += string(g)
	}
	fmt.Println(strings.ReplaceAll(out, "\u00a0", " "))
}
