package policy

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/msglint/msglint/lint"
)

// Stats are a transcript's figures per channel.
type Stats struct {
	channels map[lint.Channel]*channelStats
	messages int
}

type channelStats struct {
	Conversations int
	Turns         int       // customer messages that waited for an answer
	Answered      int       // answered within the response-time rule's window
	firstResponse []float32 // seconds, for the median and p90
	Outside       int       // sends outside the window (or SMS rules)
	Unanswered    int       // customer messages with no reply at all
	ReAsks        int       // requests for data the customer already gave
	Repeats       int       // brand texts sent twice
	Ignored       int       // customer questions the brand moved past
}

func newStats() *Stats { return &Stats{channels: map[lint.Channel]*channelStats{}} }

func (s *Stats) ch(c lint.Channel) *channelStats {
	cs := s.channels[c]
	if cs == nil {
		cs = &channelStats{}
		s.channels[c] = cs
	}
	return cs
}

func (s *Stats) conversation(c lint.Channel) {
	if s != nil {
		s.ch(c).Conversations++
	}
}
func (s *Stats) turn(c lint.Channel) {
	if s != nil {
		s.ch(c).Turns++
	}
}
func (s *Stats) outside(c lint.Channel) {
	if s != nil {
		s.ch(c).Outside++
	}
}
func (s *Stats) unanswered(c lint.Channel) {
	if s != nil {
		s.ch(c).Unanswered++
	}
}
func (s *Stats) response(c lint.Channel, d time.Duration, answered bool) {
	if s == nil {
		return // the hook keeps no statistics
	}
	cs := s.ch(c)
	cs.firstResponse = append(cs.firstResponse, float32(d.Seconds()))
	if answered {
		cs.Answered++
	}
}

// Merge adds another transcript's figures.
func (s *Stats) Merge(o *Stats) {
	for c, v := range o.channels {
		s.ch(c).add(v)
	}
	s.messages += o.messages
}

// NewStats returns empty figures to merge into.
func NewStats() *Stats { return newStats() }

// Messages is the number of brand messages whose text was checked.
func (s *Stats) Messages() int { return s.messages }

// Row is one line of the report.
type Row struct {
	Channel       string   `json:"channel"`
	Conversations int      `json:"conversations"`
	ResponseRate  *float64 `json:"response_rate"`
	MedianFirst   *float64 `json:"median_first_response_seconds"`
	P90First      *float64 `json:"p90_first_response_seconds"`
	Outside       int      `json:"sends_outside_window"`
	Unanswered    int      `json:"unanswered_customer_messages"`
	ReAsks        int      `json:"re_asks"`
	Repeats       int      `json:"repeated_replies"`
	Ignored       int      `json:"ignored_questions"`
}

// Rows are the per-channel rows, then the total.
func (s *Stats) Rows() []Row {
	var chans []string
	for c := range s.channels {
		chans = append(chans, string(c))
	}
	slices.Sort(chans)
	total := &channelStats{}
	var rows []Row
	for _, c := range chans {
		cs := s.channels[lint.Channel(c)]
		rows = append(rows, cs.row(c))
		total.add(cs)
	}
	return append(rows, total.row("total"))
}

func (cs *channelStats) add(o *channelStats) {
	cs.Conversations += o.Conversations
	cs.Turns += o.Turns
	cs.Answered += o.Answered
	cs.Outside += o.Outside
	cs.Unanswered += o.Unanswered
	cs.ReAsks += o.ReAsks
	cs.Repeats += o.Repeats
	cs.Ignored += o.Ignored
	cs.firstResponse = append(cs.firstResponse, o.firstResponse...)
}

func (cs *channelStats) row(name string) Row {
	r := Row{Channel: name, Conversations: cs.Conversations, Outside: cs.Outside, Unanswered: cs.Unanswered,
		ReAsks: cs.ReAsks, Repeats: cs.Repeats, Ignored: cs.Ignored}
	if cs.Turns > 0 {
		v := float64(cs.Answered) / float64(cs.Turns)
		r.ResponseRate = &v
	}
	if n := len(cs.firstResponse); n > 0 {
		sorted := slices.Clone(cs.firstResponse)
		slices.Sort(sorted)
		med, p90 := float64(sorted[(n-1)/2]), float64(sorted[min(n-1, (n*9+9)/10-1)])
		r.MedianFirst, r.P90First = &med, &p90
	}
	return r
}

// WriteText prints the report as a table.
func (s *Stats) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CHANNEL\tCONVERSATIONS\tRESPONSE RATE\tMEDIAN FIRST RESPONSE\tP90 FIRST RESPONSE\tSENDS OUTSIDE WINDOW\tUNANSWERED\tRE-ASKS\tREPEATS\tIGNORED QUESTIONS")
	for _, r := range s.Rows() {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\n", r.Channel, r.Conversations, pct(r.ResponseRate), dur(r.MedianFirst), dur(r.P90First), r.Outside, r.Unanswered,
			r.ReAsks, r.Repeats, r.Ignored)
	}
	return tw.Flush()
}

// WriteJSON prints the report as JSON.
func (s *Stats) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Version  int   `json:"version"`
		Channels []Row `json:"channels"`
	}{1, s.Rows()})
}

func pct(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", *v*100)
}

func dur(v *float64) string {
	if v == nil {
		return "-"
	}
	return human(time.Duration(*v * float64(time.Second)))
}

// reask, repeat and ignored count the context rules' findings.
func (s *Stats) reask(c lint.Channel) {
	if s != nil {
		s.ch(c).ReAsks++
	}
}
func (s *Stats) repeat(c lint.Channel) {
	if s != nil {
		s.ch(c).Repeats++
	}
}
func (s *Stats) ignored(c lint.Channel) {
	if s != nil {
		s.ch(c).Ignored++
	}
}
