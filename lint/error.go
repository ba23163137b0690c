package lint

import "fmt"

// InputError is an input that cannot be read, placed in its file. Match it with
// errors.As: loaders and readers may wrap it.
type InputError struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *InputError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}
