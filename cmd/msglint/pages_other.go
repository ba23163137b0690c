//go:build !linux

package main

// releaseReadOnly hands the binary's read-only pages back where the system
// lets a program say so (Linux).
func releaseReadOnly() {}
