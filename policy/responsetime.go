package policy

import (
	"errors"
	"fmt"
	"time"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// ResponseTimeOptions configures the response-time rule.
type ResponseTimeOptions struct {
	// FirstResponse is the longest a customer should wait for a first answer.
	FirstResponse Duration `yaml:"first_response"`
	// Rate is the share of customer messages that should be answered.
	Rate float64 `yaml:"rate"`
	// Within is how soon a reply must come to count as an answer.
	Within Duration `yaml:"within"`
}

var defaultResponse = ResponseTimeOptions{FirstResponse: Duration(15 * time.Minute), Rate: 0.9, Within: Duration(24 * time.Hour)}

// ResponseTime flags slow first responses and a low response rate.
var ResponseTime = conversationOnly("response-time", lint.Doc{
	Title: "slow first response or low response rate",
	Text: `In a transcript, flags a first response that came later than 15 minutes after the customer's
message, and a conversation whose response rate (customer messages answered within 24 hours) is below 90%.
msglint stats prints the same figures per channel and in total.`,
	Why: `These are the figures behind Messenger's "Very responsive to messages" badge (a 90% response
rate and a 15-minute response time); customers expect chat to be fast.`,
	Examples: docExamples("response-time"),
	Severity: lint.Warning,
	Default:  true,
}, defaultResponse, newResponseTime)

func newResponseTime(node *yaml.Node, env *Env) (Hooks, error) {
	o, err := lint.DecodeOptions(node, defaultResponse)
	if err != nil {
		return Hooks{}, err
	}
	if o.Rate < 0 || o.Rate > 1 || o.FirstResponse <= 0 || o.Within <= 0 {
		return Hooks{}, errors.New("rate must be between 0 and 1 and durations positive")
	}
	// What counts as an answer counts so in the statistics too.
	env.Within = time.Duration(o.Within)
	return Hooks{Send: o.first, End: o.rate}, nil
}

// first judges the first brand message after the customer wrote.
func (o ResponseTimeOptions) first(t *Turn) {
	if t.Answering && t.Waited > time.Duration(o.FirstResponse) {
		cv := t.Conv
		// Joined, not formatted: a transcript may hold one of these for
		// every other event.
		t.Report("first response came "+human(t.Waited)+" after the customer's message "+where(cv.PendingLine, cv.PendingAt)+
			" (target "+human(time.Duration(o.FirstResponse))+")", "answer within the target, or set an away message that says when")
	}
}

// rate judges the conversation's response rate.
func (o ResponseTimeOptions) rate(t *Turn) {
	cv := t.Conv
	if cv.Turns == 0 {
		return
	}
	if rate := float64(cv.Answered) / float64(cv.Turns); rate < o.Rate {
		t.ReportAt(cv.FirstLine, fmt.Sprintf("conversation %s: %d of %d customer messages answered within %s (%.0f%%, target %.0f%%)",
			cv.ID, cv.Answered, cv.Turns, length(time.Duration(o.Within)), rate*100, o.Rate*100), "answer every customer message")
	}
}
