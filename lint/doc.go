// Package lint is msglint's engine: messages and their source maps, tokens
// and sentences, rules as described values, the linter that runs them on
// all cores, and findings placed in their files. Package load reads inputs
// into messages, package report writes findings out, and package rules
// holds the template rules.
package lint
