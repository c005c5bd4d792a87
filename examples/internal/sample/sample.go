// Package sample holds the built-in sample month of the example programs, one
// copy of each file: Acme Logistics' contract and its June 2026 tickets,
// outages, incidents and recovery points.
package sample

import "embed"

// FS holds contract.json, tickets.json, outages.json, incidents.json and
// points.txt.
//
//go:embed *.json *.txt
var FS embed.FS
