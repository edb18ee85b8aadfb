#!/usr/bin/env bash
# Builds (once) and prints the directory that holds the test control plane:
#   kube-apiserver, kube-controller-manager, kubectl, etcd     (built from ./kube and ./etcd)
#   knative-validate    Knative Serving's own defaulting and validation of a Service, as a
#                       command and as an admission webhook (built from ./knative/main.go)
#   crds/<project>/*.yaml                                        (real CRDs of Knative, Flux, Argo CD)
#
# Release binaries cannot be downloaded here, so they are built from Go modules pinned
# in ./kube, ./etcd and ./knative, and the CRDs are taken from pinned Go module zips. Everything is
# cached by version outside the repository (HOOKRELAY_CACHE, default ~/.cache/hookrelay)
# and reused. A KUBEBUILDER_ASSETS directory that already holds kube-apiserver and etcd
# supplies the binaries instead.
#
#   assets.sh           build what is missing, print the directory
#   assets.sh --check   build nothing: print the directory, or say what to run and exit 3
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
k8s_version=$(sed -n 's/^require k8s.io\/kubernetes \(v[0-9.]*\)$/\1/p' "$here/kube/go.mod")
etcd_version=$(sed -n 's/^require go.etcd.io\/etcd\/server\/v3 \(v[0-9.]*\)$/\1/p' "$here/etcd/go.mod")
knative_version=$(awk '$1 == "knative.dev/serving" {print $2}' "$here/knative/go.mod")

# project|module@version|directory in the module|file glob
third_party_crds=(
  "knative-serving|knative.dev/serving@$knative_version|config/core/300-resources|*.yaml"
  "flux|github.com/fluxcd/source-controller@v1.9.6|config/crd/bases|*.yaml"
  "flux|github.com/fluxcd/kustomize-controller@v1.7.3|config/crd/bases|*.yaml"
  "flux-helm|github.com/fluxcd/helm-controller@v1.4.3|config/crd/bases|*.yaml"
  "argo-cd|github.com/argoproj/argo-cd/v3@v3.1.8|manifests/crds|application-crd.yaml"
)

out="${HOOKRELAY_CACHE:-$HOME/.cache/hookrelay}/controlplane/k8s-${k8s_version#v}-etcd-${etcd_version#v}"
binaries=(kube-apiserver kube-controller-manager kubectl etcd)
# cached by Knative's version (and the tool's source), linked into $out
validator_dir="${HOOKRELAY_CACHE:-$HOME/.cache/hookrelay}/controlplane/knative-serving-${knative_version#v}-$(sha256sum <"$here/knative/main.go" | cut -c1-12)"

missing=()
for b in "${binaries[@]}"; do
  if [[ -n "${KUBEBUILDER_ASSETS:-}" && -x "$KUBEBUILDER_ASSETS/$b" ]]; then
    mkdir -p "$out" && ln -sf "$KUBEBUILDER_ASSETS/$b" "$out/$b"
  fi
  [[ -x "$out/$b" ]] || missing+=("$b")
done
[[ -x "$validator_dir/knative-validate" && "$out/knative-validate" -ef "$validator_dir/knative-validate" ]] \
  || missing+=(knative-validate)
for entry in "${third_party_crds[@]}"; do
  IFS='|' read -r project _ _ _ <<<"$entry"
  [[ -f "$out/crds/$project/.complete" ]] || missing+=("crds/$project")
done

if (( ${#missing[@]} == 0 )); then
  echo "$out"
  exit 0
fi
if [[ "${1:-}" == "--check" ]]; then
  echo "missing ${missing[*]} in $out; run \`bash crds/controlplane/assets.sh\` (a cold build takes about 15 minutes)" >&2
  exit 3
fi

command -v go >/dev/null || { echo "assets.sh: Go 1.24+ is needed to build ${missing[*]}; install it and rerun" >&2; exit 1; }
mkdir -p "$out"
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=mod
minor=${k8s_version#v1.}; minor=${minor%%.*}
stamp="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  stamp+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
done

start=$SECONDS
for b in "${binaries[@]}"; do
  [[ -x "$out/$b" ]] && continue
  echo "assets.sh: building $b" >&2
  if [[ $b == etcd ]]; then
    (cd "$here/etcd" && go build -trimpath -ldflags "-s -w" -o "$out/$b.tmp" go.etcd.io/etcd/server/v3)
  else
    (cd "$here/kube" && go build -trimpath -ldflags "$stamp" -o "$out/$b.tmp" "k8s.io/kubernetes/cmd/$b")
  fi
  mv "$out/$b.tmp" "$out/$b"
done
if [[ ! -x "$validator_dir/knative-validate" ]]; then
  echo "assets.sh: building knative-validate (knative.dev/serving $knative_version)" >&2
  mkdir -p "$validator_dir"
  # the checksum database has no entry for the pseudo-version of knative.dev/networking that serving needs
  (cd "$here/knative" && GONOSUMDB=knative.dev go build -trimpath -ldflags "-s -w" -o "$validator_dir/knative-validate.tmp" .)
  mv "$validator_dir/knative-validate.tmp" "$validator_dir/knative-validate"
fi
ln -sfn "$validator_dir/knative-validate" "$out/knative-validate"

for entry in "${third_party_crds[@]}"; do
  IFS='|' read -r project module dir glob <<<"$entry"
  [[ -f "$out/crds/$project/.complete" ]] && continue
  echo "assets.sh: fetching CRDs of $module" >&2
  moddir=$(cd "$here/kube" && GOFLAGS= go mod download -json "$module" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [[ -n "$moddir" ]] || { echo "assets.sh: could not download $module" >&2; exit 1; }
  mkdir -p "$out/crds/$project"
  # shellcheck disable=SC2086
  for f in "$moddir/$dir"/$glob; do install -m 0644 "$f" "$out/crds/$project/"; done
done
for entry in "${third_party_crds[@]}"; do
  IFS='|' read -r project _ _ _ <<<"$entry"
  touch "$out/crds/$project/.complete"
done

echo "assets.sh: ready in $((SECONDS - start)) s: $out" >&2
echo "$out"
