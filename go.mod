module github.com/slakit/slakit

go 1.26

require (
	github.com/rickar/cal/v2 v2.1.26
	github.com/shopspring/decimal v1.6.0
	github.com/stretchr/testify v1.12.1
	pgregory.net/rapid v1.3.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
