package sla_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// contractJSON is a valid contract; cases replace one part of it.
const contractJSON = `{"customer":"ACME","time_zone":"Europe/Paris","contacts":["ann@acme.example"],
"policies":[{"policy":{"version":1,"name":"P",
"support":{"time_zone":"Europe/Paris","hours":{"mon":["08:00-18:00"],"tue":["08:00-18:00"]},"holidays":["FR"]},
"severities":{"sev1":{"response":"1h continuous","workaround":"30m continuous","fix":"1h continuous"},
"sev2":{"response":"1h continuous","workaround":"2d continuous","fix":"5d continuous"},
"sev3":{"response":"4h business","workaround":"5d business","fix":"15d business"},
"sev4":{"response":"8h business","workaround":"n/a","fix":"12mo"}},
"maintenance":{"time_zone":"Europe/Paris","hours":{"mon":["01:00-02:00"]}},
"notice":"48h","availability":"99.9%","rto":"24h","rpo":"30m","max_contacts":5,
"severity_change":"restart","at_risk":"75%"}}]}`

// contractCase builds a contract from contractJSON with old replaced by new.
func contractCase(t *testing.T, old, new string) string {
	t.Helper()
	require.Contains(t, contractJSON, old)
	return strings.Replace(contractJSON, old, new, 1)
}

// loadContract decodes and compiles a contract file, as a program would.
func loadContract(data string) error {
	var c sla.Contract
	if err := sla.Decode([]byte(data), &c); err != nil {
		return err
	}
	_, err := sla.New(c)
	return err
}

func TestContractErrors(t *testing.T) {
	require.NoError(t, loadContract(contractJSON), "the base contract is valid")
	for _, c := range []struct {
		name, old, new, want string
		kind                 error
	}{
		{"availability without percent", `"availability":"99.9%"`, `"availability":"99.95"`,
			`policies[0].policy.availability "99.95": out of range: want a percentage such as "99.9%", or a fraction from 0 to 1 such as "0.999"`, sla.ErrRange},
		{"availability not a number", `"availability":"99.9%"`, `"availability":"high"`,
			`policies[0].policy.availability "high": invalid syntax: want a percentage such as "99.9%", or a fraction from 0 to 1 such as "0.999"`, sla.ErrSyntax},
		{"availability zero", `"availability":"99.9%"`, `"availability":"0%"`,
			`policies[0].policy.availability "0%": out of range: want more than 0% and at most 100%, such as "99.9%"`, sla.ErrRange},
		{"misspelled field", `"max_contacts":5`, `"max_contact":5`,
			`policies[0].policy.max_contact: unknown field: want one of version, name, support, severities, maintenance, notice, availability, rto, rpo, max_contacts, severity_change, at_risk, warnings, credits`, sla.ErrUnknown},
		{"misspelled contract field", `"contacts":`, `"contact":`,
			`contact: unknown field: want one of customer, time_zone, holidays, closed, contacts, policies`, sla.ErrUnknown},
		{"duplicate availability", `"availability":"99.9%"`, `"availability":"99.9%","availability":"50%"`,
			`policies[0].policy.availability: duplicate: key written twice in one object`, sla.ErrDuplicate},
		{"duplicate sev1", `"sev2":{`, `"sev1":{"response":"1h continuous","workaround":"30m continuous","fix":"1h continuous"},"sev2":{`,
			`policies[0].policy.severities.sev1: duplicate: key written twice in one object`, sla.ErrDuplicate},
		{"duplicate response", `"sev3":{"response":"4h business",`, `"sev3":{"response":"4h business","response":"8h business",`,
			`policies[0].policy.severities.sev3.response: duplicate: key written twice in one object`, sla.ErrDuplicate},
		{"duplicate time_zone", `"customer":"ACME","time_zone":"Europe/Paris"`, `"customer":"ACME","time_zone":"Europe/Paris","time_zone":"UTC"`,
			`time_zone: duplicate: key written twice in one object`, sla.ErrDuplicate},
		{"duplicate weekday", `"tue":["08:00-18:00"]`, `"mon":["09:00-17:00"]`,
			`policies[0].policy.support.hours.mon: duplicate: key written twice in one object`, sla.ErrDuplicate},
		{"duplicate customer", `"customer":"ACME"`, `"customer":"ACME","customer":"Globex"`,
			`customer: duplicate: key written twice in one object`, sla.ErrDuplicate},
		{"trailing data", `"at_risk":"75%"}}]}`, `"at_risk":"75%"}}]} {"customer":"B"}`,
			`"{\"customer\":\"B\"}": invalid syntax: want nothing after the JSON value (offset 783)`, sla.ErrSyntax},
		{"unknown contract zone", `"time_zone":"Europe/Paris","contacts"`, `"time_zone":"Mars/Olympus","contacts"`,
			`time_zone "Mars/Olympus": unknown time zone: want an IANA zone name such as "Europe/Paris"`, sla.ErrInvalid},
		{"bad hours", `"mon":["08:00-18:00"],"tue"`, `"mon":["8-18"],"tue"`,
			`policies[0].policy.support.hours.mon[0] "8-18": malformed range: want "HH:MM-HH:MM" (00:00 to 23:59, "24:00" as an end; an end before the start runs overnight)`, sla.ErrInvalid},
		{"unknown weekday", `"tue":["08:00-18:00"]`, `"tues":["08:00-18:00"]`,
			`policies[0].policy.support.hours.tues: unknown weekday: want one of mon, tue, wed, thu, fri, sat, sun`, sla.ErrUnknown},
		{"unknown holiday code", `"holidays":["FR"]`, `"holidays":["XX"]`,
			`policies[0].policy.support.holidays[0] "XX": unknown holiday country or region: want a code of calendar.HolidayCodes such as "FR" or "DE-BY"`, sla.ErrInvalid},
		{"fix in years", `"fix":"12mo"`, `"fix":"1y"`,
			`policies[0].policy.severities.sev4.fix "1y": invalid syntax: want a target such as "4h business", "5d continuous", "12mo" or "n/a"`, sla.ErrSyntax},
		{"missing severity", `"sev4":{"response":"8h business","workaround":"n/a","fix":"12mo"}`, `"sev5":{"response":"8h business","workaround":"n/a","fix":"12mo"}`,
			"policies[0].policy.severities.sev5: out of range: want a level from 1 to 4\npolicies[0].policy.severities.sev4: missing: want targets for every level, sev1 to sev4", sla.ErrMissing},
		{"credit tiers out of order", `"at_risk":"75%"`, `"at_risk":"75%","credits":{"tiers":[{"below":"99%","credit":"10%"},{"below":"99.9%","credit":"25%"}],"cap":"100%"}`,
			`policies[0].policy.credits.tiers[1].below "99.9%": invalid value: want less than tiers[0].below "99%": thresholds strictly decreasing`, sla.ErrInvalid},
		{"credit without percent", `"at_risk":"75%"`, `"at_risk":"75%","credits":{"tiers":[{"below":"99.9","credit":"10%"}],"cap":"100%"}`,
			`policies[0].policy.credits.tiers[0].below "99.9": invalid syntax: want a percentage such as "99.9%"`, sla.ErrSyntax},
		{"version 2", `"version":1`, `"version":2`,
			`policies[0].policy.version "2": unsupported version: want 1`, sla.ErrVersion},
		{"no version", `"version":1,`, ``,
			`policies[0].policy.version: missing: want 1`, sla.ErrMissing},
		{"notice in words", `"notice":"48h"`, `"notice":"2 days"`,
			`policies[0].policy.notice "2 days": invalid syntax: want a duration such as "24h", "1h30m" or "90s"`, sla.ErrSyntax},
		{"rto zero", `"rto":"24h"`, `"rto":"0s"`,
			`policies[0].policy.rto "0s": out of range: want a positive duration such as "24h" or "30m"`, sla.ErrRange},
		{"negative notice", `"notice":"48h"`, `"notice":"-1h"`,
			`policies[0].policy.notice "-1h": out of range: want zero or a positive duration such as "48h"`, sla.ErrRange},
		{"severity change unknown", `"severity_change":"restart"`, `"severity_change":"reset"`,
			`policies[0].policy.severity_change "reset": invalid value: want one of "restart", "recompute"`, sla.ErrInvalid},
		{"max contacts negative", `"max_contacts":5`, `"max_contacts":-1`,
			`policies[0].policy.max_contacts "-1": out of range: want 0 (no limit) or a positive number`, sla.ErrRange},
		{"max contacts a string", `"max_contacts":5`, `"max_contacts":"5"`,
			`policies[0].policy.max_contacts "\"5\"": invalid value: want an integer in range`, sla.ErrInvalid},
		{"empty contact", `"contacts":["ann@acme.example"]`, `"contacts":["ann@acme.example"," "]`,
			`contacts[1]: missing: want an e-mail address or a name`, sla.ErrMissing},
		{"duplicate contact", `"contacts":["ann@acme.example"]`, `"contacts":["ann@acme.example","Ann@ACME.example"]`,
			`contacts[1] "Ann@ACME.example": duplicate: also contacts[0] (contacts are compared without regard to case)`, sla.ErrDuplicate},
		{"no policies", `"policies":[{"policy":`, `"policies":[],"x":[{"policy":`,
			``, sla.ErrUnknown},
		{"two policies from one instant", `"policies":[{"policy":`, `"policies":[{"from":"2026-01-01T00:00:00Z","policy":{"version":1,"name":"Q",
"support":{"time_zone":"UTC","hours":{"mon":["08:00-18:00"]}},"severities":{"sev1":{"response":"1h continuous","workaround":"30m continuous","fix":"1h continuous"},
"sev2":{"response":"1h continuous","workaround":"2d continuous","fix":"5d continuous"},"sev3":{"response":"4h business","workaround":"5d business","fix":"15d business"},
"sev4":{"response":"8h business","workaround":"n/a","fix":"12mo"}},"maintenance":{"time_zone":"UTC","hours":{"mon":["01:00-02:00"]}},
"notice":"48h","availability":"99.9%","rto":"24h","rpo":"30m","max_contacts":5,"at_risk":"75%"}},{"from":"2026-01-01T01:00:00+01:00","policy":`,
			`policies[1].from "2026-01-01T01:00:00+01:00": duplicate: also policies[0].from: want one policy from each instant`, sla.ErrDuplicate},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := loadContract(contractCase(t, c.old, c.new))
			require.Error(t, err)
			assert.ErrorIs(t, err, c.kind)
			if c.want != "" {
				assert.Equal(t, c.want, err.Error())
			}
			assert.NotContains(t, err.Error(), "sla:")
		})
	}
}

func TestContractTooManyContacts(t *testing.T) {
	err := loadContract(strings.Replace(contractCase(t, `"max_contacts":5`, `"max_contacts":1`), `"ann@acme.example"`, `"ann@acme.example","bob@acme.example"`, 1))
	require.Error(t, err)
	assert.ErrorIs(t, err, sla.ErrContacts)
	assert.ErrorIs(t, err, sla.ErrLimit, "ErrContacts refines ErrLimit")
	assert.Equal(t, `contacts "2 contacts": more designated contacts than the policy allows: want at most 1, as policies[0].policy.max_contacts says`, err.Error())
}

// monthCase runs a month report over month data given as JSON.
func monthCase(data string) error {
	var d sla.MonthData
	if err := sla.Decode([]byte(data), &d); err != nil {
		return err
	}
	_, err := engineFor().Month(2026, time.June, d, time.Date(2026, 7, 1, 0, 0, 0, 0, paris))
	return err
}

func engineFor() *sla.Engine { return props }

func TestMonthDataErrors(t *testing.T) {
	const tk = `{"id":"T-1","contact":"ann@acme.example","received":"2026-06-01T09:00:00+02:00","severity":"sev3"`
	require.NoError(t, monthCase(`{"tickets":[`+tk+`}]}`))
	for _, c := range []struct {
		name, data, want string
		kind             error
	}{
		{"duplicate ticket IDs", `{"tickets":[` + tk + `},` + tk + `},` + tk + `}]}`,
			"tickets[1].id \"T-1\": duplicate: also tickets[0]\ntickets[2].id \"T-1\": duplicate: also tickets[0]", sla.ErrDuplicate},
		{"ticket without an ID", `{"tickets":[{"received":"2026-06-01T09:00:00+02:00","severity":"sev3"}]}`,
			`tickets[0].id: missing: want the ticket's ID, which names it in the report`, sla.ErrMissing},
		{"ticket without received", `{"tickets":[{"id":"T-9","severity":"sev3"}]}`,
			`tickets[0].received: zero time: want the instant support received the request`, sla.ErrZeroTime},
		{"ticket without severity", `{"tickets":[{"id":"T-9","received":"2026-06-01T09:00:00+02:00"}]}`,
			`tickets[0].severity: missing: want sev1 to sev4`, sla.ErrMissing},
		{"event of another ticket", `{"tickets":[` + tk + `,"events":[{"ticket":"T-2","at":"2026-06-01T10:00:00+02:00","kind":"responded"}]}]}`,
			`tickets[0].events[0].ticket "T-2": invalid value: want "T-1", the ticket it is recorded in: an event of another ticket`, sla.ErrInvalid},
		{"resumed without a pause", `{"tickets":[` + tk + `,"events":[{"at":"2026-06-01T10:00:00+02:00","kind":"resumed"}]}]}`,
			`tickets[0].events[0] "resumed at 2026-06-01T10:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it`, sla.ErrTimeline},
		{"event before receipt", `{"tickets":[` + tk + `,"events":[{"at":"2026-06-01T08:00:00+02:00","kind":"responded"}]}]}`,
			`tickets[0].events[0].at "2026-06-01T08:00:00+02:00": impossible timeline: before the ticket was received at 2026-06-01T09:00:00+02:00: want an instant at or after it`, sla.ErrTimeline},
		{"misspelled ticket field", `{"tickets":[` + tk + `,"recieved":"2026-06-01T09:00:00+02:00"}]}`,
			`tickets[0].recieved: unknown field: want one of id, contact, received, severity, events`, sla.ErrUnknown},
		{"duplicate ticket key", `{"tickets":[` + tk + `,"severity":"sev1"}]}`,
			`tickets[0].severity: duplicate: key written twice in one object`, sla.ErrDuplicate},
		{"bad received", `{"tickets":[{"id":"T-1","received":"1 June","severity":"sev3"}]}`,
			`tickets[0].received "1 June": invalid syntax: want an RFC 3339 instant such as "2026-06-10T09:00:00Z"`, sla.ErrSyntax},
		{"misspelled input", `{"ticket":[]}`,
			`ticket: unknown field: want one of tickets, outages, coverage, incidents, recovery_points`, sla.ErrUnknown},
		{"incident without reported", `{"incidents":[{"restored":"2026-06-01T10:00:00+02:00"}]}`,
			`incidents[0].reported: zero time: want the instant the disruption was reported`, sla.ErrZeroTime},
		{"point stored before taken", `{"recovery_points":[{"at":"2026-06-10T02:00:00+02:00"},{"at":"2026-06-10T02:00:00+02:00","stored":"2026-06-10T01:00:00+02:00"}]}`,
			`recovery_points[1].stored "2026-06-10T01:00:00+02:00": end before start: want an instant at or after at 2026-06-10T02:00:00+02:00`, sla.ErrReversed},
		{"point without at", `{"recovery_points":[{"stored":"2026-06-10T01:00:00+02:00"}]}`,
			`recovery_points[0].at: zero time: want the instant the data is consistent as of`, sla.ErrZeroTime},
		{"incident restored before reported", `{"incidents":[{"reported":"2026-06-10T02:00:00+02:00","restored":"2026-06-10T01:00:00+02:00"}]}`,
			`incidents[0].restored "2026-06-10T01:00:00+02:00": end before start: want an instant at or after reported 2026-06-10T02:00:00+02:00`, sla.ErrReversed},
		{"incident misspelled", `{"incidents":[{"reportd":"2026-06-10T02:00:00+02:00"}]}`,
			`incidents[0].reportd: unknown field: want one of started, reported, restored`, sla.ErrUnknown},
		{"outage reversed", `{"outages":[{"start":"2026-06-10T02:00:00+02:00","end":"2026-06-10T01:00:00+02:00"}]}`,
			`outages[0].end "2026-06-10T01:00:00+02:00": end before start: want at or after start "2026-06-10T02:00:00+02:00"`, sla.ErrReversed},
		{"outage cause unknown", `{"outages":[{"start":"2026-06-10T01:00:00+02:00","end":"2026-06-10T02:00:00+02:00","cause":"planned"}]}`,
			`outages[0].cause "planned": invalid value: want one of "unplanned", "maintenance", "exceptional", "security-block"`, sla.ErrInvalid},
		{"outage exceptional without category", `{"outages":[{"start":"2026-06-10T01:00:00+02:00","end":"2026-06-10T02:00:00+02:00","cause":"exceptional"}]}`,
			`outages[0].category: unknown or missing R4 category: want the R4 circumstance of an exceptional outage, one of "customer-infrastructure", "third-party-software", "external-connectivity", "misuse", "malicious-attack", "force-majeure", "beyond-control"`, sla.ErrInvalid},
		{"outage duplicate start", `{"outages":[{"start":"2026-06-10T01:00:00+02:00","start":"2026-06-11T01:00:00+02:00","end":"2026-06-10T02:00:00+02:00"}]}`,
			`outages[0].start: duplicate: key written twice in one object`, sla.ErrDuplicate},
		{"coverage reversed", `{"coverage":[{"start":"2026-06-10T02:00:00+02:00","end":"2026-06-10T01:00:00+02:00"}]}`,
			`coverage[0].end "2026-06-10T01:00:00+02:00": end before start: want at or after start "2026-06-10T02:00:00+02:00"`, sla.ErrReversed},
		{"trailing data", `{"tickets":[]} []`,
			`"[]": invalid syntax: want nothing after the JSON value (offset 14)`, sla.ErrSyntax},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := monthCase(c.data)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.kind)
			if c.want != "" {
				assert.Equal(t, c.want, err.Error())
			}
		})
	}
}

// FuzzContractJSON: any contract file gives an engine or an error in the one
// shape, never a panic.
func FuzzContractJSON(f *testing.F) {
	f.Add([]byte(contractJSON))
	f.Add([]byte(`{"customer":"A","policies":[{"policy":{"version":1}}]}`))
	f.Add([]byte(`{"customer":"A","customer":"B"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := loadContract(string(data))
		if err != nil && strings.HasPrefix(err.Error(), "sla:") {
			t.Fatalf("package prefix: %v", err)
		}
	})
}

// FuzzMonthDataJSON: any month data file gives a report that marshals, or an
// error; never a panic.
func FuzzMonthDataJSON(f *testing.F) {
	f.Add([]byte(`{"tickets":[{"id":"T-1","contact":"ann@acme.example","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"waiting"},{"at":"2026-06-03T10:00:00+02:00","kind":"resumed"}]}]}`))
	f.Add([]byte(`{"outages":[{"start":"2026-06-10T00:30:00+02:00","end":"2026-06-10T02:30:00+02:00"}],"incidents":[{"reported":"2026-06-10T00:41:00+02:00"}],"recovery_points":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d sla.MonthData
		if sla.Decode(data, &d) != nil {
			return
		}
		r, err := engineFor().Month(2026, time.June, d, time.Date(2026, 7, 1, 0, 0, 0, 0, paris))
		if err != nil {
			return
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("a report that does not marshal: %v", err)
		}
	})
}
