// Package lint is msglint's engine: messages and their sources, rules as
// described values, the linter that runs them and places their findings, and
// the registries of languages and channels the rules ask (data/lang.yaml,
// data/channels.yaml, language packs added with RegisterLang).
package lint
