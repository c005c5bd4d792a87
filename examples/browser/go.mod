module github.com/slakit/slakit/examples/browser

go 1.26

require (
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/slakit/slakit v0.0.0-00010101000000-000000000000
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/rickar/cal/v2 v2.1.26 // indirect
	github.com/shopspring/decimal v1.6.0 // indirect
)

replace github.com/slakit/slakit => ../..
