#!/usr/bin/env bash
# Builds (once) and prints the directory that holds a real Gitea for the registration tests:
#   gitea                                  the server, built from the Go module proxy
#   static/{templates,options,public}      what it reads at run time (STATIC_ROOT_PATH)
#
# Gitea publishes no module that `go install` accepts: v1.27's go.mod names the module
# `gitea.dev`, and two of its dependencies are served only under their older
# `code.gitea.io/...` paths. So the source zip is fetched, two `replace` lines point those
# dependencies at the paths that are served, and the go.sum lines for them are Gitea's own
# hashes for the `gitea.dev/...` names: the Go tool refuses any content that differs.
# No frontend build: the API, git over HTTP and webhooks need none.
# Cached by version beside the control plane (HOOKRELAY_CACHE, default ~/.cache/hookrelay).
#
#   gitea.sh           build what is missing, print the directory
#   gitea.sh --check   build nothing: print the directory, or say what to run and exit 3
set -euo pipefail

version=v1.27.3
module=code.gitea.io/gitea
# dependency as Gitea's go.mod names it | the path and version the proxy serves it under
replacements=(
  "gitea.dev/actions-proto-go|code.gitea.io/actions-proto-go v0.6.0"
  "gitea.dev/sdk|code.gitea.io/sdk v1.1.0"
)

out="${HOOKRELAY_CACHE:-$HOME/.cache/hookrelay}/gitea/gitea-${version#v}"
if [[ -x "$out/gitea" && -f "$out/static/.complete" ]]; then
  echo "$out"
  exit 0
fi
if [[ "${1:-}" == "--check" ]]; then
  echo "no Gitea in $out; run \`bash crds/controlplane/gitea.sh\` (a cold build takes about 8 minutes)" >&2
  exit 3
fi

# one build at a time per cache (several checkouts may share it); a waiter finds it built
mkdir -p "$out"
exec 9>"$out.lock"
flock 9
if [[ -x "$out/gitea" && -f "$out/static/.complete" ]]; then
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { echo "gitea.sh: Go 1.26+ is needed to build Gitea $version; install it and rerun" >&2; exit 1; }
start=$SECONDS
src=$(GOFLAGS= go mod download -json "$module@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
[[ -n "$src" ]] || { echo "gitea.sh: could not download $module@$version" >&2; exit 1; }

# h1: hash of a module directory as go.sum records it, with its files named as `module@version`
dirhash() {
  (cd "$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | while read -r f; do
    printf '%s  %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$2/$f"
  done) | sha256sum | cut -d' ' -f1 | perl -ne 'print pack("H*", substr($_, 0, 64))' | base64
}

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
chmod -R u+w "$work"
for entry in "${replacements[@]}"; do
  IFS='|' read -r named served <<<"$entry"
  read -r served_path served_version <<<"$served"
  # not every served path is in the checksum database: the check is Gitea's own go.sum instead
  json=$(GOFLAGS= GONOSUMDB="$served_path" go mod download -json "$served_path@$served_version")
  dir=$(sed -n 's/^\t"Dir": "\(.*\)",$/\1/p' <<<"$json")
  gomodsum=$(sed -n 's/^\t"GoModSum": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")
  want=$(grep "^$named $served_version " "$src/go.sum" | cut -d' ' -f3)
  want_mod=$(grep "^$named $served_version/go.mod " "$src/go.sum" | cut -d' ' -f3)
  got="h1:$(dirhash "$dir" "$named@$served_version")"
  if [[ -z "$dir" || "$got" != "$want" || "$gomodsum" != "$want_mod" ]]; then
    echo "gitea.sh: $served_path@$served_version is not what Gitea's go.sum pins for $named ($got, want $want)" >&2
    exit 1
  fi
  echo "replace $named => $served" >>"$work/go.mod"
  sed -n 's/^\t"Sum": "\(.*\)",$/\1/p' <<<"$json" | sed "s|^|$served_path $served_version |" >>"$work/go.sum"
  echo "$served_path $served_version/go.mod $gomodsum" >>"$work/go.sum"
done

echo "gitea.sh: building Gitea $version (about 8 minutes on 2 cores)" >&2
mkdir -p "$out"
(cd "$work" && CGO_ENABLED=0 GOEXPERIMENT=jsonv2 GOTOOLCHAIN=local GOFLAGS=-mod=mod \
  go build -trimpath -ldflags "-s -w -X main.Version=${version#v}" -o "$out/gitea.tmp" .)
rm -rf "$out/static"
mkdir -p "$out/static"
cp -r "$src/templates" "$src/options" "$src/public" "$out/static/"
chmod -R u+w,go+rX "$out/static"
touch "$out/static/.complete"
mv "$out/gitea.tmp" "$out/gitea"

echo "gitea.sh: ready in $((SECONDS - start)) s: $out" >&2
echo "$out"
