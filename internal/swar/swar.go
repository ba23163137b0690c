// Package swar reads text eight bytes at a time, in one 64-bit word (SIMD
// within a register), where a byte at a time was most of a hot loop.
package swar

import "math/bits"

const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// TwoByteRunes counts the characters of eight bytes (little-endian in x)
// that are ASCII and whole, valid two-byte characters only: a Turkish or
// Azerbaijani text's usual eight bytes, counted in one step instead of
// character by character. False for any other eight bytes (a lead of three
// or four bytes, a lone continuation byte, a two-byte character cut at the
// end, the overlong leads C0 and C1).
func TwoByteRunes(x uint64) (int, bool) {
	b7, b6, b5 := x&high, x<<1&high, x<<2&high // each byte's top three bits, moved to its bit 7
	cont := b7 &^ b6                           // 10xxxxxx
	lead := b7 & b6 &^ b5                      // 110xxxxx
	// Each lead followed by a continuation byte and each continuation
	// byte by a lead, within the eight; no byte of 111xxxxx.
	if b7&b6&b5 != 0 || cont != lead<<8 || lead>>56 != 0 {
		return 0, false
	}
	if y := x&(0xFE*ones) ^ 0xC0*ones; (y-ones)&^y&high != 0 {
		return 0, false // C0 or C1: overlong, each byte a character of its own
	}
	return 8 - bits.OnesCount64(cont), true
}

// TwoByteValid is TwoByteRunes's second answer alone, small enough to be
// inlined in a loop that only asks whether eight bytes may be passed over.
func TwoByteValid(x uint64) bool {
	b7, b6, b5 := x&high, x<<1&high, x<<2&high
	lead := b7 & b6 &^ b5
	y := x&(0xFE*ones) ^ 0xC0*ones
	return b7&b6&b5|lead>>56|(y-ones)&^y&high == 0 && b7&^b6 == lead<<8
}
