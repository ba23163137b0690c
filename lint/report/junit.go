package report

import (
	"encoding/xml"
	"fmt"
	"io"
)

// JUnit XML as GitLab, Jenkins, Azure Pipelines and CircleCI read test
// results: a testsuite per file, a testcase per finding that fails, an
// input that cannot be read a testcase with an error.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
}

// junitProblem is a failure or an error: a one-line message and type, and
// the details as text.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes JUnit XML, so that CI systems that show test results show
// findings beside the tests.
var JUnit Format = junitFormat{}

type junitFormat struct{}

func (junitFormat) Name() string       { return "junit" }
func (junitFormat) WritesErrors() bool { return true }

func (junitFormat) Write(w io.Writer, r *Report) error {
	all := junitSuites{Name: "msglint"}
	index := map[string]int{}
	add := func(path string, c junitCase) {
		i, ok := index[path]
		if !ok {
			i = len(all.Suites)
			index[path] = i
			all.Suites = append(all.Suites, junitSuite{Name: path})
		}
		s := &all.Suites[i]
		s.Cases = append(s.Cases, c)
		s.Tests++
		all.Tests++
		if c.Failure != nil {
			s.Failures++
			all.Failures++
		} else {
			s.Errors++
			all.Errors++
		}
	}
	for _, f := range r.Result.Findings {
		path := relPath(f.File)
		where := fmt.Sprintf("%s:%d:%d", path, f.Line, f.Col)
		text := fmt.Sprintf("%s: %s %s: %s", where, f.Severity, f.Rule, f.Message)
		if f.Suggestion != "" {
			text += "\nsuggestion: " + f.Suggestion
		}
		if f.MessageID != "" {
			text += "\nmessage: " + f.MessageID
		}
		add(path, junitCase{
			Name: f.Rule + " " + where, Classname: "msglint." + f.Rule, File: path, Line: f.Line,
			Failure: &junitProblem{Message: f.Message, Type: f.Severity.String(), Text: text},
		})
	}
	for _, err := range r.Result.Errors {
		e := placeError(err)
		name := "read"
		if e.path != "" {
			name += " " + e.path
		}
		add(e.path, junitCase{Name: name, Classname: "msglint.input", File: e.path, Line: e.line,
			Error: &junitProblem{Message: e.msg, Type: "input", Text: err.Error()}})
	}
	return writeXML(w, all)
}
