#!/usr/bin/env bash
# Build, sign and notarize the macOS app bundle and installer package of privadmin.
#
# Needs Xcode command line tools, Python 3.11 with `pip install -e '.[build]'`, and for a
# signed build the two Developer ID certificates in the keychain plus a notarytool profile:
#   xcrun notarytool store-credentials privadmin-notary --apple-id ID --team-id TEAM
#
# Environment:
#   VERSION            package version (default: privadmin's version)
#   APP_IDENTITY       "Developer ID Application: NAME (TEAM)"; unset builds unsigned
#   INSTALLER_IDENTITY "Developer ID Installer: NAME (TEAM)"; unset builds unsigned
#   NOTARY_PROFILE     notarytool keychain profile; unset skips notarization
#   DEMO=1             build privadmin-demo.app (includes privserver) instead
set -euo pipefail
cd "$(dirname "$0")/../.."

python=${PYTHON:-python3}
version=${VERSION:-$("$python" -c 'import privadmin; print(privadmin.__version__)')}
name=privadmin
spec_args=()
if [ "${DEMO:-}" = 1 ]; then
    name=privadmin-demo
    spec_args=(-- --demo)
fi
identifier=${PRIVADMIN_BUNDLE_ID:-dk.privadmin.desktop}

export PRIVADMIN_VERSION=$version PRIVADMIN_BUNDLE_ID=$identifier
if [ -n "${APP_IDENTITY:-}" ]; then
    export PRIVADMIN_CODESIGN_IDENTITY=$APP_IDENTITY
    export PRIVADMIN_ENTITLEMENTS=$PWD/packaging/macos/entitlements.plist
fi
"$python" -m PyInstaller --noconfirm --clean build.spec "${spec_args[@]}"
app="dist/$name.app"

# The bundle's self-check must pass before it is packaged.
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/$name" --self-check

if [ -n "${APP_IDENTITY:-}" ]; then
    codesign --verify --deep --strict --verbose=2 "$app"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pkgbuild --component "$app" --install-location /Applications \
    --identifier "$identifier" --version "$version" "$work/privadmin-component.pkg"

sign_args=()
if [ -n "${INSTALLER_IDENTITY:-}" ]; then
    sign_args=(--sign "$INSTALLER_IDENTITY" --timestamp)
fi
out="dist/$name-$version.pkg"
productbuild --distribution packaging/macos/distribution.xml --package-path "$work" \
    "${sign_args[@]}" "$out"

if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$out" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$out"
    spctl --assess --type install --verbose "$out"
fi
echo "Built $out"
