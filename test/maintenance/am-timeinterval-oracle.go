// Answers ContainsTime with Alertmanager's own timeinterval package (Debian's
// golang-github-prometheus-alertmanager-dev), for test/maintenance/time-interval-oracle.test.ts.
// stdin: [{"interval": "<YAML of one time_intervals entry>", "times": [epoch ms, ...]}]
// stdout: [[bool, ...], ...]
package main

import (
	"encoding/json"
	"os"
	"time"

	"github.com/prometheus/alertmanager/timeinterval"
	"gopkg.in/yaml.v2"
)

type oracleCase struct {
	Interval string  `json:"interval"`
	Times    []int64 `json:"times"`
}

func main() {
	var cases []oracleCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		panic(err)
	}
	out := make([][]bool, len(cases))
	for i, c := range cases {
		var ti timeinterval.TimeInterval
		if err := yaml.UnmarshalStrict([]byte(c.Interval), &ti); err != nil {
			panic(err)
		}
		out[i] = make([]bool, len(c.Times))
		for j, ms := range c.Times {
			out[i][j] = ti.ContainsTime(time.UnixMilli(ms).UTC())
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
