package hook

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"
	"unsafe"
)

// decodeCheckOf reads a /v1/check body into req. The usual body (the known
// keys once each, strings without escapes, titles as a list of strings) is
// read in one pass without reflection; anything else, errors included, is
// left to decodeStrict, which says what is wrong. FuzzDecodeCheck holds the
// fast path to what decodeStrict makes of the same body. given is
// parseCheckOf's: data is the request's own copy, so strings may point
// into it.
func decodeCheckOf(data []byte, given bool, req *CheckRequest) error {
	if utf8.Valid(data) {
		text := unsafe.String(unsafe.SliceData(data), len(data))
		if !given {
			text = string(data)
		}
		if fastCheckText(data, text, req) {
			return nil
		}
	}
	// A request of its own for the strict decoder, which keeps what it
	// decodes into: req stays where its caller made it, with no
	// allocation for the usual body.
	slow := new(CheckRequest)
	err := decodeStrict(data, slow)
	*req = *slow
	return err
}

// fastCheck is the one-pass reader; false when it leaves the body to
// decodeStrict.
func fastCheck(data []byte, req *CheckRequest) bool {
	if !utf8.Valid(data) {
		return false
	}
	// The strings read are cut from one copy of the body: one allocation
	// for all of them.
	return fastCheckText(data, string(data), req)
}

// fastCheckText is fastCheck on valid UTF-8 with text, the body as a
// string, which the strings read are cut from.
func fastCheckText(data []byte, text string, req *CheckRequest) bool {
	r := reader{data: data, text: text}
	var seen uint16 // the keys read, one bit each, so a key twice falls back
	ok := r.object(func(key []byte) bool {
		var bit uint16
		var ok bool
		switch string(key) {
		case "conversation":
			bit, ok = 1<<0, r.str(&req.Conversation)
		case "channel":
			bit, ok = 1<<1, r.str(&req.Channel)
		case "actor":
			bit, ok = 1<<2, r.str(&req.Actor)
		case "at":
			bit, ok = 1<<3, r.str(&req.At)
		case "record":
			bit, ok = 1<<4, r.boolean(&req.Record)
		case "message":
			bit, ok = 1<<5, r.draft(&req.Message)
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
	r.space()
	return ok && r.i == len(data)
}

// reader walks a JSON body; each method reads one value at i after
// optional white space and says false for anything it does not take.
type reader struct {
	data []byte
	text string // data as a string, which str cuts its strings from
	i    int
}

func (r *reader) space() {
	for r.i < len(r.data) {
		switch r.data[r.i] {
		case ' ', '\t', '\r', '\n':
			r.i++
		default:
			return
		}
	}
}

// next skips white space and takes c.
func (r *reader) next(c byte) bool {
	r.space()
	if r.i < len(r.data) && r.data[r.i] == c {
		r.i++
		return true
	}
	return false
}

// raw reads a string without escapes or control characters and returns
// its bytes, which alias the body.
func (r *reader) raw() ([]byte, bool) {
	if !r.next('"') {
		return nil, false
	}
	// The closing quote is found with the runtime's vectored search; the
	// string between is then looked over once for what takes the slow
	// path.
	n := bytes.IndexByte(r.data[r.i:], '"')
	if n < 0 {
		return nil, false
	}
	s := r.data[r.i : r.i+n]
	if !plainString(s) {
		return nil, false
	}
	r.i += n + 1
	return s, true
}

// plainString is whether s holds no control character and no backslash:
// eight bytes at a time, the last eight read again from before them when
// fewer are left.
func plainString(s []byte) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if escapes(binary.LittleEndian.Uint64(s[i:])) {
			return false
		}
	}
	if i == len(s) {
		return true
	}
	if len(s) >= 8 {
		return !escapes(binary.LittleEndian.Uint64(s[len(s)-8:]))
	}
	for _, c := range s[i:] {
		if c < 0x20 || c == '\\' {
			return false
		}
	}
	return true
}

// escapes is whether one of the eight bytes of w is below 0x20 or a
// backslash (the tests for a byte below n and a zero byte, exact as
// answers for the whole word).
func escapes(w uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	bs := w ^ '\\'*ones
	return ((w-0x20*ones)&^w|(bs-ones)&^bs)&high != 0
}

func (r *reader) str(dst *string) bool {
	s, ok := r.raw()
	if ok {
		end := r.i - 1 // the closing quote
		*dst = r.text[end-len(s) : end]
	}
	return ok
}

func (r *reader) boolean(dst *bool) bool {
	r.space()
	switch {
	case bytes.HasPrefix(r.data[r.i:], []byte("true")):
		*dst, r.i = true, r.i+4
	case bytes.HasPrefix(r.data[r.i:], []byte("false")):
		*dst, r.i = false, r.i+5
	default:
		return false
	}
	return true
}

// object reads {"key": value, …}, value read by field.
func (r *reader) object(field func(key []byte) bool) bool {
	if !r.next('{') {
		return false
	}
	if r.next('}') {
		return true
	}
	for {
		key, ok := r.raw()
		if !ok || !r.next(':') || !field(key) {
			return false
		}
		if r.next('}') {
			return true
		}
		if !r.next(',') {
			return false
		}
	}
}

// strings reads a list of strings; an empty list is empty, not nil, as
// encoding/json makes it.
func (r *reader) strings(dst *titles) bool {
	if !r.next('[') {
		return false
	}
	if r.next(']') {
		*dst = titles{}
		return true
	}
	out := make(titles, 0, 4) // a draft's few quick replies or buttons, one allocation
	for {
		var s string
		if !r.str(&s) {
			return false
		}
		out = append(out, s)
		if r.next(']') {
			*dst = out
			return true
		}
		if !r.next(',') {
			return false
		}
	}
}

func (r *reader) draft(d *Draft) bool {
	var seen uint16
	return r.object(func(key []byte) bool {
		var bit uint16
		var ok bool
		switch string(key) {
		case "text":
			bit, ok = 1<<0, r.str(&d.Text)
		case "kind":
			bit, ok = 1<<1, r.str(&d.Kind)
		case "lang":
			bit, ok = 1<<2, r.str(&d.Lang)
		case "messaging_type":
			bit, ok = 1<<3, r.str(&d.MessagingType)
		case "tag":
			bit, ok = 1<<4, r.str(&d.Tag)
		case "template":
			bit, ok = 1<<5, r.str(&d.Template)
		case "quick_replies":
			bit, ok = 1<<6, r.strings(&d.QuickReplies)
		case "buttons":
			bit, ok = 1<<7, r.strings(&d.Buttons)
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return ok
	})
}
