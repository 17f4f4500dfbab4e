#!/bin/sh
# Cross-compiles bontot for the machines its users have — Windows above
# all, then Linux and macOS — with the version stamped in (bontot version).
#
#   scripts/release.sh [VERSION]
#
# VERSION defaults to `git describe --tags --always`. Binaries go to dist/,
# the Windows one zipped as well, since office mail and browsers often
# refuse a bare .exe. Pure Go (CGO_ENABLED=0): no C toolchain is needed.
set -eu

cd "$(dirname "$0")/.."
VERSION=${1:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
DIST=dist
LDFLAGS="-s -w -X main.version=$VERSION"

rm -rf "$DIST"
mkdir -p "$DIST"

for target in windows/amd64 linux/amd64 darwin/amd64 darwin/arm64; do
	os=${target%/*}
	arch=${target#*/}
	name=bontot-$VERSION-$os-$arch
	exe=bontot
	[ "$os" = windows ] && exe=bontot.exe
	mkdir -p "$DIST/$name"
	echo "build $name"
	CGO_ENABLED=0 GOOS=$os GOARCH=$arch \
		go build -trimpath -ldflags "$LDFLAGS" -o "$DIST/$name/$exe" ./cmd/bontot
	if [ "$os" = windows ]; then
		# zip if available, else Python's zipfile: either makes the archive
		# Windows Explorer opens.
		if command -v zip >/dev/null 2>&1; then
			(cd "$DIST" && zip -qr "$name.zip" "$name")
		else
			(cd "$DIST" && python3 -m zipfile -c "$name.zip" "$name")
		fi
	else
		tar -C "$DIST" -czf "$DIST/$name.tar.gz" "$name"
	fi
done

# Checksums let a Ban Tổ chức check what it hands out to the units.
(cd "$DIST" && sha256sum -- *.zip *.tar.gz >SHA256SUMS)
echo "done: $DIST/ (version $VERSION)"
