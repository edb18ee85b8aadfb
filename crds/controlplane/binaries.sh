#!/usr/bin/env bash
# Builds (once) and prints the directory holding the test control plane's binaries:
# kube-apiserver, kube-controller-manager, kubectl and etcd.
#
# Release binaries cannot be downloaded here, so they are built from Go modules
# pinned in ./kube and ./etcd. They are cached by version outside the repository
# (HOOKRELAY_CACHE, default ~/.cache/hookrelay) and reused. A KUBEBUILDER_ASSETS
# directory that already holds kube-apiserver and etcd wins over both.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
k8s_version=$(sed -n 's/^require k8s.io\/kubernetes \(v[0-9.]*\)$/\1/p' "$here/kube/go.mod")
etcd_version=$(sed -n 's/^require go.etcd.io\/etcd\/server\/v3 \(v[0-9.]*\)$/\1/p' "$here/etcd/go.mod")

if [[ -n "${KUBEBUILDER_ASSETS:-}" && -x "$KUBEBUILDER_ASSETS/kube-apiserver" && -x "$KUBEBUILDER_ASSETS/etcd" ]]; then
  echo "$KUBEBUILDER_ASSETS"
  exit 0
fi

out="${HOOKRELAY_CACHE:-$HOME/.cache/hookrelay}/k8s/${k8s_version#v}-etcd${etcd_version#v}"
binaries=(kube-apiserver kube-controller-manager kubectl etcd)
missing=()
for b in "${binaries[@]}"; do [[ -x "$out/$b" ]] || missing+=("$b"); done
if (( ${#missing[@]} == 0 )); then
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { echo "binaries.sh: Go is needed to build ${missing[*]}; install Go 1.24+" >&2; exit 1; }
mkdir -p "$out"
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=mod
minor=${k8s_version#v1.}; minor=${minor%%.*}
stamp="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  stamp+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
done

start=$SECONDS
for b in "${missing[@]}"; do
  echo "binaries.sh: building $b (a cold build of kube-apiserver takes about 10 minutes on 2 cores)" >&2
  if [[ $b == etcd ]]; then
    (cd "$here/etcd" && go build -trimpath -ldflags "-s -w" -o "$out/etcd.tmp" go.etcd.io/etcd/server/v3)
  else
    (cd "$here/kube" && go build -trimpath -ldflags "$stamp" -o "$out/$b.tmp" "k8s.io/kubernetes/cmd/$b")
  fi
  mv "$out/$b.tmp" "$out/$b"
done
echo "binaries.sh: built ${missing[*]} in $((SECONDS - start)) s into $out" >&2
echo "$out"
