package sla_test

import (
	"encoding/json"
	"testing"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTicketJSONStrict(t *testing.T) {
	var tk sla.Ticket
	require.NoError(t, json.Unmarshal([]byte(`{"id":"T","received":"2026-06-01T09:00:00+02:00","severity":"sev3",
		"events":[{"at":"2026-06-01T10:00:00+02:00","kind":"customer-replied"},{"at":"2026-06-01T11:00:00+02:00","kind":"severity","severity":"sev2"}]}`), &tk))
	assert.Equal(t, sla.CustomerReplied, tk.Events[0].Kind)
	assert.Equal(t, severity.Sev2, tk.Events[1].Severity)
	for _, tc := range []struct{ json, want string }{
		{`{"id":"T","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"waitin"}]}`,
			`events[0].kind "waitin": invalid value: want one of "resumed", "severity", "responded", "workaround", "fixed", "reopened", "waiting", "not-a-defect", "excluded", "waived", "customer-replied"`},
		{`{"id":"T","id":"U"}`, `id: duplicate: key written twice in one object`},
		{`{"id":"T","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"waiting","who":"x"}]}`, `events[0].who`},
	} {
		err := json.Unmarshal([]byte(tc.json), &tk)
		require.Error(t, err, tc.json)
		assert.Contains(t, err.Error(), tc.want)
	}
}
