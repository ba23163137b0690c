package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progressMin is how many inputs make a run long enough for a progress bar.
const progressMin = 20

// progressBar draws "checking [#####     ] 120/400 files" on a terminal's
// stderr, for runs over progressMin inputs or more; never in CI logs or when
// stderr is piped. It redraws at most ten times a second and clears itself
// at the end. A nil bar draws nothing.
type progressBar struct {
	w     io.Writer
	mu    sync.Mutex
	last  time.Time
	shown bool
}

func newProgress(stderr io.Writer) *progressBar {
	if os.Getenv("CI") != "" || !colorful(stderr) {
		return nil
	}
	return &progressBar{w: stderr}
}

func (p *progressBar) update(done, total int) {
	if p == nil || total < progressMin {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if done < total && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprint(p.w, "\r"+bar(done, total, 30))
	p.shown = true
}

func (p *progressBar) clear() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", 60)+"\r")
		p.shown = false
	}
}

// bar renders the progress line.
func bar(done, total, width int) string {
	fill := 0
	if total > 0 {
		fill = done * width / total
	}
	return fmt.Sprintf("checking [%s%s] %d/%d files", strings.Repeat("#", fill), strings.Repeat(" ", width-fill), done, total)
}
