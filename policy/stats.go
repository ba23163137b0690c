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
	Turns         int     // customer messages that waited for an answer
	Answered      int     // answered within the response-time rule's window
	firstResponse seconds // for the median and p90
	Outside       int     // sends outside the window (or SMS rules)
	Unanswered    int     // customer messages with no reply at all
	ReAsks        int     // requests for data the customer already gave
	Repeats       int     // brand texts sent twice
	Ignored       int     // customer questions the brand moved past
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
	cs.firstResponse.add(float32(d.Seconds()))
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
	cs.firstResponse.merge(&o.firstResponse)
}

func (cs *channelStats) row(name string) Row {
	r := Row{Channel: name, Conversations: cs.Conversations, Outside: cs.Outside, Unanswered: cs.Unanswered,
		ReAsks: cs.ReAsks, Repeats: cs.Repeats, Ignored: cs.Ignored}
	if cs.Turns > 0 {
		v := float64(cs.Answered) / float64(cs.Turns)
		r.ResponseRate = &v
	}
	if n := cs.firstResponse.len(); n > 0 {
		med, p90 := float64(cs.firstResponse.nth((n-1)/2)), float64(cs.firstResponse.nth(min(n-1, (n*9+9)/10-1)))
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

// seconds are response times in seconds, as many as a transcript has, kept
// as their distinct values in order, each with how many times it came: a
// transcript's times are whole seconds or minutes, and take far fewer
// values than it has replies. The latest are kept as they came until there
// are a few thousand, then merged in.
type seconds struct {
	values []float32 // distinct, ascending
	counts []int     // of each value
	fresh  []float32 // not yet merged in
	n      int
}

// freshMax is how many values are kept as they came before they are merged.
const freshMax = 4096

// add adds a value.
func (s *seconds) add(v float32) {
	s.fresh = append(s.fresh, v)
	s.n++
	if len(s.fresh) == freshMax {
		s.settle()
	}
}

// merge adds o's values.
func (s *seconds) merge(o *seconds) {
	s.settle()
	o.settle()
	s.values, s.counts = mergeCounted(s.values, s.counts, o.values, o.counts)
	s.n += o.n
}

// settle merges the fresh values into the counted ones.
func (s *seconds) settle() {
	if len(s.fresh) == 0 {
		return
	}
	slices.Sort(s.fresh)
	var values []float32
	var counts []int
	for i, v := range s.fresh {
		if i > 0 && s.fresh[i-1] == v {
			counts[len(counts)-1]++
			continue
		}
		values, counts = append(values, v), append(counts, 1)
	}
	s.values, s.counts = mergeCounted(s.values, s.counts, values, counts)
	s.fresh = s.fresh[:0]
}

// mergeCounted merges two lists of distinct values in order, each with
// their counts.
func mergeCounted(av []float32, ac []int, bv []float32, bc []int) ([]float32, []int) {
	if len(bv) == 0 {
		return av, ac
	}
	values, counts := make([]float32, 0, len(av)+len(bv)), make([]int, 0, len(av)+len(bv))
	i, j := 0, 0
	for i < len(av) || j < len(bv) {
		switch {
		case j == len(bv) || i < len(av) && av[i] < bv[j]:
			values, counts = append(values, av[i]), append(counts, ac[i])
			i++
		case i == len(av) || bv[j] < av[i]:
			values, counts = append(values, bv[j]), append(counts, bc[j])
			j++
		default:
			values, counts = append(values, av[i]), append(counts, ac[i]+bc[j])
			i++
			j++
		}
	}
	return slices.Clip(values), slices.Clip(counts)
}

func (s *seconds) len() int { return s.n }

// nth is the value the i-th of a sorted list of them would be.
func (s *seconds) nth(i int) float32 {
	s.settle()
	for j, k := range s.counts {
		if i < k {
			return s.values[j]
		}
		i -= k
	}
	panic("policy: a response time past the last")
}
