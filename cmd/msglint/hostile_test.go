//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// goodFile is in every hostile run: its finding must be reported whatever
// the hostile file beside it does.
const (
	goodFile    = "lang: en\ntemplates:\n  - text: We recieve it.\n"
	goodFinding = "good.yaml:3:14: warning spelling: \"recieve\" is a misspelling of \"receive\"\n"
)

type hostile struct {
	name  string
	files map[string]string // written into the run's folder beside good.yaml
	setup func(t *testing.T, dir string)
	args  []string // after "check"; default: the folder
	stdin string
	code  int
	// stderr and stdout must each contain every one of these.
	stderr, stdout []string
}

func repeat(s string, n int) string { return strings.Repeat(s, n) }

// hostileCases are malformed and hostile inputs, each run beside good.yaml.
var hostileCases = []hostile{
	{name: "yaml duplicate key", files: map[string]string{"bad.yaml": "templates:\n  - id: a\n    text: one\n    text: two\n"},
		code: 2, stderr: []string{"bad.yaml:4:5: duplicate key \"text\"\n"}},
	{name: "yaml duplicate top-level key", files: map[string]string{"bad.yaml": "lang: en\nlang: tr\ntemplates:\n  - text: hi\n"},
		code: 2, stderr: []string{"bad.yaml:2:1: duplicate key \"lang\"\n"}},
	{name: "yaml second document read", files: map[string]string{"bad.yaml": "templates:\n  - text: fine\n---\ntemplates:\n  - text: It is definately here.\n"},
		code: 0, stdout: []string{"bad.yaml:5:17: warning spelling: \"definately\""}},
	{name: "yaml syntax error in second document keeps the first", files: map[string]string{"bad.yaml": "templates:\n  - text: We recieve it.\n---\ntemplates:\n  - text: @x\n"},
		code: 2, stderr: []string{"bad.yaml:5: invalid YAML: found character that cannot start any token\n"}, stdout: []string{"bad.yaml:2:14: warning spelling"}},
	{name: "disable names no rule", files: map[string]string{"bad.yaml": "templates:\n  - text: hi\n    disable: [speling]\n"},
		code: 2, stderr: []string{"bad.yaml:3:15: disable: unknown rule \"speling\" (see `msglint rules`)\n"}},
	{name: "csv disable names no rule", files: map[string]string{"bad.csv": "text,disable\nhello,lenght\n"},
		code: 2, stderr: []string{"bad.csv:2:7: disable: unknown rule \"lenght\""}},
	{name: "null json", files: map[string]string{"bad.json": "null\n"},
		code: 0, stdout: []string{"skipped 1 file without messages\n"}},
	{name: "empty yaml", files: map[string]string{"bad.yaml": ""},
		code: 0, stdout: []string{"skipped 1 file without messages\n"}},
	{name: "duplicated template ids", files: map[string]string{"bad.yaml": "templates:\n  - id: a\n    text: hi there\n  - id: a\n    text: again\n"},
		code: 1, stdout: []string{"bad.yaml:5:11: error duplicate-id: id \"a\" is used twice (first on line 2)\n"}},
	{name: "invalid utf-8 in jsonl", files: map[string]string{"bad.jsonl": "{\"text\":\"caf\xe9 ok\"}\n{\"text\":\"fine\"}\n"},
		code: 1, stdout: []string{"bad.jsonl:1:13: error invalid-text:"}},
	{name: "invalid utf-8 in csv", files: map[string]string{"bad.csv": "id,text\n1,Te\xfeekk\xfcrler\n"},
		code: 1, stdout: []string{"bad.csv:2:5: error invalid-text:", "bad.csv:2:9: error invalid-text:"}},
	{name: "replacement character in text", files: map[string]string{"bad.json": "{\"templates\":[{\"text\":\"T\\ufffd\\u015fekk\\u00fcr\"}]}"},
		code: 1, stdout: []string{"bad.json:1:25: error invalid-text:"}},
	{name: "invalid utf-8 in yaml", files: map[string]string{"bad.yaml": "templates:\n  - text: caf\xe9\n"},
		code: 2, stderr: []string{"bad.yaml:2:14: invalid UTF-8: save the file as UTF-8"}},
	{name: "csv without a text column in a walk", files: map[string]string{"bad.csv": "name,price\ntea,3\n"},
		code: 0, stdout: []string{"skipped 1 file that is not a message library\n"}},
	{name: "csv without a text column named", files: map[string]string{"bad.csv": "name,price\ntea,3\n"}, args: []string{"bad.csv", "good.yaml"},
		code: 2, stderr: []string{"bad.csv:1: not a message library: the header row has no text column"}},
	{name: "send api text is a number", files: map[string]string{"bad.json": `{"recipient":{"id":"1"},"message":{"text":123}}`},
		code: 2, stderr: []string{"bad.json:1:43: message.text must be a string, not a scalar\n"}},
	{name: "send api body without text", files: map[string]string{"bad.json": `{"recipient":{"id":"1"},"message":{"attachment":{"type":"image","payload":{"url":"https://x.example/a.png"}}}}`},
		code: 0, stdout: []string{"skipped 1 file without messages\n"}},
	{name: "every problem of a template", files: map[string]string{"bad.yaml": "templates:\n  - lang: fr\n    kind: promoo\n    channel: telegram\n    text: hi\n"},
		code: 2, stderr: []string{"bad.yaml:2:11: unsupported language \"fr\"", "bad.yaml:3:11: unknown kind \"promoo\"", "bad.yaml:4:14: unknown channel \"telegram\""}},
	{name: "bad template beside good ones", files: map[string]string{"bad.yaml": "templates:\n  - id: x\n  - text: It is definately here.\n"},
		code: 2, stderr: []string{"bad.yaml:2:5: template x has no text\n"}, stdout: []string{"bad.yaml:3:17: warning spelling"}},
	{name: "unknown key and bad kind in one template", files: map[string]string{"bad.yaml": "templates:\n  - txt: hi\n    kind: promoo\n    text: hi\n"},
		code: 2, stderr: []string{"bad.yaml:2:5: unknown template key \"txt\"", "bad.yaml:3:11: unknown kind \"promoo\""}},
	{name: "jsonl bad line among good ones", files: map[string]string{"bad.jsonl": "{\"text\":\"fine\"}\n{\"text\": oops}\n{\"text\":\"It is definately here.\"}\n"},
		code: 2, stderr: []string{"bad.jsonl:2:10: invalid JSON: invalid character 'o' looking for beginning of value\n"}, stdout: []string{"bad.jsonl:3:16: warning spelling"}},
	{name: "jsonl line that is a list", files: map[string]string{"bad.jsonl": "[1,2]\n{\"text\":\"It is definately here.\"}\n"},
		code: 2, stderr: []string{"bad.jsonl:1:1: each line must be a JSON object with a text, not a list"}, stdout: []string{"bad.jsonl:2:16: warning spelling"}},
	{name: "jsonl crlf with a bad line", files: map[string]string{"bad.jsonl": "{\"text\":\"fine\"}\r\n{\"txt\":1}\r\n{\"text\":\"It is definately here.\"}\r\n"},
		code: 2, stderr: []string{"bad.jsonl:2:1: the object has no text string"}, stdout: []string{"bad.jsonl:3:16: warning spelling"}},
	{name: "jsonl line over the message cap", files: map[string]string{".msglint.yaml": "max_message_size: 1KiB\n",
		"bad.jsonl": "{\"text\":\"" + repeat("a ", 1000) + "\"}\n{\"text\":\"It is definately here.\"}\n"},
		code: 2, stderr: []string{"bad.jsonl:1:1: line is 2011 bytes, over the message size cap of 1 KiB (max_message_size)"}, stdout: []string{"bad.jsonl:2:16: warning spelling"}},
	{name: "file over the file cap", files: map[string]string{".msglint.yaml": "max_file_size: 1KiB\n", "bad.txt": repeat("hello\n", 400)}, args: []string{".", "bad.txt"},
		code: 2, stderr: []string{"bad.txt: 2400 bytes, over the file size cap of 1 KiB (max_file_size); not read"}, stdout: []string{"skipped 1 file over the size cap"}},
	{name: "yaml line over the message cap", files: map[string]string{".msglint.yaml": "max_message_size: 1KiB\n", "bad.yaml": "templates:\n  - text: fine\n  - text: " + repeat("word ", 300) + "\n"},
		code: 2, stderr: []string{"bad.yaml:3: line is 1510 bytes, over the message size cap of 1 KiB (max_message_size)"}},
	{name: "text message over the message cap", files: map[string]string{".msglint.yaml": "max_message_size: 1KiB\n", "bad.txt": "It is definately here.\n---\n" + repeat("many words\n", 200)}, args: []string{".", "bad.txt"},
		code: 2, stderr: []string{"bad.txt:3:1: message #2 is 2199 bytes, over the message size cap of 1 KiB (max_message_size)"}, stdout: []string{"bad.txt:1:7: warning spelling"}},
	{name: "findings capped per rule", files: map[string]string{"bad.txt": repeat("recieve ", 500)}, args: []string{".", "bad.txt", "--disable", "length"},
		code: 0, stdout: []string{"bad.txt:1:793: warning spelling: … and 400 more\n", "bad.txt:1:800: warning repeated-word: … and 399 more\n", "0 errors, 203 warnings"}},
	{name: "csv bad lang in one row", files: map[string]string{"bad.csv": "lang,text\nfr,hello\nen,It is definately here.\n"},
		code: 2, stderr: []string{"bad.csv:2:1: unsupported language \"fr\""}, stdout: []string{"bad.csv:3:10: warning spelling"}},
	{name: "csv unclosed quote", files: map[string]string{"bad.csv": "id,text\n1,\"unclosed\n"},
		code: 2, stderr: []string{"bad.csv:3:1: invalid CSV: extraneous or missing \" in quoted-field"}},
	{name: "csv on standard input", args: []string{"-", "good.yaml"}, stdin: "id,text\n1,It is definately here.\n",
		code: 0, stdout: []string{"<stdin>:2:9: warning spelling"}},
	{name: "empty standard input", args: []string{"-"}, stdin: "",
		code: 2, stderr: []string{"msglint: no messages found in 0 files; skipped 1 file without messages (--allow-empty to accept it)\n"}},
	{name: "empty standard input allowed", args: []string{"--allow-empty", "-"}, stdin: "", code: 0},
	{name: "yaml alias bomb", files: map[string]string{"bad.yaml": "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntemplates: []\n"},
		code: 2, stderr: []string{"bad.yaml: invalid YAML: more than 1048576 values once aliases are expanded"}},
	{name: "json nested too deep", files: map[string]string{"bad.json": repeat("[", 300) + repeat("]", 300)},
		code: 2, stderr: []string{"bad.json:1:202: invalid JSON: nested more than 200 levels"}},
	{name: "json trailing data", files: map[string]string{"bad.json": "{\"templates\":[]} {}"},
		code: 2, stderr: []string{"bad.json:1:18: invalid JSON: unexpected data after the top-level value"}},
	{name: "json duplicate key", files: map[string]string{"bad.json": "{\"templates\":[{\"text\":\"a\",\"text\":\"b\"}]}"},
		code: 2, stderr: []string{"bad.json:1:27: duplicate key \"text\""}},
	{name: "json with a byte order mark", files: map[string]string{"bad.json": "\ufeff{\"templates\":[{\"text\":\"It is definately here.\"}]}"},
		code: 0, stdout: []string{"bad.json:1:31: warning spelling"}},
	{name: "templates not a list", files: map[string]string{"bad.yaml": "templates: hello\n"},
		code: 2, stderr: []string{"bad.yaml:1:12: templates must be a list, not a scalar"}},
	{name: "quick replies not a list", files: map[string]string{"bad.yaml": "templates:\n  - text: hi\n    quick_replies: yes\n"},
		code: 2, stderr: []string{"bad.yaml:3:20: quick_replies must be a list"}},
	{name: "binary garbage named yaml", files: map[string]string{"bad.yaml": "\x00\x01\x02\xff\xfe"},
		code: 2, stderr: []string{"bad.yaml:1:4: invalid UTF-8: save the file as UTF-8\n"}},
	{name: "locales in other languages in a walk", files: map[string]string{".msglint.yaml": "i18n: ['locales/**']\n",
		"locales/de.json": `{"a":"Hallo"}`, "locales/fr.json": `{"a":"Salut"}`, "locales/fr-CA.yaml": "a: Allo\n"},
		code: 0, stdout: []string{"skipped 3 files in languages msglint does not check: de, fr, fr-CA\n"}},
	{name: "dangling symlink", setup: func(t *testing.T, dir string) { symlink(t, "nowhere.yaml", filepath.Join(dir, "bad.yaml")) },
		code: 2, stderr: []string{"bad.yaml: cannot read: no such file or directory"}},
	{name: "symlink to a regular file is followed", setup: func(t *testing.T, dir string) {
		os.WriteFile(filepath.Join(dir, "real.txt"), []byte("templates:\n  - text: It is definately here.\n"), 0o644)
		symlink(t, "real.txt", filepath.Join(dir, "link.yaml"))
	}, code: 0, stdout: []string{"link.yaml:2:17: warning spelling"}},
	{name: "symlink to a folder", setup: func(t *testing.T, dir string) {
		os.Mkdir(filepath.Join(dir, "sub"), 0o755)
		symlink(t, "sub", filepath.Join(dir, "bad.yaml"))
	}, code: 0, stdout: []string{"skipped 1 file that is not a regular file: a folder\n"}},
	{name: "symlink to /dev/zero", setup: func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "zero.yaml")) },
		code: 0, stdout: []string{"skipped 1 file that is not a regular file: a device\n"}},
	{name: "fifo in a walk", setup: mkfifo("pipe.jsonl"),
		code: 0, stdout: []string{"skipped 1 file that is not a regular file: a FIFO\n"}},
	{name: "named fifo", setup: mkfifo("pipe.yaml"), args: []string{"pipe.yaml", "good.yaml"},
		code: 0, stdout: []string{"skipped 1 file that is not a regular file: a FIFO\n"}},
	{name: "socket in a walk", setup: func(t *testing.T, dir string) {
		l, err := net.Listen("unix", filepath.Join(dir, "s.yaml"))
		if err != nil {
			t.Skip("no unix sockets:", err)
		}
		t.Cleanup(func() { l.Close() })
	}, code: 0, stdout: []string{"skipped 1 file that is not a regular file: a socket\n"}},
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks:", err)
	}
}

func mkfifo(name string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skip("no FIFOs:", err)
		}
	}
}

// TestHostileInputs runs each hostile input beside a good file: the exit
// code, the messages (file:line where there is one) and the good file's
// finding are all checked, and no run may take more than a few seconds.
func TestHostileInputs(t *testing.T) {
	if len(hostileCases) < 40 {
		t.Fatalf("%d hostile cases, want at least 40", len(hostileCases))
	}
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(goodFile), 0o644)
			for name, data := range c.files {
				os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
				os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			t.Chdir(dir)
			args := append([]string{"check"}, c.args...)
			if c.args == nil {
				args = append(args, ".")
			}
			type result struct {
				code        int
				out, stderr string
			}
			done := make(chan result, 1)
			go func() {
				var out, errb bytes.Buffer
				code := run(args, strings.NewReader(c.stdin), &out, &errb)
				done <- result{code, out.String(), errb.String()}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(20 * time.Second):
				t.Fatalf("%v: no answer in 20 s", args)
			}
			if r.code != c.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, c.code, r.out, r.stderr)
			}
			for _, want := range c.stderr {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			for _, want := range c.stdout {
				if !strings.Contains(r.out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, r.out)
				}
			}
			if c.args == nil || strings.Contains(strings.Join(c.args, " "), "good.yaml") || c.args[0] == "." {
				if !strings.Contains(r.out, goodFinding) {
					t.Errorf("the good file's finding is missing:\n%s", r.out)
				}
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
				t.Errorf("crashed:\n%s", r.stderr)
			}
		})
	}
}

// TestHostileProcess runs the built binary on inputs that once hung or ran
// out of memory, each with a deadline and under a memory ceiling: address
// space capped with ulimit -v (4 GiB: the Go runtime reserves much more
// than it uses, so a tighter cap fails at start), and peak RSS, measured by
// GNU time where it is installed, under 200 MiB. (The rusage of a child
// started from this process counts this process's memory too.)
func TestHostileProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	bin := filepath.Join(t.TempDir(), "msglint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(goodFile), 0o644)
	mkfifo("pipe.jsonl")(t, dir)
	symlink(t, "/dev/zero", filepath.Join(dir, "zero.yaml"))
	// A streamed export (over 32 MiB) with a 34 MiB line between good ones.
	big := filepath.Join(t.TempDir(), "big.jsonl")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("{\"text\":\"fine\"}\n{\"text\":\"" + strings.Repeat("a", 34<<20) + "\"}\n")
	for i := 0; i < 10; i++ {
		f.WriteString("{\"text\":\"fine\"}\n")
	}
	f.WriteString("{\"text\":\"It is definately here.\"}\n")
	f.Close()
	// A message of half the 1 MiB cap, all misspellings; a 50 MB YAML
	// line.
	words := filepath.Join(t.TempDir(), "words.txt")
	os.WriteFile(words, []byte(strings.Repeat("recieve ", (1<<19)/8-1)), 0o644)
	long := filepath.Join(t.TempDir(), "long.yaml")
	os.WriteFile(long, []byte("templates:\n  - text: "+strings.Repeat("word ", 10_000_000)+"\n"), 0o644)
	const ceilingMiB = 200
	gnuTime, _ := exec.LookPath("/usr/bin/time")
	if gnuTime == "" {
		t.Log("no GNU time (Debian package time): peak RSS not checked, only the address-space cap")
	}
	cases := []struct {
		name   string
		args   string
		code   int
		stdout string
		stderr string
	}{
		{"named FIFO", "check pipe.jsonl good.yaml", 0, "skipped 1 file that is not a regular file: a FIFO\n", ""},
		{"walk with a FIFO and /dev/zero", "check .", 0, "skipped 2 files that are not regular files: a FIFO, a device\n", ""},
		{"/dev/zero named", "check /dev/zero good.yaml", 0, "skipped 1 file that is not a regular file: a device\n", ""},
		{"/dev/zero on standard input", "check - good.yaml < /dev/zero", 2, "", "<stdin>: over the file size cap of 64 MiB (max_file_size); not read\n"},
		{"512 KiB of misspellings", "check good.yaml " + words, 1, words + ":1:793: warning spelling: … and 65435 more\n", ""},
		{"50 MB YAML line", "check good.yaml " + long, 2, "", long + ":2: line is 50000010 bytes, over the message size cap of 1 MiB (max_message_size)\n"},
		{"34 MiB line in a streamed export", "check " + big, 2, big + ":13:16: warning spelling", big + ":2: line is longer than the message size cap of 1 MiB (max_message_size)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			// A hang ran for minutes; 60 s leaves room for a machine
			// loaded by other builds, where a case took over 20 s.
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			measure := ""
			if gnuTime != "" {
				measure = gnuTime + " -o " + filepath.Join(t.TempDir(), "rss") + " -f %M "
			}
			cmd := exec.CommandContext(ctx, "sh", "-c", fmt.Sprintf("ulimit -v %d && exec %s%s %s", 4<<20, measure, bin, c.args))
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "NO_COLOR=1")
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("no answer in 60 s")
			}
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.code || !strings.Contains(out.String(), c.stdout) || !strings.Contains(errb.String(), c.stderr) {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, c.code, tail(out.String()), errb.String())
			}
			if !strings.Contains(out.String(), goodFinding) && !strings.Contains(c.args, big) {
				t.Errorf("the good file's finding is missing:\n%s", out.String())
			}
			if gnuTime != "" {
				data, _ := os.ReadFile(strings.Fields(measure)[2])
				lines := strings.Split(strings.TrimSpace(string(data)), "\n")
				kib, err := strconv.Atoi(lines[len(lines)-1])
				if err != nil || kib > ceilingMiB<<10 {
					t.Errorf("peak RSS %d KiB (%v), over %d MiB", kib, err, ceilingMiB)
				}
			}
		})
	}
}

func tail(s string) string { return s[max(0, len(s)-2000):] }

// TestFriction: no command is usage and exit 2; explain checks --lang
// before it prints; one fix is "1 problem".
func TestFriction(t *testing.T) {
	code, out, errs := msglint(t, "")
	if code != 2 || out != "" || !strings.HasPrefix(errs, "Usage:\n  msglint [flags]\n  msglint [command]") {
		t.Errorf("no command: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = msglint(t, "", "explain", "spelling", "--lang", "de")
	if code != 2 || out != "" || !strings.HasPrefix(errs, "msglint: unsupported language \"de\"") {
		t.Errorf("explain --lang de: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "r.yaml"), []byte("lang: en\ntemplates:\n  - text: We recieve it.\n"), 0o644)
	t.Chdir(dir)
	if code, _, errs := msglint(t, "", "check", "--fix", "r.yaml"); code != 0 || errs != "fixed 1 problem\n" {
		t.Errorf("--fix: exit %d, stderr %q", code, errs)
	}
}
