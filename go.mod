module github.com/slakit/slakit

go 1.26

require github.com/rickar/cal/v2 v2.1.26
