// Package binary builds the msglint command for the benchmarks that run it
// as a process of its own.
package binary

import (
	"log"
	"os"
	"os/exec"
	"path/filepath"
)

// Build makes a temporary folder, builds msglint into it from the working
// folder (the module root) and returns both; the caller removes the folder.
func Build(prefix string) (dir, msglint string) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		log.Fatal(err)
	}
	msglint = filepath.Join(dir, "msglint")
	if out, err := exec.Command("go", "build", "-o", msglint, "./cmd/msglint").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		log.Fatalf("building msglint: %v\n%s", err, out)
	}
	return dir, msglint
}

// BuildAt builds msglint as it was at a commit, from a temporary git
// worktree of the working folder's repository, into a temporary folder it
// returns with the binary; the caller removes the folder.
func BuildAt(prefix, rev string) (dir, msglint string) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		log.Fatal(err)
	}
	src := filepath.Join(dir, "src")
	if out, err := exec.Command("git", "worktree", "add", "--detach", src, rev).CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		log.Fatalf("git worktree add %s: %v\n%s", rev, err, out)
	}
	defer exec.Command("git", "worktree", "remove", "--force", src).Run()
	msglint = filepath.Join(dir, "msglint")
	build := exec.Command("go", "build", "-o", msglint, "./cmd/msglint")
	build.Dir = src
	if out, err := build.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		log.Fatalf("building msglint at %s: %v\n%s", rev, err, out)
	}
	return dir, msglint
}
