// Package browser checks slakit's HTML pages in a real browser: the month
// report and the public status page that examples/report writes are loaded in
// headless Chromium at phone, tablet and desktop widths, and must show no
// console error, load nothing from outside, never scroll sideways, show their
// verdict above the fold, explain every mark in a legend and draw their charts.
//
// It is a module of its own so that the library keeps its four dependencies:
//
//	cd examples/browser && go test -v ./...
//
// The test needs Chromium (the Debian package chromium, or CHROMIUM=/path);
// it writes a screenshot of each page at each width to a temporary directory
// and logs the paths.
package browser
