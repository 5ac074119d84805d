#!/usr/bin/env bash
# Copies GOV.UK Frontend (npm, version pinned in package.json and package-lock.json) into ../wwwroot/assets,
# where every Verify web app serves it from embedded resources. Run after changing the version; commit the result.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
src=node_modules/govuk-frontend/dist/govuk
out=../wwwroot/assets
rm -rf "$out"
mkdir -p "$out/fonts" "$out/images"
cp "$src/govuk-frontend.min.css" "$src/govuk-frontend.min.js" init.js "$out/"
cp "$src"/assets/fonts/* "$out/fonts/"
cp "$src"/assets/images/{favicon.ico,favicon.svg,govuk-crest.svg,govuk-icon-180.png,govuk-icon-mask.svg} "$out/images/"
echo "govuk-frontend $(node -p 'require("./node_modules/govuk-frontend/package.json").version') copied to $out"
