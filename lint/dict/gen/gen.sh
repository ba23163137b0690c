#!/bin/sh
# Rebuilds lint/dict/data/*.dict from the published sources. Run from
# lint/dict (go generate does) or anywhere with DICT_DIR set. Needs npm,
# apt-get (Debian) and, for Azerbaijani, the tesseract-ocr tools
# (combine_tessdata, dawg2wordlist): installed here if missing, which needs
# root. Versions are pinned so that a rebuild gives the same lists; bump them
# on purpose, review the diff of the -removed logs, and update NOTICE at the
# repository root (it quotes each source's licence and version).
set -eu

EN_VERSION=4.0.0     # npm dictionary-en (SCOWL en_US)
EN_GB_VERSION=3.0.0  # npm dictionary-en-gb (SCOWL en_GB)
TR_VERSION=2.0.0     # npm dictionary-tr
AZE_DEB=tesseract-ocr-aze # Debian; the traineddata holds the word list
# Debian's SCOWL size-70 ("large") lists add the less common words the
# Hunspell size-60 lists leave out, loanwords above all (sommelier,
# croissant, entrée): accepted, never suggested.
EN_LARGE_DEBS="wamerican-large wbritish-large" # SCOWL 2020.12.07

here=$(cd "$(dirname "$0")/.." && pwd)
dict=${DICT_DIR:-$here}
repo=$(cd "$dict/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp" # apt-get download writes as the _apt user

cd "$tmp"
npm pack --silent "dictionary-en@$EN_VERSION" "dictionary-en-gb@$EN_GB_VERSION" "dictionary-tr@$TR_VERSION" >/dev/null
mkdir en en-gb tr
tar -xzf "dictionary-en-$EN_VERSION.tgz" -C en
tar -xzf "dictionary-en-gb-$EN_GB_VERSION.tgz" -C en-gb
tar -xzf "dictionary-tr-$TR_VERSION.tgz" -C tr

if ! command -v combine_tessdata >/dev/null || ! command -v dawg2wordlist >/dev/null; then
	apt-get update -qq && apt-get install -y -qq tesseract-ocr >/dev/null
fi
apt-get download -qq "$AZE_DEB" 2>/dev/null || { apt-get update -qq && apt-get download -qq "$AZE_DEB"; }
dpkg-deb -x "$AZE_DEB"_*.deb aze-deb
# shellcheck disable=SC2086 # two package names
apt-get download -qq $EN_LARGE_DEBS 2>/dev/null || { apt-get update -qq && apt-get download -qq $EN_LARGE_DEBS; }
for deb in $EN_LARGE_DEBS; do dpkg-deb -x "$deb"_*.deb en-large; done
td=$(find aze-deb -name aze.traineddata | head -n 1)
combine_tessdata -u "$td" aze. >/dev/null 2>&1
dawg2wordlist aze.lstm-unicharset aze.lstm-word-dawg aze.words >/dev/null 2>&1

cd "$repo"
curated=rules/data/spelling
go run ./lint/dict/gen -lang en -out "$dict/data/en.dict" \
	-hunspell "$tmp/en/package/index.aff:$tmp/en/package/index.dic" \
	-hunspell "$tmp/en-gb/package/index.aff:$tmp/en-gb/package/index.dic" \
	-rare "$tmp/en-large/usr/share/dict/american-english-large" \
	-rare "$tmp/en-large/usr/share/dict/british-english-large"
go run ./lint/dict/gen -lang tr -out "$dict/data/tr.dict" -removed "$dict/gen/removed-tr.txt" \
	-hunspell "$tmp/tr/package/index.aff:$tmp/tr/package/index.dic" \
	-exclude "$curated/tr.txt"
go run ./lint/dict/gen -lang az -out "$dict/data/az.dict" -removed "$dict/gen/removed-az.txt" \
	-words "$tmp/aze.words" -exclude "$curated/az.txt"
