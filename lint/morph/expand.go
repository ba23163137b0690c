package morph

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// expander turns a form written with archiphonemes into the written
// variants it has, each with the conditions it stands under.
type expander struct {
	a         []string // A: back, front
	k         []string // K: back, front (Azerbaijani q, k)
	i         []string // I: back flat, back round, front flat, front round
	voiceless string
}

// element is one piece of a form: a letter, an archiphoneme or an
// optional buffer or linking vowel.
type element struct {
	r        rune
	optional bool
}

func (ex expander) expand(form string) ([]variant, error) {
	base := variant{template: form}
	if strings.HasPrefix(form, "~") {
		base.dropsVowel, form = true, form[1:]
	}
	if i := strings.Index(form, ">"); i >= 0 {
		base.next, form = form[i+1:], form[:i]
		if utf8.RuneCountInString(base.next) != 1 {
			return nil, fmt.Errorf("after >: want V, C or one letter")
		}
	}
	var els []element
	for i := 0; i < len(form); {
		if form[i] == '(' {
			end := strings.IndexByte(form[i:], ')')
			if end < 0 {
				return nil, fmt.Errorf("unclosed (")
			}
			inner := form[i+1 : i+end]
			r, w := utf8.DecodeRuneInString(inner)
			if w != len(inner) || !strings.ContainsRune("ynsIA", r) {
				return nil, fmt.Errorf("(%s): want one of (y) (n) (s) (I) (A)", inner)
			}
			els = append(els, element{r: r, optional: true})
			i += end + 1
			continue
		}
		r, w := utf8.DecodeRuneInString(form[i:])
		els = append(els, element{r: r})
		i += w
	}
	if len(els) == 0 {
		return nil, fmt.Errorf("empty form")
	}
	type key struct {
		surface    string
		prev       uint8
		withN      string
		dropsVowel bool
	}
	merged := map[key]uint8{}
	var order []key
	for _, on := range []bool{true, false} {
		hasOpt := false
		for _, e := range els {
			hasOpt = hasOpt || e.optional
		}
		if !on && !hasOpt {
			continue
		}
		for ctx := backFlat; ctx <= frontRound; ctx++ {
			for _, firstVoiceless := range []bool{false, true} {
				surface, prev, withN, ok := ex.realise(els, on, ctx, firstVoiceless)
				if !ok {
					continue
				}
				k := key{surface, prev, withN, base.dropsVowel}
				if _, seen := merged[k]; !seen {
					order = append(order, k)
				}
				merged[k] |= 1 << ctx
			}
		}
	}
	var out []variant
	for _, k := range order {
		v := base
		v.surface, v.prev, v.withN = k.surface, k.prev, k.withN
		if h := merged[k]; h != 0xf {
			v.harmony = h
		}
		first, _ := utf8.DecodeRuneInString(v.surface)
		v.vowelInitial = isVowel(first)
		out = append(out, v)
	}
	return out, nil
}

// realise writes els out with the optional part on or off, after a vowel
// of harmony context ctx; firstVoiceless says the letter before is
// voiceless (it decides d/t and c/ç at the start). ok is false when the
// combination cannot occur or when firstVoiceless changes nothing.
func (ex expander) realise(els []element, on bool, ctx int, firstVoiceless bool) (surface string, prev uint8, withN string, ok bool) {
	var b strings.Builder
	prev = prevAny
	usedVoicing := false
	var last rune // last letter written by the suffix itself
	for idx, e := range els {
		if e.optional {
			// A buffer consonant stands only after a vowel, a linking
			// vowel only after a consonant; whether the letter before is
			// a vowel is known only for the first element.
			isLinkingVowel := e.r == 'I' || e.r == 'A'
			if idx == 0 {
				switch {
				case on && isLinkingVowel, !on && !isLinkingVowel && e.r != 'n':
					prev &= prevVoiced | prevVoiceless
				case on, !on && isLinkingVowel:
					prev &= prevVowel
				}
			}
			if !on {
				continue
			}
		}
		var r string
		switch e.r {
		case 'A':
			r = ex.a[ctx/2]
		case 'I':
			r = ex.i[ctx]
		case 'K':
			r = "k"
			if len(ex.k) == 2 {
				r = ex.k[ctx/2]
			}
		case 'D', 'C':
			voiceless := false
			if last != 0 {
				voiceless = strings.ContainsRune(ex.voiceless, last)
			} else {
				usedVoicing = true
				voiceless = firstVoiceless
				if voiceless {
					prev &= prevVoiceless
				} else {
					prev &= prevVowel | prevVoiced
				}
			}
			r = map[rune][2]string{'D': {"d", "t"}, 'C': {"c", "ç"}}[e.r][b2i(voiceless)]
		default:
			r = string(e.r)
		}
		b.WriteString(r)
		last, _ = utf8.DecodeLastRuneInString(r)
		if c, isV := vowelContext(last); isV {
			ctx = c
		}
	}
	if firstVoiceless && !usedVoicing {
		return "", 0, "", false
	}
	surface = b.String()
	if els[0].optional && els[0].r == 'n' && !on {
		withN = "n" + surface
	}
	return surface, prev, withN, prev != 0 && surface != ""
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isVowel(r rune) bool { _, ok := vowelContext(r); return ok }

// IsVowel reports whether r is a vowel of Turkish or Azerbaijani (lower
// case), as the paradigms' vowel harmony reads it.
func IsVowel(r rune) bool { return isVowel(r) }

func vowelContext(r rune) (int, bool) {
	switch r {
	case 'a', 'ı', 'â':
		return backFlat, true
	case 'o', 'u', 'û':
		return backRound, true
	case 'e', 'ə', 'i', 'î':
		return frontFlat, true
	case 'ö', 'ü':
		return frontRound, true
	}
	return 0, false
}
