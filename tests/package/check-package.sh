#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from an already built tree, unpacks it into a scratch root (dpkg -x) and checks
# what a user gets: dependencies from shlibdeps, the three programs start and have man pages with
# every option, the desktop entry and the AppStream metainfo validate, icon and demo scenario are
# where the desktop and the console look for them, and the installed console runs its demo on the
# installed simulator.
# Usage: check-package.sh CPACK BUILD_DIR SCRATCH_DIR APP_ID VERSION
set -euo pipefail
cpack=$1 build=$2 scratch=$3 app_id=$4 version=$5

fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli file readelf; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run installer/install-deps.sh"
done

rm -rf "$scratch"
mkdir -p "$scratch/out" "$scratch/home"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
    || { cat "$scratch/cpack.log"; fail "cpack could not build the package"; }
mapfile -t debs < <(find "$scratch/out" -maxdepth 1 -name '*.deb')
((${#debs[@]} == 1)) || fail "expected one .deb in $scratch/out, found ${#debs[@]}"
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# Control fields: the version, and dependencies found by shlibdeps plus the SQLite plug-in.
[[ $(dpkg-deb -f "$deb" Package) == dots-console ]] || fail "package name"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "version $(dpkg-deb -f "$deb" Version), expected $version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for dep in libqt6widgets6 libqt6network6 libqt6sql6 libqt6sql6-sqlite libcoap3 libssl3; do
    grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep"
done

# Everything under /usr, nothing from the build tree.
outside=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -vE '^\./(usr/.*)?$' || true)
[[ -z $outside ]] || fail "files outside /usr: $outside"

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for program in dots-console dots-cli dots-simulator; do
    exe="$root/usr/bin/$program"
    [[ -x $exe ]] || fail "$program is not installed in /usr/bin"
    if readelf -d "$exe" | grep -qE 'R(UN)?PATH'; then fail "$program keeps an rpath: $(readelf -d "$exe" | grep -E 'R(UN)?PATH')"; fi
    # No screen needed for --version, not even for the GUI program.
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$exe" --version 2>&1) || fail "$program --version: $out"
    grep -q "$version" <<<"$out" || fail "$program --version does not name $version: $out"
    help=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$exe" --help 2>&1) || fail "$program --help: $help"
    grep -q -- "--version" <<<"$help" || fail "$program --help does not list its options: $help"
    page="$root/usr/share/man/man1/$program.1.gz"
    [[ -s $page ]] || fail "no man page for $program"
    # The page holds the program's --help: every option the program knows.
    for option in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do
        zcat "$page" | grep -q -- "$option" || fail "the man page of $program lacks $option"
    done
    echo "$program: $(grep -m1 "$version" <<<"$out")"
done

desktop="$root/usr/share/applications/$app_id.desktop"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate $metainfo"
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo does not list release $version"
# GPL-3.0-or-later, as Qt Charts requires, said the same way everywhere.
grep -q "<project_license>GPL-3.0-or-later</project_license>" "$metainfo" || fail "metainfo does not say GPL-3.0-or-later"
copyright=$(find "$root/usr/share/doc" -name copyright | head -1)
grep -q "^License: GPL-3.0-or-later" "$copyright" || fail "the package's copyright file ($copyright) does not say GPL-3.0-or-later"
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[[ -x $root/usr/bin/$exec_name ]] || fail "the desktop entry starts $exec_name, which is not installed"
[[ $(sed -n 's/^Icon=//p' "$desktop") == "$app_id" ]] || fail "the desktop entry's Icon is not $app_id"

icons="$root/usr/share/icons/hicolor"
[[ -s $icons/scalable/apps/$app_id.svg ]] || fail "no scalable icon"
for size in 16 24 32 48 64 128 256; do
    png="$icons/${size}x${size}/apps/$app_id.png"
    file "$png" | grep -q "PNG image data, $size x $size" || fail "icon $png: $(file "$png")"
done

scenario="$root/usr/share/dots-console/scenarios/demo.json"
[[ -s $scenario ]] || fail "the demo scenario is not installed"

# The installed console in demo mode: it generates the demo PKI in the user's data folder,
# starts the installed dots-simulator and draws its window.
shot="$scratch/demo.png"
HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/data" XDG_CONFIG_HOME="$scratch/home/config" \
    QT_QPA_PLATFORM=offscreen PATH="/usr/bin:/bin" \
    timeout 60 "$root/usr/bin/dots-console" --screenshot "$shot" --screenshot-delay 3 >"$scratch/console.log" 2>&1 \
    || { cat "$scratch/console.log"; fail "the installed console did not run its demo"; }
file "$shot" | grep -q "PNG image data" || fail "the installed console drew no window"
[[ -n $(find "$scratch/home/data" -path '*demo-pki/client.crt' -size +0) ]] || fail "the installed console made no demo PKI"
grep -q "State::Connected" "$scratch/console.log" \
    || { cat "$scratch/console.log"; fail "the installed console did not connect to the installed simulator"; }
echo "package check passed"
