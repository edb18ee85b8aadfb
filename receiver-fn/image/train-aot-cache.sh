#!/usr/bin/env bash
# A training run for the JVM's AOT cache (JDK 24+): start receiver-fn, send it signed deliveries,
# stop it; the JVM writes the cache of what it loaded and linked at exit. Its API server is
# unreachable on purpose, so the deliveries are answered 503: the request path (HTTP, HMAC, JSON,
# the Kubernetes client) is loaded all the same.
#   train-aot-cache.sh APP_DIR CACHE_FILE
set -euo pipefail
app=$1 cache=$2
port=18080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Not a secret: this token only ever signs the training deliveries below.
token=hookrelay-image-training-token-not-a-secret
printf %s "$token" >"$work/token"
cat >"$work/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]
users: [{name: training, user: {token: training}}]
contexts: [{name: training, context: {cluster: none, user: training}}]
current-context: training
EOF
export HOOKRELAY_RECEIVER_NAME=training HOOKRELAY_RECEIVER_NAMESPACE=training HOOKRELAY_RECEIVER_TYPE=github
export HOOKRELAY_TOKEN_FILE="$work/token" HOOKRELAY_KUBECONFIG="$work/kubeconfig" MICRONAUT_SERVER_PORT=$port

java -XX:AOTCacheOutput="$cache" -jar "$app/hookrelay-receiver-fn.jar" &
pid=$!
for _ in $(seq 1 300); do
  (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
  sleep 0.1
done

path=/hook/$(printf %s "${token}training""training" | sha256sum | cut -d' ' -f1)
body='{"ref":"refs/heads/main","after":"0123456789abcdef0123456789abcdef01234567","repository":{"full_name":"hookrelay/training"},"sender":{"login":"hookrelay"}}'
# printf %s "$body" | openssl dgst -sha256 -hmac "$token"
signature=sha256=a4bde99330d2e6e8ba7a92771c2df987ab04fb56447cb27c33de2da517989782
request() {
  exec 3<>/dev/tcp/127.0.0.1/$port
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-GitHub-Event: push\r\nX-GitHub-Delivery: training-%s\r\nX-Hub-Signature-256: %s\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "$3" "$signature" "${#body}" "$body" >&3
  head -c 12 <&3; echo
  exec 3>&-
}
request GET /health 0
for i in $(seq 1 20); do request POST "$path" "$i"; done
request POST "$path" 1
kill -TERM $pid
wait $pid || true
test -s "$cache"
