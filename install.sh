#!/bin/sh
# Installs a released msglint binary, checked against the release's
# checksums:
#
#   sh install.sh [VERSION [DIR]]
#
# VERSION is a release tag (v1.2.3) or latest (the default); DIR defaults to
# ./bin. Prints the installed binary's path. Exits 3 when there is no
# release binary for that version on this system, so that a caller can
# build msglint instead (go install github.com/msglint/msglint/cmd/msglint@VERSION),
# and 1 when the download does not match its checksum.
set -eu

version=${1:-latest}
dir=${2:-./bin}
releases=${MSGLINT_RELEASES:-https://github.com/msglint/msglint/releases}

none() {
  echo "msglint: no release binary $1" >&2
  exit 3
}

case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  MINGW* | MSYS* | CYGWIN* | Windows_NT) os=windows ;;
  *) none "for $(uname -s)" ;;
esac
case $(uname -m) in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) none "for $(uname -m)" ;;
esac
case $version in
  latest) url=$releases/latest/download ;;
  v[0-9]*) url=$releases/download/$version ;;
  *) none "for $version (not a release tag)" ;;
esac

archive=msglint_${os}_${arch}.tar.gz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
curl -fsSL -o "$tmp/$archive" "$url/$archive" 2>/dev/null || none "for $version on $os/$arch"
curl -fsSL -o "$tmp/checksums.txt" "$url/checksums.txt" 2>/dev/null || none "checksums for $version"

want=$(awk -v f="$archive" '$2 == f { print $1 }' "$tmp/checksums.txt")
if command -v sha256sum >/dev/null 2>&1; then
  got=$(sha256sum "$tmp/$archive" | cut -d' ' -f1)
else
  got=$(shasum -a 256 "$tmp/$archive" | cut -d' ' -f1)
fi
if [ -z "$want" ] || [ "$want" != "$got" ]; then
  echo "msglint: $archive does not match checksums.txt" >&2
  exit 1
fi

exe=msglint
[ "$os" = windows ] && exe=msglint.exe
tar -xzf "$tmp/$archive" -C "$tmp" "$exe"
mkdir -p "$dir"
mv "$tmp/$exe" "$dir/$exe"
chmod +x "$dir/$exe"
echo "$dir/$exe"
