package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"gopkg.in/yaml.v3"
)

// The release artifacts are tested by doing what their consumers do: the
// builds GoReleaser and the Dockerfile run, the archive the action and
// install.sh download, the install pre-commit makes.

// goreleaserConfig is the part of .goreleaser.yaml these tests read,
// decoded strictly: a key GoReleaser would not know here is an error.
type goreleaserConfig struct {
	Version     int
	ProjectName string `yaml:"project_name"`
	Before      struct{ Hooks []string }
	Builds      []struct {
		ID, Main, Binary string
		Env, Flags       []string
		Goos, Goarch     []string
		Ldflags          []string
	}
	Archives []struct {
		ID           string
		IDs          []string `yaml:"ids"`
		Formats      []string
		NameTemplate string `yaml:"name_template"`
		Files        []string
	}
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string
	}
	Snapshot struct {
		VersionTemplate string `yaml:"version_template"`
	}
	Changelog struct {
		Sort    string
		Filters struct{ Exclude []string }
	}
	Release struct {
		GitHub struct{ Owner, Name string } `yaml:"github"`
	}
}

func readGoreleaser(t *testing.T) goreleaserConfig {
	t.Helper()
	data, err := os.ReadFile(".goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c goreleaserConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	return c
}

// goTemplate renders one of GoReleaser's Go templates with the fields named.
func goTemplate(t *testing.T, text string, data map[string]string) string {
	t.Helper()
	var b strings.Builder
	if err := template.Must(template.New("").Option("missingkey=error").Parse(text)).Execute(&b, data); err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return b.String()
}

// goBuild runs a go build command line the way a shell would, from the
// repository root, and returns the binary it wrote.
func goBuild(t *testing.T, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// checkStatic fails unless the binary is a static ELF that prints version.
func checkStatic(t *testing.T, bin, version string) {
	t.Helper()
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary names a dynamic loader: not static")
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs %v", libs)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || string(out) != "msglint "+version+"\n" {
		t.Errorf("version: %q %v", out, err)
	}
}

// GoReleaser's build, as it runs it for this machine, gives a static binary
// whose version command prints the tag.
func TestGoreleaserConfig(t *testing.T) {
	toRoot(t)
	c := readGoreleaser(t)
	if c.Version != 2 || c.ProjectName != "msglint" || len(c.Builds) != 1 || len(c.Archives) != 1 {
		t.Fatalf("config %+v", c)
	}
	b := c.Builds[0]
	if !slices.Equal(b.Goos, []string{"linux", "darwin", "windows"}) || !slices.Equal(b.Goarch, []string{"amd64", "arm64"}) {
		t.Errorf("platforms %v × %v", b.Goos, b.Goarch)
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") || b.Binary != "msglint" || b.Main != "./cmd/msglint" {
		t.Errorf("build %+v", b)
	}
	if c.Checksum.NameTemplate != "checksums.txt" || c.Checksum.Algorithm != "sha256" {
		t.Errorf("checksum %+v", c.Checksum)
	}
	if runtime.GOOS != "linux" {
		t.Skip("the static check reads ELF")
	}
	bin := filepath.Join(t.TempDir(), b.Binary)
	ldflags := goTemplate(t, strings.Join(b.Ldflags, " "), map[string]string{"Version": "1.2.3"})
	goBuild(t, b.Env, append(append([]string{"build"}, b.Flags...), "-ldflags", ldflags, "-o", bin, b.Main)...)
	checkStatic(t, bin, "v1.2.3")
}

// TestGoreleaserCheck runs GoReleaser's own check when it is installed
// (go install github.com/goreleaser/goreleaser/v2@v2.15.1).
func TestGoreleaserCheck(t *testing.T) {
	toRoot(t)
	bin, err := exec.LookPath("goreleaser")
	if err != nil {
		t.Skip("goreleaser is not installed")
	}
	if out, err := exec.Command(bin, "check").CombinedOutput(); err != nil {
		t.Errorf("goreleaser check: %v\n%s", err, out)
	}
}

// The Dockerfile's build command, run as it is written, gives a static
// binary, which the distroless/static image copies and runs.
func TestDockerfile(t *testing.T) {
	toRoot(t)
	data, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(data)
	build := regexp.MustCompile(`(?m)^RUN (CGO_ENABLED=0) go build (.*) -o (\S+) (\./cmd/msglint)$`).FindStringSubmatch(df)
	if build == nil {
		t.Fatal("no static go build of ./cmd/msglint in the Dockerfile")
	}
	out := build[3]
	for _, want := range []string{
		"FROM gcr.io/distroless/static-debian12:nonroot\n",
		"COPY --from=build " + out + " /usr/local/bin/msglint\n",
		`ENTRYPOINT ["/usr/local/bin/msglint"]`,
	} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	// The build stage's Go is the one go.mod asks for.
	gomod, _ := os.ReadFile("go.mod")
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	if goVersion == nil || !strings.Contains(df, "FROM golang:"+string(goVersion[1])+" AS build\n") {
		t.Errorf("the build stage is not golang:%s", goVersion[1])
	}
	if runtime.GOOS != "linux" {
		t.Skip("the static check reads ELF")
	}
	bin := filepath.Join(t.TempDir(), "msglint")
	flags := strings.ReplaceAll(build[2], "${VERSION}", "v0.0.0-docker")
	cmd := exec.Command("sh", "-c", build[1]+" go build "+flags+" -o "+bin+" "+build[4])
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	checkStatic(t, bin, "v0.0.0-docker")
}

// The action downloads the archive GoReleaser names for the runner, checks
// it against checksums.txt and puts msglint on the PATH; with no release
// for the version it says so, and Go builds msglint instead.
func TestActionDownload(t *testing.T) {
	toRoot(t)
	if runtime.GOOS != "linux" || !slices.Contains([]string{"amd64", "arm64"}, runtime.GOARCH) {
		t.Skip("the fake release holds a linux binary")
	}
	steps := actionSteps(t)
	names := make([]string, len(steps))
	for i, s := range steps {
		names[i] = cmp.Or(s.Name, s.Uses)
	}
	if want := []string{"Download msglint", "actions/setup-go@v5", "Build msglint", "Check", "Upload to code scanning", "Fail on findings"}; !slices.Equal(names, want) {
		t.Fatalf("steps %q, want %q", names, want)
	}
	for _, s := range steps[1:3] {
		if s.If != "steps.download.outputs.found != 'true'" {
			t.Errorf("%s runs when a binary was downloaded: if %q", cmp.Or(s.Name, s.Uses), s.If)
		}
	}
	if want := "go install github.com/msglint/msglint/cmd/msglint@${{ inputs.version }}"; steps[2].Run != want {
		t.Errorf("build step %q", steps[2].Run)
	}
	for _, want := range []string{"check --format sarif", "exit ${{ steps.check.outputs.status }}"} {
		if !strings.Contains(steps[3].Run+steps[5].Run, want) {
			t.Errorf("action lacks %q", want)
		}
	}
	if steps[4].Uses != "github/codeql-action/upload-sarif@v3" {
		t.Errorf("upload %q", steps[4].Uses)
	}

	// A release as GoReleaser lays it out, of a binary built as it builds.
	c := readGoreleaser(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "build", c.Builds[0].Binary)
	goBuild(t, c.Builds[0].Env, "build", "-trimpath", "-ldflags", "-X main.buildVersion=v1.2.3", "-o", bin, c.Builds[0].Main)
	archive := goTemplate(t, c.Archives[0].NameTemplate, map[string]string{"ProjectName": c.ProjectName, "Os": runtime.GOOS, "Arch": runtime.GOARCH}) + "." + c.Archives[0].Formats[0]
	tarball := filepath.Join(dir, archive)
	if b, err := exec.Command("tar", "-czf", tarball, "-C", filepath.Dir(bin), c.Builds[0].Binary).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v %s", err, b)
	}
	data, _ := os.ReadFile(tarball)
	sum := sha256.Sum256(data)
	release := func(path, checksum string) {
		os.MkdirAll(filepath.Join(dir, "releases", path), 0o755)
		os.WriteFile(filepath.Join(dir, "releases", path, archive), data, 0o644)
		os.WriteFile(filepath.Join(dir, "releases", path, c.Checksum.NameTemplate), []byte(checksum+"  "+archive+"\n"), 0o644)
	}
	release("download/v1.2.3", hex.EncodeToString(sum[:]))
	release("latest/download", hex.EncodeToString(sum[:]))
	release("download/v6.6.6", strings.Repeat("0", 64))

	root, _ := os.Getwd()
	for _, tc := range []struct {
		version, found string
		fails          bool
	}{
		{"latest", "true", false},
		{"v1.2.3", "true", false},
		{"v9.9.9", "false", false}, // no such release: build it
		{"main", "false", false},   // a branch: build it
		{"v6.6.6", "", true},       // a download that does not match its checksum stops the job
	} {
		t.Run(tc.version, func(t *testing.T) {
			tmp := t.TempDir()
			ghPath, ghOutput := filepath.Join(tmp, "path"), filepath.Join(tmp, "output")
			cmd := exec.Command("bash", "-e", "-c", steps[0].Run)
			cmd.Env = append(os.Environ(), "VERSION="+tc.version, "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+tmp,
				"GITHUB_PATH="+ghPath, "GITHUB_OUTPUT="+ghOutput, "MSGLINT_RELEASES=file://"+filepath.Join(dir, "releases"))
			out, err := cmd.CombinedOutput()
			if tc.fails {
				if err == nil {
					t.Errorf("a bad checksum passed: %s", out)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			output, _ := os.ReadFile(ghOutput)
			if string(output) != "found="+tc.found+"\n" {
				t.Errorf("outputs %q (%s)", output, out)
			}
			path, _ := os.ReadFile(ghPath)
			if tc.found == "false" {
				if len(path) > 0 {
					t.Errorf("PATH gained %q", path)
				}
				return
			}
			want := filepath.Join(tmp, "msglint/bin")
			if string(path) != want+"\n" {
				t.Errorf("PATH gained %q, want %q", path, want)
			}
			if v, err := exec.Command(filepath.Join(want, "msglint"), "version").Output(); err != nil || string(v) != "msglint v1.2.3\n" {
				t.Errorf("installed msglint: %q %v", v, err)
			}
		})
	}
}

type actionStep struct {
	Name, ID, Uses, If, Shell, Run string
	Env, With                      map[string]string
}

func actionSteps(t *testing.T) []actionStep {
	t.Helper()
	var action struct {
		Runs struct {
			Using string
			Steps []actionStep
		}
	}
	data, _ := os.ReadFile("action.yml")
	if err := yaml.Unmarshal(data, &action); err != nil || action.Runs.Using != "composite" {
		t.Fatalf("action.yml: %v", err)
	}
	return action.Runs.Steps
}

// The pre-commit hook is installed as pre-commit installs a golang hook
// (go install ./... in the repository), and its entry, given the files its
// pattern picks and others a commit may change, reports what check reports
// for the folder.
func TestPreCommitHook(t *testing.T) {
	toRoot(t)
	var hooks []struct {
		ID, Name, Description, Entry, Language, Files, Exclude string
		RequireSerial                                          bool `yaml:"require_serial"`
	}
	data, err := os.ReadFile(".pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&hooks); err != nil || len(hooks) != 1 {
		t.Fatalf("hooks: %v", err)
	}
	h := hooks[0]
	if h.ID != "msglint" || h.Language != "golang" || !strings.HasPrefix(h.Entry, "msglint check") {
		t.Fatalf("hook %+v", h)
	}
	files, exclude := regexp.MustCompile(h.Files), regexp.MustCompile(h.Exclude)
	// Every format a folder walk reads, and not the config.
	for _, f := range load.Formats {
		for _, ext := range f.Exts {
			if got := files.MatchString("replies/a" + ext); got != f.Walked {
				t.Errorf("hook picks %s: %v, walk reads it: %v", ext, got, f.Walked)
			}
		}
	}
	for _, n := range lint.ConfigNames {
		if !exclude.MatchString(n) || !exclude.MatchString("brands/luma/"+n) {
			t.Errorf("hook checks the config %s", n)
		}
	}

	gobin := t.TempDir()
	goBuild(t, []string{"GOBIN=" + gobin}, "install", "./...")
	// Files that are no message library, as a commit may change them.
	picked := []string{".goreleaser.yaml", "action.yml", ".github/workflows/release.yml"}
	filepath.WalkDir("testdata/examples", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && files.MatchString(filepath.ToSlash(p)) && !exclude.MatchString(filepath.ToSlash(p)) {
			picked = append(picked, filepath.ToSlash(p))
		}
		return nil
	})
	entry := strings.Fields(h.Entry)
	cmd := exec.Command(filepath.Join(gobin, entry[0]), append(entry[1:], picked...)...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != exitFindings || stderr.Len() > 0 {
		t.Fatalf("exit %d (%v), stderr %q", code, err, stderr.String())
	}
	// The same report; the summary counts the extra files as skipped.
	golden, _ := os.ReadFile("testdata/golden/cli/examples.text")
	want := strings.Replace(string(golden), "skipped 2 files that are not message libraries",
		fmt.Sprintf("skipped %d files that are not message libraries", 2+3), 1)
	if stdout.String() != want {
		t.Errorf("the hook's report differs from check's on the folder:\n%s", stdout.String())
	}
}

// A named file that holds no messages is an error, unless --skip-other
// passes over it as a folder walk does; a broken message file is an error
// either way.
func TestSkipOther(t *testing.T) {
	toRoot(t)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"check", ".goreleaser.yaml"}, exitError},
		{[]string{"check", "--skip-other", ".goreleaser.yaml"}, exitError}, // no messages at all
		{[]string{"check", "--skip-other", "--allow-empty", ".goreleaser.yaml"}, exitClean},
		{[]string{"check", "--skip-other", ".goreleaser.yaml", "testdata/examples/replies.yaml"}, exitFindings},
		{[]string{"check", "--skip-other", "--allow-empty", "testdata/golden/cli/examples.json"}, exitClean},
	} {
		code, out, errs := msglint(t, "", tc.args...)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tc.args, code, tc.code, out, errs)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("templates:\n  - id: a\n    txet: x\n"), 0o644)
	if code, _, errs := msglint(t, "", "check", "--skip-other", bad); code != exitError || !strings.Contains(errs, `unknown template key "txet"`) {
		t.Errorf("a broken library: exit %d %q", code, errs)
	}
}
