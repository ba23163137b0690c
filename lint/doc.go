// Package lint is msglint's engine: messages and their source maps, tokens
// and sentences, rules as described values, the linter that runs them on all
// cores and places their findings in their files, and the registries of
// languages and channels that the rest of the code asks. Package load reads
// inputs into messages, package report writes findings out, and package rules
// holds the template rules.
//
// A language is data: its entry in data/lang.yaml (code, name, casing,
// detection cues, common words, abbreviations) and its entry in each rule's
// data file (doc example, messages, word lists; see RuleData), or the same
// as a pack folder loaded with RegisterLang (testdata/langs/xx). A channel is
// its entry in data/channels.yaml and its limits in the length rule's data.
package lint
