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
