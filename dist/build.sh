#!/usr/bin/env bash
# Builds the release archives a school installs from, into target/dist/:
#   otter-VERSION-windows-x86_64.zip     otter.exe
#   otter-VERSION-linux-x86_64.tar.gz    otter
# each with the themes (examples for the user's own themes folder: the built-in ones are inside
# the program), the Dutch guide with the pages it links to, and SHA256SUMS beside them.
#
# The same commit gives the same archives, byte for byte (file times from the commit, names
# sorted, no owner), so an ICT department can check a download against a build of its own.
#
# Needs, besides Rust: the Windows target (rustup target add x86_64-pc-windows-gnu), mingw
# (Debian: gcc-mingw-w64-x86-64) and zip.
set -euo pipefail
cd "$(dirname "$0")/.."
# zip writes local times: the same bytes in every time zone.
export TZ=UTC

for tool in x86_64-w64-mingw32-gcc zip sha256sum; do
    if ! command -v "$tool" >/dev/null; then
        echo "dist/build.sh: $tool is missing (see the top of this script)" >&2
        exit 1
    fi
done

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
stamp="$(git log -1 --format=%ct)"
out=target/dist
rm -rf "$out"
mkdir -p "$out"

cargo build --release --locked --target x86_64-pc-windows-gnu
cargo build --release --locked --target x86_64-unknown-linux-gnu

# One folder per archive: the program at the top, where a person looks first.
stage() {
    local dir="$out/$1" binary="$2"
    mkdir -p "$dir/themes" "$dir/docs"
    cp "$binary" "$dir/"
    cp themes/*.toml "$dir/themes/"
    cp docs/handleiding.md docs/import.md docs/privacy.md docs/fasemodel.md \
        docs/backup-format.md docs/verslag-afdruk-pagina2.png "$dir/docs/"
    cp README.md "$dir/"
    chmod -R u=rwX,go=rX "$dir"
    find "$dir" -exec touch --no-dereference --date="@$stamp" {} +
}

windows="otter-$version-windows-x86_64"
linux="otter-$version-linux-x86_64"
stage "$windows" target/x86_64-pc-windows-gnu/release/otter.exe
stage "$linux" target/x86_64-unknown-linux-gnu/release/otter

(
    cd "$out"
    # -X leaves out Unix owners and extra times; the sorted list fixes the order.
    find "$windows" | LC_ALL=C sort | zip -q -X -D "$windows.zip" -@
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" \
        -cf - "$linux" | gzip -n -9 >"$linux.tar.gz"
    sha256sum "$windows.zip" "$linux.tar.gz" >SHA256SUMS
    rm -rf "$windows" "$linux"
    cat SHA256SUMS
)
