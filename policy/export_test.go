package policy

// SetTextMemos sets how many texts a transcript worker remembers (0:
// none), and returns a func that sets it back.
func SetTextMemos(n int) (restore func()) {
	old := maxTextMemos
	maxTextMemos = n
	return func() { maxTextMemos = old }
}
